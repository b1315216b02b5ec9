import type { Period } from './contract.js';
import { FINDING_CATEGORIES, type FindingCategory } from './model.js';

/** How categories and periods are named to merchants. */
export const CATEGORY_NAMES: Record<FindingCategory, { zh: string; en: string }> = {
  traffic_fee: { zh: '流量费', en: 'SIM/data fee' },
  service_fee: { zh: '服务费/会员费', en: 'service/membership fee' },
  deposit: { zh: '押金/激活费', en: 'deposit/activation charge' },
  instant_settlement_fee: { zh: '秒到/提现费', en: 'instant-settlement fee' },
  other_deduction: { zh: '其他扣款', en: 'other deduction' },
  rate_overcharge: { zh: '超约定费率的手续费', en: 'fee above the agreed rate' },
  settlement_shortfall: { zh: '结算款少付', en: 'settlement shortfall' },
};

export const PERIOD_NAMES: Record<Period, { zh: string; en: string }> = {
  once: { zh: '一次', en: 'once' },
  month: { zh: '每月', en: 'a month' },
  quarter: { zh: '每季度', en: 'a quarter' },
  year: { zh: '每年', en: 'a year' },
};

/** How departures from a provider's published fee schedule are named. */
export const DEPARTURE_NAMES = {
  unlisted_charge: { zh: '收费标准未列出', en: 'not in the schedule' },
  above_amount: { zh: '超过标准金额', en: 'above the scheduled amount' },
  too_often: { zh: '超过收费周期', en: 'more often than scheduled' },
  rate_above: { zh: '超过标准费率', en: 'above the scheduled rate' },
} as const;

export const VERDICT_NAMES = {
  authorized: { zh: '已约定', en: 'authorized' },
  unauthorized: { zh: '未经同意', en: 'unauthorized' },
  needs_review: { zh: '需核实', en: 'needs review' },
} as const;

/** The claim's categories in a fixed order, with their amounts (yuan strings kept as given). */
export function claimEntries<T>(
  byCategory: Partial<Record<FindingCategory, T>>,
): [FindingCategory, T][] {
  const out: [FindingCategory, T][] = [];
  for (const category of FINDING_CATEGORIES) {
    const value = byCategory[category];
    if (value !== undefined) out.push([category, value]);
  }
  return out;
}
