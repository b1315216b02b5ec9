import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, DeductionsTable, StatementsTable } from '../db/schema.js';

/** What a page of deductions is cut from: one verdict, one category, or both. */
export interface DeductionFilter {
  readonly verdict?: string | undefined;
  readonly category?: string | undefined;
}

/** Per verdict and category: how many deductions, what they took and what they add to the claim. */
export interface DeductionTally {
  readonly verdict: string;
  readonly category: string;
  readonly count: number;
  readonly amountFen: number;
  readonly overchargeFen: number;
}

/** Counts and sums by verdict and category, from the database rather than from every row. */
export async function tallyDeductions(
  db: Kysely<DB>,
  merchantId: string,
): Promise<DeductionTally[]> {
  const rows = await db
    .selectFrom('deductions')
    .select((eb) => [
      'verdict',
      'category',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.sum<number | string | null>('amount_fen').as('amount'),
      eb.fn.sum<number | string | null>('overcharge_fen').as('overcharge'),
    ])
    .where('merchant_id', '=', merchantId)
    .groupBy(['verdict', 'category'])
    .execute();
  // PostgreSQL returns COUNT and SUM of integers as strings (bigint / numeric).
  return rows.map((r) => ({
    verdict: r.verdict,
    category: r.category,
    count: Number(r.count),
    amountFen: Number(r.amount ?? 0),
    overchargeFen: Number(r.overcharge ?? 0),
  }));
}

/** One page of a merchant's deductions in date order, with how many match the filter. */
export async function pageOfDeductions(
  db: Kysely<DB>,
  merchantId: string,
  filter: DeductionFilter,
  page: { readonly offset: number; readonly limit: number } | null,
) {
  let query = db.selectFrom('deductions').where('merchant_id', '=', merchantId);
  if (filter.verdict) query = query.where('verdict', '=', filter.verdict);
  if (filter.category) query = query.where('category', '=', filter.category);
  let rows = query.selectAll().orderBy('date').orderBy('id');
  if (page) rows = rows.limit(page.limit).offset(page.offset);
  const [items, total] = await Promise.all([
    rows.execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The ids of a merchant's deductions that still wait for the merchant's answer. */
export async function unsettledIds(
  db: Kysely<DB>,
  merchantId: string,
  filter: { readonly category?: string | undefined; readonly ids?: readonly string[] | undefined },
): Promise<{ id: string; finding: string; audit_finding: string | null; amount_fen: number }[]> {
  let query = db
    .selectFrom('deductions')
    .select(['id', 'finding', 'audit_finding', 'amount_fen'])
    .where('merchant_id', '=', merchantId)
    .where('verdict', '=', 'needs_review');
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  return query.execute();
}

/** What each month's deductions took, per category (for the chart), without sending every row. */
export async function monthlyDeductions(
  db: Kysely<DB>,
  merchantId: string,
): Promise<{ month: string; category: string; amountFen: number }[]> {
  const month = sql<string>`substr(date, 1, 7)`;
  const rows = await db
    .selectFrom('deductions')
    .select((eb) => [
      month.as('month'),
      'category',
      eb.fn.sum<number | string | null>('amount_fen').as('amount'),
    ])
    .where('merchant_id', '=', merchantId)
    .groupBy([month, 'category'])
    .orderBy(month)
    .execute();
  return rows.map((r) => ({
    month: r.month,
    category: r.category,
    amountFen: Number(r.amount ?? 0),
  }));
}

/** The statements of a merchant in upload order, to audit again from their stored originals. */
export async function storedStatementsOf(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('statements')
    .select(['id', 'file_sha256', 'file_name'])
    .where('merchant_id', '=', merchantId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/**
 * The deductions a statement brought in (each is held by the upload that first had it), locked
 * on PostgreSQL until the caller's transaction ends, so a mark made meanwhile waits.
 */
export async function deductionsOfStatement(
  trx: Transaction<DB>,
  statementId: string,
  postgres: boolean,
) {
  const query = trx
    .selectFrom('deductions')
    .select([
      'id',
      'fingerprint',
      'amount_fen',
      'verdict',
      'overcharge_fen',
      'finding',
      'audit_finding',
    ])
    .where('statement_id', '=', statementId)
    .orderBy('id');
  return (postgres ? query.forUpdate() : query).execute();
}

export async function updateDeduction(
  trx: Transaction<DB>,
  id: string,
  changes: Pick<DeductionsTable, 'verdict' | 'overcharge_fen' | 'finding' | 'audit_finding'>,
): Promise<void> {
  await trx.updateTable('deductions').set(changes).where('id', '=', id).execute();
}

/** A statement's stored report and the summary columns lists show. */
export async function updateStatementReport(
  trx: Transaction<DB>,
  id: string,
  changes: Pick<StatementsTable, 'report' | 'claim' | 'counts' | 'warnings'>,
): Promise<void> {
  await trx.updateTable('statements').set(changes).where('id', '=', id).execute();
}

/** Which of these deductions a case holds. */
export async function deductionsInCases(
  trx: Transaction<DB>,
  ids: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  // a few hundred ids per query: well under either database's bound-parameter limit
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await trx
      .selectFrom('case_deductions')
      .select('deduction_id')
      .distinct()
      .where('deduction_id', 'in', ids.slice(at, at + 500))
      .execute();
    found.push(...rows.map((r) => r.deduction_id));
  }
  return found;
}

export async function deleteDeductions(trx: Transaction<DB>, ids: readonly string[]) {
  for (let at = 0; at < ids.length; at += 500) {
    await trx
      .deleteFrom('deductions')
      .where('id', 'in', ids.slice(at, at + 500))
      .execute();
  }
}

/**
 * New deductions, a batch at a time; one another upload of the merchant already holds (same
 * fingerprint) is left to that upload.
 */
export async function insertDeductions(
  trx: Transaction<DB>,
  rows: readonly Omit<DeductionsTable, 'audit_finding'>[],
): Promise<void> {
  for (let at = 0; at < rows.length; at += 200) {
    await trx
      .insertInto('deductions')
      .values(rows.slice(at, at + 200))
      .onConflict((oc) => oc.columns(['merchant_id', 'fingerprint']).doNothing())
      .execute();
  }
}

/** The statement each of these deductions came from, by deduction id, in date order. */
export async function statementOfDeductions(
  trx: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows: { id: string; statement_id: string; date: string }[] = [];
  for (let at = 0; at < ids.length; at += 500) {
    rows.push(
      ...(await trx
        .selectFrom('deductions')
        .select(['id', 'statement_id', 'date'])
        .where('id', 'in', ids.slice(at, at + 500))
        .execute()),
    );
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return new Map(rows.map((r) => [r.id, r.statement_id]));
}
