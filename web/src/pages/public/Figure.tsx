import { Card, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useLang } from '../../i18n.js';
import type { ChartSpec } from './StatsChart.js';
import { W } from './words.js';

const StatsChart = lazy(() => import('./StatsChart.js'));

export interface Download {
  csv: string;
  json: string;
  /** File name for links built in the page (data: URLs). */
  name: string;
}

/**
 * One public figure: the chart, the same figures as a table (what a screen reader or a phone
 * user reads), and the figures to download as CSV and JSON.
 */
export function Figure<T extends object>({
  title,
  note,
  spec,
  rows,
  columns,
  rowKey,
  download,
}: {
  title: string;
  note?: ReactNode;
  spec: ChartSpec;
  rows: readonly T[];
  columns: TableColumnsType<T>;
  rowKey: (row: T) => string;
  download: Download;
}) {
  const lang = useLang();
  const generated = (href: string) => href.startsWith('data:');
  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}
      size="small"
      styles={{ body: { paddingTop: 8 } }}
    >
      {note ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {note}
        </Typography.Paragraph>
      ) : null}
      {rows.length === 0 ? (
        <Typography.Paragraph type="secondary">{W.noData[lang]}</Typography.Paragraph>
      ) : (
        <>
          <Suspense fallback={<Spin />}>
            <StatsChart spec={spec} />
          </Suspense>
          {/* The table scrolls on its own on a phone, and the keyboard can scroll it too. */}
          <div
            role="region"
            aria-label={`${title}: ${W.showTable[lang]}`}
            tabIndex={0}
            style={{ overflowX: 'auto', maxWidth: '100%', whiteSpace: 'nowrap' }}
          >
            <Table<T>
              rowKey={rowKey}
              dataSource={[...rows]}
              columns={columns}
              size="small"
              pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            />
          </div>
        </>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{W.download[lang]}:</Typography.Text>
        <a
          data-testid="public-download-csv"
          href={download.csv}
          download={generated(download.csv) ? `${download.name}.csv` : true}
          style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44, minWidth: 44 }}
          aria-label={`${title} CSV`}
        >
          CSV
        </a>
        <a
          href={download.json}
          download={`${download.name}.json`}
          style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44, minWidth: 44 }}
          aria-label={`${title} JSON`}
        >
          JSON
        </a>
      </Space>
    </Card>
  );
}
