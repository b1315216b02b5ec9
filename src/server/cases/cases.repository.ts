import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { CasesTable, DB, EventsTable, FilingsTable } from '../db/schema.js';

export async function caseById(db: Kysely<DB>, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The organizations a case's non-draft filings are addressed to. */
export async function organizationsAddressed(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('filings')
    .select('organization_id')
    .where('case_id', '=', caseId)
    .where('state', '!=', 'draft')
    .where('organization_id', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.organization_id ? [r.organization_id] : []));
}

export async function casesOfOwner(db: Kysely<DB>, ownerId: string, limit: number, offset: number) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function filingsOfCases(db: Kysely<DB>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('filings')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .execute();
}

export async function deductionsOfCases(db: Kysely<DB>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_deductions')
    .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
    .selectAll('deductions')
    .select('case_deductions.case_id')
    .where('case_deductions.case_id', 'in', caseIds)
    .orderBy('deductions.date')
    .execute();
}

export async function merchantsByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('merchants').selectAll().where('id', 'in', ids).execute();
}

export async function statementsOfDeductions(db: Kysely<DB>, statementIds: readonly string[]) {
  if (statementIds.length === 0) return [];
  return db
    .selectFrom('statements')
    .select(['id', 'file_name', 'file_sha256', 'report'])
    .where('id', 'in', statementIds)
    .orderBy('uploaded_at')
    .execute();
}

/**
 * The deductions of a merchant a case may hold: the unauthorized ones with money to claim and,
 * with `questioned`, the ones that need review (the case asks the provider to explain them).
 * Named `ids` may be of either kind.
 */
export async function caseableDeductions(
  db: Kysely<DB>,
  merchantId: string,
  ids: readonly string[] | null,
  questioned: boolean,
) {
  let query = db
    .selectFrom('deductions')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('verdict', '=', 'unauthorized'), eb('overcharge_fen', '>', 0)]),
        ...(questioned || ids ? [eb('verdict', '=', 'needs_review')] : []),
      ]),
    );
  if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : ['']);
  return query.orderBy('date').execute();
}

export async function insertCase(
  trx: Transaction<DB>,
  row: CasesTable,
  deductionIds: readonly string[],
): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
  if (deductionIds.length > 0) {
    await trx
      .insertInto('case_deductions')
      .values(deductionIds.map((deduction_id) => ({ case_id: row.id, deduction_id })))
      .execute();
  }
}

/**
 * Sets the claim of every case holding this deduction to the sum of its deductions' overcharges
 * (after the merchant marked one agreed or not agreed) and returns those cases' ids.
 */
export async function recomputeCaseClaims(
  trx: Transaction<DB>,
  deductionId: string,
): Promise<string[]> {
  const caseIds = await casesHolding(trx, [deductionId]);
  for (const caseId of caseIds) await recomputeCaseClaim(trx, caseId);
  return caseIds;
}

/** The cases holding any of these deductions; `open` leaves out the ones the merchant closed. */
export async function casesHolding(
  trx: Transaction<DB>,
  deductionIds: readonly string[],
  options: { readonly open?: boolean } = {},
): Promise<string[]> {
  const found = new Set<string>();
  // a few hundred ids per query: well under either database's bound-parameter limit
  for (let at = 0; at < deductionIds.length; at += 500) {
    let query = trx
      .selectFrom('case_deductions')
      .innerJoin('cases', 'cases.id', 'case_deductions.case_id')
      .select('case_deductions.case_id')
      .distinct()
      .where('case_deductions.deduction_id', 'in', deductionIds.slice(at, at + 500));
    if (options.open) query = query.where('cases.status', '!=', 'closed');
    for (const row of await query.execute()) found.add(row.case_id);
  }
  return [...found].sort();
}

/** Sets a case's claim to the sum of its deductions' overcharges. */
export async function recomputeCaseClaim(trx: Transaction<DB>, caseId: string): Promise<void> {
  await trx
    .updateTable('cases')
    .set((eb) => ({
      claim_fen: eb.fn.coalesce(
        eb
          .selectFrom('case_deductions')
          .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
          .select((s) => s.fn.sum<number>('deductions.overcharge_fen').as('total'))
          .where('case_deductions.case_id', '=', caseId),
        eb.lit(0),
      ),
    }))
    .where('id', '=', caseId)
    .execute();
}

/**
 * Events are only ever added: the case's history cannot be rewritten. Each gets the next number
 * in its case. Writers on one case take turns: on PostgreSQL the case's row is locked (SELECT …
 * FOR NO KEY UPDATE, held to the end of the caller's transaction) before the last number is read, so
 * simultaneous writers number one after the other instead of colliding on the unique key; SQLite
 * runs one write transaction at a time anyway. Call it inside the transaction that writes.
 */
export async function appendEvent(db: Kysely<DB>, event: Omit<EventsTable, 'seq'>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db
      .selectFrom('cases')
      .select('id')
      .where('id', '=', event.case_id)
      // Not FOR UPDATE: rows referring to the case (a new filing) hold KEY SHARE on it, which
      // FOR UPDATE waits for, and two such writers deadlock; NO KEY UPDATE only waits for its kind.
      .forNoKeyUpdate()
      .execute();
  }
  const last = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', event.case_id)
    .executeTakeFirst();
  await db
    .insertInto('events')
    .values({ ...event, seq: (last?.seq ?? 0) + 1 })
    .execute();
}

