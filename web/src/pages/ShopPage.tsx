import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Grid,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  List,
  Progress,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  api,
  type AuditReport,
  type CaseDetail,
  type DeductionPage,
  type Finding,
  type Merchant,
  type StatementUpload,
  type UploadSummary,
} from '../api.js';
import { errorMessage } from '../errors.js';
import { dismissShell } from '../shell.js';
import { categoryName, useLang, useT } from '../i18n.js';
import {
  ColumnMapping,
  MappingNote,
  unsureLayoutOf,
  type MappingSource,
  type UnsureLayout,
} from './mapping/ColumnMapping.js';
import { DepartureNote, DepartureSummary, useDepartures } from './feeschedules/departures.js';
import { UseScheduleOption } from './feeschedules/ScheduleLinks.js';
import { ContractFields, contractFromForm } from './facts/ContractFields.js';
import { MarkButtons } from './facts/MarkButtons.js';
import { ContractCard } from './facts/ContractCard.js';
import { WhereToGetOne } from './statements/WhereToGetOne.js';

const DeductionChart = lazy(() => import('./DeductionChart.js'));

/** Solid tags dark enough for white text (WCAG AA). */
const VERDICT_COLORS = {
  unauthorized: '#a8071a',
  needs_review: '#ad4e00',
  authorized: '#237804',
} as const;

export default function ShopPage() {
  const [merchants, setMerchants] = useState<Merchant[] | null>(null);
  const load = () => {
    void api<{ items: Merchant[] }>('GET', '/api/merchants').then((r) => {
      setMerchants(r.items);
    });
  };
  useEffect(load, []);
  if (merchants === null) return null;
  const merchant = merchants[0];
  return merchant ? <Statements merchant={merchant} /> : <Onboarding onDone={load} />;
}

/** …银行 / 信用社 is a bank, …支付 a payment company; anything else stays 不确定. */
function providerKindOfName(name: string): 'bank' | 'payment_institution' | 'unknown' {
  if (/银行|信用合作|信用社/u.test(name)) return 'bank';
  if (/支付|付科技|钱包/u.test(name)) return 'payment_institution';
  return 'unknown';
}

