import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, apiText, type CaseDetail, type Filing, type Plan, type PlanStep } from '../api.js';
import { categoryName, stateName, useLang, useT } from '../i18n.js';
import { fenToYuan } from '../money.js';
import GroupCard from './case/GroupCard.js';
import { CaseFactsCard, type CaseWithFacts } from './facts/CaseFactsCard.js';
import { ContractCard } from './facts/ContractCard.js';
import PublishCard from './case/PublishCard.js';
import { beijingToday } from '../dates.js';
import { errorMessage } from '../errors.js';

export default function CasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<CaseWithFacts | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [letter, setLetter] = useState('');
  const load = useCallback(() => {
    void api<CaseWithFacts>('GET', `/api/cases/${id}`).then(setDetail);
    void api<Plan>('GET', `/api/cases/${id}/plan`)
      .then(setPlan)
      .catch(() => {
        setPlan(null);
      });
  }, [id]);
  useEffect(load, [load]);

  // A filing still in play; a disputed or overdue one makes way for the next step.
  const open = detail?.filings.find((f) =>
    ['draft', 'submitted', 'acknowledged', 'responded'].includes(f.state),
  );
  const next = plan?.ladder.find((s) => s.state === 'next');
  const letterChannel = open?.channelId ?? next?.channel;
  useEffect(() => {
    if (!letterChannel) return;
    void apiText(`/api/cases/${id}/letter?channel=${letterChannel}&format=txt&lang=${lang}`).then(
      setLetter,
    );
    // the letter follows the merchant's answers and marks: fetched again with every change
  }, [id, letterChannel, lang, detail]);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      load();
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };
  if (!detail) return null;
  const fileWith = (step: PlanStep) =>
    act(() => api<Filing>('POST', `/api/cases/${id}/filings`, { channelId: step.channel }));
  const owner = detail.role === 'owner';
  const draft = owner ? detail.filings.find((f) => f.state === 'draft') : undefined;
  const letterCard = letterChannel ? (
    <LetterCard caseId={id} channel={letterChannel} text={letter} />
  ) : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {owner ? (
        <NextAction
          detail={detail}
          next={next}
          draft={draft}
          letter={letterCard}
          act={act}
          onFileWith={(step) => void fileWith(step)}
        />
      ) : null}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('status')}>
            <Tag color="#0958d9" data-testid="case-status">
              {/* An answer waiting for the merchant's decision is not "waiting for an answer". */}
              {owner && detail.filings.some((f) => f.state === 'responded')
                ? NW.yourDecision[lang]
                : stateName(detail.status, lang)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('claimed')}>
            <span data-testid="case-claim">
              {detail.claim} {t('yuan')}
            </span>
          </Descriptions.Item>
          {detail.questioned !== '0.00' ? (
            <Descriptions.Item label={t('questioned')}>
              <span data-testid="case-questioned">
                {detail.questioned} {t('yuan')}
              </span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('recovered')}>
            {detail.recovered} {t('yuan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dueBy')}>{detail.nextDeadline ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {owner && detail.offered && detail.offered.findings.length > 0 ? (
        <OfferedCard
          offered={detail.offered}
          onAdd={() => void act(() => api('POST', `/api/cases/${id}/deductions`, {}))}
        />
      ) : null}
      {plan ? (
        <Card title={t('plan')} data-testid="case-plan">
          <Typography.Paragraph strong>{plan.headline[lang]}</Typography.Paragraph>
          <Steps
            orientation="vertical"
            size="small"
            current={plan.ladder.findIndex((s) => s.state === 'next')}
            items={plan.ladder.map((step) => ({
              title: (
                <span data-testid="plan-step">
                  {step.name[lang]} <Tag>{stateName(step.state, lang)}</Tag>
                </span>
              ),
              description: (
                <div>
                  <div>{step.when[lang]}</div>
                  {step.state === 'next' ? <div>{step.why[lang]}</div> : null}
                  {step.answerDue ? (
                    <div>
                      {t('dueBy')}
                      {lang === 'zh' ? '：' : ': '}
                      {step.answerDue.deadline.due}
                    </div>
                  ) : null}
                  {(step.answerDue?.procedures?.length ?? 0) > 1 ? (
                    <ul
                      style={{ margin: '4px 0', paddingInlineStart: 18 }}
                      data-testid="procedures"
                    >
                      {step.answerDue?.procedures?.map((p) => (
                        <li key={p.id}>
                          {p.deadline.due}
                          {p.estimated ? ` ${t('estimated')}` : ''} — {p.what[lang]} · {p.basis} ·{' '}
                          {p.verified ? t('verifiedFact') : t('toVerifyFact')}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ),
            }))}
          />
          {plan.warnings.map((w) => (
            <Alert key={w.zh} type="warning" showIcon title={w[lang]} style={{ marginTop: 8 }} />
          ))}
        </Card>
      ) : null}
      {owner ? <CaseFactsCard detail={detail} onChange={load} /> : null}
      {owner ? <ContractCard merchantId={detail.merchantId} caseId={id} onSaved={load} /> : null}
      {detail.filings
        .filter((f) => f !== draft && !(owner && f.state === 'responded'))
        .map((filing) => (
          <FilingCard key={filing.id} filing={filing} />
        ))}
      {draft ? null : letterCard}
      {owner ? <GroupCard caseId={id} /> : null}
      {owner ? <PublishCard caseId={id} /> : null}
    </Space>
  );
}

const NW = {
  decide: { zh: '对方已答复：请决定接受还是不接受', en: 'They have answered: accept it or not' },
  yourDecision: { zh: '待您决定', en: 'Your decision' },
  decideHelp: {
    zh: '接受，投诉就此了结；不接受，我们帮您升级到下一个渠道。',
    en: 'Accept and the complaint is settled; dispute and we help you escalate to the next channel.',
  },
  nextStep: { zh: '下一步：{name}', en: 'Next: {name}' },
  prepare: { zh: '准备提交（看怎么提交）', en: 'Prepare the filing (how to file)' },
  escalateTo: { zh: '升级：准备向下一个渠道提交', en: 'Escalate: prepare the next filing' },
  howTo: { zh: '怎么向「{name}」提交', en: 'How to file with {name}' },
  contacts: { zh: '提交方式', en: 'Where to file' },
  bring: { zh: '准备好这些材料', en: 'Have these at hand' },
  script: { zh: '打电话时怎么说（通话稿）', en: 'What to say on the phone (call script)' },
  then: {
    zh: '提交以后，在这里记下提交日期和对方给的工单号：答复期限从这一天算起。',
    en: 'Once filed, record the date and the reference you were given: the answer is due counting from that day.',
  },
  todayIs: {
    zh: '不填就是今天（北京时间 {date}）',
    en: 'Leave empty for today ({date}, Beijing time)',
  },
  waiting: {
    zh: '已向「{name}」提交，等待答复{due}。到期仍未答复，就可以升级。',
    en: 'Filed with {name}; waiting for the answer{due}. If none comes by then, you can escalate.',
  },
  dueOn: { zh: '（期限 {date}）', en: ' (due {date})' },
} as const;

const OW = {
  title: { zh: '还可以追讨的扣款', en: 'More deductions you can claim' },
  body: {
    zh: '按修改后的合同约定，还有 {n} 笔扣款（共 {claim} 元）可以追讨。这件投诉已经提交过，已经提交的材料不会改变；加入后，追讨金额和以后生成的投诉书都会包含它们。',
    en: 'Under your corrected contract, {n} more deduction(s) ({claim} yuan) can be claimed. This complaint was already filed and what was sent stays as it was; once added, the claim and the letters made from now on include them.',
  },
  more: { zh: '另有 {n} 笔', en: '{n} more' },
  add: { zh: '加入这次投诉', en: 'Add them to this complaint' },
} as const;

/** At most this many offered deductions are listed; the rest are counted. */
const OFFERED_SHOWN = 8;

/**
 * Deductions a corrected contract made claimable after the case was filed: nothing changes
 * behind the merchant's back, they decide to add them.
 */
function OfferedCard({
  offered,
  onAdd,
}: {
  offered: NonNullable<CaseDetail['offered']>;
  onAdd: () => void;
}) {
  const lang = useLang();
  const t = useT();
  const rows = offered.findings;
  return (
    <Card title={OW.title[lang]} data-testid="case-offered">
      <Typography.Paragraph>
        {fillIn(OW.body[lang], { n: String(rows.length), claim: offered.claim })}
      </Typography.Paragraph>
      <ul style={{ margin: '0 0 12px', paddingInlineStart: 20 }}>
        {rows.slice(0, OFFERED_SHOWN).map((f) => (
          <li key={f.id ?? `${f.date}${f.amount}`} data-testid="offered-deduction">
            {f.date} · {categoryName(f.category, lang)} · {f.overcharge} {t('yuan')}
          </li>
        ))}
        {rows.length > OFFERED_SHOWN ? (
          <li>{fillIn(OW.more[lang], { n: String(rows.length - OFFERED_SHOWN) })}</li>
        ) : null}
      </ul>
      <Button type="primary" block onClick={onAdd} data-testid="add-offered">
        {OW.add[lang]}
      </Button>
    </Card>
  );
}

const METHOD_NAMES: Record<string, { zh: string; en: string }> = {
  hotline: { zh: '电话', en: 'Phone' },
  website: { zh: '网站', en: 'Website' },
  app: { zh: '手机 App', en: 'App' },
  mini_program: { zh: '微信小程序', en: 'WeChat mini program' },
  email: { zh: '电子邮件', en: 'E-mail' },
  post: { zh: '邮寄', en: 'Post' },
  in_person: { zh: '当面', en: 'In person' },
};

interface ChannelInfo {
  id: string;
  name: { zh: string; en: string };
  contacts: { method: string; value: string; hours?: string }[];
  bring: { zh: string; en: string }[];
}

function fillIn(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/gu, (_, k: string) => values[k] ?? '');
}

/** The one thing to do now, first on the page. */
function NextAction({
  detail,
  next,
  draft,
  letter,
  act,
  onFileWith,
}: {
  detail: CaseDetail;
  next: PlanStep | undefined;
  draft: Filing | undefined;
  letter: React.ReactNode;
  act: (run: () => Promise<unknown>) => Promise<void>;
  onFileWith: (step: PlanStep) => void;
}) {
  const t = useT();
  const lang = useLang();
  const answered = detail.filings.find((f) => f.state === 'responded');
  const waiting = detail.filings.find((f) => ['submitted', 'acknowledged'].includes(f.state));
  if (answered) {
    return (
      <Card title={NW.decide[lang]} data-testid="next-action">
        <Typography.Paragraph>
          {answered.channelName[lang]}
          {lang === 'zh' ? '：' : ': '}
          {answered.response?.message ?? ''}
          {answered.response?.refundFen
            ? ` (${t('refund')} ${fenToYuan(answered.response.refundFen)} ${t('yuan')})`
            : ''}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{NW.decideHelp[lang]}</Typography.Paragraph>
        <Space wrap>
          <Button
            type="primary"
            data-testid="review-accept"
            onClick={() =>
              void act(() =>
                api('POST', `/api/filings/${answered.id}/review`, { decision: 'accept' }),
              )
            }
          >
            {t('accept')}
          </Button>
          <Button
            danger
            // Darker than the default red, for WCAG AA contrast on white.
            style={{ color: '#a8071a', borderColor: '#a8071a' }}
            data-testid="review-dispute"
            onClick={() =>
              void act(() =>
                api('POST', `/api/filings/${answered.id}/review`, { decision: 'dispute' }),
              )
            }
          >
            {t('dispute')}
          </Button>
        </Space>
      </Card>
    );
  }
  if (draft) {
    return <HowToFile caseId={detail.id} filing={draft} letter={letter} act={act} />;
  }
  if (waiting) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="next-action"
        title={fillIn(NW.waiting[lang], {
          name: waiting.channelName[lang],
          due: waiting.dueDate ? fillIn(NW.dueOn[lang], { date: waiting.dueDate }) : '',
        })}
      />
    );
  }
  if (next) {
    const escalating = detail.filings.length > 0;
    return (
      <Card title={fillIn(NW.nextStep[lang], { name: next.name[lang] })} data-testid="next-action">
        <Typography.Paragraph>{next.why[lang]}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{next.when[lang]}</Typography.Paragraph>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            onFileWith(next);
          }}
          data-testid={escalating ? 'escalate' : 'file-with'}
        >
          {escalating ? NW.escalateTo[lang] : NW.prepare[lang]}
        </Button>
      </Card>
    );
  }
  return null;
}

