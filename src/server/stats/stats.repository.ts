import { sql, type Kysely, type Transaction } from 'kysely';
import {
  COUNTERS,
  type CaseFacts,
  type Contribution,
  type Counters,
  type Delta,
  type Dimensions,
} from '../../stats/contribution.js';
import { publicPlace, publicProvider } from '../../stats/public-dimensions.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { DB, StatsCellsTable } from '../db/schema.js';

/**
 * The grains a delta is written at: which dimensions each keeps ('*' in the others). A query
 * reads the smallest grain that has the dimensions it groups or filters by. The month-level
 * grains answer filtered queries; the all-time ones keep the unfiltered pages (by provider,
 * category, place or month) to a few thousand rows however many complaints there are.
 */
export const GRAINS = [
  'month_all',
  'category_all',
  'provider_all',
  'place_all',
  'provider_month',
  'provider',
  'place',
  'provider_place',
  'full',
] as const;
export type Grain = (typeof GRAINS)[number];
interface Keeps {
  readonly provider: boolean;
  readonly category: boolean;
  readonly place: boolean;
  readonly month: boolean;
}
const keeps = (provider: boolean, category: boolean, place: boolean, month: boolean): Keeps => ({
  provider,
  category,
  place,
  month,
});
/** Smallest first: a query takes the first that has what it needs. */
export const GRAIN_DIMENSIONS: Readonly<Record<Grain, Keeps>> = {
  month_all: keeps(false, false, false, true),
  category_all: keeps(false, true, false, false),
  provider_all: keeps(true, false, false, false),
  place_all: keeps(false, false, true, false),
  provider_month: keeps(true, false, false, true),
  provider: keeps(true, true, false, true),
  place: keeps(false, true, true, true),
  provider_place: keeps(true, false, true, true),
  full: keeps(true, true, true, true),
};
export const ANY = '*';

type CellKey = Pick<
  StatsCellsTable,
  'grain' | 'provider' | 'category' | 'province' | 'city' | 'month'
>;

function keyAt(grain: Grain, d: Dimensions): CellKey {
  const keeps = GRAIN_DIMENSIONS[grain];
  return {
    grain,
    provider: keeps.provider ? d.provider : ANY,
    category: keeps.category ? d.category : ANY,
    province: keeps.place ? d.province : ANY,
    city: keeps.place ? d.city : ANY,
    month: keeps.month ? d.month : ANY,
  };
}

