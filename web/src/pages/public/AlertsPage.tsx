import { Alert, Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLang } from '../../i18n.js';
import { AlertList } from './AlertList.js';
import { errorText, getOrNull, query, type Page, type PublicAlert } from './publicApi.js';
import { W } from './words.js';

/** 消费提示: the published alerts and their Atom feed (no login). */
export default function AlertsPage() {
  const lang = useLang();
  const [alerts, setAlerts] = useState<PublicAlert[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback((after: string | null) => {
    getOrNull<Page<PublicAlert>>(`/api/public/alerts${query({ cursor: after ?? undefined })}`)
      .then((page) => {
        setAlerts((old) => [...(after ? (old ?? []) : []), ...(page?.items ?? [])]);
        setCursor(page?.nextCursor ?? null);
      })
      .catch((e: unknown) => {
        setError(e);
        setAlerts((old) => old ?? []);
      });
  }, []);
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
