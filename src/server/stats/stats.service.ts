import { formatFen } from '../../audit/money.js';
import {
  COUNTERS,
  contributionOf,
  deltasBetween,
  medianOf,
  type Counters,
} from '../../stats/contribution.js';
import type { KnowledgeBase } from '../../channels/schema.js';
import { knowledgeBase } from '../channels/channels.service.js';
import type { DB } from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import type { Kysely, Transaction } from 'kysely';
import { refreshPublication } from '../publication/publication.service.js';
import {
  AggregateRows,
  applyDeltas,
  caseFacts,
  caseIdPage,
  caseIdsOfMerchant,
  clearAggregates,
  insertAggregates,
  insertContributions,
  lockCase,
  storeContribution,
  storedContribution,
  GRAIN_DIMENSIONS,
  GRAINS,
  statsCells,
  statsAnswerDays,
  statsVersion,
  type Grain,
} from './stats.repository.js';

/** The channels that are the provider’s own service line (its answers count for timeliness). */
export async function providerChannels(
  db: Kysely<DB>,
  known?: KnowledgeBase,
): Promise<Set<string>> {
  const kb = known ?? (await knowledgeBase(db));
  return new Set(kb.channels.filter((c) => c.kind === 'provider_service').map((c) => c.id));
}

const RETRIES = 5;

/**
 * Brings the statistics up to date with these cases. Per case, one transaction locks the case,
 * reads its facts, and adds the difference from what it contributed before: the aggregates
 * always equal the sum of the stored contributions, however many instances write at once.
 */
export async function refreshCaseStats(
  deps: ServerDeps,
  caseIds: readonly string[],
  /** The knowledge base the caller read in this request, if it did (saves reading it again). */
  kb?: KnowledgeBase,
) {
  if (caseIds.length === 0) return;
  const channels = await providerChannels(deps.db, kb);
  const at = deps.now().toISOString();
  for (const caseId of caseIds) {
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.db.transaction().execute(async (trx) => {
          await refreshCaseStat(trx, deps, caseId, channels, at);
        });
        break;
      } catch (error) {
        // PostgreSQL may pick this transaction as a deadlock victim; it is safe to run again.
        if (attempt >= RETRIES || !isRetryable(error)) throw error;
      }
    }
  }
}

/** A PostgreSQL deadlock victim or serialization failure: the transaction may simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * The same inside a transaction the caller holds, so the statistics change together with what
 * changed the cases (or not at all). The caller retries the whole transaction on
 * {@link isRetryable} errors.
 */
export async function refreshCaseStatsIn(
  trx: Transaction<DB>,
  deps: ServerDeps,
  caseIds: readonly string[],
) {
  if (caseIds.length === 0) return;
  const channels = await providerChannels(trx);
  const at = deps.now().toISOString();
  for (const caseId of caseIds) await refreshCaseStat(trx, deps, caseId, channels, at);
}

async function refreshCaseStat(
  trx: Transaction<DB>,
  deps: ServerDeps,
  caseId: string,
  channels: ReadonlySet<string>,
  at: string,
) {
  if (!(await lockCase(trx, caseId, deps.dialect === 'postgres'))) return;
  const facts = (await caseFacts(trx, [caseId], channels)).get(caseId);
  if (!facts) return;
  const after = contributionOf(facts);
  const before = await storedContribution(trx, caseId);
  // Most writes (a draft filing, a note) leave what the case counts for as it was: then there is
  // nothing to write, and the transaction only reads.
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await applyDeltas(trx, deltasBetween(before, after));
    await storeContribution(trx, caseId, after, at);
  }
  await refreshPublication(trx, caseId, after, at);
}

/** After a merchant's details changed: its complaints may now count under another place. */
export async function refreshMerchantStats(deps: ServerDeps, merchantId: string): Promise<void> {
  await refreshCaseStats(deps, await caseIdsOfMerchant(deps.db, merchantId));
}

/**
 * Recomputes every aggregate from the cases themselves (`feeguard stats rebuild`, and the test
 * that the incremental path never drifts). Not for use while cases are being written.
 */
