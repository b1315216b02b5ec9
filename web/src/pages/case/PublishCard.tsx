import { Alert, App, Button, Card, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useId, useState } from 'react';
import { api, ApiError } from '../../api.js';
import { categoryName, useLang, type Lang } from '../../i18n.js';
import { beijingDate } from '../../dates.js';
import { errorMessage } from '../../errors.js';

/** One entry of the public complaint database, as the API shows it. */
interface PublicEntry {
  provider: string;
  category: string;
  province: string;
  city: string;
  month: string;
  claim: string;
  recovered: string;
  outcome: string;
  narrative: string;
  answer: string | null;
  answeredAt: string | null;
}

interface Preview {
  entry: PublicEntry;
  removed: Record<string, number>;
}

interface Publication {
  published: boolean;
  entry: (PublicEntry & { id: string; publishedAt: string }) | null;
}

const W = {
  title: { zh: '公开投诉库', en: 'Public complaint database' },
  intro: {
    zh: '您可以把这件投诉公开到扣费卫士的公开投诉库，让其他商户和监管部门看到这家机构怎样扣费、怎样答复。公开的只有：机构名称、费用类别、省市、月份、金额、结果、您的陈述和机构的答复。姓名、电话、身份证号、商户号、终端号、银行卡号和地址都会被隐去，文字里的也一样。',
    en: 'You can publish this complaint in the FeeGuard public database, so that other merchants and regulators see how this provider charges and answers. Only these are shown: the provider, the fee category, province and city, month, amounts, the outcome, your account and the provider’s answer. Names, phone and ID numbers, merchant, terminal and card numbers and addresses are removed, inside the text too.',
  },
  withdrawAnyTime: {
    zh: '公开需要您的同意，您可以随时撤回，撤回后立即从公开库和下载文件中删除。',
    en: 'Publishing needs your consent. You can withdraw it at any time: the entry leaves the database and the download at once.',
  },
  preview: {
    zh: '将要公开的内容（已隐去个人信息）',
    en: 'What would be published (personal data removed)',
  },
  published: { zh: '已公开的内容', en: 'What is published' },
  publishedSince: { zh: '已公开，公开日期', en: 'Published since' },
  removed: { zh: '已隐去', en: 'Removed' },
  nothingRemoved: { zh: '没有发现需要隐去的个人信息', en: 'No personal data found to remove' },
  narrative: { zh: '您的陈述', en: 'Your account' },
  answer: { zh: '机构答复', en: 'Provider’s answer' },
  noAnswer: { zh: '（尚未答复）', en: '(no answer yet)' },
  edit: {
    zh: '公开的文字（可以修改，修改后请更新预览）',
    en: 'Text to publish (edit it, then update the preview)',
  },
  refresh: { zh: '更新预览', en: 'Update the preview' },
  writeFirst: {
    zh: '这件投诉还没有陈述：请在下面写下发生了什么，再预览将要公开的内容。',
    en: 'This complaint has no account yet: write below what happened, then preview what would be published.',
  },
  consent: {
    zh: '我同意按上面预览的内容公开这件投诉，并知道可以随时撤回。',
    en: 'I agree to publish this complaint exactly as previewed above, and know I can withdraw at any time.',
  },
  publish: { zh: '公开投诉', en: 'Publish the complaint' },
  withdraw: { zh: '撤回公开', en: 'Withdraw from the database' },
  withdrawn: { zh: '已撤回，公开库中已删除', en: 'Withdrawn: removed from the database' },
  done: { zh: '已公开', en: 'Published' },
  claimed: { zh: '追讨', en: 'Claimed' },
  recovered: { zh: '已追回', en: 'Recovered' },
  yuan: { zh: '元', en: 'yuan' },
} as const satisfies Record<string, Record<Lang, string>>;

const OUTCOMES: Record<string, Record<Lang, string>> = {
  refunded: { zh: '已全额退款', en: 'Refunded' },
  partly: { zh: '部分退款', en: 'Partly refunded' },
  rejected: { zh: '被拒绝', en: 'Rejected' },
  no_answer: { zh: '逾期未答复', en: 'No answer in time' },
  pending: { zh: '处理中', en: 'Pending' },
};

const KINDS: Record<string, Record<Lang, string>> = {
  name: { zh: '姓名', en: 'names' },
  business: { zh: '店名', en: 'shop names' },
  phone: { zh: '电话', en: 'phone numbers' },
  id_number: { zh: '身份证号', en: 'ID numbers' },
  merchant_number: { zh: '商户号', en: 'merchant numbers' },
  terminal_id: { zh: '终端号', en: 'terminal ids' },
  card_number: { zh: '卡号', en: 'card numbers' },
  address: { zh: '地址', en: 'addresses' },
  email: { zh: '邮箱', en: 'e-mail addresses' },
  account: { zh: '微信/QQ 等账号', en: 'WeChat/QQ ids' },
  number: { zh: '其他号码', en: 'other numbers' },
};

const TAP = { minHeight: 44 };

