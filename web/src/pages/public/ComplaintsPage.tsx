import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { categoryName, useLang } from '../../i18n.js';
import {
  errorText,
  OUTCOME_KEYS,
  outcomeName,
  query,
  type Page,
  type PublicComplaint,
  type Stats,
} from './publicApi.js';
import { W } from './words.js';
import { beijingDate } from '../../dates.js';

interface Filters {
  q?: string;
  provider?: string;
  category?: string;
  province?: string;
  outcome?: string;
}

const CATEGORIES = [
  'traffic_fee',
  'service_fee',
  'deposit',
  'instant_settlement_fee',
  'rate_overcharge',
  'settlement_shortfall',
  'other_deduction',
];

const OUTCOME_COLORS: Record<string, string> = {
  // Solid colours with white text: Ant Design's pale presets miss the contrast ratio.
  refunded: '#237804',
  partly: '#874d00',
  rejected: '#a8071a',
  no_answer: '#595959',
  pending: '#0958d9',
};

/** 投诉公示: the consented, scrubbed complaints with the providers' answers (no login). */
export default function ComplaintsPage() {
  const lang = useLang();
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<PublicComplaint[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [providers, setProviders] = useState<string[]>([]);
  const q = query({ ...filters });

  useEffect(() => {
    api<Stats>('GET', '/api/public/stats?by=provider')
      .then((s) => {
        setProviders(s.rows.map((r) => r.key).filter((k) => k !== ''));
      })
      .catch(setError);
  }, []);

  useEffect(() => {
    let stale = false;
    setItems(null);
    api<Page<PublicComplaint>>('GET', `/api/public/complaints${q}`)
      .then((page) => {
        if (stale) return;
        setError(null);
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (stale) return;
        setError(e);
        setItems([]);
      });
    return () => {
      stale = true;
    };
  }, [q]);

  const more = () => {
    if (!cursor) return;
    setLoadingMore(true);
    const sep = q ? '&' : '?';
    api<Page<PublicComplaint>>(
      'GET',
      `/api/public/complaints${q}${sep}cursor=${encodeURIComponent(cursor)}`,
    )
      .then((page) => {
        setItems((old) => [...(old ?? []), ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        setError(e);
      })
      .finally(() => {
        setLoadingMore(false);
      });
  };
  const set = (key: keyof Filters) => (value: string | undefined) => {
    setFilters((f) => ({ ...f, [key]: value }));
  };

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="public-complaints"
    >
      <div>
        <Typography.Title level={2} style={{ marginTop: 8 }}>
          {W.complaints[lang]}
        </Typography.Title>
        <Typography.Paragraph>{W.complaintsIntro[lang]}</Typography.Paragraph>
      </div>
      <Card size="small">
        <Form layout="vertical">
          <Form.Item label={W.search[lang]} htmlFor="complaints-search">
            <Input.Search
              id="complaints-search"
              data-testid="public-search"
              allowClear
              enterButton
              placeholder={W.searchPlaceholder[lang]}
              maxLength={100}
              onSearch={(value) => {
                set('q')(value.trim() || undefined);
              }}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label={W.provider[lang]} htmlFor="complaints-provider">
                <Select
                  id="complaints-provider"
                  allowClear
                  showSearch
                  placeholder={W.all[lang]}
                  value={filters.provider}
                  onChange={set('provider')}
                  options={providers.map((p) => ({ value: p, label: p }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label={W.category[lang]} htmlFor="complaints-category">
                <Select
                  id="complaints-category"
                  allowClear
                  placeholder={W.all[lang]}
                  value={filters.category}
                  onChange={set('category')}
                  options={CATEGORIES.map((c) => ({ value: c, label: categoryName(c, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label={W.province[lang]} htmlFor="complaints-province">
                <Input
                  id="complaints-province"
                  allowClear
                  placeholder={W.all[lang]}
                  onBlur={(e) => {
                    set('province')(e.target.value.trim() || undefined);
                  }}
                  onPressEnter={(e) => {
                    set('province')(e.currentTarget.value.trim() || undefined);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label={W.outcome[lang]} htmlFor="complaints-outcome">
                <Select
                  id="complaints-outcome"
                  allowClear
                  placeholder={W.all[lang]}
                  value={filters.outcome}
                  onChange={set('outcome')}
                  options={OUTCOME_KEYS.map((o) => ({ value: o, label: outcomeName(o, lang) }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <a
          href={`/api/public/complaints.csv${q}`}
          download
          style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}
        >
          {W.exportCsv[lang]}
        </a>
      </Card>
      {error !== null ? (
        <Alert type="error" showIcon title={`${W.loadFailed[lang]}：${errorText(error, lang)}`} />
      ) : null}
      {items === null ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={W.noComplaints[lang]} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {items.map((c) => (
            <ComplaintCard key={c.id} complaint={c} />
          ))}
          {cursor ? (
            <Button block loading={loadingMore} onClick={more} data-testid="public-load-more">
              {W.loadMore[lang]}
            </Button>
          ) : null}
        </Space>
      )}
    </Space>
  );
}

function ComplaintCard({ complaint: c }: { complaint: PublicComplaint }) {
  const lang = useLang();
  const place = [c.province, c.city === c.province ? '' : c.city].filter((p) => p !== '').join(' ');
  return (
    <Card
      size="small"
      data-testid="public-complaint-row"
      title={<span style={{ whiteSpace: 'normal' }}>{c.provider}</span>}
    >
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', marginBottom: 8 }}
      >
        <Tag color={OUTCOME_COLORS[c.outcome] ?? '#595959'}>{outcomeName(c.outcome, lang)}</Tag>
        <Tag>{categoryName(c.category, lang)}</Tag>
        <Typography.Text type="secondary">
          {[place, c.month].filter((p) => p !== '').join(' · ')}
        </Typography.Text>
        <Typography.Text>
          {W.claim[lang]} ¥{c.claim} · {W.got[lang]} ¥{c.recovered}
        </Typography.Text>
      </div>
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{W.narrative[lang]}</Typography.Text>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            data-testid="public-narrative"
          >
            {c.narrative}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} md={12} style={{ borderLeft: '3px solid #f0f0f0' }}>
          <Typography.Text strong>
            {W.answer[lang]}
            {c.answeredAt ? ` (${beijingDate(c.answeredAt)})` : ''}
          </Typography.Text>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            type={c.answer ? undefined : 'secondary'}
          >
            {c.answer ?? W.noAnswerYet[lang]}
          </Typography.Paragraph>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {W.published[lang]} {beijingDate(c.publishedAt)}
      </Typography.Text>
    </Card>
  );
}
