import type { AgreedCharge, Period } from '../contract.js';
import { addMonths } from '../dates.js';
import type { Fen, FeeCategory, IsoDate } from '../model.js';

/**
 * Which fee deductions an agreed charge covers (spec §2): same category, same amount or less, on
 * or after `startsAfter` (inclusive), at most one per period. Periods are counted from the first
 * covered deduction — for `year`, from that date to the same date a year later, exclusive — and
 * each period covers its first deduction only; `once` covers one deduction ever. A covered
 * deduction above the agreed amount is unauthorized for the excess and still uses its period.
 */
export interface Deduction {
  /** Position in the merged statement order, to keep results stable. */
  seq: number;
  /**
   * Order among deductions of the same day, when statement order is not the order they were taken
   * (a newest-first export lists a day's later charge first): lower was taken first. Default `seq`.
   */
  within?: number;
  date: IsoDate;
  category: FeeCategory;
  amount: Fen;
}

export type Coverage =
  | {
      covered: true;
      charge: AgreedCharge;
      agreedAmount: Fen;
      overcharge: Fen;
      periodStart: IsoDate;
    }
  | {
      covered: false;
      overcharge: Fen;
      reason: 'not_agreed' | 'before_start' | 'period_used';
      charge?: AgreedCharge;
      periodStart?: IsoDate;
      startsAfter?: IsoDate;
    };

const MONTHS: Record<Exclude<Period, 'once'>, number> = { month: 1, quarter: 3, year: 12 };

/** The start of the period (counted from `anchor`) that contains `date`. */
export function periodStartFor(
  anchor: IsoDate,
  every: Exclude<Period, 'once'>,
  date: IsoDate,
): IsoDate {
  const step = MONTHS[every];
  // jump close by whole months, then settle: clamping at month ends makes a closed form unsafe
  const [ay, am] = [Number(anchor.slice(0, 4)), Number(anchor.slice(5, 7))];
  const [dy, dm] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  let k = Math.max(0, Math.floor(((dy - ay) * 12 + (dm - am)) / step) - 1);
  while (addMonths(anchor, (k + 1) * step) <= date) k += 1;
  while (k > 0 && addMonths(anchor, k * step) > date) k -= 1;
  return addMonths(anchor, k * step);
}

interface ChargeState {
  charge: AgreedCharge;
  anchor: IsoDate | null;
  usedPeriods: Set<IsoDate>;
  /** The period found for the last date asked (a day's deductions come together). */
  lastDate: IsoDate | null;
  lastPeriod: IsoDate;
}

/** The start of the period of `state`'s charge that holds `date` (see {@link periodStartFor}). */
function periodOf(state: ChargeState, date: IsoDate): IsoDate {
  const every = state.charge.every;
  if (every === 'once') return state.anchor ?? date;
  if (state.anchor === null) return date;
  if (date !== state.lastDate) {
    state.lastDate = date;
    state.lastPeriod = periodStartFor(state.anchor, every, date);
  }
  return state.lastPeriod;
}

/**
 * Decides every deduction of every category against the agreed charges. Deductions are taken in
 * date order (then statement order), as the provider took them.
 */
export function coverDeductions(
  deductions: readonly Deduction[],
  charges: readonly AgreedCharge[],
): Map<number, Coverage> {
  const result = new Map<number, Coverage>();
  const states: ChargeState[] = charges.map((charge) => ({
    charge,
    anchor: null,
    usedPeriods: new Set(),
    lastDate: null,
    lastPeriod: '',
  }));
  // the charges of each category, found once rather than for every deduction
  const byCategory = new Map<FeeCategory, ChargeState[]>();
  for (const state of states) {
    const list = byCategory.get(state.charge.category);
    if (list === undefined) byCategory.set(state.charge.category, [state]);
    else list.push(state);
  }
  const ordered = [...deductions].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : (a.within ?? a.seq) - (b.within ?? b.seq),
  );
  for (const d of ordered) {
    const candidates = byCategory.get(d.category) ?? [];
    if (candidates.length === 0) {
      result.set(d.seq, { covered: false, overcharge: d.amount, reason: 'not_agreed' });
      continue;
    }
    let fallback: Coverage | null = null;
    let chosen: { state: ChargeState; period: IsoDate } | null = null;
    for (const state of candidates) {
      const startsAfter = state.charge.startsAfter;
      if (startsAfter !== undefined && d.date < startsAfter) {
        fallback ??= {
          covered: false,
          overcharge: d.amount,
          reason: 'before_start',
          charge: state.charge,
          startsAfter,
        };
        continue;
      }
      const period = periodOf(state, d.date);
      if (
        state.charge.every === 'once' ? state.usedPeriods.size > 0 : state.usedPeriods.has(period)
      ) {
        fallback = {
          covered: false,
          overcharge: d.amount,
          reason: 'period_used',
          charge: state.charge,
          periodStart: period,
        };
        continue;
      }
      // among free candidates prefer the one that leaves the smallest excess
      if (chosen === null || excess(d, state.charge) < excess(d, chosen.state.charge))
        chosen = { state, period };
    }
    if (chosen) {
      const { state, period } = chosen;
      state.anchor ??= d.date;
      state.usedPeriods.add(period);
      result.set(d.seq, {
        covered: true,
        charge: state.charge,
        agreedAmount: state.charge.amountFen,
        overcharge: excess(d, state.charge),
        periodStart: period,
      });
    } else {
      result.set(d.seq, fallback ?? { covered: false, overcharge: d.amount, reason: 'not_agreed' });
    }
  }
  return result;
}

function excess(d: Deduction, charge: AgreedCharge): Fen {
  return Math.max(0, d.amount - charge.amountFen);
}
