import type { CardType, Fen, FindingCategory, IsoDate } from '../model.js';
import { formatFen } from '../money.js';
import {
  microToPercent,
  scheduleOn,
  scheduleToContract,
  sortVersions,
  type FeeSchedule,
  type ScheduleCharge,
} from '../schedule.js';
import { CATEGORY_NAMES, PERIOD_NAMES } from '../words.js';
import { periodStartFor } from './charges.js';
import { createFeeRule, ROUNDING_TOLERANCE_FEN } from './rates.js';

/**
 * Where a deduction departs from the provider's own published fee schedule — whatever the
 * merchant's contract says (docs/fee-schedules.md). Each deduction is held against the version
 * in effect on its date:
 *
 * - `unlisted_charge`: money taken in a category the schedule lists no charge for;
 * - `above_amount`: a listed charge taken for more than the schedule's amount (the excess);
 * - `too_often`: a listed charge taken again within its period (the whole amount);
 * - `rate_above`: a transaction fee above the schedule's rate and cap (the excess).
 *
 * Periods are counted as for a contract (spec §2): from the first time the charge was taken,
 * one per period. A charge keeps its periods across versions while its name, category and
 * period stay the same. The schedule's conditions (a free first year …) depend on the
 * merchant's own dates, so they are shown, not checked here; a contract taken from the
 * schedule checks them.
 */
export const DEPARTURE_KINDS = [
  'unlisted_charge',
  'above_amount',
  'too_often',
  'rate_above',
] as const;
export type DepartureKind = (typeof DEPARTURE_KINDS)[number];

export interface ScheduleDeparture {
  /** Statement order, to merge with the findings. */
  seq: number;
  kind: DepartureKind;
  file: string;
  row: number;
  sheet?: string;
  page?: number;
  date: IsoDate;
  category: FindingCategory;
  provider: string;
  scheduleVersion: string;
  scheduleEffectiveFrom: IsoDate;
  /** The provider's name for the charge it was held against. */
  chargeName?: string;
  /** What the schedule says, for people. */
  scheduled: string;
  scheduledEn: string;
  /** What was taken, and what the schedule allows for it. */
  taken: Fen;
  allowed: Fen;
  /** taken − allowed: what departs from the schedule. */
  difference: Fen;
}

/** A fee deduction as the comparison needs it (an audit finding, amounts in fen). */
export interface ChargeTaken {
  seq: number;
  file: string;
  row: number;
  sheet?: string;
  page?: number;
  date: IsoDate;
  category: FindingCategory;
  amount: Fen;
}

interface ChargeState {
  anchor: IsoDate | null;
  used: Set<IsoDate>;
}

const label = (v: FeeSchedule) => `收费标准（${v.version}，${v.effectiveFrom} 起）`;
const labelEn = (v: FeeSchedule) => `Schedule ${v.version} (from ${v.effectiveFrom})`;

function describeCharge(c: ScheduleCharge): { zh: string; en: string } {
  const period = PERIOD_NAMES[c.every];
  return {
    zh: `${c.name} ${formatFen(c.amountFen)} 元${c.every === 'once' ? '（一次性）' : period.zh}`,
    en: `${c.name} ${formatFen(c.amountFen)} ${c.every === 'once' ? 'once' : period.en}`,
  };
}

/**
 * The charge departures of fee deductions (every category but `rate_overcharge`, which is a
 * transaction's fee and is checked by {@link createScheduleRateCheck}).
 *
 * ```ts
 * compareChargesToSchedule(
 *   [{ seq: 0, file: 'a.csv', row: 2, date: '2025-03-02', category: 'traffic_fee', amount: 9900 }],
 *   [schedule2025], // 流量卡服务费 36.00 元每年
 * );
 * // → [{ kind: 'above_amount', row: 2, scheduleVersion: '2025版', taken: 9900, allowed: 3600,
 * //      difference: 6300, chargeName: '流量卡服务费', … }]
 * ```
 */