/** A draft filing: how to file with that channel, the letter, and then "I have filed it". */
function HowToFile({
  caseId,
  filing,
  letter,
  act,
}: {
  caseId: string;
  filing: Filing;
  letter: React.ReactNode;
  act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const [channel, setChannel] = useState<ChannelInfo | null>(null);
  const [script, setScript] = useState<string | null>(null);
  useEffect(() => {
    void api<{ channels: ChannelInfo[] }>('GET', '/api/channels').then((kb) => {
      setChannel(kb.channels.find((c) => c.id === filing.channelId) ?? null);
    });
  }, [filing.channelId]);
  const hasHotline = channel?.contacts.some((c) => c.method === 'hotline') ?? false;
  useEffect(() => {
    if (!hasHotline) return;
    void apiText(
      `/api/cases/${caseId}/letter?channel=${filing.channelId}&kind=script&format=txt&lang=${lang}`,
    ).then(setScript);
  }, [caseId, filing.channelId, hasHotline, lang]);
  return (
    <>
      <Card
        title={fillIn(NW.howTo[lang], { name: filing.channelName[lang] })}
        data-testid="next-action"
      >
        <div data-testid="how-to-file">
          {channel ? (
            <>
              <Typography.Text strong>{NW.contacts[lang]}</Typography.Text>
              <ul style={{ margin: '4px 0 12px', paddingInlineStart: 20 }}>
                {channel.contacts.map((c) => (
                  <li key={`${c.method}:${c.value}`} data-testid="file-contact">
                    {METHOD_NAMES[c.method]?.[lang] ?? c.method}
                    {lang === 'zh' ? '：' : ': '}
                    {c.value}
                    {c.hours ? `（${c.hours}）` : ''}
                  </li>
                ))}
              </ul>
              {channel.bring.length > 0 ? (
                <>
                  <Typography.Text strong>{NW.bring[lang]}</Typography.Text>
                  <ul style={{ margin: '4px 0 12px', paddingInlineStart: 20 }}>
                    {channel.bring.map((b) => (
                      <li key={b.zh}>{b[lang]}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
          {script ? (
            <details data-testid="call-script" style={{ marginBottom: 12 }}>
              <summary
                className="fg-tap"
                style={{ justifyContent: 'flex-start', cursor: 'pointer' }}
              >
                {NW.script[lang]}
              </summary>
              <pre
                style={{
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-word',
                  background: '#fafafa',
                  padding: 12,
                  fontFamily: 'inherit',
                }}
              >
                {script}
              </pre>
            </details>
          ) : null}
        </div>
      </Card>
      {letter}
      <Card title={t('recordSubmitted')}>
        <Typography.Paragraph>{NW.then[lang]}</Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={(v: { submittedAt?: { format: (f: string) => string }; reference?: string }) =>
            void act(() =>
              api('PATCH', `/api/filings/${filing.id}`, {
                action: 'submit',
                submittedAt: v.submittedAt ? v.submittedAt.format('YYYY-MM-DD') : beijingToday(),
                ...(v.reference ? { reference: v.reference } : {}),
              }),
            )
          }
        >
          <Form.Item
            name="submittedAt"
            label={t('submittedOn')}
            extra={fillIn(NW.todayIs[lang], { date: beijingToday() })}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reference" label={t('reference')}>
            <Input data-testid="filing-reference" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="filing-submitted">
            {t('recordSubmitted')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

/** The letter for a channel: downloads and a preview. */
function LetterCard({ caseId, channel, text }: { caseId: string; channel: string; text: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={t('letter')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          href={`/api/cases/${caseId}/letter?channel=${channel}&format=pdf&lang=${lang}`}
          data-testid="download-pdf"
        >
          {t('downloadPdf')}
        </Button>
        <Button
          href={`/api/cases/${caseId}/letter?channel=${channel}&format=docx&lang=${lang}`}
          data-testid="download-docx"
        >
          {t('downloadDocx')}
        </Button>
        <Button
          href={`/api/cases/${caseId}/evidence?channel=${channel}&lang=${lang}`}
          data-testid="download-evidence"
        >
          {t('downloadEvidence')}
        </Button>
      </Space>
      <pre
        data-testid="letter-preview"
        tabIndex={0}
        aria-label={t('letter')}
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          background: '#fafafa',
          padding: 12,
          maxHeight: 420,
          overflow: 'auto',
          fontFamily: 'inherit',
        }}
      >
        {text}
      </pre>
    </Card>
  );
}

/** A filing already made: its reference, deadline and answer. */
function FilingCard({ filing }: { filing: Filing }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={filing.channelName[lang]} extra={<Tag>{stateName(filing.state, lang)}</Tag>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('submittedOn')}>{filing.submittedAt ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reference')}>{filing.reference ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dueBy')}>{filing.dueDate ?? '—'}</Descriptions.Item>
        {filing.response ? (
          <Descriptions.Item label={t('answer')}>
            {filing.response.message}
            {filing.response.refundFen
              ? ` (${t('refund')} ${fenToYuan(filing.response.refundFen)} ${t('yuan')})`
              : ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