function Onboarding({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  useLayoutEffect(dismissShell, []);
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [unknown, setUnknown] = useState(false);
  // Providers with an account on FeeGuard; any other name can be typed.
  const [providers, setProviders] = useState<string[]>([]);
  useEffect(() => {
    void api<{ items: string[] }>('GET', '/api/providers').then((r) => {
      setProviders(r.items);
    });
  }, []);
  const submit = async (v: Record<string, unknown>) => {
    const contract = contractFromForm(v);
    const scheduleId = typeof v['feeScheduleId'] === 'string' ? v['feeScheduleId'] : null;
    try {
      const created = await api<Merchant>('POST', '/api/merchants', {
        name: v['name'],
        providerName: v['providerName'],
        providerType: v['providerType'],
        complainantType: v['complainantType'],
        ...(v['businessName'] ? { businessName: v['businessName'] } : {}),
        ...(v['merchantNo'] ? { merchantNo: v['merchantNo'] } : {}),
        ...(v['province'] || v['city']
          ? {
              details: {
                ...(v['province'] ? { province: v['province'] } : {}),
                ...(v['city'] ? { city: v['city'] } : {}),
              },
            }
          : {}),
        ...(!unknown && !scheduleId && contract ? { contract } : {}),
      });
      // the shop exists now: a failed pick is shown, never a second shop on retry
      if (scheduleId)
        await api('PUT', `/api/merchants/${created.id}/contract-from-schedule`, {
          scheduleId,
        }).catch((e: unknown) => {
          void message.error(errorMessage(e, lang, 'form'));
        });
      onDone();
    } catch (e) {
      void message.error(errorMessage(e, lang, 'form'));
    }
  };
  return (
    <Card title={t('onboardingTitle')} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: Record<string, unknown>) => void submit(v)}
        onValuesChange={(changed: Record<string, unknown>) => {
          // The name usually tells the kind; the merchant can still say otherwise (or 不确定).
          if (typeof changed['providerName'] === 'string' && !form.isFieldTouched('providerType'))
            form.setFieldValue('providerType', providerKindOfName(changed['providerName']));
        }}
        initialValues={{
          // Most merchants do not know: 不确定 until the name says more.
          providerType: 'unknown',
          complainantType: 'individual_merchant',
        }}
      >
        <Form.Item name="name" label={t('yourName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="businessName" label={t('businessName')}>
          <Input />
        </Form.Item>
        <Form.Item name="providerName" label={t('providerName')} rules={[{ required: true }]}>
          <AutoComplete
            options={providers.map((p) => ({ value: p }))}
            showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input) }}
            placeholder="鑫联支付有限公司"
          />
        </Form.Item>
        <Form.Item name="providerType" label={t('providerType')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'payment_institution', label: t('paymentInstitution') },
              { value: 'bank', label: t('bank') },
              { value: 'unknown', label: t('providerTypeUnknown') },
            ]}
          />
        </Form.Item>
        <Form.Item name="complainantType" label={t('complainantType')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'individual_merchant', label: t('individualMerchant') },
              { value: 'company', label: t('company') },
              { value: 'individual_consumer', label: t('individualConsumer') },
            ]}
          />
        </Form.Item>
        <Form.Item name="merchantNo" label={t('merchantNo')}>
          <Input inputMode="numeric" />
        </Form.Item>
        <UseScheduleOption />
        <Form.Item name="province" label={t('shopProvince')} rules={[{ max: 30 }]}>
          <Input autoComplete="address-level1" placeholder="广东省" />
        </Form.Item>
        <Form.Item name="city" label={t('shopCity')} rules={[{ max: 30 }]}>
          <Input autoComplete="address-level2" placeholder="深圳市" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('contractHelp')}</Typography.Paragraph>
        <Checkbox
          checked={unknown}
          onChange={(e) => {
            setUnknown(e.target.checked);
          }}
          style={{ marginBottom: 12, minHeight: 44, alignItems: 'center' }}
        >
          {t('dontKnowContract')}
        </Checkbox>
        {unknown ? null : <ContractFields />}
        <Button type="primary" htmlType="submit" block data-testid="onboarding-save">
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The page's own words (the shared ones are in i18n.tsx). */
const W = {
  story: { zh: '这次读到了什么', en: 'What this upload read' },
  rowsPeriod: { zh: '{rows} 行记录，{from} 至 {to}', en: '{rows} rows, {from} to {to}' },
  rowsOnly: { zh: '{rows} 行记录', en: '{rows} rows' },
  csv: { zh: '表格文件', en: 'Table file' },
  xlsx: { zh: 'Excel 表格', en: 'Excel workbook' },
  sms: { zh: '短信', en: 'SMS notices' },
  headerAt: { zh: '列名在第 {n} 行', en: 'column names on row {n}' },
  columnsRead: { zh: '认出的列', en: 'Columns understood' },
  found: { zh: '找到的费用扣款', en: 'Fee deductions found' },
  foundLine: {
    zh: '{n} 笔，共 {amount} 元',
    en: '{n}, {amount} yuan in all',
  },
  claimPart: { zh: '可追回 {claim} 元', en: '{claim} yuan to claim' },
  reviewPart: { zh: '{n} 笔需要您确认', en: '{n} need your answer' },
  agreedPart: { zh: '{n} 笔在约定范围内', en: '{n} as agreed' },
  noFees: {
    zh: '这份对账单里没有费用扣款（只有交易和结算记录），所以没有需要追讨的钱。',
    en: 'This statement has no fee deductions (only transactions and settlements), so there is nothing to claim.',
  },
  allAgreed: {
    zh: '这份对账单里的 {n} 笔费用扣款都在合同约定范围内，没有需要追讨的钱。',
    en: 'All {n} fee deductions in this statement are within what was agreed; there is nothing to claim.',
  },
  seenBefore: {
    zh: '这些扣款之前上传的对账单里已经有了，没有重复计算。',
    en: 'These deductions were already in an earlier upload; none is counted twice.',
  },
  nothingYet: { zh: '还没有确定可以追回的金额', en: 'Nothing confirmed to claim yet' },
  nothingYetHelp: {
    zh: '有 {n} 笔扣款用途不明。请在下面告诉我们您是否同意过：没同意过的会算进追讨金额。',
    en: '{n} deductions have an unclear purpose. Tell us below whether you agreed to them: the ones you did not join the claim.',
  },
  nothingToClaim: {
    zh: '目前没有发现需要追讨的扣费。以后每月上传新的对账单，我们会继续核对。',
    en: 'Nothing to claim so far. Upload each new month’s statement and we keep checking.',
  },
  bulkTitle: { zh: '需要您确认的扣款', en: 'Deductions that need your answer' },
  bulkLine: { zh: '{category}：{n} 笔用途不明', en: '{category}: {n} of unclear purpose' },
  bulkNo: { zh: '这 {n} 笔我都没同意过', en: 'I agreed to none of these {n}' },
  bulkYes: { zh: '都同意过', en: 'I agreed to all' },
  bulkDone: { zh: '已记下 {n} 笔', en: '{n} recorded' },
  onlyReview: { zh: '只看需要确认的', en: 'Only those needing an answer' },
  showAll: { zh: '看全部', en: 'Show all' },
  chooseFile: { zh: '选择对账单文件', en: 'Choose a statement file' },
  askExplain: {
    zh: '请服务商说明这 {n} 笔扣款',
    en: 'Ask the provider to explain these {n}',
  },
  askExplainHelp: {
    zh: '投诉书会请服务商逐笔说明这些扣款是什么费用、依据哪份协议或收费通知，说明不了依据的退还。这是提问，不会说您没有同意过。',
    en: 'The letter asks the provider what each of these is, which agreement or fee notice it rests on, and to refund any it cannot justify. It asks; it does not say you never agreed.',
  },
  withQuestions: {
    zh: '同时请服务商说明 {n} 笔用途不明的扣款（不算进追讨金额）',
    en: 'Also ask the provider to explain the {n} deductions of unclear purpose (not part of the claim)',
  },
} as const;

