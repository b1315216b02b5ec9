import type { Kysely } from 'kysely';
import type { DB, MerchantsTable, PublicComplaintsTable } from '../db/schema.js';

/** The published entry of a case, if it is in the public database. */
export function publishedEntry(
  db: Kysely<DB>,
  caseId: string,
): Promise<PublicComplaintsTable | undefined> {
  return db
    .selectFrom('public_complaints')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export type EntryFields = Omit<
  PublicComplaintsTable,
  'case_id' | 'public_id' | 'published_at' | 'updated_at'
>;

/** Publishes, or updates what is published; the public id and first publication date stay. */
export async function upsertEntry(
  db: Kysely<DB>,
  caseId: string,
  publicId: string,
  entry: EntryFields,
  at: string,
): Promise<void> {
  await db
    .insertInto('public_complaints')
    .values({ ...entry, case_id: caseId, public_id: publicId, published_at: at, updated_at: at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ ...entry, updated_at: at }))
    .execute();
}

export async function updateEntry(
  db: Kysely<DB>,
  caseId: string,
  entry: EntryFields,
  at: string,
): Promise<void> {
  await db
    .updateTable('public_complaints')
    .set({ ...entry, updated_at: at })
    .where('case_id', '=', caseId)
    .execute();
}

/** Removes the entry; true when there was one. */
export async function deleteEntry(db: Kysely<DB>, caseId: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('public_complaints')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}

/** The merchant and owner behind a case: what FeeGuard knows about the complainant. */
export function complainantOf(
  db: Kysely<DB>,
  caseId: string,
): Promise<(MerchantsTable & { owner_name: string; owner_email: string }) | undefined> {
  return db
    .selectFrom('cases')
    .innerJoin('merchants', 'merchants.id', 'cases.merchant_id')
    .innerJoin('users', 'users.id', 'cases.owner_id')
    .selectAll('merchants')
    .select(['users.name as owner_name', 'users.email as owner_email'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

/** The stored responses to the case's filings. */
export async function filingResponses(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('filings')
    .select(['response'])
    .where('case_id', '=', caseId)
    .where('response', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.response ? [r.response] : []));
}

/** The filters of the public list and export. */
export interface ComplaintFilter {
  readonly provider?: string | undefined;
  readonly category?: string | undefined;
  readonly province?: string | undefined;
  readonly outcome?: string | undefined;
  /** Words in the narrative, the answer or the provider name; % and _ are plain characters. */
  readonly q?: string | undefined;
}

/** Published complaints, newest first, one page after the cursor. */
export function complaintsPage(
  db: Kysely<DB>,
  query: ComplaintFilter,
  after: { at: string; id: string } | null,
  limit: number,
) {
  const like = query.q ? `%${query.q.replace(/[\\%_]/gu, (c) => `\\${c}`)}%` : null;
  return (
    db
      .selectFrom('public_complaints')
      .selectAll()
      .$if(query.provider !== undefined, (q) => q.where('provider', '=', query.provider ?? ''))
      .$if(query.category !== undefined, (q) => q.where('category', '=', query.category ?? ''))
      .$if(query.province !== undefined, (q) => q.where('province', '=', query.province ?? ''))
      .$if(query.outcome !== undefined, (q) => q.where('outcome', '=', query.outcome ?? ''))
      .$if(like !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb('narrative', 'like', like ?? ''),
            eb('answer', 'like', like ?? ''),
            eb('provider', 'like', like ?? ''),
          ]),
        ),
      )
      // The first condition bounds the index range, so a deep page starts at its cursor.
      .$if(after !== null, (q) =>
        q
          .where('published_at', '<=', after?.at ?? '')
          .where((eb) =>
            eb.or([
              eb('published_at', '<', after?.at ?? ''),
              eb('public_id', '<', after?.id ?? ''),
            ]),
          ),
      )
      .orderBy('published_at', 'desc')
      .orderBy('public_id', 'desc')
      .limit(limit)
      .execute()
  );
}