function keyText(k: CellKey): string {
  return [k.grain, k.provider, k.category, k.province, k.city, k.month].join('\u0000');
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface CellRow extends CellKey, Mutable<Counters> {}
interface DaysRow extends CellKey {
  days: number;
  filings: number;
}
interface WeekRow {
  provider: string;
  category: string;
  week: string;
  complaints: number;
  claimed_fen: number;
}

/**
 * Sums deltas into the rows to write. `rows()` gives them in one fixed order: concurrent
 * transactions then lock the shared rows in the same order and cannot deadlock one another.
 * A bulk load adds a million deltas one at a time without holding them.
 */
export class AggregateRows {
  private readonly cells = new Map<string, CellRow>();
  private readonly days = new Map<string, DaysRow>();
  private readonly weeks = new Map<string, WeekRow>();

  add(delta: Delta): void {
    for (const grain of GRAINS) {
      const key = keyAt(grain, delta.dimensions);
      const id = keyText(key);
      const cell = this.cells.get(id);
      if (cell) for (const k of COUNTERS) cell[k] += delta.counters[k];
      else this.cells.set(id, { ...key, ...delta.counters });
      for (const [d, n] of delta.answerDays) {
        const dayId = `${id}\u0000${String(d)}`;
        const row = this.days.get(dayId);
        if (row) row.filings += n;
        else this.days.set(dayId, { ...key, days: d, filings: n });
      }
    }
    const { provider, category, week } = delta.dimensions;
    const weekId = [provider, category, week].join('\u0000');
    const row = this.weeks.get(weekId);
    if (row) {
      row.complaints += delta.counters.complaints;
      row.claimed_fen += delta.counters.claimed_fen;
    } else {
      this.weeks.set(weekId, {
        provider,
        category,
        week,
        complaints: delta.counters.complaints,
        claimed_fen: delta.counters.claimed_fen,
      });
    }
  }

  rows(): { cells: CellRow[]; days: DaysRow[]; weeks: WeekRow[] } {
    const sorted = <T>(map: Map<string, T>) =>
      [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    return {
      cells: sorted(this.cells).filter((c) => COUNTERS.some((k) => c[k] !== 0)),
      days: sorted(this.days).filter((d) => d.filings !== 0),
      weeks: sorted(this.weeks).filter((w) => w.complaints !== 0 || w.claimed_fen !== 0),
    };
  }
}

export function rowsOf(deltas: Iterable<Delta>): ReturnType<AggregateRows['rows']> {
  const sums = new AggregateRows();
  for (const delta of deltas) sums.add(delta);
  return sums.rows();
}

/** Adds deltas to the statistics; must run in the transaction that changed the cases. */
export async function applyDeltas(trx: Transaction<DB>, deltas: readonly Delta[]): Promise<void> {
  const { cells, days, weeks } = rowsOf(deltas);
  if (cells.length + days.length + weeks.length === 0) return;
  // One multi-row upsert a table; the rows come sorted, so rows are locked in one order.
  if (cells.length > 0) {
    await trx
      .insertInto('stats_cells')
      .values(cells)
      .onConflict((oc) =>
        oc
          .columns(['grain', 'provider', 'category', 'province', 'city', 'month'])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              COUNTERS.map((k) => [
                k,
                eb(eb.ref(`stats_cells.${k}`), '+', eb.ref(`excluded.${k}`)),
              ]),
            ),
          ),
      )
      .execute();
  }
  if (days.length > 0) {
    await trx
      .insertInto('stats_answer_days')
      .values(days)
      .onConflict((oc) =>
        oc
          .columns(['grain', 'provider', 'category', 'province', 'city', 'month', 'days'])
          .doUpdateSet((eb) => ({
            filings: eb(eb.ref('stats_answer_days.filings'), '+', eb.ref('excluded.filings')),
          })),
      )
      .execute();
  }
  if (weeks.length > 0) {
    await trx
      .insertInto('stats_weeks')
      .values(weeks)
      .onConflict((oc) =>
        oc.columns(['provider', 'category', 'week']).doUpdateSet((eb) => ({
          complaints: eb(eb.ref('stats_weeks.complaints'), '+', eb.ref('excluded.complaints')),
          claimed_fen: eb(eb.ref('stats_weeks.claimed_fen'), '+', eb.ref('excluded.claimed_fen')),
        })),
      )
      .execute();
  }
  // Last, after the cells: every writer takes the rows in the same order.
  await bumpStatsVersion(trx);
}

/** Marks the statistics changed; cached answers read at an older version are not used again. */
export async function bumpStatsVersion(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('stats_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** The statistics' current version (see bumpStatsVersion). */
export async function statsVersion(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('stats_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** Bulk load for a rebuild or a benchmark: plain inserts into empty tables, in batches. */
export async function insertAggregates(
  db: Kysely<DB>,
  deltas: Iterable<Delta> | AggregateRows,
  onProgress?: (done: number, total: number) => void,
): Promise<{ cells: number; days: number; weeks: number }> {
  const { cells, days, weeks } = deltas instanceof AggregateRows ? deltas.rows() : rowsOf(deltas);
  await bumpStatsVersion(db);
  const total = cells.length + days.length + weeks.length;
  let done = 0;
  const batch = 500;
  for (let i = 0; i < cells.length; i += batch) {
    await db
      .insertInto('stats_cells')
      .values(cells.slice(i, i + batch))
      .execute();
    done += Math.min(batch, cells.length - i);
    onProgress?.(done, total);
  }
  for (let i = 0; i < days.length; i += batch) {
    await db
      .insertInto('stats_answer_days')
      .values(days.slice(i, i + batch))
      .execute();
    done += Math.min(batch, days.length - i);
    onProgress?.(done, total);
  }
  for (let i = 0; i < weeks.length; i += batch) {
    await db
      .insertInto('stats_weeks')
      .values(weeks.slice(i, i + batch))
      .execute();
    done += Math.min(batch, weeks.length - i);
    onProgress?.(done, total);
  }
  return { cells: cells.length, days: days.length, weeks: weeks.length };
}

export async function clearAggregates(db: Kysely<DB>): Promise<void> {
  await bumpStatsVersion(db);
  await db.deleteFrom('stats_cells').execute();
  await db.deleteFrom('stats_answer_days').execute();
  await db.deleteFrom('stats_weeks').execute();
}

export async function storedContribution(
  trx: Kysely<DB>,
  caseId: string,
): Promise<Contribution | null> {
  const row = await trx
    .selectFrom('case_stats')
    .select('contribution')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.contribution) as Contribution) : null;
}

export async function storeContribution(
  trx: Kysely<DB>,
  caseId: string,
  contribution: Contribution,
  at: string,
): Promise<void> {
  const value = JSON.stringify(contribution);
  await trx
    .insertInto('case_stats')
    .values({ case_id: caseId, contribution: value, updated_at: at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ contribution: value, updated_at: at }))
    .execute();
}

/** Bulk load of contributions into an emptied case_stats (a rebuild or a benchmark). */
export async function insertContributions(
  db: Kysely<DB>,
  rows: readonly { caseId: string; contribution: Contribution }[],
  at: string,
): Promise<void> {
  // Three columns a row: 300 rows stay far below either database's limit on parameters.
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('case_stats')
      .values(
        rows.slice(i, i + 300).map((r) => ({
          case_id: r.caseId,
          contribution: JSON.stringify(r.contribution),
          updated_at: at,
        })),
      )
      .execute();
  }
}