const COLUMN_NAMES: Record<string, { zh: string; en: string }> = {
  date: { zh: '日期', en: 'date' },
  amount: { zh: '金额', en: 'amount' },
  inflow: { zh: '收入', en: 'money in' },
  outflow: { zh: '支出', en: 'money out' },
  fee: { zh: '手续费', en: 'fee' },
  net: { zh: '到账金额', en: 'net amount' },
  type: { zh: '交易类型', en: 'transaction type' },
  description: { zh: '摘要', en: 'description' },
  cardType: { zh: '卡类型', en: 'card type' },
  reference: { zh: '流水号', en: 'reference' },
  direction: { zh: '收支方向', en: 'direction' },
};

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/gu, (_, k: string) => String(values[k] ?? ''));
}

const PAGE_SIZE = 20;

function Statements({ merchant }: { merchant: Merchant }) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [sms, setSms] = useState('');
  const [summary, setSummary] = useState<UploadSummary | null>(null);
  const [deductions, setDeductions] = useState<DeductionPage | null>(null);
  const [page, setPage] = useState(1);
  const [onlyReview, setOnlyReview] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);
  // Only the page of deductions on screen, with the totals over all of them.
  useEffect(() => {
    const q = new URLSearchParams({ limit: String(PAGE_SIZE), page: String(page) });
    if (onlyReview) q.set('verdict', 'needs_review');
    void api<DeductionPage>('GET', `/api/merchants/${merchant.id}/deductions?${q.toString()}`).then(
      (d) => {
        setDeductions(d);
      },
    );
  }, [merchant.id, page, onlyReview, version]);
  // The static page's claim gives way to this one in the same frame.
  useLayoutEffect(() => {
    if (deductions !== null) dismissShell();
  }, [deductions]);
  const hasAny =
    deductions !== null &&
    deductions.counts.authorized + deductions.counts.unauthorized + deductions.counts.needs_review >
      0;
  const departures = useDepartures(merchant.id, version);
  const [error, setError] = useState<string | null>(null);
  // Whether anything was uploaded yet: before the first statement the page says where to get one.
  const [statements, setStatements] = useState<number | null>(null);
  useEffect(() => {
    void api<{ total: number }>('GET', `/api/merchants/${merchant.id}/statements?limit=1`).then(
      (r) => {
        setStatements(r.total);
      },
    );
  }, [merchant.id, version]);

  // The reader was not sure of the columns: the merchant maps them and the upload goes again.
  const [unsure, setUnsure] = useState<{ layout: UnsureLayout; form: FormData } | null>(null);
  const [mappingNote, setMappingNote] = useState<MappingSource | null>(null);

  const audit = async (form: FormData, context: 'upload' | 'sms') => {
    setBusy(true);
    setError(null);
    setMappingNote(null);
    try {
      const stored = await api<StatementUpload & { layoutMapping?: { source: MappingSource } }>(
        'POST',
        `/api/merchants/${merchant.id}/statements`,
        form,
      );
      setUnsure(null);
      setMappingNote(stored.layoutMapping?.source ?? null);
      setPage(1);
      setOnlyReview(false);
      reload();
      setSummary(await api<UploadSummary>('GET', `/api/statements/${stored.id}/summary`));
      if (context === 'sms') setSms('');
    } catch (e) {
      const layout = unsureLayoutOf(e);
      if (layout) {
        setUnsure({ layout, form });
        return;
      }
      setError(errorMessage(e, lang, context));
    } finally {
      setBusy(false);
    }
  };
  const startCase = async (withQuestions: boolean) => {
    try {
      const c = await api<CaseDetail>('POST', '/api/cases', {
        merchantId: merchant.id,
        withQuestions,
      });
      void navigate(`/cases/${c.id}`);
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <span style={{ whiteSpace: 'normal' }}>
            {t('uploadTitle')} · {merchant.businessName ?? merchant.name}
          </span>
        }
      >
        {/* One control: the file input covers the drop zone, so a tap opens the file picker
            and a dropped file lands on the input itself. */}
        <div
          className="fg-drop"
          data-testid="statement-dropzone"
          style={{
            position: 'relative',
            padding: '16px 12px',
            textAlign: 'center',
            border: '1px dashed #8c8c8c',
            borderRadius: 8,
            background: busy ? '#f5f5f5' : '#fafafa',
          }}
        >
          <p style={{ fontSize: 32, margin: 0 }} aria-hidden="true">
            <InboxOutlined />
          </p>
          <p style={{ margin: 0 }}>{t('uploadHint')}</p>
          <input
            type="file"
            accept=".csv,.txt,.xlsx,.xls,.xlsb,.ods,.htm,.html,.xml,.pdf"
            data-testid="statement-upload"
            aria-label={W.chooseFile[lang]}
            disabled={busy}
            style={{
              position: 'absolute',
              inset: 0,
              width: '100%',
              height: '100%',
              opacity: 0,
              cursor: 'pointer',
            }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const form = new FormData();
              form.set('file', file);
              void audit(form, 'upload');
            }}
          />
        </div>
        {/* an error says what to do next itself, and must not be pushed below the fold */}
        {statements === 0 && !summary && !error ? <WhereToGetOne /> : null}
        <Input.TextArea
          data-testid="sms-paste"
          aria-label={t('smsPlaceholder')}
          placeholder={t('smsPlaceholder')}
          rows={3}
          value={sms}
          onChange={(e) => {
            setSms(e.target.value);
          }}
          style={{ marginTop: 12 }}
        />
        <Button
          style={{ marginTop: 8 }}
          disabled={!sms.trim() || busy}
          onClick={() => {
            const form = new FormData();
            form.set('text', sms);
            void audit(form, 'sms');
          }}
        >
          {t('auditSms')}
        </Button>
        {busy ? (
          <div data-testid="audit-progress" style={{ marginTop: 12 }}>
            <Typography.Text>{t('auditing')}</Typography.Text>
            <Progress percent={99} status="active" showInfo={false} />
          </div>
        ) : null}
        {error ? (
          <Alert
            type="error"
            title={error}
            showIcon
            style={{ marginTop: 12 }}
            data-testid="upload-error"
          />
        ) : null}
        {mappingNote ? <MappingNote source={mappingNote} /> : null}
      </Card>
      {unsure ? (
        <ColumnMapping
          key={unsure.layout.fingerprint}
          layout={unsure.layout}
          busy={busy}
          onCancel={() => {
            setUnsure(null);
          }}
          onSubmit={(mapping) => {
            const form = new FormData();
            for (const [key, value] of unsure.form.entries())
              if (key !== 'mapping') form.append(key, value);
            form.set('mapping', JSON.stringify(mapping));
            void audit(form, 'upload');
          }}
        />
      ) : null}
      <ContractCard merchantId={merchant.id} onSaved={reload} />
      {summary ? <UploadStory summary={summary} /> : null}
      {deductions && hasAny ? (
        <Findings
          merchantId={merchant.id}
          deductions={deductions}
          recurring={summary?.recurring ?? []}
          page={page}
          onPage={setPage}
          onlyReview={onlyReview}
          onOnlyReview={(v) => {
            setOnlyReview(v);
            setPage(1);
          }}
          onChange={reload}
          onCreateCase={(withQuestions) => void startCase(withQuestions)}
          departures={departures}
        />
      ) : null}
      {deductions && hasAny ? <DepartureSummary departures={departures} /> : null}
    </Space>
  );
}