function EntryView({ entry, lang }: { entry: PublicEntry; lang: Lang }) {
  const place = [entry.province, entry.city !== entry.province ? entry.city : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div style={{ background: '#fafafa', padding: 12, borderRadius: 6, wordBreak: 'break-word' }}>
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <Tag color="#0958d9">{entry.provider}</Tag>
        <Tag>{categoryName(entry.category, lang)}</Tag>
        {place ? <Tag>{place}</Tag> : null}
        <Tag>{entry.month}</Tag>
        <Tag>{OUTCOMES[entry.outcome]?.[lang] ?? entry.outcome}</Tag>
      </Space>
      <div>
        {W.claimed[lang]} {entry.claim} {W.yuan[lang]} · {W.recovered[lang]} {entry.recovered}{' '}
        {W.yuan[lang]}
      </div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>
        <strong>{W.narrative[lang]}：</strong>
        {entry.narrative}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
        <strong>{W.answer[lang]}：</strong>
        {entry.answer ?? W.noAnswer[lang]}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The case's place in the public complaint database: what would be shown, scrubbed, before the
 * merchant consents; the published entry and its withdrawal after.
 */
export default function PublishCard({ caseId }: { caseId: string }) {
  const lang = useLang();
  const { message } = App.useApp();
  const editId = useId();
  const [state, setState] = useState<Publication | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback(
    (e: unknown) => {
      setError(errorMessage(e, lang));
    },
    [lang],
  );

  const loadPreview = useCallback(
    (narrative: string | null) => {
      setError(null);
      void api<Preview>(
        'POST',
        `/api/cases/${caseId}/publication/preview`,
        narrative === null ? {} : { narrative },
      )
        .then((p) => {
          setPreview(p);
          setText(p.entry.narrative);
          setConsent(false);
        })
        .catch((e: unknown) => {
          // A case without a narrative has nothing to show yet: the merchant writes one first.
          if (narrative === null && e instanceof ApiError && e.body.code === 'FG_ERR_VALIDATION') {
            setPreview(null);
            return;
          }
          fail(e);
        });
    },
    [caseId, fail],
  );

  useEffect(() => {
    void api<Publication>('GET', `/api/cases/${caseId}/publication`)
      .then((p) => {
        setState(p);
        if (!p.published) loadPreview(null);
      })
      .catch(fail);
  }, [caseId, loadPreview, fail]);

  const run = async (call: () => Promise<Publication>, done: string) => {
    setBusy(true);
    try {
      const next = await call();
      setState(next);
      void message.success(done);
      if (!next.published) loadPreview(null);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  if (!state) {
    return error ? (
      <Card title={W.title[lang]}>
        <Alert type="error" showIcon title={error} />
      </Card>
    ) : null;
  }

  const removed = preview
    ? Object.entries(preview.removed)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${KINDS[kind]?.[lang] ?? kind} ${String(n)}`)
    : [];
  // The text was changed since the preview: it must be previewed again before consenting.
  const edited = (text ?? '').trim() !== '' && text !== (preview?.entry.narrative ?? '');

  return (
    <Card title={W.title[lang]} data-testid="publish-card">
      <Typography.Paragraph>{W.intro[lang]}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{W.withdrawAnyTime[lang]}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {state.published && state.entry ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            title={`${W.publishedSince[lang]} ${beijingDate(state.entry.publishedAt)}`}
          />
          <Typography.Text strong>{W.published[lang]}</Typography.Text>
          <div data-testid="publish-preview">
            <EntryView entry={state.entry} lang={lang} />
          </div>
          <Button
            style={TAP}
            loading={busy}
            data-testid="publish-withdraw"
            onClick={() =>
              void run(
                () => api<Publication>('DELETE', `/api/cases/${caseId}/publication`),
                W.withdrawn[lang],
              )
            }
          >
            {W.withdraw[lang]}
          </Button>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {preview ? (
            <>
              <Typography.Text strong>{W.preview[lang]}</Typography.Text>
              <div data-testid="publish-preview">
                <EntryView entry={preview.entry} lang={lang} />
              </div>
              <Typography.Text type="secondary" data-testid="publish-removed">
                {removed.length > 0
                  ? `${W.removed[lang]}：${removed.join(lang === 'zh' ? '，' : ', ')}`
                  : W.nothingRemoved[lang]}
              </Typography.Text>
            </>
          ) : (
            <Alert type="info" showIcon title={W.writeFirst[lang]} />
          )}
          <label htmlFor={editId}>{W.edit[lang]}</label>
          <Input.TextArea
            id={editId}
            value={text ?? ''}
            maxLength={4000}
            autoSize={{ minRows: 3, maxRows: 10 }}
            onChange={(e) => {
              setText(e.target.value);
              setConsent(false);
            }}
            data-testid="publish-text"
          />
          <Button
            style={TAP}
            disabled={!edited}
            onClick={() => {
              loadPreview(text);
            }}
            data-testid="publish-refresh"
          >
            {W.refresh[lang]}
          </Button>
          <Checkbox
            checked={consent}
            disabled={edited || !preview}
            onChange={(e) => {
              setConsent(e.target.checked);
            }}
            style={{ ...TAP, display: 'flex', alignItems: 'center' }}
            data-testid="publish-consent"
          >
            {W.consent[lang]}
          </Checkbox>
          <Button
            type="primary"
            style={TAP}
            disabled={!consent || edited || !preview}
            loading={busy}
            data-testid="publish-submit"
            onClick={() => {
              if (!preview) return;
              void run(
                () =>
                  api<Publication>('PUT', `/api/cases/${caseId}/publication`, {
                    consent: true,
                    narrative: preview.entry.narrative,
                  }),
                W.done[lang],
              );
            }}
          >
            {W.publish[lang]}
          </Button>
        </Space>
      )}
    </Card>
  );
}
