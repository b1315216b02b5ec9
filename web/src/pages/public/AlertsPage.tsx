import { Alert, Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLang } from '../../i18n.js';
import { AlertList } from './AlertList.js';
import { errorText, getOrNull, query, type Page, type PublicAlert } from './publicApi.js';
import { W } from './words.js';

/**
 * 消费提示: the published alerts and their Atom feed (no login); `/public/alerts/:id`, where the
 * feed's links lead, shows that one alert.
 */
export default function AlertsPage() {
  const lang = useLang();
  const { id } = useParams();
  const [alerts, setAlerts] = useState<PublicAlert[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    (after: string | null) => {
      const request = id
        ? getOrNull<PublicAlert>(`/api/public/alerts/${encodeURIComponent(id)}`).then((one) => ({
            items: one ? [one] : [],
            nextCursor: null,
          }))
        : getOrNull<Page<PublicAlert>>(
            `/api/public/alerts${query({ cursor: after ?? undefined })}`,
          );
      request
        .then((page) => {
          setAlerts((old) => [...(after ? (old ?? []) : []), ...(page?.items ?? [])]);
          setCursor(page?.nextCursor ?? null);
        })
        .catch((e: unknown) => {
          setError(e);
          setAlerts((old) => old ?? []);
        });
    },
    [id],
  );
  useEffect(() => {
    load(null);
  }, [load]);
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="public-alerts"
    >
      <div>
        <Typography.Title level={2} style={{ marginTop: 8 }}>
          {W.alerts[lang]}
        </Typography.Title>
        <Typography.Paragraph>{W.alertsIntro[lang]}</Typography.Paragraph>
        <a
          href="/api/public/alerts.atom"
          type="application/atom+xml"
          style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}
        >
          {W.atom[lang]}
        </a>
        {id ? (
          <Link
            to="/public/alerts"
            style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44, marginLeft: 16 }}
          >
            {W.allAlerts[lang]}
          </Link>
        ) : null}
      </div>
      {error !== null ? (
        <Alert type="error" showIcon title={`${W.loadFailed[lang]}：${errorText(error, lang)}`} />
      ) : null}
      <Card size="small">
        <AlertList alerts={alerts} />
        {cursor ? (
          <Button
            block
            onClick={() => {
              load(cursor);
            }}
          >
            {W.loadMore[lang]}
          </Button>
        ) : null}
      </Card>
    </Space>
  );
}
