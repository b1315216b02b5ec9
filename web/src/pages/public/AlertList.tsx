import { Empty, List, Spin, Tag, Typography } from 'antd';
import { categoryName, useLang } from '../../i18n.js';
import type { PublicAlert } from './publicApi.js';
import { W } from './words.js';
import { beijingDate } from '../../dates.js';

/** Published 消费提示, newest first; an empty state when there are none (or no alerts API yet). */
export function AlertList({ alerts }: { alerts: readonly PublicAlert[] | null }) {
  const lang = useLang();
  if (alerts === null) return <Spin />;
  if (alerts.length === 0) {
    return <Empty data-testid="public-alerts-empty" description={W.noAlerts[lang]} />;
  }
  return (
    <List
      itemLayout="vertical"
      dataSource={[...alerts]}
      renderItem={(alert) => (
        <List.Item key={alert.id} data-testid="public-alert">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {alert.title}
          </Typography.Title>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 8 }}>
            <Tag color="#a8071a">{alert.provider}</Tag>
            <Tag>{categoryName(alert.category, lang)}</Tag>
            <Typography.Text type="secondary">
              {W.week[lang]} {alert.week} · {W.published[lang]} {beijingDate(alert.publishedAt)}
            </Typography.Text>
          </div>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {alert.body}
          </Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}