/** After every upload: what was read, how it was understood, what was found. */
function UploadStory({ summary }: { summary: UploadSummary }) {
  const lang = useLang();
  const fees = summary.findings;
  const nothing = summary.claim.total === '0.00' && summary.counts.needs_review === 0;
  return (
    <Card title={W.story[lang]} data-testid="upload-summary" size="small">
      {summary.statements.map((s) => (
        <div key={s.file} style={{ marginBottom: 8 }}>
          <Typography.Text strong style={{ wordBreak: 'break-all' }}>
            {s.file}
          </Typography.Text>
          <div data-testid="upload-rows">
            {W[s.format][lang]}
            {s.headerRow ? `，${fill(W.headerAt[lang], { n: s.headerRow })}` : ''}
            {'：'}
            {s.period
              ? fill(W.rowsPeriod[lang], { rows: s.records, from: s.period.from, to: s.period.to })
              : fill(W.rowsOnly[lang], { rows: s.records })}
          </div>
          {Object.keys(s.columns).length > 0 ? (
            <div data-testid="upload-columns">
              {W.columnsRead[lang]}
              {lang === 'zh' ? '：' : ': '}
              {Object.entries(s.columns)
                .map(([role, header]) => `“${header}” → ${COLUMN_NAMES[role]?.[lang] ?? role}`)
                .join(lang === 'zh' ? '；' : '; ')}
            </div>
          ) : null}
        </div>
      ))}
      {fees === 0 ? (
        <Alert type="info" showIcon title={W.noFees[lang]} data-testid="nothing-to-claim" />
      ) : (
        <>
          <Typography.Text strong>{W.found[lang]}</Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
            {summary.byCategory.map((c) => (
              <li key={c.category} data-testid="upload-category">
                {categoryName(c.category, lang)}
                {lang === 'zh' ? '：' : ': '}
                {fill(W.foundLine[lang], { n: c.count, amount: c.amount })}
                {c.unauthorized > 0 ? `；${fill(W.claimPart[lang], { claim: c.claim })}` : ''}
                {c.needs_review > 0 ? `；${fill(W.reviewPart[lang], { n: c.needs_review })}` : ''}
                {c.authorized > 0 ? `；${fill(W.agreedPart[lang], { n: c.authorized })}` : ''}
              </li>
            ))}
          </ul>
          {nothing ? (
            <Alert
              type="success"
              showIcon
              title={fill(W.allAgreed[lang], { n: fees })}
              data-testid="nothing-to-claim"
            />
          ) : null}
          {summary.newDeductions === 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {W.seenBefore[lang]}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
    </Card>
  );
}

/** Every deduction of a kind that waits for the merchant's answer, settled with one tap. */
function BulkReview({
  merchantId,
  deductions,
  onChange,
}: {
  merchantId: string;
  deductions: DeductionPage;
  onChange: () => void;
}) {
  const lang = useLang();
  const t = useT();
  const { message } = App.useApp();
  const kinds = Object.entries(deductions.countsByCategory).filter(([, c]) => c.needs_review > 0);
  if (kinds.length === 0) return null;
  const settle = (category: string, decision: 'agreed' | 'not_agreed') => {
    void api<{ settled: number }>('POST', `/api/merchants/${merchantId}/deductions/review`, {
      decision,
      category,
    })
      .then((r) => {
        void message.success(fill(W.bulkDone[lang], { n: r.settled }));
        onChange();
      })
      .catch((e: unknown) => {
        void message.error(errorMessage(e, lang));
      });
  };
  return (
    <Card title={W.bulkTitle[lang]} size="small" data-testid="bulk-review">
      <Typography.Paragraph>{t('needsReviewHelp')}</Typography.Paragraph>
      {kinds.map(([category, c]) => (
        <div key={category} style={{ marginBottom: 12 }} data-testid="bulk-kind">
          <div>
            {fill(W.bulkLine[lang], { category: categoryName(category, lang), n: c.needs_review })}
          </div>
          <Space wrap size={8} style={{ marginTop: 6 }}>
            <Button
              type="primary"
              onClick={() => {
                settle(category, 'not_agreed');
              }}
              data-testid="bulk-not-agreed"
            >
              {fill(W.bulkNo[lang], { n: c.needs_review })}
            </Button>
            <Button
              onClick={() => {
                settle(category, 'agreed');
              }}
              data-testid="bulk-agreed"
            >
              {W.bulkYes[lang]}
            </Button>
          </Space>
        </div>
      ))}
    </Card>
  );
}

function Findings({
  merchantId,
  deductions,
  recurring,
  page,
  onPage,
  onlyReview,
  onOnlyReview,
  onChange,
  onCreateCase,
  departures,
}: {
  merchantId: string;
  deductions: DeductionPage;
  recurring: AuditReport['recurring'];
  page: number;
  onPage: (page: number) => void;
  onlyReview: boolean;
  onOnlyReview: (only: boolean) => void;
  onChange: () => void;
  /** `withQuestions`: the case also asks the provider to explain the 需核实 deductions. */
  onCreateCase: (withQuestions: boolean) => void;
  departures: ReturnType<typeof useDepartures>;
}) {
  const screens = Grid.useBreakpoint();
  const t = useT();
  const lang = useLang();
  const fees = deductions.items;
  const canClaim = deductions.claim !== '0.00';
  const unclear = deductions.counts.needs_review;
  const [withQuestions, setWithQuestions] = useState(true);
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: deductions.total,
    hideOnSinglePage: true,
    showSizeChanger: false,
    size: 'small' as const,
    onChange: onPage,
  };
  // Every deduction: the merchant says whether they agreed, and the claim follows.
  const settleButtons = (f: Finding) => <MarkButtons finding={f} onChange={onChange} />;
  return (
    <>
      <Card>
        <Row gutter={16} align="middle">
          <Col xs={24} sm={12}>
            {canClaim ? (
              <Statistic
                title={t('claimTotal')}
                value={deductions.claim}
                suffix={t('yuan')}
                styles={{ content: { color: '#cf1322', fontSize: 36 } }}
                data-testid="claim-total"
              />
            ) : (
              <div data-testid="claim-total" data-claim="0.00">
                <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
                  {unclear > 0 ? W.nothingYet[lang] : W.nothingToClaim[lang]}
                </Typography.Title>
                {unclear > 0 ? (
                  <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                    {fill(W.nothingYetHelp[lang], { n: unclear })}
                  </Typography.Paragraph>
                ) : null}
              </div>
            )}
          </Col>
          <Col xs={24} sm={12}>
            <Space wrap>
              {Object.entries(deductions.byCategory).map(([category, amount]) => (
                <Tag key={category} color="#a8071a">
                  {categoryName(category, lang)} {amount}
                </Tag>
              ))}
            </Space>
            {canClaim && unclear > 0 ? (
              <Checkbox
                checked={withQuestions}
                onChange={(e) => {
                  setWithQuestions(e.target.checked);
                }}
                style={{ marginTop: 12, minHeight: 44, alignItems: 'center' }}
                data-testid="include-questioned"
              >
                {fill(W.withQuestions[lang], { n: unclear })}
              </Checkbox>
            ) : null}
            {canClaim || unclear > 0 ? (
              <Button
                type="primary"
                size="large"
                block
                style={{ marginTop: 12, whiteSpace: 'normal', height: 'auto', minHeight: 44 }}
                onClick={() => {
                  // With nothing to claim, the case is the questions alone.
                  onCreateCase(canClaim ? withQuestions : true);
                }}
                data-testid="create-case"
              >
                {canClaim ? t('createCase') : fill(W.askExplain[lang], { n: unclear })}
              </Button>
            ) : null}
            {!canClaim && unclear > 0 ? (
              <Typography.Paragraph
                type="secondary"
                style={{ margin: '8px 0 0' }}
                data-testid="ask-explain-help"
              >
                {W.askExplainHelp[lang]}
              </Typography.Paragraph>
            ) : null}
          </Col>
        </Row>
      </Card>
      <BulkReview merchantId={merchantId} deductions={deductions} onChange={onChange} />
      <Card
        title={t('findings')}
        extra={
          unclear > 0 || onlyReview ? (
            <Button
              type="link"
              onClick={() => {
                onOnlyReview(!onlyReview);
              }}
              data-testid="only-review"
            >
              {onlyReview ? W.showAll[lang] : W.onlyReview[lang]}
            </Button>
          ) : null
        }
      >
        {screens.md ? (
          <Table<Finding>
            data-testid="findings-table"
            rowKey={(f) => f.id ?? `${f.file}:${String(f.row)}`}
            dataSource={fees}
            pagination={pagination}
            size="small"
            onRow={() => ({ 'data-testid': 'finding-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 110 },
              {
                title: t('category'),
                dataIndex: 'category',
                render: (c: string) => categoryName(c, lang),
              },
              { title: t('amount'), dataIndex: 'amount', align: 'right' },
              {
                title: t('verdict'),
                dataIndex: 'verdict',
                render: (v: Finding['verdict'], f: Finding) => (
                  <>
                    <Tag color={VERDICT_COLORS[v]}>{t(v)}</Tag>
                    <DepartureNote departures={departures} deductionId={f.id} />
                  </>
                ),
              },
              {
                title: t('reason'),
                render: (_: unknown, f: Finding) =>
                  lang === 'zh' ? f.reason : (f.reasonEn ?? f.reason),
              },
              { title: '', render: (_: unknown, f: Finding) => settleButtons(f) },
            ]}
          />
        ) : (
          // On a phone each deduction is a card: nothing to scroll sideways.
          <List<Finding>
            data-testid="findings-table"
            dataSource={fees}
            pagination={deductions.total > PAGE_SIZE ? { ...pagination, align: 'center' } : false}
            renderItem={(f) => (
              <List.Item data-testid="finding-row" style={{ display: 'block' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <span>
                    {f.date} · {categoryName(f.category, lang)}
                  </span>
                  <strong>{f.amount}</strong>
                </Space>
                <div>
                  <Tag color={VERDICT_COLORS[f.verdict]}>{t(f.verdict)}</Tag>
                  {lang === 'zh' ? f.reason : (f.reasonEn ?? f.reason)}
                  <DepartureNote departures={departures} deductionId={f.id} />
                  <div style={{ marginTop: 6 }}>{settleButtons(f)}</div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('chart')}>
        <Suspense fallback={null}>
          <DeductionChart monthly={deductions.monthly} />
        </Suspense>
      </Card>
      {recurring.length > 0 ? (
        <Card title={t('recurring')}>
          <List
            dataSource={recurring}
            renderItem={(r) => (
              <List.Item>
                {categoryName(r.category, lang)} · {r.amount} {t('yuan')} · {t('nextExpected')}{' '}
                {r.next}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
