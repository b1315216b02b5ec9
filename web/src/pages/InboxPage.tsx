import {
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type InboxItem } from '../api.js';
import { stateName, useLang, useT } from '../i18n.js';
import { PublishScheduleLink } from './feeschedules/ScheduleLinks.js';
import { errorMessage } from '../errors.js';

export default function InboxPage() {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [answering, setAnswering] = useState<InboxItem | null>(null);
  const [form] = Form.useForm<{ kind: string; message: string; refundYuan?: number }>();
  const screens = Grid.useBreakpoint();
  const days = (d: number | null) =>
    d === null ? '—' : d < 0 ? <Tag color="#a8071a">{d}</Tag> : d;
  const answerButton = (i: InboxItem) =>
    ['submitted', 'acknowledged', 'overdue'].includes(i.filing.state) ? (
      <Button
        type="primary"
        data-testid="inbox-respond"
        onClick={() => {
          setAnswering(i);
        }}
      >
        {t('respond')}
      </Button>
    ) : null;
  // The case behind a filing, read-only for the provider: the letter, the deductions, the plan.
  const caseLink = (i: InboxItem) => (
    <Link
      to={`/cases/${i.caseId}`}
      data-testid="inbox-open-case"
      className="fg-tap"
      style={{ padding: 0 }}
    >
      {i.merchantName}
    </Link>
  );
  const load = useCallback(() => {
    void api<{ items: InboxItem[]; counts: Record<string, number> }>('GET', '/api/inbox').then(
      (r) => {
        setItems(r.items);
        setCounts(r.counts);
      },
    );
  }, []);
  useEffect(load, [load]);
  const send = async (values: { kind: string; message: string; refundYuan?: number }) => {
    if (!answering) return;
    try {
      await api('POST', `/api/filings/${answering.filing.id}/response`, {
        kind: values.kind,
        message: values.message,
        ...(values.refundYuan === undefined ? {} : { refundYuan: String(values.refundYuan) }),
      });
      setAnswering(null);
      form.resetFields();
      load();
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };
  return (
    <Card title={t('inbox')}>
      <PublishScheduleLink />
      {/* The organization's own figures: filings by state. */}
      <Space wrap style={{ marginBottom: 12 }} data-testid="inbox-figures">
        {Object.entries(counts).map(([state, n]) => (
          <Tag key={state}>
            {stateName(state, lang)} {n}
          </Tag>
        ))}
      </Space>
      {screens.md ? (
        <Table<InboxItem>
          data-testid="inbox-table"
          rowKey={(i) => i.filing.id}
          loading={items === null}
          dataSource={items ?? []}
          size="small"
          pagination={false}
          onRow={() => ({ 'data-testid': 'inbox-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('merchant'), render: (_: unknown, i) => caseLink(i) },
            { title: t('claimed'), dataIndex: 'claim', align: 'right' },
            {
              title: t('status'),
              render: (_: unknown, i) => <Tag>{stateName(i.filing.state, lang)}</Tag>,
            },
            { title: t('daysLeft'), dataIndex: 'daysLeft', render: (d: number | null) => days(d) },
            { title: '', render: (_: unknown, i) => answerButton(i) },
          ]}
        />
      ) : (
        <List<InboxItem>
          data-testid="inbox-table"
          loading={items === null}
          dataSource={items ?? []}
          renderItem={(i) => (
            <List.Item data-testid="inbox-row" extra={answerButton(i)}>
              <List.Item.Meta
                title={caseLink(i)}
                description={
                  <span>
                    {i.claim} {t('yuan')} · <Tag>{stateName(i.filing.state, lang)}</Tag>{' '}
                    {t('daysLeft')} {days(i.daysLeft)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={answering !== null}
        title={t('respond')}
        footer={null}
        onCancel={() => {
          setAnswering(null);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void send(v)}
          initialValues={{ kind: 'refund' }}
          data-testid="respond-form"
        >
          <Form.Item name="kind" label={t('responseKind')}>
            <Select
              options={[
                { value: 'in_progress', label: t('inProgress') },
                { value: 'refund', label: t('refund') },
                { value: 'explanation', label: t('explanation') },
                { value: 'rejection', label: t('rejection') },
              ]}
            />
          </Form.Item>
          <Form.Item name="refundYuan" label={t('refundYuan')}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="message" label={t('message')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="respond-submit">
            {t('send')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