/** Holds the case's row until the transaction ends, so two refreshes of one case take turns. */
export async function lockCase(trx: Transaction<DB>, caseId: string, postgres: boolean) {
  const query = trx.selectFrom('cases').select('id').where('id', '=', caseId);
  return (postgres ? query.forUpdate() : query).executeTakeFirst();
}

const answerSchemaKinds = new Set(['refund', 'explanation', 'rejection', 'in_progress']);

/**
 * The providers the public figures may name: those with an organization on FeeGuard or a
 * published fee schedule (an administrator has reviewed both).
 */
export async function knownProviders(db: Kysely<DB>): Promise<string[]> {
  // One query, as every case's statistics refresh asks; the organizations' names come first.
  const rows = await db
    .selectFrom('organizations')
    .select(['provider_name', sql<number>`0`.as('source')])
    .where('kind', '=', 'provider')
    .where('provider_name', 'is not', null)
    .unionAll(
      db
        .selectFrom('fee_schedules')
        .select(['provider_name', sql<number>`1`.as('source')])
        .distinct(),
    )
    .orderBy('source')
    .execute();
  return [...new Set(rows.flatMap((r) => (r.provider_name ? [r.provider_name] : [])))];
}

/** The plain facts the statistics need about these cases, read inside the caller's transaction. */
export async function caseFacts(
  db: Kysely<DB>,
  caseIds: readonly string[],
  providerChannels: ReadonlySet<string>,
): Promise<Map<string, CaseFacts>> {
  if (caseIds.length === 0) return new Map();
  const [cases, deductions, filings, known] = await Promise.all([
    db
      .selectFrom('cases')
      .innerJoin('merchants', 'merchants.id', 'cases.merchant_id')
      .select([
        'cases.id',
        'cases.respondent_name',
        'cases.claim_fen',
        'cases.refunded_fen',
        'cases.created_at',
        'merchants.details',
      ])
      .where('cases.id', 'in', caseIds)
      .execute(),
    db
      .selectFrom('case_deductions')
      .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
      .select(['case_deductions.case_id', 'deductions.category', 'deductions.overcharge_fen'])
      .where('case_deductions.case_id', 'in', caseIds)
      .execute(),
    db
      .selectFrom('filings')
      .select(['case_id', 'channel_id', 'state', 'submitted_at', 'due_date', 'response'])
      .where('case_id', 'in', caseIds)
      .execute(),
    knownProviders(db),
  ]);
  const deductionsOf = groupBy(deductions, (d) => d.case_id);
  const filingsOf = groupBy(filings, (f) => f.case_id);
  const facts = new Map<string, CaseFacts>();
  for (const c of cases) {
    const given = JSON.parse(c.details) as { province?: unknown; city?: unknown };
    // Only names from fixed lists reach the public figures: never what the merchant typed.
    const place = publicPlace(
      typeof given.province === 'string' ? given.province : undefined,
      typeof given.city === 'string' ? given.city : undefined,
    );
    facts.set(c.id, {
      provider: publicProvider(c.respondent_name, known),
      province: place.province || undefined,
      city: place.city || undefined,
      createdOn: shanghaiToday(new Date(c.created_at)),
      claimFen: c.claim_fen,
      refundedFen: c.refunded_fen,
      deductions: (deductionsOf.get(c.id) ?? []).map((d) => ({
        category: d.category,
        overchargeFen: d.overcharge_fen,
      })),
      filings: (filingsOf.get(c.id) ?? []).map((f) => {
        const response = f.response
          ? (JSON.parse(f.response) as { kind?: string; at?: string })
          : null;
        const kind =
          response?.kind && answerSchemaKinds.has(response.kind)
            ? (response.kind as 'refund' | 'explanation' | 'rejection' | 'in_progress')
            : null;
        const final = kind !== null && kind !== 'in_progress' && response?.at;
        return {
          toProvider: providerChannels.has(f.channel_id),
          state: f.state,
          submittedOn: f.submitted_at,
          dueDate: f.due_date,
          answeredOn: final ? shanghaiToday(new Date(response.at ?? '')) : null,
          answerKind: kind,
        };
      }),
    });
  }
  return facts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Every case id, a page at a time, for a rebuild. */
export async function caseIdPage(db: Kysely<DB>, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The cases of one merchant (its place changed: their contributions move). */
export async function caseIdsOfMerchant(db: Kysely<DB>, merchantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** What a statistics query filters by (months inclusive, YYYY-MM). */
export interface CellFilter {
  readonly provider?: string | undefined;
  readonly category?: string | undefined;
  readonly province?: string | undefined;
  readonly city?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

type GroupColumn = 'provider' | 'category' | 'province' | 'city' | 'month';
type Condition = readonly [GroupColumn, '=' | '>=' | '<=', string];

/**
 * The conditions that pick a grain's rows for a filter. The dimensions the grain does not keep
 * are matched to '*' too, so that the primary key's prefix finds the rows.
 */
function conditionsOf(grain: Grain, filter: CellFilter): Condition[] {
  const keeps = GRAIN_DIMENSIONS[grain];
  const out: Condition[] = [];
  const equal = (column: GroupColumn, value: string | undefined, kept: boolean) => {
    const wanted = kept ? value : ANY;
    if (wanted !== undefined) out.push([column, '=', wanted]);
  };
  equal('provider', filter.provider, keeps.provider);
  equal('category', filter.category, keeps.category);
  equal('province', filter.province, keeps.place);
  equal('city', filter.city, keeps.place);
  if (!keeps.month) out.push(['month', '=', ANY]);
  else {
    if (filter.from !== undefined) out.push(['month', '>=', filter.from]);
    if (filter.to !== undefined) out.push(['month', '<=', filter.to]);
  }
  return out;
}

/** The counters of a grain's cells matching the filter, summed by the group columns. */
export async function statsCells(
  db: Kysely<DB>,
  grain: Grain,
  groupColumns: readonly GroupColumn[],
  filter: CellFilter,
) {
  let query = db
    .selectFrom('stats_cells')
    .select(groupColumns)
    .select((eb) => COUNTERS.map((k) => eb.fn.sum<number | string>(k).as(k)))
    .where('grain', '=', grain);
  for (const [column, op, value] of conditionsOf(grain, filter)) {
    query = query.where(column, op, value);
  }
  return query.groupBy(groupColumns).execute();
}

/** The answer-days histogram of a grain's cells matching the filter, by the group columns. */
export async function statsAnswerDays(
  db: Kysely<DB>,
  grain: Grain,
  groupColumns: readonly GroupColumn[],
  filter: CellFilter,
) {
  let query = db
    .selectFrom('stats_answer_days')
    .select(groupColumns)
    .select('days')
    .select((eb) => eb.fn.sum<number | string>('filings').as('filings'))
    .where('grain', '=', grain);
  for (const [column, op, value] of conditionsOf(grain, filter)) {
    query = query.where(column, op, value);
  }
  return query.groupBy([...groupColumns, 'days']).execute();
}

export async function countCases(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
