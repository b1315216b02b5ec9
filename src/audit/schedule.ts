import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import { PERIODS, type Contract, type Period, type Rate } from './contract.js';
import { addDaysIso, parseIso, isValidDate } from './dates.js';
import { FEE_CATEGORIES, type FeeCategory, type Fen, type IsoDate } from './model.js';
import { formatFen, parsePercentMicro, parseYuanToFen } from './money.js';

/**
 * A provider's published fee schedule (收费标准), one version with its effective date
 * (docs/fee-schedules.md). The same rule form as a contract (spec §1) — rates with caps, a
 * per-transaction fee, charges with an amount and a period — plus what only a published
 * schedule has: the provider's own name for each charge and its conditions.
 *
 * ```ts
 * parseSchedule({ provider: '示例支付', version: '2025版', effectiveFrom: '2025-01-01',
 *   rates: [{ cardType: 'debit', percent: 0.5, capYuan: 20 }],
 *   charges: [{ name: '流量卡服务费', category: 'traffic_fee', amountYuan: 36, every: 'year',
 *     startsAfterDays: 365, conditions: '开通满一年后收取' }] });
 * // → { provider: '示例支付', version: '2025版', effectiveFrom: '2025-01-01',
 * //     rates: [{ cardType: 'debit', percentMicro: 500000, capFen: 2000 }],
 * //     perTransactionFeeFen: 0,
 * //     charges: [{ name: '流量卡服务费', category: 'traffic_fee', amountFen: 3600,
 * //       every: 'year', startsAfterDays: 365, conditions: '开通满一年后收取' }] }
 * ```
 */
const yuanValue = z.union([z.number().nonnegative(), z.string().trim().min(1)]);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((d) => {
    const { year, month, day } = parseIso(d);
    return isValidDate(year, month, day);
  }, 'not a real calendar date');

export const scheduleChargeSchema = z.object({
  /** The charge as the provider calls it, e.g. 流量卡服务费, SIM 卡年费. */
  name: z.string().trim().min(1, 'give the charge its name as the provider writes it').max(100),
  category: z.enum(FEE_CATEGORIES),
  amountYuan: yuanValue,
  every: z.enum(PERIODS),
  /** Free text: when it is charged, exemptions (e.g. 交易满 5 万元免收). */
  conditions: z.string().trim().max(500).optional(),
  /** Not charged in the first N days after the terminal is activated (e.g. a free first year). */
  startsAfterDays: z.number().int().nonnegative().max(3660).optional(),
});

export const scheduleSchema = z.object({
  provider: z.string().trim().min(1, 'name the provider as on its contracts').max(200),
  providerType: z.enum(['bank', 'payment_institution']).optional(),
  /** The provider's label for this version, e.g. "2025版" or "v3". */
  version: z.string().trim().min(1, 'give the version a label, e.g. "2025版"').max(50),
  effectiveFrom: isoDate,
  /** Where the provider publishes it (a URL or a document number). */
  source: z.string().trim().max(500).optional(),
  rates: z
    .array(
      z.object({
        cardType: z.enum(['debit', 'credit', 'any']),
        percent: z.union([z.number().nonnegative(), z.string().trim().min(1)]),
        capYuan: yuanValue.optional(),
      }),
    )
    .max(10)
    .default([]),
  perTransactionFeeYuan: yuanValue.default(0),
  charges: z.array(scheduleChargeSchema).max(100).default([]),
});
export type ScheduleInput = z.input<typeof scheduleSchema>;

export interface ScheduleCharge {
  name: string;
  category: FeeCategory;
  amountFen: Fen;
  every: Period;
  conditions?: string;
  startsAfterDays?: number;
}

/** One published version, money in fen and rates in micro-percent. */
export interface FeeSchedule {
  provider: string;
  providerType?: 'bank' | 'payment_institution';
  version: string;
  effectiveFrom: IsoDate;
  source?: string;
  rates: Rate[];
  perTransactionFeeFen: Fen;
  charges: ScheduleCharge[];
}

function bad(message: string, hint: string): FeeGuardError {
  return new FeeGuardError('FG_ERR_BAD_SCHEDULE', message, { hint });
}

