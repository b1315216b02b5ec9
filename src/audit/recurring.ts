import type { Period } from './contract.js';
import { addMonths, parseIso } from './dates.js';
import type { Fen, FindingCategory, IsoDate } from './model.js';

/**
 * Charges that come back: the same category and amount at a steady month, quarter or year
 * interval. The next expected date tells the merchant when to look (or to stop it in time).
 */
export interface RecurringCharge {
  category: FindingCategory;
  amount: Fen;
  every: Exclude<Period, 'once'>;
  dates: IsoDate[];
  next: IsoDate;
}

const STEPS: readonly [Exclude<Period, 'once'>, number][] = [
  ['month', 1],
  ['quarter', 3],
  ['year', 12],
];
/** A provider's batch job may run a few days early or late. */
const TOLERANCE_DAYS = 5;

function monthsBetween(a: IsoDate, b: IsoDate): number {
  const x = parseIso(a);
  const y = parseIso(b);
  const whole = (y.year - x.year) * 12 + (y.month - x.month);
  const dayShift = y.day - x.day;
  return whole + dayShift / 30;
}

export function detectRecurring(
  charges: readonly { category: FindingCategory; amount: Fen; date: IsoDate }[],
): RecurringCharge[] {
  const groups = new Map<string, { category: FindingCategory; amount: Fen; dates: IsoDate[] }>();
  for (const c of charges) {
    const key = `${c.category}|${c.amount}`;
    const group = groups.get(key) ?? { category: c.category, amount: c.amount, dates: [] };
    group.dates.push(c.date);
    groups.set(key, group);
  }
  const found: RecurringCharge[] = [];
  for (const group of groups.values()) {
    const dates = [...new Set(group.dates)].sort();
    if (dates.length < 2) continue;
    const gaps = dates.slice(1).map((d, i) => monthsBetween(dates[i] ?? d, d));
    for (const [every, step] of STEPS) {
      const fits = gaps.every((g) => {
        const periods = Math.round(g / step);
        return periods >= 1 && Math.abs(g - periods * step) <= TOLERANCE_DAYS / 30;
      });
      // most gaps must be a single period, or it is an irregular charge that happens to align
      const single = gaps.filter((g) => Math.round(g / step) === 1).length;
      if (fits && single * 2 >= gaps.length) {
        const last = dates[dates.length - 1] ?? dates[0] ?? '';
        found.push({
          category: group.category,
          amount: group.amount,
          every,
          dates,
          next: addMonths(last, step),
        });
        break;
      }
    }
  }
  return found.sort(
    (a, b) =>
      (a.dates[0] ?? '').localeCompare(b.dates[0] ?? '') || a.category.localeCompare(b.category),
  );
}