export async function rebuildStats(
  deps: ServerDeps,
  onProgress?: (done: number) => void,
): Promise<{ cases: number }> {
  const channels = await providerChannels(deps.db);
  const at = deps.now().toISOString();
  const sums = new AggregateRows();
  let after = '';
  let cases = 0;
  await deps.db.deleteFrom('case_stats').execute();
  for (;;) {
    const ids = await caseIdPage(deps.db, after, 1000);
    const last = ids[ids.length - 1];
    if (last === undefined) break;
    const facts = await caseFacts(deps.db, ids, channels);
    const page = [...facts].map(([caseId, f]) => ({ caseId, contribution: contributionOf(f) }));
    for (const { contribution } of page) {
      for (const delta of deltasBetween(null, contribution)) sums.add(delta);
    }
    await deps.db.transaction().execute((trx) => insertContributions(trx, page, at));
    cases += ids.length;
    after = last;
    onProgress?.(cases);
  }
  await deps.db.transaction().execute(async (trx) => {
    await clearAggregates(trx);
    await insertAggregates(trx, sums);
  });
  return { cases };
}

export const DIMENSIONS = ['provider', 'category', 'province', 'city', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface StatsFilter {
  readonly provider?: string | undefined;
  readonly category?: string | undefined;
  readonly province?: string | undefined;
  readonly city?: string | undefined;
  /** YYYY-MM, inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Places with fewer complaints are shown together, so that no single shop can be picked out. */
export const MIN_PLACE_COUNT = 3;
export const OTHER_PLACES = '(其他地区 other)';

export interface StatsRow {
  key: string;
  complaints: number;
  claimedFen: number;
  recoveredFen: number;
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

/** The smallest grain that holds the dimensions a query groups or filters by. */
export function grainFor(by: Dimension, filter: StatsFilter): Grain {
  const needs = {
    provider: by === 'provider' || filter.provider !== undefined,
    category: by === 'category' || filter.category !== undefined,
    place:
      by === 'province' ||
      by === 'city' ||
      filter.province !== undefined ||
      filter.city !== undefined,
    month: by === 'month' || filter.from !== undefined || filter.to !== undefined,
  };
  const fits = (g: Grain) =>
    (Object.keys(needs) as (keyof typeof needs)[]).every(
      (d) => !needs[d] || GRAIN_DIMENSIONS[g][d],
    );
  return GRAINS.find(fits) ?? 'full';
}

function keyExpression(by: Dimension, row: Record<Dimension, string>): string {
  return by === 'city' ? `${row.province} ${row.city}`.trim() : row[by];
}

type StatsAnswer = { rows: StatsRow[]; totals: StatsRow };

/**
 * Answers an instance keeps while the statistics' version stays what it was when they were
 * read: every change to the statistics increments the version in its own transaction, so a kept
 * answer is never older than what the database holds. Least recently used ones go first.
 */
export class StatsCache {
  private readonly entries = new Map<string, { version: number; answer: StatsAnswer }>();

  constructor(private readonly capacity = 500) {}

  async answer(db: Kysely<DB>, key: string, compute: () => Promise<StatsAnswer>) {
    const version = await statsVersion(db);
    const kept = this.entries.get(key);
    this.entries.delete(key);
    if (kept?.version === version) {
      this.entries.set(key, kept);
      return kept.answer;
    }
    const answer = await compute();
    this.entries.set(key, { version, answer });
    const oldest = this.entries.keys().next();
    if (this.entries.size > this.capacity && !oldest.done) this.entries.delete(oldest.value);
    return answer;
  }
}

/** Public figures grouped by one dimension, from the pre-aggregated cells. */
export async function statsBy(
  db: Kysely<DB>,
  by: Dimension,
  filter: StatsFilter,
  cache?: StatsCache,
): Promise<StatsAnswer> {
  if (cache) {
    const key = JSON.stringify([
      by,
      filter.provider,
      filter.category,
      filter.province,
      filter.city,
      filter.from,
      filter.to,
    ]);
    return cache.answer(db, key, () => statsBy(db, by, filter));
  }
  const grain = grainFor(by, filter);
  const groupColumns: Dimension[] = by === 'city' ? ['province', 'city'] : [by];
  const [cells, days] = await Promise.all([
    statsCells(db, grain, groupColumns, filter),
    statsAnswerDays(db, grain, groupColumns, filter),
  ]);

  const place = by === 'province' || by === 'city';
  const histogramOf = new Map<string, { days: number; filings: number }[]>();
  const keyOf = (row: object): string =>
    keyExpression(by, row as unknown as Record<Dimension, string>);
  const counted = new Map<string, Counters>();
  for (const cell of cells) {
    const counters = Object.fromEntries(
      COUNTERS.map((k) => [k, Number(cell[k])]),
    ) as unknown as Counters;
    if (counters.complaints === 0) continue;
    counted.set(keyOf(cell), counters);
  }
  // Small places fold into one row, before the medians are taken over what is left.
  const folded = (key: string): string =>
    place && (counted.get(key)?.complaints ?? 0) < MIN_PLACE_COUNT ? OTHER_PLACES : key;
  const merged = new Map<string, Counters>();
  for (const [key, counters] of counted) {
    const target = folded(key);
    const sum = merged.get(target);
    merged.set(
      target,
      sum
        ? (Object.fromEntries(
            COUNTERS.map((k) => [k, sum[k] + counters[k]]),
          ) as unknown as Counters)
        : counters,
    );
  }
  const allDays: { days: number; filings: number }[] = [];
  for (const d of days) {
    const entry = { days: d.days, filings: Number(d.filings) };
    const key = folded(keyOf(d));
    const histogram = histogramOf.get(key);
    if (histogram) histogram.push(entry);
    else histogramOf.set(key, [entry]);
    allDays.push(entry);
  }
  const rowOf = (key: string, c: Counters, histogram: { days: number; filings: number }[]) => ({
    key,
    complaints: c.complaints,
    claimedFen: c.claimed_fen,
    recoveredFen: c.recovered_fen,
    outcomes: {
      refunded: c.outcome_refunded,
      partly: c.outcome_partly,
      rejected: c.outcome_rejected,
      noAnswer: c.outcome_no_answer,
      pending: c.outcome_pending,
    },
    filingsDue: c.filings_due,
    answeredOnTime: c.filings_on_time,
    onTimeShare: c.filings_due > 0 ? c.filings_on_time / c.filings_due : null,
    medianDaysToAnswer: medianOf(histogram),
  });
  const rows = [...merged]
    .map(([key, c]) => rowOf(key, c, histogramOf.get(key) ?? []))
    .sort((a, b) =>
      by === 'month'
        ? a.key.localeCompare(b.key)
        : b.complaints - a.complaints || a.key.localeCompare(b.key),
    );
  const total = Object.fromEntries(
    COUNTERS.map((k) => [k, [...merged.values()].reduce((sum, c) => sum + c[k], 0)]),
  ) as unknown as Counters;
  return { rows, totals: rowOf('', total, allDays) };
}

/** Providers ranked by complaints and by how often they answer in time. */
export async function rankings(db: Kysely<DB>, filter: StatsFilter, cache?: StatsCache) {
  const { rows } = await statsBy(db, 'provider', filter, cache);
  return {
    byComplaints: rows.slice(0, 50),
    // A share over a handful of filings says little; rank only providers with enough of them.
    byTimeliness: rows
      .filter((r) => r.filingsDue >= 5 && r.onTimeShare !== null)
      .sort(
        (a, b) =>
          (b.onTimeShare ?? 0) - (a.onTimeShare ?? 0) ||
          (a.medianDaysToAnswer ?? 0) - (b.medianDaysToAnswer ?? 0) ||
          a.key.localeCompare(b.key),
      )
      .slice(0, 50),
  };
}

export function yuanOf(row: StatsRow) {
  return { ...row, claimed: formatFen(row.claimedFen), recovered: formatFen(row.recoveredFen) };
}