function yuan(value: number | string, where: string): Fen {
  const fen = parseYuanToFen(String(value));
  if (fen === null || fen < 0) {
    throw bad(
      `收费标准中 ${where} 的金额无法识别 (not an amount): ${JSON.stringify(value)}`,
      'write it in yuan, e.g. 36 or "36.00"',
    );
  }
  return fen;
}

/**
 * Validates one schedule version (parsed JSON or an API body). A problem becomes one line naming
 * the field and how to fix it; `where` prefixes the path (e.g. `[1]` for the second version of
 * a file).
 */
export function parseSchedule(input: unknown, where = ''): FeeSchedule {
  const result = scheduleSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [where, ...(issue?.path ?? []).map(String)].filter((p) => p !== '').join('.');
    throw bad(
      `收费标准有误 (invalid fee schedule): ${path || '(top level)'}: ${issue?.message ?? 'invalid'}`,
      'see the format in docs/fee-schedules.md',
    );
  }
  const data = result.data;
  const at = (field: string) => (where === '' ? field : `${where}.${field}`);
  const rates = data.rates.map((rate, i): Rate => {
    const percentMicro = parsePercentMicro(rate.percent);
    if (percentMicro === null) {
      throw bad(
        `收费标准中 ${at(`rates.${String(i)}.percent`)} 无法识别: ${JSON.stringify(rate.percent)}`,
        'write the rate as a percent number, e.g. 0.6 for 0.6%',
      );
    }
    return rate.capYuan === undefined
      ? { cardType: rate.cardType, percentMicro }
      : {
          cardType: rate.cardType,
          percentMicro,
          capFen: yuan(rate.capYuan, at(`rates.${String(i)}.capYuan`)),
        };
  });
  const cards = rates.map((r) => r.cardType);
  const twice = cards.find((c, i) => cards.indexOf(c) !== i);
  if (twice !== undefined) {
    throw bad(
      `收费标准中 ${at('rates')} 有两个 ${twice} 费率 (two rates for the same card type)`,
      'give one rate per card type: debit, credit or any',
    );
  }
  const schedule: FeeSchedule = {
    provider: data.provider,
    version: data.version,
    effectiveFrom: data.effectiveFrom,
    rates,
    perTransactionFeeFen: yuan(data.perTransactionFeeYuan, at('perTransactionFeeYuan')),
    charges: data.charges.map((c, i) => ({
      name: c.name,
      category: c.category,
      amountFen: yuan(c.amountYuan, at(`charges.${String(i)}.amountYuan`)),
      every: c.every,
      ...(c.conditions === undefined || c.conditions === '' ? {} : { conditions: c.conditions }),
      ...(c.startsAfterDays === undefined ? {} : { startsAfterDays: c.startsAfterDays }),
    })),
  };
  if (data.providerType !== undefined) schedule.providerType = data.providerType;
  if (data.source !== undefined && data.source !== '') schedule.source = data.source;
  return schedule;
}

/**
 * The versions of a schedule file: one object or an array of them. Versions of one provider
 * must have distinct labels and effective dates, so that exactly one is in effect on any day.
 */
export function parseSchedules(input: unknown): FeeSchedule[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) {
    throw bad(
      '收费标准文件是空的 (no schedule version in the file)',
      'give one version object, or an array of versions',
    );
  }
  const versions = list.map((v, i) =>
    parseSchedule(v, Array.isArray(input) ? `[${String(i)}]` : ''),
  );
  const seen = new Map<string, FeeSchedule>();
  for (const v of versions) {
    for (const key of [`version|${v.version}`, `from|${v.effectiveFrom}`]) {
      const k = `${v.provider}|${key}`;
      if (seen.has(k)) {
        throw bad(
          `收费标准中 ${v.provider} 有两个版本的${key.startsWith('version') ? `版本号都是 ${v.version}` : `生效日期都是 ${v.effectiveFrom}`} (two versions with the same ${key.startsWith('version') ? 'label' : 'effective date'})`,
          'each version needs its own label and a later effectiveFrom than the one it replaces',
        );
      }
      seen.set(k, v);
    }
  }
  return sortVersions(versions);
}

export function sortVersions<T extends { effectiveFrom: IsoDate }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  );
}

