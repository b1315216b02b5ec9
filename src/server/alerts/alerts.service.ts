import { z } from 'zod';
import { addDaysIso } from '../../audit/dates.js';
import { shanghaiToday } from '../../deadlines/today.js';
import { alertChannels, composeAlert, feeName } from '../../stats/alert-text.js';
import { mondayOf } from '../../stats/contribution.js';
import { defaultSpikeThresholds, type SpikeThresholds } from '../../stats/spike-policy.js';
import { detectSpikes } from '../../stats/spikes.js';
import type { Caller } from '../auth/caller.js';
import { knowledgeBase } from '../channels/channels.service.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { apiError, notFound } from '../http/errors.js';
import { OVERSEERS } from '../organizations/aggregates.routes.js';
import {
  alertById,
  alertsByStatus,
  currentCounts,
  decide,
  insertProposal,
  organizationKinds,
  publishedById,
  publishedPage,
  respondentTypes,
  updateDraft,
  weekCounts,
  type AlertRow,
  type AlertStatus,
  type PublishedAlert,
} from './alerts.repository.js';
import { atomFeed } from './atom.js';

/**
 * Consumer alerts (消费提示). A periodic job proposes one per spike; members of a regulator or
 * an association review, edit and publish it (or dismiss it); published alerts are public.
 */

/** What the job stored as the reason for a proposal: the test's figures and the thresholds. */
export const evidenceSchema = z.object({
  count: z.number(),
  baseline: z.array(z.object({ week: z.string(), complaints: z.number() })),
  baselineSum: z.number(),
  baselineMean: z.number(),
  expected: z.number(),
  ratio: z.number(),
  pValue: z.number(),
  log10PValue: z.number(),
  threshold: z.number(),
  tested: z.number(),
  thresholds: z.object({
    baselineWeeks: z.number(),
    smoothing: z.number(),
    minCount: z.number(),
    minRatio: z.number(),
    familyAlpha: z.number(),
  }),
  /** True when the week was still running when the spike was found. */
  inProgress: z.boolean(),
  respondentType: z.enum(['bank', 'payment_institution']),
});
export type StoredEvidence = z.infer<typeof evidenceSchema>;

/** The one access check of every review operation: a member of an overseeing organization. */
export async function requireOverseer(deps: ServerDeps, caller: Caller): Promise<Caller> {
  const kinds = await organizationKinds(deps.db, caller.organizationIds);
  if (!kinds.some((k) => OVERSEERS.includes(k))) {
    throw apiError(
      'FG_ERR_FORBIDDEN',
      'consumer alerts are reviewed by members of a regulator or an association',
      'ask your organization’s administrator to add you to a regulator or association',
    );
  }
  return caller;
}

export interface ProposeResult {
  /** The weeks tested: the one just ended and the current one. */
  readonly weeks: readonly string[];
  readonly spikes: number;
  /** Spikes recorded now; the rest were proposed before (or dismissed). */
  readonly proposed: number;
}

/**
 * The periodic job: tests the week just ended and the current week against their baselines and
 * records each spike as a proposed alert keyed provider|category|week. The insert does nothing
 * when the key exists, so any number of instances may run it at once, and an alert that was
 * dismissed (or published) is never proposed again.
 */
export async function proposeAlerts(
  deps: ServerDeps,
  thresholds: SpikeThresholds = defaultSpikeThresholds(),
): Promise<ProposeResult> {
  const thisWeek = mondayOf(shanghaiToday(deps.now()));
  const lastWeek = addDaysIso(thisWeek, -7);
  const weeks = [lastWeek, thisWeek];
  const rows = await weekCounts(
    deps.db,
    addDaysIso(lastWeek, -7 * thresholds.baselineWeeks),
    thisWeek,
  );
  const spikes = detectSpikes(rows, weeks, thresholds);
  if (spikes.length === 0) return { weeks, spikes: 0, proposed: 0 };
  const kb = await knowledgeBase(deps.db);
  const types = await respondentTypes(deps.db, [...new Set(spikes.map((s) => s.provider))]);
  const at = deps.now().toISOString();
  let proposed = 0;
  for (const spike of spikes) {
    const respondentType = types.get(spike.provider) === 'bank' ? 'bank' : 'payment_institution';
    const inProgress = spike.week === thisWeek;
    const draft = composeAlert({
      provider: spike.provider,
      category: spike.category,
      week: spike.week,
      inProgress,
      evidence: spike.evidence,
      channels: alertChannels(kb.channels, respondentType),
    });
    const evidence: StoredEvidence = {
      ...spike.evidence,
      baseline: [...spike.evidence.baseline],
      inProgress,
      respondentType,
    };
    const inserted = await insertProposal(deps.db, {
      id: newId(),
      key: spike.key,
      provider: spike.provider,
      category: spike.category,
      week: spike.week,
      status: 'proposed',
      title: draft.title,
      body: draft.body,
      evidence: JSON.stringify(evidence),
      created_at: at,
      updated_at: at,
      reviewed_by: null,
      published_at: null,
    });
    if (inserted) proposed++;
  }
  return { weeks, spikes: spikes.length, proposed };
}

