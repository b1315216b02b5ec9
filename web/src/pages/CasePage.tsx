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
import { stateName, useLang, useT } from '../i18n.js';
import { fenToYuan } from '../money.js';
import GroupCard from './case/GroupCard.js';
import PublishCard from './case/PublishCard.js';
import { beijingToday } from '../dates.js';
import { errorMessage } from '../errors.js';

export default function CasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [letter, setLetter] = useState('');
  const load = useCallback(() => {
    void api<CaseDetail>('GET', `/api/cases/${id}`).then(setDetail);
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
  }, [id, letterChannel, lang]);

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

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('status')}>
            <Tag color="#0958d9" data-testid="case-status">
              {stateName(detail.status, lang)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('claimed')}>
            {detail.claim} {t('yuan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('recovered')}>
            {detail.recovered} {t('yuan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dueBy')}>{detail.nextDeadline ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {detail.role === 'owner' ? <GroupCard caseId={id} /> : null}
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
                      {t('dueBy')}: {step.answerDue.deadline.due}
                    </div>
                  ) : null}
                  {step.state === 'next' && !open ? (
                    <Button
                      type="primary"
                      style={{ marginTop: 8 }}
                      onClick={() => void fileWith(step)}
                      data-testid={detail.filings.length > 0 ? 'escalate' : 'file-with'}
                    >
                      {detail.filings.length > 0 ? t('escalate') : t('fileWith')}
                    </Button>
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
      {detail.filings.map((filing) => (
        <FilingCard key={filing.id} caseId={id} filing={filing} onChange={load} act={act} />
      ))}
      {letterChannel ? (
        <Card title={t('letter')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Button
              href={`/api/cases/${id}/letter?channel=${letterChannel}&format=pdf&lang=${lang}`}
              data-testid="download-pdf"
            >
              {t('downloadPdf')}
            </Button>
            <Button
              href={`/api/cases/${id}/letter?channel=${letterChannel}&format=docx&lang=${lang}`}
              data-testid="download-docx"
            >
              {t('downloadDocx')}
            </Button>
            <Button
              href={`/api/cases/${id}/evidence?channel=${letterChannel}&lang=${lang}`}
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
            {letter}
          </pre>
        </Card>
      ) : null}
      {detail.role === 'owner' ? <PublishCard caseId={id} /> : null}
    </Space>
  );
}

function FilingCard({
  filing,
  act,
}: {
  caseId: string;
  filing: Filing;
  onChange: () => void;
  act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={filing.channelName[lang]} extra={<Tag>{stateName(filing.state, lang)}</Tag>}>
      {filing.state === 'draft' ? (
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
          <Form.Item name="submittedAt" label={t('submittedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reference" label={t('reference')}>
            <Input data-testid="filing-reference" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="filing-submitted">
            {t('recordSubmitted')}
          </Button>
        </Form>
      ) : (
        <Descriptions column={1} size="small">
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
      )}
      {filing.state === 'responded' ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            data-testid="review-accept"
            onClick={() =>
              void act(() =>
                api('POST', `/api/filings/${filing.id}/review`, { decision: 'accept' }),
              )
            }
          >
            {t('accept')}
          </Button>
          <Button
            danger
            data-testid="review-dispute"
            onClick={() =>
              void act(() =>
                api('POST', `/api/filings/${filing.id}/review`, { decision: 'dispute' }),
              )
            }
          >
            {t('dispute')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