export async function eventsOfCase(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function filingById(db: Kysely<DB>, id: string) {
  return db.selectFrom('filings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFiling(trx: Transaction<DB>, row: FilingsTable): Promise<void> {
  await trx.insertInto('filings').values(row).execute();
}

/**
 * Moves a filing only if nobody moved it meanwhile (same version): two instances, or a merchant
 * and a provider acting at once, cannot both win.
 */
export async function updateFilingIfUnchanged(
  trx: Kysely<DB>,
  id: string,
  version: number,
  changes: Partial<FilingsTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('filings')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateCaseRow(
  trx: Kysely<DB>,
  id: string,
  changes: Partial<CasesTable>,
): Promise<void> {
  await trx.updateTable('cases').set(changes).where('id', '=', id).execute();
}

export async function organizationForChannel(
  db: Kysely<DB>,
  channelId: string,
  providerName: string,
  isProviderChannel: boolean,
): Promise<string | null> {
  const row = isProviderChannel
    ? await db
        .selectFrom('organizations')
        .select('id')
        .where('kind', '=', 'provider')
        .where('provider_name', '=', providerName)
        .orderBy('created_at')
        .executeTakeFirst()
    : await db
        .selectFrom('organizations')
        .select('id')
        .where('channel_id', '=', channelId)
        .orderBy('created_at')
        .executeTakeFirst();
  return row?.id ?? null;
}

/** The merchant's cases not closed, oldest first, with whether each was filed anywhere yet. */
export async function openCasesOfMerchant(trx: Kysely<DB>, merchantId: string) {
  return trx
    .selectFrom('cases')
    .select((eb) => [
      'cases.id',
      'cases.respondent_name',
      'cases.claim_fen',
      eb
        .exists(
          eb
            .selectFrom('filings')
            .select('filings.id')
            .whereRef('filings.case_id', '=', 'cases.id')
            .where('filings.state', '!=', 'draft'),
        )
        .as('filed'),
    ])
    .where('cases.merchant_id', '=', merchantId)
    .where('cases.status', '!=', 'closed')
    .orderBy('cases.created_at')
    .orderBy('cases.id')
    .execute();
}

/** The statements a case's deductions came from. */
export async function statementsOfCase(trx: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_deductions')
    .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
    .select('deductions.statement_id')
    .distinct()
    .where('case_deductions.case_id', '=', caseId)
    .execute();
  return rows.map((r) => r.statement_id);
}

/** Adds deductions to a case; one the case already holds stays as it is. */
export async function addCaseDeductions(
  trx: Transaction<DB>,
  caseId: string,
  deductionIds: readonly string[],
): Promise<void> {
  for (let at = 0; at < deductionIds.length; at += 500) {
    await trx
      .insertInto('case_deductions')
      .values(
        deductionIds.slice(at, at + 500).map((deduction_id) => ({ case_id: caseId, deduction_id })),
      )
      .onConflict((oc) => oc.columns(['case_id', 'deduction_id']).doNothing())
      .execute();
  }
}

export async function insertCaseOffers(
  trx: Transaction<DB>,
  caseId: string,
  deductionIds: readonly string[],
  at: string,
): Promise<void> {
  for (let i = 0; i < deductionIds.length; i += 500) {
    await trx
      .insertInto('case_offers')
      .values(
        deductionIds
          .slice(i, i + 500)
          .map((deduction_id) => ({ case_id: caseId, deduction_id, offered_at: at })),
      )
      .onConflict((oc) => oc.columns(['case_id', 'deduction_id']).doNothing())
      .execute();
  }
}

/**
 * The deductions offered to a case that may still join it: claimable now (not agreed, money to
 * claim) and held by no case — a later correction or complaint may have taken them meanwhile.
 */
export async function offeredDeductions(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('case_offers')
    .innerJoin('deductions', 'deductions.id', 'case_offers.deduction_id')
    .selectAll('deductions')
    .where('case_offers.case_id', '=', caseId)
    .where('deductions.verdict', '=', 'unauthorized')
    .where('deductions.overcharge_fen', '>', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_deductions')
            .select('case_deductions.case_id')
            .whereRef('case_deductions.deduction_id', '=', 'deductions.id'),
        ),
      ),
    )
    .orderBy('deductions.date')
    .orderBy('deductions.id')
    .execute();
}

export async function deleteCaseOffers(
  trx: Transaction<DB>,
  caseId: string,
  deductionIds: readonly string[],
): Promise<void> {
  for (let at = 0; at < deductionIds.length; at += 500) {
    await trx
      .deleteFrom('case_offers')
      .where('case_id', '=', caseId)
      .where('deduction_id', 'in', deductionIds.slice(at, at + 500))
      .execute();
  }
}

/** The merchant's deductions with money to claim (not agreed, overcharge above zero). */
export async function claimableIds(trx: Kysely<DB>, merchantId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('deductions')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('verdict', '=', 'unauthorized')
    .where('overcharge_fen', '>', 0)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Holds a case's row until the caller's transaction ends (PostgreSQL, as appendEvent does;
 * SQLite runs one write transaction at a time anyway).
 */
export async function lockCase(trx: Transaction<DB>, caseId: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forNoKeyUpdate().execute();
  }
}