export interface AlertView {
  readonly id: string;
  readonly key: string;
  readonly provider: string;
  readonly category: string;
  readonly categoryName: string;
  readonly week: string;
  readonly status: AlertStatus;
  readonly title: string;
  readonly body: string;
  readonly evidence: StoredEvidence;
  /** The week's count now (it grows while the week runs); the evidence keeps the count found. */
  readonly currentCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly reviewedBy: string | null;
  readonly publishedAt: string | null;
}

const statusSchema = z.enum(['proposed', 'published', 'dismissed']);

function viewOf(row: AlertRow, current: ReadonlyMap<string, number>): AlertView {
  const evidence = evidenceSchema.parse(JSON.parse(row.evidence));
  return {
    id: row.id,
    key: row.key,
    provider: row.provider,
    category: row.category,
    categoryName: feeName(row.category),
    week: row.week,
    status: statusSchema.parse(row.status),
    title: row.title,
    body: row.body,
    evidence,
    currentCount: current.get(`${row.provider}|${row.category}|${row.week}`) ?? evidence.count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviewedBy: row.reviewer_name,
    publishedAt: row.published_at,
  };
}

export function cursorOf(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function parseCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || extra !== undefined) {
    throw apiError(
      'FG_ERR_VALIDATION',
      'cursor is not one this API gave out',
      'pass nextCursor back as it came',
    );
  }
  return { at, id };
}

export async function listAlerts(
  deps: ServerDeps,
  caller: Caller,
  query: { status: AlertStatus; cursor?: string | undefined; limit: number },
): Promise<{ items: AlertView[]; nextCursor: string | null }> {
  await requireOverseer(deps, caller);
  const rows = await alertsByStatus(
    deps.db,
    query.status,
    query.cursor ? parseCursor(query.cursor) : null,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const current = await currentCounts(deps.db, page);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => viewOf(r, current)),
    nextCursor: rows.length > query.limit && last ? cursorOf(last.created_at, last.id) : null,
  };
}

/** An alert the reviewer acts on, after a conditional write: 404 if gone, 409 if decided. */
async function afterWrite(deps: ServerDeps, id: string, ok: boolean): Promise<AlertView> {
  const row = await alertById(deps.db, id);
  if (!row) throw notFound('alert');
  if (!ok) {
    throw apiError(
      'FG_ERR_BAD_TRANSITION',
      `the alert is ${row.status}, not proposed`,
      'only a proposed alert can be edited, published or dismissed',
    );
  }
  return viewOf(row, await currentCounts(deps.db, [row]));
}

export async function updateAlert(
  deps: ServerDeps,
  caller: Caller,
  id: string,
  draft: { title?: string | undefined; body?: string | undefined },
): Promise<AlertView> {
  const reviewer = await requireOverseer(deps, caller);
  const ok = await updateDraft(deps.db, id, draft, reviewer.userId, deps.now().toISOString());
  return afterWrite(deps, id, ok);
}

export async function decideAlert(
  deps: ServerDeps,
  caller: Caller,
  id: string,
  to: 'published' | 'dismissed',
): Promise<AlertView> {
  const reviewer = await requireOverseer(deps, caller);
  const ok = await decide(deps.db, id, to, reviewer.userId, deps.now().toISOString());
  return afterWrite(deps, id, ok);
}

/** A published alert as the public sees it: nothing about who reviewed it or the evidence. */
export interface PublicAlert {
  readonly id: string;
  readonly provider: string;
  readonly category: string;
  readonly week: string;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: string;
}

function publicOf(row: PublishedAlert): PublicAlert {
  return {
    id: row.id,
    provider: row.provider,
    category: row.category,
    week: row.week,
    title: row.title,
    body: row.body,
    publishedAt: row.published_at,
  };
}

export async function listPublicAlerts(
  deps: ServerDeps,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: PublicAlert[]; nextCursor: string | null }> {
  const rows = await publishedPage(
    deps.db,
    query.cursor ? parseCursor(query.cursor) : null,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(publicOf),
    nextCursor: rows.length > query.limit && last ? cursorOf(last.published_at, last.id) : null,
  };
}

export async function getPublicAlert(deps: ServerDeps, id: string): Promise<PublicAlert> {
  const row = await publishedById(deps.db, id);
  if (!row) throw notFound('alert');
  return publicOf(row);
}

/** How many of the newest alerts the feed carries. */
export const FEED_ENTRIES = 50;

export async function alertsFeed(deps: ServerDeps): Promise<string> {
  const rows = await publishedPage(deps.db, null, FEED_ENTRIES);
  const publicUrl = deps.config.publicUrl.replace(/\/+$/u, '');
  return atomFeed({
    publicUrl,
    title: '扣费卫士 消费提示',
    subtitle: '监管部门和协会根据商户投诉发布的 POS 机扣费消费提示',
    author: '扣费卫士 FeeGuard',
    fallbackUpdated: deps.now().toISOString(),
    entries: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      publishedAt: r.published_at,
      updatedAt: r.updated_at > r.published_at ? r.updated_at : r.published_at,
      link: `${publicUrl}/public/alerts/${r.id}`,
      categories: [r.provider, feeName(r.category)],
    })),
  });
}