export function compareChargesToSchedule(
  charges: readonly ChargeTaken[],
  versions: readonly FeeSchedule[],
): ScheduleDeparture[] {
  const sorted = sortVersions(versions);
  const states = new Map<string, ChargeState>();
  const out: ScheduleDeparture[] = [];
  const ordered = charges
    .filter((c) => c.category !== 'rate_overcharge')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  for (const d of ordered) {
    const v = scheduleOn(sorted, d.date);
    if (v === null) continue;
    const base = {
      seq: d.seq,
      file: d.file,
      row: d.row,
      ...(d.sheet === undefined ? {} : { sheet: d.sheet }),
      ...(d.page === undefined ? {} : { page: d.page }),
      date: d.date,
      category: d.category,
      provider: v.provider,
      scheduleVersion: v.version,
      scheduleEffectiveFrom: v.effectiveFrom,
      taken: d.amount,
    };
    const candidates = v.charges.filter((c) => c.category === d.category);
    if (candidates.length === 0) {
      const name = CATEGORY_NAMES[d.category];
      out.push({
        ...base,
        kind: 'unlisted_charge',
        scheduled: `${label(v)}没有列出${name.zh}`,
        scheduledEn: `${labelEn(v)} lists no ${name.en}`,
        allowed: 0,
        difference: d.amount,
      });
      continue;
    }
    let chosen: { charge: ScheduleCharge; state: ChargeState; period: IsoDate } | null = null;
    let used: { charge: ScheduleCharge; period: IsoDate } | null = null;
    for (const charge of candidates) {
      const key = `${charge.category}|${charge.name}|${charge.every}`;
      const state = states.get(key) ?? { anchor: null, used: new Set<IsoDate>() };
      states.set(key, state);
      const period =
        charge.every === 'once'
          ? (state.anchor ?? d.date)
          : state.anchor === null
            ? d.date
            : periodStartFor(state.anchor, charge.every, d.date);
      const taken = charge.every === 'once' ? state.used.size > 0 : state.used.has(period);
      if (taken) {
        used = { charge, period };
        continue;
      }
      if (chosen === null || excess(d.amount, charge) < excess(d.amount, chosen.charge))
        chosen = { charge, state, period };
    }
    if (chosen === null) {
      // every listed charge of the category was already taken in its current period
      const { charge, period } = used ?? {
        charge: candidates[0] as ScheduleCharge,
        period: d.date,
      };
      const c = describeCharge(charge);
      out.push({
        ...base,
        kind: 'too_often',
        chargeName: charge.name,
        scheduled:
          charge.every === 'once'
            ? `${label(v)}：${c.zh}，已经收过`
            : `${label(v)}：${c.zh}，${period} 起的这一期已经收过`,
        scheduledEn:
          charge.every === 'once'
            ? `${labelEn(v)}: ${c.en}, already taken`
            : `${labelEn(v)}: ${c.en}; the period from ${period} was already charged`,
        allowed: 0,
        difference: d.amount,
      });
      continue;
    }
    chosen.state.anchor ??= d.date;
    chosen.state.used.add(chosen.period);
    const over = excess(d.amount, chosen.charge);
    if (over > 0) {
      const c = describeCharge(chosen.charge);
      out.push({
        ...base,
        kind: 'above_amount',
        chargeName: chosen.charge.name,
        scheduled: `${label(v)}：${c.zh}`,
        scheduledEn: `${labelEn(v)}: ${c.en}`,
        allowed: chosen.charge.amountFen,
        difference: over,
      });
    }
  }
  return out.sort((a, b) => a.seq - b.seq);
}

function excess(amount: Fen, charge: ScheduleCharge): Fen {
  return Math.max(0, amount - charge.amountFen);
}

/** A transaction as the rate check needs it. */
export interface TransactionTaken {
  date: IsoDate;
  amount: Fen;
  fee: Fen;
  cardType: CardType;
}

export interface RateDeparture {
  version: FeeSchedule;
  allowed: Fen;
  scheduled: string;
  scheduledEn: string;
}

const CARD_NAMES = {
  debit: { zh: '借记卡', en: 'debit' },
  credit: { zh: '贷记卡', en: 'credit' },
  any: { zh: '各类卡', en: 'any card' },
} as const;

function describeRates(v: FeeSchedule): { zh: string; en: string } {
  const zh = v.rates.map(
    (r) =>
      `${CARD_NAMES[r.cardType].zh} ${microToPercent(r.percentMicro)}%${r.capFen === undefined ? '' : `（封顶 ${formatFen(r.capFen)} 元）`}`,
  );
  const en = v.rates.map(
    (r) =>
      `${CARD_NAMES[r.cardType].en} ${microToPercent(r.percentMicro)}%${r.capFen === undefined ? '' : ` (cap ${formatFen(r.capFen)})`}`,
  );
  if (v.perTransactionFeeFen > 0) {
    zh.push(`每笔另加 ${formatFen(v.perTransactionFeeFen)} 元`);
    en.push(`plus ${formatFen(v.perTransactionFeeFen)} a transaction`);
  }
  return { zh: zh.join('、'), en: en.join(', ') };
}

/**
 * The rate check of transactions, prepared once per set of versions: for each transaction, the
 * fee the schedule in effect allows (rate, cap, per-transaction fee; with the card unknown, the
 * highest that could apply) and whether the fee taken is more than one cent above it.
 * Returns null for a transaction within the schedule or with no schedule rate to hold it to.
 */
export function createScheduleRateCheck(
  versions: readonly FeeSchedule[],
): (t: TransactionTaken) => RateDeparture | null {
  const sorted = sortVersions(versions).filter((v) => v.rates.length > 0);
  const prepared = new Map(
    sorted.map((v) => {
      const rates = describeRates(v);
      return [
        v,
        {
          rule: createFeeRule(scheduleToContract(v)),
          zh: `${label(v)}：${rates.zh}`,
          en: `${labelEn(v)}: ${rates.en}`,
        },
      ] as const;
    }),
  );
  // statements hold many transactions a day: the version in effect is looked up once per date
  const byDate = new Map<IsoDate, FeeSchedule | null>();
  return (t) => {
    let v = byDate.get(t.date);
    if (v === undefined) {
      v = scheduleOn(sorted, t.date);
      byDate.set(t.date, v);
    }
    if (v === null) return null;
    const p = prepared.get(v);
    if (!p) return null;
    const allowed = p.rule(t.amount, t.cardType);
    if (allowed === null || t.fee - allowed <= ROUNDING_TOLERANCE_FEN) return null;
    return { version: v, allowed, scheduled: p.zh, scheduledEn: p.en };
  };
}
