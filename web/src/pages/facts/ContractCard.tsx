import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, type ContractCorrection, type Merchant } from '../../api.js';
import { Link } from 'react-router-dom';
import { beijingDate, beijingToday } from '../../dates.js';
import { errorMessage } from '../../errors.js';
import { useLang, type Lang } from '../../i18n.js';
import { UseScheduleOption } from '../feeschedules/ScheduleLinks.js';
import {
  ContractFields,
  contractFromForm,
  formFromContract,
  type ContractFormValues,
} from './ContractFields.js';

const W = {
  title: { zh: '合同约定', en: 'Your contract' },
  none: {
    zh: '您还没有填写合同约定：除了正常的交易手续费，所有扣费都按“没有约定”核对。',
    en: 'You have not entered your contract: apart from the ordinary transaction fee, every charge is checked as never agreed.',
  },
  schedule: {
    zh: '目前按服务商公布的收费标准核对。',
    en: 'Checked against the provider’s published fee schedule.',
  },
  given: {
    zh: '目前按您填写的合同核对：{summary}',
    en: 'Checked against the contract you entered: {summary}',
  },
  rate: { zh: '费率 {r}%', en: 'rate {r}%' },
  charges: { zh: '约定的其他收费 {n} 项', en: '{n} other agreed charges' },
  edit: { zh: '修改合同约定', en: 'Correct my contract' },
  editHelp: {
    zh: '填错了或漏填了？改正后保存，已上传的对账单会全部按新的约定重新核对，追讨金额、投诉书和公开统计随之更新。您标记过“我同意过 / 我没同意”的扣款保持您的标记。',
    en: 'Entered something wrong or left something out? Correct it and save: every statement you uploaded is checked again, and the claim, the letter and the public statistics follow. Deductions you marked “I agreed / I did not agree” keep your mark.',
  },
  save: { zh: '保存并重新核对', en: 'Save and check again' },
  cancel: { zh: '取消', en: 'Cancel' },
  saving: {
    zh: '正在按新的约定重新核对对账单…',
    en: 'Checking your statements again against the corrected contract…',
  },
  claimChanged: {
    zh: '已按新的约定重新核对 {n} 份对账单：追讨金额从 {before} 元变为 {after} 元。',
    en: 'Checked {n} statement(s) again against the corrected contract: the claim went from {before} yuan to {after} yuan.',
  },
  claimSame: {
    zh: '已按新的约定重新核对 {n} 份对账单：追讨金额仍是 {after} 元。',
    en: 'Checked {n} statement(s) again against the corrected contract: the claim stays {after} yuan.',
  },
  caseChanged: {
    zh: '投诉案件的追讨金额从 {before} 元变为 {after} 元，投诉书已随之更新。',
    en: 'Your complaint’s claim went from {before} yuan to {after} yuan; its letter follows.',
  },
  caseGrew: {
    zh: '投诉案件的追讨金额从 {before} 元变为 {after} 元，新增 {added} 笔扣款，投诉书已随之更新。',
    en: 'Your complaint’s claim went from {before} yuan to {after} yuan with {added} more deduction(s); its letter follows.',
  },
  thisCase: {
    zh: '已按新的约定重新核对 {n} 份对账单：追讨金额从 {before} 元变为 {after} 元。',
    en: 'Checked {n} statement(s) again against the corrected contract: the claim went from {before} yuan to {after} yuan.',
  },
  thisCaseGrew: {
    zh: '已按新的约定重新核对 {n} 份对账单：追讨金额从 {before} 元变为 {after} 元，新增 {added} 笔扣款。',
    en: 'Checked {n} statement(s) again against the corrected contract: the claim went from {before} yuan to {after} yuan, with {added} more deduction(s).',
  },
  thisCaseSame: {
    zh: '已按新的约定重新核对 {n} 份对账单：这件投诉的追讨金额仍是 {after} 元。',
    en: 'Checked {n} statement(s) again against the corrected contract: this complaint’s claim stays {after} yuan.',
  },
  offered: {
    zh: '这件投诉已经提交过，没有自动改动：按新的约定还有 {offered} 笔扣款可以追讨，由您决定是否加入（见页面上方“还可以追讨的扣款”）。',
    en: 'This complaint was already filed and was left as it was: {offered} more deduction(s) can be claimed under the corrected contract; you decide whether to add them (see “More deductions you can claim” above).',
  },
  offeredElsewhere: {
    zh: '一件已经提交的投诉没有自动改动：按新的约定还有 {offered} 笔扣款可以加入，请在这件投诉的页面决定。',
    en: 'A complaint already filed was left as it was: {offered} more deduction(s) can be added; decide on that complaint’s page.',
  },
  openCase: { zh: '打开这件投诉', en: 'Open that complaint' },
  changedOn: { zh: '约定于 {date} 修改。', en: 'Corrected on {date}.' },
  badField: {
    zh: '「{field}」填得不对：请改正后再保存。',
    en: 'The {field} does not fit: correct it and save again.',
  },
} as const;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/gu, (_, k: string) => String(values[k] ?? ''));
}