/**
 * The version in effect on a date: the latest whose `effectiveFrom` is on or before it. Null
 * before the first version took effect (nothing was published then).
 */
export function scheduleOn<T extends { effectiveFrom: IsoDate }>(
  versions: readonly T[],
  date: IsoDate,
): T | null {
  let found: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom <= date && (found === null || v.effectiveFrom >= found.effectiveFrom))
      found = v;
  }
  return found;
}

/**
 * The schedule as the merchant's contract baseline (spec §1 form). A charge free for the first
 * N days starts N days after `activatedOn` (when the terminal was activated or the contract
 * signed); without that date, N days after the schedule took effect.
 *
 * ```ts
 * scheduleToContract(schedule, { activatedOn: '2025-03-01' }).agreedCharges
 * // → [{ category: 'traffic_fee', amountFen: 3600, every: 'year', startsAfter: '2026-03-01' }]
 * ```
 */
export function scheduleToContract(
  schedule: FeeSchedule,
  options: { activatedOn?: IsoDate } = {},
): Contract {
  const from = options.activatedOn ?? schedule.effectiveFrom;
  return {
    provider: schedule.provider,
    ...(schedule.providerType === undefined ? {} : { providerType: schedule.providerType }),
    ...(options.activatedOn === undefined ? {} : { signedAt: options.activatedOn }),
    rates: schedule.rates.map((r) => ({ ...r })),
    perTransactionFeeFen: schedule.perTransactionFeeFen,
    agreedCharges: schedule.charges.map((c) => ({
      category: c.category,
      amountFen: c.amountFen,
      every: c.every,
      ...(c.startsAfterDays === undefined || c.startsAfterDays === 0
        ? {}
        : { startsAfter: addDaysIso(from, c.startsAfterDays) }),
    })),
  };
}

/** The same contract in the contract.json form (yuan strings), as stored and shown by the API. */
export function contractToJson(contract: Contract): Record<string, unknown> {
  return {
    ...(contract.provider === undefined ? {} : { provider: contract.provider }),
    ...(contract.providerType === undefined ? {} : { providerType: contract.providerType }),
    ...(contract.signedAt === undefined ? {} : { signedAt: contract.signedAt }),
    rates: contract.rates.map((r) => ({
      cardType: r.cardType,
      percent: microToPercent(r.percentMicro),
      ...(r.capFen === undefined ? {} : { capYuan: formatFen(r.capFen) }),
    })),
    perTransactionFeeYuan: formatFen(contract.perTransactionFeeFen),
    agreedCharges: contract.agreedCharges.map((c) => ({
      category: c.category,
      amountYuan: formatFen(c.amountFen),
      every: c.every,
      ...(c.startsAfter === undefined ? {} : { startsAfter: c.startsAfter }),
    })),
  };
}

/** The schedule in its published JSON form (yuan strings, percent strings). */
export function scheduleToJson(schedule: FeeSchedule): Record<string, unknown> {
  return {
    provider: schedule.provider,
    ...(schedule.providerType === undefined ? {} : { providerType: schedule.providerType }),
    version: schedule.version,
    effectiveFrom: schedule.effectiveFrom,
    ...(schedule.source === undefined ? {} : { source: schedule.source }),
    rates: schedule.rates.map((r) => ({
      cardType: r.cardType,
      percent: microToPercent(r.percentMicro),
      ...(r.capFen === undefined ? {} : { capYuan: formatFen(r.capFen) }),
    })),
    perTransactionFeeYuan: formatFen(schedule.perTransactionFeeFen),
    charges: schedule.charges.map((c) => ({
      name: c.name,
      category: c.category,
      amountYuan: formatFen(c.amountFen),
      every: c.every,
      ...(c.conditions === undefined ? {} : { conditions: c.conditions }),
      ...(c.startsAfterDays === undefined ? {} : { startsAfterDays: c.startsAfterDays }),
    })),
  };
}

/** 550000 → "0.55": micro-percent back to the percent people write, without a float step. */
export function microToPercent(micro: number): string {
  const whole = Math.floor(micro / 1_000_000);
  const frac = String(micro % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return frac === '' ? String(whole) : `${String(whole)}.${frac}`;
}
