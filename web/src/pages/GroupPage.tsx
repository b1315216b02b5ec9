import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, apiText } from '../api.js';
import { categoryName, stateName, useLang, useT } from '../i18n.js';
import {
  EVENT_WORDS,
  fill,
  GROUP_WORDS as W,
  type Group,
  type GroupFiling,
} from './case/group-words.js';
import { beijingDate, beijingToday } from '../dates.js';
import { errorMessage } from '../errors.js';

/** A group complaint: its members and total, the joint letter, its filings and its timeline. */
export default function GroupPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [group, setGroup] = useState<Group | null>(null);
  const [channel, setChannel] = useState<string | undefined>(undefined);
  const [letter, setLetter] = useState('');
  const [filingForm] = Form.useForm<{ reference?: string }>();
  const load = useCallback(() => {
    void api<Group>('GET', `/api/groups/${id}`).then((g) => {
      setGroup(g);
      setChannel((current) => current ?? g.filings[0]?.channelId ?? g.channels[0]?.id);
    });
  }, [id]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!channel) return;
    void apiText(`/api/groups/${id}/letter?channel=${channel}&format=txt&lang=${lang}`).then(
      setLetter,
    );
  }, [id, channel, lang, group?.memberCount]);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      load();
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };
  if (!group) return null;
  const label = (m: Group['members'][number]) =>
    m.name ?? fill(W.merchantN[lang], { n: String(m.number) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${W.title[lang]} · ${group.provider}`}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('category')}>
            {categoryName(group.category, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <Tag color={group.status === 'open' ? '#0958d9' : '#237804'} data-testid="group-status">
              {group.status === 'open' ? W.open[lang] : W.filed[lang]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={W.members[lang]}>{group.memberCount}</Descriptions.Item>
          <Descriptions.Item label={W.total[lang]}>
            {group.total} {t('yuan')}
          </Descriptions.Item>
        </Descriptions>
        <List
          size="small"
          dataSource={group.members}
          renderItem={(m) => (
            <List.Item>
              <span style={{ wordBreak: 'break-word' }}>
                {label(m)}
                {m.you ? W.you[lang] : ''}
                {m.city ? ` · ${m.city}` : ''}
              </span>
              <span>
                {m.claim} {t('yuan')}
              </span>
            </List.Item>
          )}
        />
      </Card>

      <Card title={W.letter[lang]}>
        <Form layout="vertical">
          <Form.Item label={W.channel[lang]} htmlFor="group-channel">
            <Select
              id="group-channel"
              value={channel}
              onChange={setChannel}
              options={group.channels.map((c) => ({
                value: c.id,
                label: `${c.name[lang]}（${W[c.filingType][lang]}）`,
              }))}
            />
          </Form.Item>
        </Form>
        {channel ? (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Button href={`/api/groups/${id}/letter?channel=${channel}&format=pdf&lang=${lang}`}>
                {t('downloadPdf')}
              </Button>
              <Button href={`/api/groups/${id}/letter?channel=${channel}&format=docx&lang=${lang}`}>
                {t('downloadDocx')}
              </Button>
            </Space>
            <pre
              data-testid="group-letter"
              tabIndex={0}
              aria-label={W.letter[lang]}
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
          </>
        ) : null}
      </Card>

      <Card title={W.recordFiling[lang]}>
        {group.canFile && channel ? (
          <Form
            form={filingForm}
            layout="vertical"
            onFinish={(v: {
              submittedAt?: { format: (f: string) => string };
              reference?: string;
            }) =>
              void act(() =>
                api('POST', `/api/groups/${id}/filings`, {
                  channelId: channel,
                  submittedAt: v.submittedAt ? v.submittedAt.format('YYYY-MM-DD') : beijingToday(),
                  ...(v.reference ? { reference: v.reference } : {}),
                }).then(() => {
                  filingForm.resetFields();
                }),
              )
            }
          >
            <Form.Item name="submittedAt" label={t('submittedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="reference" label={t('reference')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="group-filing-submit">
              {W.recordFiling[lang]}
            </Button>
          </Form>
        ) : (
          <Typography.Text type="secondary">{W.needMembers[lang]}</Typography.Text>
        )}
      </Card>

      {group.filings.map((f) => (
        <FilingCard key={f.id} groupId={id} filing={f} act={act} />
      ))}

      <Card title={W.timeline[lang]}>
        <Timeline
          items={group.timeline.map((e) => ({
            key: e.seq,
            content: (
              <span>
                {beijingDate(e.at)} {EVENT_WORDS[e.kind]?.[lang] ?? e.kind}
                {e.byYou ? W.byYou[lang] : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

function FilingCard({
  groupId,
  filing,
  act,
}: {
  groupId: string;
  filing: GroupFiling;
  act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const state = filing.state === 'answered' ? W.answered[lang] : stateName(filing.state, lang);
  return (
    <Card title={filing.channelName[lang]} extra={<Tag>{state}</Tag>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('submittedOn')}>{filing.submittedAt}</Descriptions.Item>
        <Descriptions.Item label={t('reference')}>{filing.reference ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dueBy')}>{filing.dueDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={W.total[lang]}>
          {filing.total} {t('yuan')} · {W.members[lang]} {filing.members}
        </Descriptions.Item>
        {filing.response ? (
          <Descriptions.Item label={t('answer')}>
            {filing.response.message}
            {filing.response.refund
              ? ` (${t('refund')} ${filing.response.refund} ${t('yuan')})`
              : ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {filing.state !== 'answered' ? (
        <Form
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ kind: 'in_progress' }}
          onFinish={(v: { kind: string; message?: string; refundYuan?: number }) =>
            void act(() =>
              api('PATCH', `/api/groups/${groupId}/filings/${filing.id}`, {
                kind: v.kind,
                message: v.message ?? '',
                ...(v.refundYuan === undefined ? {} : { refundYuan: v.refundYuan }),
              }),
            )
          }
        >
          <Form.Item name="kind" label={t('responseKind')}>
            <Select
              options={(['in_progress', 'refund', 'explanation', 'rejection'] as const).map(
                (k) => ({
                  value: k,
                  label: t(k === 'in_progress' ? 'inProgress' : k === 'refund' ? 'refund' : k),
                }),
              )}
            />
          </Form.Item>
          <Form.Item name="refundYuan" label={t('refundYuan')}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="message" label={t('message')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button htmlType="submit">{W.recordAnswer[lang]}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