/** The version in effect today (Beijing): the latest that took effect by today, else the first. */
function inEffect(merchant: Merchant) {
  const today = beijingToday();
  return merchant.contracts.filter((c) => c.effectiveFrom <= today).at(-1) ?? merchant.contracts[0];
}

function summaryOf(contract: unknown, lang: Lang): string {
  const values = formFromContract(contract);
  const rates = [values.debitRate, values.creditRate, values.anyRate].filter(
    (r): r is number => typeof r === 'number',
  );
  const parts = [
    ...rates.map((r) => fill(W.rate[lang], { r })),
    fill(W.charges[lang], { n: values.agreedCharges?.length ?? 0 }),
  ];
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/** The words for a failed save: the field as the form names it when the server says which. */
function saveError(e: unknown, lang: Lang): string {
  const words = e instanceof ApiError ? e.body.details?.words : undefined;
  return words ? fill(W.badField[lang], { field: words[lang] }) : errorMessage(e, lang, 'form');
}

/**
 * The contract the merchant gave, on the shop and case pages: shown in a line, opened into the
 * onboarding's own form to correct it (or to take the provider's published fee schedule
 * instead). Saving audits every stored statement again; what changed is said in money.
 */
export function ContractCard({
  merchantId,
  caseId,
  onSaved,
}: {
  merchantId: string;
  /** On a case page: what the correction did to this case is said first, in its own words. */
  caseId?: string;
  onSaved?: (result: ContractCorrection) => void;
}) {
  const lang = useLang();
  const [form] = Form.useForm();
  const [merchant, setMerchant] = useState<Merchant | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ContractCorrection | null>(null);
  useEffect(() => {
    void api<{ items: Merchant[] }>('GET', '/api/merchants').then((r) => {
      setMerchant(r.items.find((m) => m.id === merchantId) ?? null);
    });
  }, [merchantId]);
  if (!merchant) return null;
  const current = inEffect(merchant);
  const lastChange = merchant.contractChanges?.[0];

  const save = async (values: ContractFormValues & { feeScheduleId?: string }) => {
    setBusy(true);
    setError(null);
    setResult(null);
    // what the form does not show (provider, signing date …) stays as it was
    const kept = { ...((current?.contract ?? {}) as Record<string, unknown>) };
    delete kept['rates'];
    delete kept['perTransactionFeeYuan'];
    delete kept['agreedCharges'];
    const terms = contractFromForm(values) ?? {
      rates: [],
      perTransactionFeeYuan: 0,
      agreedCharges: [],
    };
    try {
      const r = await api<ContractCorrection>(
        'PUT',
        `/api/merchants/${merchantId}/contract`,
        values.feeScheduleId
          ? { scheduleId: values.feeScheduleId }
          : { contract: { ...kept, ...terms } },
      );
      setMerchant(r.merchant);
      setResult(r);
      setOpen(false);
      onSaved?.(r);
    } catch (e) {
      setError(saveError(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={W.title[lang]} size="small" data-testid="contract-card">
      <Typography.Paragraph data-testid="contract-summary">
        {!current
          ? W.none[lang]
          : current.feeScheduleId
            ? W.schedule[lang]
            : fill(W.given[lang], { summary: summaryOf(current.contract, lang) })}
        {lastChange ? (
          <Typography.Text
            type="secondary"
            data-testid="contract-changed-on"
            style={{ display: 'block' }}
          >
            {fill(W.changedOn[lang], { date: beijingDate(lastChange.at) })}
          </Typography.Text>
        ) : null}
      </Typography.Paragraph>
      {result ? (
        <Alert
          type="success"
          showIcon
          data-testid="contract-saved"
          style={{ marginBottom: 12 }}
          title={<CorrectionWords result={result} caseId={caseId} />}
        />
      ) : null}
      {open ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            ...formFromContract(current?.contract),
            providerName: merchant.providerName,
          }}
          onFinish={(v: ContractFormValues & { feeScheduleId?: string }) => void save(v)}
        >
          <Typography.Paragraph type="secondary">{W.editHelp[lang]}</Typography.Paragraph>
          {/* the provider is fixed here; the schedule option reads it from the form */}
          <Form.Item name="providerName" hidden>
            <Input />
          </Form.Item>
          <UseScheduleOption />
          <ContractFields />
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error}
              data-testid="contract-error"
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {busy ? <Typography.Paragraph>{W.saving[lang]}</Typography.Paragraph> : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" disabled={busy} data-testid="contract-save">
              {W.save[lang]}
            </Button>
            <Button
              disabled={busy}
              onClick={() => {
                setOpen(false);
                setError(null);
              }}
            >
              {W.cancel[lang]}
            </Button>
          </Space>
        </Form>
      ) : (
        <Button
          onClick={() => {
            setOpen(true);
            setResult(null);
          }}
          data-testid="contract-edit"
          style={{ minHeight: 44 }}
        >
          {W.edit[lang]}
        </Button>
      )}
    </Card>
  );
}

/**
 * What a save changed, in money: on a case page that case first (with the deductions it took
 * in, or was offered because it was filed already); elsewhere the merchant's claim, then each
 * complaint that moved.
 */
function CorrectionWords({
  result,
  caseId,
}: {
  result: ContractCorrection;
  caseId: string | undefined;
}) {
  const lang = useLang();
  const n = result.statements;
  const here = caseId ? result.cases.find((c) => c.id === caseId) : undefined;
  const claimLine = fill(
    result.claim.before === result.claim.after ? W.claimSame[lang] : W.claimChanged[lang],
    { n, ...result.claim },
  );
  const lines: React.ReactNode[] = [];
  if (caseId) {
    if (!here) lines.push(claimLine);
    else if (here.before === here.after) lines.push(fill(W.thisCaseSame[lang], { n, ...here }));
    else lines.push(fill(here.added > 0 ? W.thisCaseGrew[lang] : W.thisCase[lang], { n, ...here }));
    if (here && here.offered > 0) lines.push(fill(W.offered[lang], here));
  } else {
    lines.push(claimLine);
    for (const c of result.cases) {
      if (c.before !== c.after) {
        lines.push(fill(c.added > 0 ? W.caseGrew[lang] : W.caseChanged[lang], c));
      }
      if (c.offered > 0) {
        lines.push(
          <>
            {fill(W.offeredElsewhere[lang], c)}{' '}
            <Link to={`/cases/${c.id}`}>{W.openCase[lang]}</Link>
          </>,
        );
      }
    }
  }
  return (
    <Space orientation="vertical" size={2}>
      {lines.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </Space>
  );
}
