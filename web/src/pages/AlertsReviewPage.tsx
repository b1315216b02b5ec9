import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Segmented,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import { categoryName, useLang, type Lang } from '../i18n.js';
import { beijingDate } from '../dates.js';
import { errorMessage } from '../errors.js';

// ECharts comes only when a proposal with its evidence is on screen.
const AlertChart = lazy(() => import('./alerts/AlertChart.js'));

type Status = 'proposed' | 'published' | 'dismissed';

interface Evidence {
  count: number;
  baseline: { week: string; complaints: number }[];
  baselineSum: number;
  baselineMean: number;
  expected: number;
  ratio: number;
  pValue: number;
  log10PValue: number;
  threshold: number;
  tested: number;
  inProgress: boolean;
}

interface ReviewAlert {
  id: string;
  provider: string;
  category: string;
  week: string;
  status: Status;
  title: string;
  body: string;
  evidence: Evidence;
  currentCount: number;
  createdAt: string;
  reviewedBy: string | null;
  publishedAt: string | null;
}

const W = {
  heading: { zh: '消费提示审核', en: 'Consumer alerts review' },
  help: {
    zh: '系统每隔几分钟检查每家机构每类扣费的投诉：本周明显多于它自己前 8 周时，生成一条消费提示草稿。请核实、修改后发布；发布后任何人都能在公开页面和订阅更新中看到。',
    en: 'Every few minutes FeeGuard compares each provider’s complaints per fee category this week with its own previous 8 weeks; a clear rise becomes a draft consumer alert. Check and edit it, then publish: published alerts are public, on the public pages and in the Atom feed.',
  },
  proposed: { zh: '待审核', en: 'Proposed' },
  published: { zh: '已发布', en: 'Published' },
  dismissed: { zh: '未发布', en: 'Dismissed' },
  title: { zh: '标题', en: 'Title' },
  body: { zh: '正文', en: 'Text' },
  save: { zh: '保存修改', en: 'Save changes' },
  publish: { zh: '发布', en: 'Publish' },
  dismiss: { zh: '不发布', en: 'Dismiss' },
  confirmPublish: {
    zh: '发布后公众即可看到这条消费提示，确定发布吗？',
    en: 'Once published, everyone can read this alert. Publish it?',
  },
  confirmDismiss: {
    zh: '不发布后，同一机构、同一扣费、同一周不会再次提示。确定吗？',
    en: 'A dismissed alert is not proposed again for the same provider, fee and week. Dismiss it?',
  },
  saved: { zh: '已保存', en: 'Saved' },
  done: { zh: '已完成', en: 'Done' },
  more: { zh: '加载更多', en: 'Load more' },
  none: { zh: '没有消费提示', en: 'No alerts' },
  forbidden: {
    zh: '只有监管部门、消费者协会和行业协会的成员可以审核消费提示。',
    en: 'Only members of a regulator, a consumer association or an industry association review consumer alerts.',
  },
  weekOf: { zh: '周', en: 'week of' },
  reviewedBy: { zh: '审核人', en: 'Reviewed by' },
  publishedAt: { zh: '发布时间', en: 'Published' },
  required: { zh: '不能为空', en: 'Required' },
} as const;

function pText(e: Evidence): string {
  if (e.pValue >= 1e-4) return e.pValue.toPrecision(2);
  return `10^${String(Math.floor(e.log10PValue))}`;
}

function evidenceText(a: ReviewAlert, lang: Lang): string {
  const e = a.evidence;
  const mean = e.baselineMean.toFixed(1);
  const ratio = e.ratio >= 10 ? e.ratio.toFixed(0) : e.ratio.toFixed(1);
  const now = a.currentCount !== e.count;
  return lang === 'zh'
    ? `这一周 ${String(e.count)} 起${now ? `（现在 ${String(a.currentCount)} 起）` : ''}${e.inProgress ? '（发现时本周尚未结束）' : ''}；此前 ${String(e.baseline.length)} 周共 ${String(e.baselineSum)} 起，平均每周 ${mean} 起；是平常的 ${ratio} 倍；p ≈ ${pText(e)}（须小于 ${e.threshold.toPrecision(2)}，本周共检验 ${String(e.tested)} 组）`
    : `${String(e.count)} this week${now ? ` (now ${String(a.currentCount)})` : ''}${e.inProgress ? ' (the week was still running)' : ''}; ${String(e.baselineSum)} in the ${String(e.baseline.length)} weeks before, ${mean} a week; ${ratio}× the usual; p ≈ ${pText(e)} (must be below ${e.threshold.toPrecision(2)}, ${String(e.tested)} series tested)`;
}

function errorText(e: unknown, lang: Lang): string {
  return errorMessage(e, lang);
}

