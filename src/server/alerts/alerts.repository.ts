import type { Kysely } from 'kysely';
import type { WeekCount } from '../../stats/spikes.js';
import type { AlertsTable, DB } from '../db/schema.js';

/** Consumer alerts: proposed by the periodic job, reviewed by overseers, published to the public. */

export const ALERT_STATUSES = ['proposed', 'published', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Weekly complaint counts of every provider and category between two Mondays, inclusive. */
export async function weekCounts(db: Kysely<DB>, from: string, to: string): Promise<WeekCount[]> {
  const rows = await db
    .selectFrom('stats_weeks')
    .select(['provider', 'category', 'week', 'complaints'])
    .where('week', '>=', from)
    .where('week', '<=', to)
    .execute();
  return rows;
}

/** The current count of each (provider, category, week), for alerts proposed mid-week. */
export async function currentCounts(
  db: Kysely<DB>,
  alerts: readonly Pick<AlertsTable, 'provider' | 'category' | 'week'>[],
): Promise<Map<string, number>> {
  if (alerts.length === 0) return new Map();
  const rows = await db
    .selectFrom('stats_weeks')
    .select(['provider', 'category', 'week', 'complaints'])
    .where('provider', 'in', [...new Set(alerts.map((a) => a.provider))])
    .where('week', 'in', [...new Set(alerts.map((a) => a.week))])
    .execute();
  return new Map(rows.map((r) => [`${r.provider}|${r.category}|${r.week}`, r.complaints] as const));
}

/** How merchants described each provider (bank or payment institution), most common first. */
export async function respondentTypes(
  db: Kysely<DB>,
  providers: readonly string[],
): Promise<Map<string, string>> {
  if (providers.length === 0) return new Map();
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['respondent_name', 'respondent_type', eb.fn.countAll<number>().as('n')])
    .where('respondent_name', 'in', [...providers])
    .groupBy(['respondent_name', 'respondent_type'])
    .execute();
  const best = new Map<string, { type: string; n: number }>();
  for (const r of rows) {
    const n = r.n;
    const seen = best.get(r.respondent_name);
    if (!seen || n > seen.n || (n === seen.n && r.respondent_type < seen.type)) {
      best.set(r.respondent_name, { type: r.respondent_type, n });
    }
  }
  return new Map([...best].map(([name, b]) => [name, b.type]));
}

/** Records a proposal unless an alert with the same key exists (whatever its status); true when new. */
export async function insertProposal(db: Kysely<DB>, row: AlertsTable): Promise<boolean> {
  const result = await db
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface AlertRow extends AlertsTable {
  reviewer_name: string | null;
}

function withReviewer(db: Kysely<DB>) {
  return db
    .selectFrom('alerts')
    .leftJoin('users', 'users.id', 'alerts.reviewed_by')
    .selectAll('alerts')
    .select('users.name as reviewer_name');
}

export async function alertById(db: Kysely<DB>, id: string): Promise<AlertRow | undefined> {
  return withReviewer(db).where('alerts.id', '=', id).executeTakeFirst();
}

/** Alerts in one status, newest first (by creation), one page after the cursor. */
export async function alertsByStatus(
  db: Kysely<DB>,
  status: AlertStatus,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<AlertRow[]> {
  return withReviewer(db)
    .where('alerts.status', '=', status)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('alerts.created_at', '<', after?.at ?? ''),
          eb.and([
            eb('alerts.created_at', '=', after?.at ?? ''),
            eb('alerts.id', '<', after?.id ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('alerts.created_at', 'desc')
    .orderBy('alerts.id', 'desc')
    .limit(limit)
    .execute();
}

/** Changes the draft of a proposed alert; false when it is not (or no longer) proposed. */
export async function updateDraft(
  db: Kysely<DB>,
  id: string,
  draft: { title?: string | undefined; body?: string | undefined },
  reviewer: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({
      ...(draft.title === undefined ? {} : { title: draft.title }),
      ...(draft.body === undefined ? {} : { body: draft.body }),
      reviewed_by: reviewer,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a proposed alert to published or dismissed. Conditional on its still being proposed, so
 * two reviewers acting at once cannot both succeed.
 */
export async function decide(
  db: Kysely<DB>,
  id: string,
  to: 'published' | 'dismissed',
  reviewer: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({
      status: to,
      reviewed_by: reviewer,
      updated_at: at,
      published_at: to === 'published' ? at : null,
    })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type PublishedAlert = Pick<
  AlertsTable,
  'id' | 'provider' | 'category' | 'week' | 'title' | 'body' | 'updated_at'
> & { published_at: string };

/** Published alerts, newest first, one page after the cursor. */
export async function publishedPage(
  db: Kysely<DB>,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<PublishedAlert[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['id', 'provider', 'category', 'week', 'title', 'body', 'updated_at', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('published_at', '<', after?.at ?? ''),
          eb.and([eb('published_at', '=', after?.at ?? ''), eb('id', '<', after?.id ?? '')]),
        ]),
      ),
    )
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? '' }));
}

export async function publishedById(
  db: Kysely<DB>,
  id: string,
): Promise<PublishedAlert | undefined> {
  const row = await db
    .selectFrom('alerts')
    .select(['id', 'provider', 'category', 'week', 'title', 'body', 'updated_at', 'published_at'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row?.published_at ? { ...row, published_at: row.published_at } : undefined;
}

/** The kinds of the organizations a user belongs to. */
export async function organizationKinds(
  db: Kysely<DB>,
  organizationIds: readonly string[],
): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('organizations')
    .select('kind')
    .where('id', 'in', [...organizationIds])
    .execute();
  return rows.map((r) => r.kind);
}
