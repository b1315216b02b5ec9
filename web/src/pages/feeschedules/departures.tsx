import { Card, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
// The audit's own names for departures, so the app and the reports never disagree.
import { DEPARTURE_NAMES } from '../../../../src/audit/words.js';
import { api } from '../../api.js';
import { categoryName, useLang, type Lang } from '../../i18n.js';

/** A departure from the provider's published fee schedule (GET /api/merchants/{id}/schedule-departures). */
export interface Departure {
  kind: keyof typeof DEPARTURE_NAMES;
  date: string;
  category: string;
  scheduleVersion: string;
  scheduled: string;
  scheduledEn: string;
  taken: string;
  allowed: string;
  difference: string;
  deductionId: string | null;
}

interface Departures {
  schedules: { id: string; version: string; effectiveFrom: string }[];
  items: Departure[];
  total: string;
}

const W = {
  title: {
    zh: '与服务商公布的收费标准不符',
    en: 'Departures from the provider’s published fee schedule',
  },
  versions: { zh: '对照版本', en: 'Versions compared' },
  total: { zh: '差额合计', en: 'Total difference' },
  none: { zh: '没有与收费标准不符的扣费。', en: 'Nothing departs from the schedule.' },
  difference: { zh: '差额', en: 'difference' },
  yuan: { zh: '元', en: 'yuan' },
} as const;

function line(d: Departure, lang: Lang): string {
  return `${DEPARTURE_NAMES[d.kind][lang]}${lang === 'zh' ? '：' : ': '}${lang === 'zh' ? d.scheduled : d.scheduledEn}`;
}

/**
 * The merchant's departures from the provider's schedule, keyed by deduction; reloaded whenever
 * `refresh` changes (after an upload or a review). Null while the provider has published none.
 */
export function useDepartures(merchantId: string, refresh: unknown): Departures | null {
  const [data, setData] = useState<Departures | null>(null);
  useEffect(() => {
    void api<Departures>('GET', `/api/merchants/${merchantId}/schedule-departures`)
      .then((d) => {
        setData(d.schedules.length > 0 ? d : null);
      })
      .catch(() => {
        setData(null);
      });
  }, [merchantId, refresh]);
  return data;
}

/** Beside a deduction's verdict: where it departs from the published schedule. */
export function DepartureNote({
  departures,
  deductionId,
}: {
  departures: Departures | null;
  deductionId: string | undefined;
}) {
  const lang = useLang();
  if (!departures || deductionId === undefined) return null;
  const mine = departures.items.filter((d) => d.deductionId === deductionId);
  if (mine.length === 0) return null;
  return (
    <div data-testid="schedule-departure">
      {mine.map((d, i) => (
        // dark enough on white and on a hovered row (WCAG AA)
        <Typography.Text key={i} style={{ display: 'block', fontSize: 13, color: '#a8071a' }}>
          {line(d, lang)} · {W.difference[lang]} {d.difference} {W.yuan[lang]}
        </Typography.Text>
      ))}
    </div>
  );
}

/** All departures, with those not tied to a listed deduction (transaction fees above the rate). */
export function DepartureSummary({ departures }: { departures: Departures | null }) {
  const lang = useLang();
  if (!departures) return null;
  return (
    <Card title={W.title[lang]} data-testid="schedule-departures">
      <Typography.Paragraph>
        {W.versions[lang]}
        {lang === 'zh' ? '：' : ': '}
        {departures.schedules
          .map((s) =>
            lang === 'zh'
              ? `${s.version}（${s.effectiveFrom}）`
              : `${s.version} (${s.effectiveFrom})`,
          )
          .join(lang === 'zh' ? '、' : ', ')}{' '}
        · {W.total[lang]} <strong>{departures.total}</strong> {W.yuan[lang]}
      </Typography.Paragraph>
      {departures.items.length === 0 ? (
        <Typography.Text>{W.none[lang]}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={departures.items}
          pagination={departures.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(d) => (
            <List.Item style={{ display: 'block' }}>
              <div>
                {d.date} · {categoryName(d.category, lang)} · <Tag>{d.scheduleVersion}</Tag>
                <strong>
                  +{d.difference} {W.yuan[lang]}
                </strong>
              </div>
              <Typography.Text type="secondary">{line(d, lang)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