function ProposedCard({ alert, onChanged }: { alert: ReviewAlert; onChanged: () => void }) {
  const lang = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      onChanged();
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  // Unsaved edits are saved first, so what is published is what the reviewer sees.
  const saveIfChanged = async () => {
    const values = await form.validateFields();
    if (values.title !== alert.title || values.body !== alert.body) {
      await api('PATCH', `/api/alerts/${alert.id}`, values);
    }
  };
  const decide = (to: 'publish' | 'dismiss') => {
    modal.confirm({
      title: to === 'publish' ? W.confirmPublish[lang] : W.confirmDismiss[lang],
      okText: to === 'publish' ? W.publish[lang] : W.dismiss[lang],
      onOk: () =>
        run(async () => {
          if (to === 'publish') await saveIfChanged();
          await api('POST', `/api/alerts/${alert.id}/${to}`);
        }, W.done[lang]),
    });
  };
  return (
    <Card
      size="small"
      data-testid="alert-proposed"
      title={
        <Space wrap size={4}>
          <Tag color="#a8071a">{alert.provider}</Tag>
          <Tag>{categoryName(alert.category, lang)}</Tag>
          <Tag>
            {lang === 'zh' ? `${alert.week} ${W.weekOf.zh}` : `${W.weekOf.en} ${alert.week}`}
          </Tag>
        </Space>
      }
    >
      <Typography.Paragraph data-testid="alert-evidence">
        {evidenceText(alert, lang)}
      </Typography.Paragraph>
      <Suspense fallback={<Spin />}>
        <AlertChart
          baseline={alert.evidence.baseline}
          week={alert.week}
          count={alert.currentCount}
          expected={alert.evidence.expected}
        />
      </Suspense>
      {/* A form name per alert keeps field ids (and their labels) apart between cards. */}
      <Form
        form={form}
        name={`alert-${alert.id}`}
        layout="vertical"
        initialValues={{ title: alert.title, body: alert.body }}
        onFinish={(values) =>
          void run(() => api('PATCH', `/api/alerts/${alert.id}`, values), W.saved[lang])
        }
      >
        <Form.Item
          name="title"
          label={W.title[lang]}
          rules={[{ required: true, whitespace: true, max: 200, message: W.required[lang] }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="body"
          label={W.body[lang]}
          rules={[{ required: true, whitespace: true, max: 5000, message: W.required[lang] }]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={5000} />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit" disabled={busy}>
            {W.save[lang]}
          </Button>
          <Button
            type="primary"
            disabled={busy}
            data-testid="alert-publish"
            onClick={() => {
              decide('publish');
            }}
          >
            {W.publish[lang]}
          </Button>
          <Button
            disabled={busy}
            data-testid="alert-dismiss"
            onClick={() => {
              decide('dismiss');
            }}
          >
            {W.dismiss[lang]}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function DecidedItem({ alert }: { alert: ReviewAlert }) {
  const lang = useLang();
  return (
    <List.Item data-testid={`alert-${alert.status}`}>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
        {alert.title}
      </Typography.Title>
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        <Tag>{alert.provider}</Tag>
        <Tag>{categoryName(alert.category, lang)}</Tag>
        {alert.publishedAt ? (
          <Typography.Text type="secondary">
            {W.publishedAt[lang]} {beijingDate(alert.publishedAt)}
          </Typography.Text>
        ) : null}
        {alert.reviewedBy ? (
          <Typography.Text type="secondary">
            {W.reviewedBy[lang]} {alert.reviewedBy}
          </Typography.Text>
        ) : null}
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {alert.body}
      </Typography.Paragraph>
    </List.Item>
  );
}

/** Regulators and associations: proposed alerts with their evidence, edited and published. */
export default function AlertsReviewPage() {
  const lang = useLang();
  const [status, setStatus] = useState<Status>('proposed');
  const [items, setItems] = useState<ReviewAlert[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    (after: string | null) => {
      const query = new URLSearchParams({ status, ...(after ? { cursor: after } : {}) });
      api<{ items: ReviewAlert[]; nextCursor: string | null }>('GET', `/api/alerts?${query}`)
        .then((r) => {
          setItems((old) => (after && old ? [...old, ...r.items] : r.items));
          setCursor(r.nextCursor);
          setError(null);
        })
        .catch((e: unknown) => {
          if (e instanceof ApiError && (e.status === 403 || e.status === 401)) setForbidden(true);
          else setError(errorText(e, lang));
          setItems([]);
        });
    },
    [status, lang],
  );
  useEffect(() => {
    setItems(null);
    load(null);
  }, [load]);

  if (forbidden) return <Alert type="info" showIcon title={W.forbidden[lang]} />;
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{W.heading[lang]}</h1>}>
      <Typography.Paragraph type="secondary">{W.help[lang]}</Typography.Paragraph>
      <Segmented<Status>
        size="large"
        value={status}
        onChange={setStatus}
        options={(['proposed', 'published', 'dismissed'] as const).map((s) => ({
          value: s,
          label: W[s][lang],
        }))}
        style={{ marginBottom: 12 }}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {items === null ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={W.none[lang]} />
      ) : status === 'proposed' ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {items.map((a) => (
            <ProposedCard
              key={a.id}
              alert={a}
              onChanged={() => {
                load(null);
              }}
            />
          ))}
        </Space>
      ) : (
        <List<ReviewAlert>
          itemLayout="vertical"
          dataSource={items}
          rowKey="id"
          renderItem={(a) => <DecidedItem alert={a} />}
        />
      )}
      {cursor ? (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => {
            load(cursor);
          }}
        >
          {W.more[lang]}
        </Button>
      ) : null}
    </Card>
  );
}
