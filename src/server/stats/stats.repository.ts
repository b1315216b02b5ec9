import type { Kysely, Transaction } from 'kysely';
import {
  COUNTERS,
  type CaseFacts,
  type Contribution,
  type Counters,
  type Delta,
  type Dimensions,
} from '../../stats/contribution.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { DB, StatsCellsTable } from '../db/schema.js';

/** The grains a delta is written at; see StatsCellsTable. */
export const GRAINS = ['full', 'provider', 'place'] as const;
export type Grain = (typeof GRAINS)[number];
export const ANY = '*';

type CellKey = Pick<
  StatsCellsTable,
  'grain' | 'provider' | 'category' | 'province' | 'city' | 'month'
>;

function keyAt(grain: Grain, d: Dimensions): CellKey {
  return {
    grain,
    provider: grain === 'place' ? ANY : d.provider,
    category: d.category,
    province: grain === 'provider' ? ANY : d.province,
    city: grain === 'provider' ? ANY : d.city,
    month: d.month,
  };
}

function keyText(k: CellKey): string {
  return [k.grain, k.provider, k.category, k.province, k.city, k.month].join('\u0000');
}

interface CellRow extends CellKey, Counters {}
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
 * Sums deltas into the rows to upsert, in one fixed order: concurrent transactions then lock
 * the shared rows in the same order and cannot deadlock one another.
 */
export function rowsOf(deltas: readonly Delta[]): {
  cells: CellRow[];
  days: DaysRow[];
  weeks: WeekRow[];
} {
  const cells = new Map<string, CellRow>();
  const days = new Map<string, DaysRow>();
  const weeks = new Map<string, WeekRow>();
  for (const delta of deltas) {
    for (const grain of GRAINS) {
      const key = keyAt(grain, delta.dimensions);
      const id = keyText(key);
      const cell = cells.get(id) ?? { ...key, ...zero() };
      cells.set(id, add(cell, delta.counters));
      for (const [d, n] of delta.answerDays) {
        const dayId = `${id}\u0000${String(d)}`;
        const row = days.get(dayId) ?? { ...key, days: d, filings: 0 };
        days.set(dayId, { ...row, filings: row.filings + n });
      }
    }
    const { provider, category, week } = delta.dimensions;
    const weekId = [provider, category, week].join('\u0000');
    const row = weeks.get(weekId) ?? { provider, category, week, complaints: 0, claimed_fen: 0 };
    weeks.set(weekId, {
      ...row,
      complaints: row.complaints + delta.counters.complaints,
      claimed_fen: row.claimed_fen + delta.counters.claimed_fen,
    });
  }
  const sorted = <T>(map: Map<string, T>) =>
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return {
    cells: sorted(cells).filter((c) => COUNTERS.some((k) => c[k] !== 0)),
    days: sorted(days).filter((d) => d.filings !== 0),
    weeks: sorted(weeks).filter((w) => w.complaints !== 0 || w.claimed_fen !== 0),
  };
}

function zero(): Counters {
  return Object.fromEntries(COUNTERS.map((k) => [k, 0])) as unknown as Counters;
}

function add(cell: CellRow, counters: Counters): CellRow {
  const next = { ...cell };
  for (const k of COUNTERS) next[k] = cell[k] + counters[k];
  return next;
}

/** Adds deltas to the statistics; must run in the transaction that changed the cases. */
export async function applyDeltas(trx: Transaction<DB>, deltas: readonly Delta[]): Promise<void> {
  const { cells, days, weeks } = rowsOf(deltas);
  for (const cell of cells) {
    await trx
      .insertInto('stats_cells')
      .values(cell)
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
  for (const row of days) {
    await trx
      .insertInto('stats_answer_days')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['grain', 'provider', 'category', 'province', 'city', 'month', 'days'])
          .doUpdateSet((eb) => ({
            filings: eb(eb.ref('stats_answer_days.filings'), '+', eb.ref('excluded.filings')),
          })),
      )
      .execute();
  }
  for (const row of weeks) {
    await trx
      .insertInto('stats_weeks')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['provider', 'category', 'week']).doUpdateSet((eb) => ({
          complaints: eb(eb.ref('stats_weeks.complaints'), '+', eb.ref('excluded.complaints')),
          claimed_fen: eb(eb.ref('stats_weeks.claimed_fen'), '+', eb.ref('excluded.claimed_fen')),
        })),
      )
      .execute();
  }
}

/** Bulk load for a rebuild or a benchmark: plain inserts into empty tables, in batches. */
export async function insertAggregates(
  db: Kysely<DB>,
  deltas: readonly Delta[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { cells, days, weeks } = rowsOf(deltas);
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
}

export async function clearAggregates(db: Kysely<DB>): Promise<void> {
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

/** Holds the case's row until the transaction ends, so two refreshes of one case take turns. */
export async function lockCase(trx: Transaction<DB>, caseId: string, postgres: boolean) {
  const query = trx.selectFrom('cases').select('id').where('id', '=', caseId);
  return (postgres ? query.forUpdate() : query).executeTakeFirst();
}

const answerSchemaKinds = new Set(['refund', 'explanation', 'rejection', 'in_progress']);

/** The plain facts the statistics need about these cases, read inside the caller's transaction. */
export async function caseFacts(
  db: Kysely<DB>,
  caseIds: readonly string[],
  providerChannels: ReadonlySet<string>,
): Promise<Map<string, CaseFacts>> {
  if (caseIds.length === 0) return new Map();
  const [cases, deductions, filings] = await Promise.all([
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
  ]);
  const facts = new Map<string, CaseFacts>();
  for (const c of cases) {
    const place = JSON.parse(c.details) as { province?: unknown; city?: unknown };
    facts.set(c.id, {
      provider: c.respondent_name,
      province: typeof place.province === 'string' ? place.province.trim() : undefined,
      city: typeof place.city === 'string' ? place.city.trim() : undefined,
      createdOn: shanghaiToday(new Date(c.created_at)),
      claimFen: c.claim_fen,
      refundedFen: c.refunded_fen,
      deductions: deductions
        .filter((d) => d.case_id === c.id)
        .map((d) => ({ category: d.category, overchargeFen: d.overcharge_fen })),
      filings: filings
        .filter((f) => f.case_id === c.id)
        .map((f) => {
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
