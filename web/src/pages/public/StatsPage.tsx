import { Alert, Card, Col, Form, Input, Row, Select, Space, Statistic, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api.js';
import { categoryName, useLang } from '../../i18n.js';
import { yuanToFen } from '../../money.js';
import { AlertList } from './AlertList.js';
import { Figure } from './Figure.js';
import {
  csvHref,
  errorText,
  getOrNull,
  jsonHref,
  OUTCOME_KEYS,
  outcomeName,
  percent,
  query,
  type Page,
  type PublicAlert,
  type Rankings,
  type Stats,
  type StatsRow,
} from './publicApi.js';
import { OTHER_PLACES, placeName, W } from './words.js';
import { dismissShell } from '../../shell.js';

interface Filters {
  provider?: string;
  category?: string;
  province?: string;
  from?: string;
  to?: string;
}

interface Figures {
  month: Stats;
  provider: Stats;
  category: Stats;
  province: Stats;
  rankings: Rankings;
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

const yuan = (s: string) => yuanToFen(s) / 100;
const MONTH = /^\d{4}-\d{2}$/u;

/** 公开统计: the public figures with their charts, tables and downloads (no login). */
export default function StatsPage() {
  const lang = useLang();
  const [filters, setFilters] = useState<Filters>({});
  const [figures, setFigures] = useState<Figures | null>(null);
  const [options, setOptions] = useState<{ providers: string[]; provinces: string[] }>({
    providers: [],
    provinces: [],
  });
  const [alerts, setAlerts] = useState<PublicAlert[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Months typed halfway are not sent; the API would reject them.
  const sent = useMemo(
    () => ({
      ...filters,
      from: filters.from && MONTH.test(filters.from) ? filters.from : undefined,
      to: filters.to && MONTH.test(filters.to) ? filters.to : undefined,
    }),
    [filters],
  );
  const q = query(sent);
  // Rankings compare providers: every filter but the provider.
  const rankingQuery = query({ ...sent, provider: undefined });

  useEffect(() => {
    void Promise.all([
      api<Stats>('GET', '/api/public/stats?by=provider'),
      api<Stats>('GET', '/api/public/stats?by=province'),
    ])
      .then(([providers, provinces]) => {
        setOptions({
          providers: providers.rows.map((r) => r.key).filter((k) => k !== ''),
          provinces: provinces.rows.map((r) => r.key).filter((k) => k !== '' && k !== OTHER_PLACES),
        });
      })
      .catch(setError);
    void getOrNull<Page<PublicAlert>>('/api/public/alerts')
      .then((page) => {
        setAlerts(page?.items.slice(0, 3) ?? []);
      })
      .catch(() => {
        setAlerts([]);
      });
  }, []);

  useEffect(() => {
    let stale = false;
    const sep = q ? '&' : '?';
    Promise.all([
      api<Stats>('GET', `/api/public/stats${q}${sep}by=month`),
      api<Stats>('GET', `/api/public/stats${q}${sep}by=provider`),
      api<Stats>('GET', `/api/public/stats${q}${sep}by=category`),
      api<Stats>('GET', `/api/public/stats${q}${sep}by=province`),
      api<Rankings>('GET', `/api/public/rankings${rankingQuery}`),
    ])
      .then(([month, provider, category, province, rankings]) => {
        if (stale) return;
        setError(null);
        setFigures({ month, provider, category, province, rankings });
      })
      .catch((e: unknown) => {
        if (!stale) setError(e);
      });
    return () => {
      stale = true;
    };
  }, [q, rankingQuery]);

  const link = (by: string) => {
    const sep = q ? '&' : '?';
    return {
      csv: `/api/public/stats.csv${q}${sep}by=${by}`,
      json: `/api/public/stats${q}${sep}by=${by}`,
      name: `feeguard-stats-by-${by}`,
    };
  };
  const totals = figures?.month.totals;
  // The static page showed the headline figures until now; these replace them.
  useLayoutEffect(() => {
    if (figures !== null || error !== null) dismissShell();
  }, [figures, error]);
  const money = [
    { title: W.totalComplaints[lang], dataIndex: 'complaints', align: 'right' as const },
    { title: W.claimed[lang], dataIndex: 'claimed', align: 'right' as const },
    { title: W.recovered[lang], dataIndex: 'recovered', align: 'right' as const },
  ];
  const specs = useMemo(() => {
    if (!figures) return null;
    const top = figures.provider.rows.slice(0, 10);
    const outcomes = figures.month.totals.outcomes;
    const outcomeValues = [
      outcomes.refunded,
      outcomes.partly,
      outcomes.rejected,
      outcomes.noAnswer,
      outcomes.pending,
    ];
    return {
      month: {
        kind: 'bar' as const,
        label: W.byMonth[lang],
        labels: figures.month.rows.map((r) => r.key),
        series: [
          { name: W.totalComplaints[lang], values: figures.month.rows.map((r) => r.complaints) },
          {
            name: W.claimed[lang],
            type: 'line' as const,
            axis: 1 as const,
            values: figures.month.rows.map((r) => yuan(r.claimed)),
          },
          {
            name: W.recovered[lang],
            type: 'line' as const,
            axis: 1 as const,
            values: figures.month.rows.map((r) => yuan(r.recovered)),
          },
        ],
      },
      provider: {
        kind: 'ranking' as const,
        label: W.topProviders[lang],
        labels: top.map((r) => r.key),
        series: [{ name: W.totalComplaints[lang], values: top.map((r) => r.complaints) }],
      },
      outcomes: {
        kind: 'pie' as const,
        label: W.outcomes[lang],
        labels: OUTCOME_KEYS.map((o) => outcomeName(o, lang)),
        series: [{ name: W.outcomes[lang], values: outcomeValues }],
      },
      outcomeRows: OUTCOME_KEYS.map((o, i) => ({ outcome: o, count: outcomeValues[i] ?? 0 })),
      category: {
        kind: 'bar' as const,
        label: W.byCategory[lang],
        labels: figures.category.rows.map((r) => categoryName(r.key, lang)),
        series: [
          { name: W.claimed[lang], values: figures.category.rows.map((r) => yuan(r.claimed)) },
          { name: W.recovered[lang], values: figures.category.rows.map((r) => yuan(r.recovered)) },
        ],
      },
      province: {
        kind: 'ranking' as const,
        label: W.byProvince[lang],
        labels: figures.province.rows.map((r) => placeName(r.key, lang)),
        series: [
          { name: W.totalComplaints[lang], values: figures.province.rows.map((r) => r.complaints) },
        ],
      },
      timeliness: {
        kind: 'ranking' as const,
        percent: true,
        label: W.timeliness[lang],
        labels: figures.rankings.byTimeliness.map((r) => r.key),
        series: [
          {
            name: W.onTime[lang],
            values: figures.rankings.byTimeliness.map((r) => r.onTimeShare ?? 0),
          },
        ],
      },
    };
  }, [figures, lang]);

  const set = (key: keyof Filters) => (value: string | undefined) => {
    setFilters((f) => ({ ...f, [key]: value }));
  };

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="public-stats"
    >
      <div>
        <Typography.Title level={2} style={{ marginTop: 8 }}>
          {W.stats[lang]}
        </Typography.Title>
        <Typography.Paragraph>{W.statsIntro[lang]}</Typography.Paragraph>
      </div>
      <Card size="small" title={W.filters[lang]}>
        <Form layout="vertical">
          <Row gutter={12}>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={W.provider[lang]} htmlFor="stats-provider">
                <Select
                  id="stats-provider"
                  allowClear
                  showSearch
                  placeholder={W.all[lang]}
                  value={filters.provider}
                  onChange={set('provider')}
                  options={options.providers.map((p) => ({ value: p, label: p }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={W.category[lang]} htmlFor="stats-category">
                <Select
                  id="stats-category"
                  allowClear
                  placeholder={W.all[lang]}
                  value={filters.category}
                  onChange={set('category')}
                  options={CATEGORIES.map((c) => ({ value: c, label: categoryName(c, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={W.province[lang]} htmlFor="stats-province">
                <Select
                  id="stats-province"
                  allowClear
                  showSearch
                  placeholder={W.all[lang]}
                  value={filters.province}
                  onChange={set('province')}
                  options={options.provinces.map((p) => ({ value: p, label: p }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={W.fromMonth[lang]} htmlFor="stats-from">
                <Input
                  id="stats-from"
                  type="month"
                  value={filters.from ?? ''}
                  onChange={(e) => {
                    set('from')(e.target.value || undefined);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={W.toMonth[lang]} htmlFor="stats-to">
                <Input
                  id="stats-to"
                  type="month"
                  value={filters.to ?? ''}
                  onChange={(e) => {
                    set('to')(e.target.value || undefined);
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error !== null ? (
        <Alert type="error" showIcon title={`${W.loadFailed[lang]}：${errorText(error, lang)}`} />
      ) : null}
      {totals ? (
        <Card size="small">
          <Row gutter={[12, 12]} data-testid="public-totals">
            <Col xs={12} md={4}>
              <Statistic title={W.totalComplaints[lang]} value={totals.complaints} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={W.claimed[lang]} value={totals.claimed} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={W.recovered[lang]} value={totals.recovered} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={W.onTime[lang]} value={percent(totals.onTimeShare)} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={W.medianDays[lang]}
                value={totals.medianDaysToAnswer === null ? '—' : totals.medianDaysToAnswer}
              />
            </Col>
          </Row>
        </Card>
      ) : null}
      {figures && specs ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={24}>
            <Figure<StatsRow>
              title={W.byMonth[lang]}
              spec={specs.month}
              rows={figures.month.rows}
              rowKey={(r) => r.key}
              columns={[{ title: W.month[lang], dataIndex: 'key' }, ...money]}
              download={link('month')}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Figure<StatsRow>
              title={W.topProviders[lang]}
              spec={specs.provider}
              rows={figures.provider.rows}
              rowKey={(r) => r.key}
              columns={[{ title: W.provider[lang], dataIndex: 'key' }, ...money]}
              download={link('provider')}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Figure<{ outcome: string; count: number }>
              title={W.outcomes[lang]}
              spec={specs.outcomes}
              rows={figures.month.totals.complaints > 0 ? specs.outcomeRows : []}
              rowKey={(r) => r.outcome}
              columns={[
                {
                  title: W.outcome[lang],
                  dataIndex: 'outcome',
                  render: (o: string) => outcomeName(o, lang),
                },
                { title: W.count[lang], dataIndex: 'count', align: 'right' },
              ]}
              download={{
                csv: csvHref(
                  ['outcome', 'complaints'],
                  specs.outcomeRows.map((r) => [r.outcome, r.count]),
                ),
                json: jsonHref(figures.month.totals.outcomes),
                name: 'feeguard-outcomes',
              }}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Figure<StatsRow>
              title={W.byCategory[lang]}
              spec={specs.category}
              rows={figures.category.rows}
              rowKey={(r) => r.key}
              columns={[
                {
                  title: W.category[lang],
                  dataIndex: 'key',
                  render: (k: string) => categoryName(k, lang),
                },
                ...money,
              ]}
              download={link('category')}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Figure<StatsRow>
              title={W.byProvince[lang]}
              spec={specs.province}
              rows={figures.province.rows}
              rowKey={(r) => r.key}
              columns={[
                {
                  title: W.province[lang],
                  dataIndex: 'key',
                  render: (k: string) => placeName(k, lang),
                },
                ...money,
              ]}
              download={link('province')}
            />
          </Col>
          <Col xs={24}>
            <Figure<StatsRow>
              title={W.timeliness[lang]}
              note={W.timelinessNote[lang]}
              spec={specs.timeliness}
              rows={figures.rankings.byTimeliness}
              rowKey={(r) => r.key}
              columns={[
                { title: W.provider[lang], dataIndex: 'key' },
                { title: W.filingsDue[lang], dataIndex: 'filingsDue', align: 'right' },
                {
                  title: W.onTime[lang],
                  dataIndex: 'onTimeShare',
                  align: 'right',
                  render: (s: number | null) => percent(s),
                },
                {
                  title: W.medianDays[lang],
                  dataIndex: 'medianDaysToAnswer',
                  align: 'right',
                  render: (d: number | null) => (d === null ? '—' : d),
                },
              ]}
              download={{
                csv: csvHref(
                  [
                    'provider',
                    'filings_due',
                    'answered_on_time',
                    'on_time_share',
                    'median_days_to_answer',
                  ],
                  figures.rankings.byTimeliness.map((r) => [
                    r.key,
                    r.filingsDue,
                    r.answeredOnTime,
                    r.onTimeShare ?? '',
                    r.medianDaysToAnswer ?? '',
                  ]),
                ),
                json: `/api/public/rankings${rankingQuery}`,
                name: 'feeguard-timeliness',
              }}
            />
          </Col>
        </Row>
      ) : null}
      <Card
        size="small"
        title={W.latestAlerts[lang]}
        extra={<Link to="/public/alerts">{W.allAlerts[lang]}</Link>}
      >
        <AlertList alerts={alerts} />
      </Card>
    </Space>
  );
}
