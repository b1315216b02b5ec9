import { api, ApiError } from '../../api.js';
import type { Lang } from '../../i18n.js';
import { errorMessage } from '../../errors.js';
import { csvCell } from '../../../../src/csv.js';

/** The public API's shapes (no login), as `src/server/public/` and `src/server/guides/` send them. */
export interface StatsRow {
  key: string;
  complaints: number;
  claimed: string;
  recovered: string;
  outcomes: {
    refunded: number;
    partly: number;
    rejected: number;
    noAnswer: number;
    pending: number;
  };
  filingsDue: number;
  answeredOnTime: number;
  onTimeShare: number | null;
  medianDaysToAnswer: number | null;
}

export interface Stats {
  by: string;
  rows: StatsRow[];
  totals: StatsRow;
}

export interface Rankings {
  byComplaints: StatsRow[];
  byTimeliness: StatsRow[];
}

export interface PublicComplaint {
  id: string;
  provider: string;
  category: string;
  province: string;
  city: string;
  month: string;
  claim: string;
  recovered: string;
  outcome: string;
  narrative: string;
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PublicAlert {
  id: string;
  provider: string;
  category: string;
  week: string;
  title: string;
  body: string;
  publishedAt: string;
}

/** Filters as a query string, leaving out the empty ones. */
export function query(params: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET that answers null for 404: an endpoint not deployed yet shows as empty, not as an error. */
export async function getOrNull<T>(url: string): Promise<T | null> {
  try {
    return await api<T>('GET', url);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function errorText(error: unknown, lang: Lang): string {
  return errorMessage(error, lang, 'load');
}

const OUTCOME_NAMES: Record<string, { zh: string; en: string }> = {
  refunded: { zh: '已全额退款', en: 'Refunded' },
  partly: { zh: '部分退款', en: 'Partly refunded' },
  rejected: { zh: '被拒绝', en: 'Rejected' },
  no_answer: { zh: '逾期未答复', en: 'No answer' },
  noAnswer: { zh: '逾期未答复', en: 'No answer' },
  pending: { zh: '处理中', en: 'Pending' },
};

export const OUTCOME_KEYS = ['refunded', 'partly', 'rejected', 'no_answer', 'pending'] as const;

export function outcomeName(outcome: string, lang: Lang): string {
  return OUTCOME_NAMES[outcome]?.[lang] ?? outcome;
}

/** 0.8333 → "83.3%"; null (nothing due yet) → "—". */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A CSV of a figure built in the page (UTF-8 with BOM, like the API's), as a download link. */
export function csvHref(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  // the same cells as every CSV the server writes: quoted, and formulas defused
  const body = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${body}\r\n`)}`;
}

export function jsonHref(value: unknown): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(value, null, 2))}`;
}
