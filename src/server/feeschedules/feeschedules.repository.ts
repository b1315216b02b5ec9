import type { Kysely, Transaction } from 'kysely';
import type { DB, FeeSchedulesTable } from '../db/schema.js';

/** Only this file holds the SQL of fee schedules. */

export async function organizationOf(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'kind', 'provider_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The latest version an organization published (by effective date), inside the publishing transaction. */
export async function latestOfOrganization(trx: Transaction<DB>, organizationId: string) {
  return trx
    .selectFrom('fee_schedules')
    .select(['version', 'effective_from'])
    .where('organization_id', '=', organizationId)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function versionExists(
  trx: Transaction<DB>,
  organizationId: string,
  version: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('fee_schedules')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts a version; the unique keys (organization + version, organization + effective date)
 * decide between two members publishing at once. Returns false when one of them was taken.
 */
export async function insertSchedule(
  trx: Transaction<DB>,
  row: FeeSchedulesTable,
): Promise<boolean> {
  const result = await trx
    .insertInto('fee_schedules')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Published versions, oldest first; of one provider name when given. */
export async function schedulesOf(db: Kysely<DB>, providerName?: string) {
  let query = db
    .selectFrom('fee_schedules')
    .selectAll()
    .orderBy('provider_name')
    .orderBy('effective_from')
    .orderBy('id');
  if (providerName !== undefined) query = query.where('provider_name', '=', providerName);
  return query.execute();
}

export async function scheduleById(db: Kysely<DB>, id: string) {
  return db.selectFrom('fee_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function ownedMerchant(db: Kysely<DB>, ownerId: string, merchantId: string) {
  return db
    .selectFrom('merchants')
    .selectAll()
    .where('id', '=', merchantId)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export async function insertContractFromSchedule(
  db: Kysely<DB>,
  row: {
    id: string;
    merchant_id: string;
    effective_from: string;
    contract: string;
    created_at: string;
    fee_schedule_id: string;
  },
): Promise<void> {
  await db.insertInto('contract_versions').values(row).execute();
}

/** The merchant's deductions as the schedule comparison needs them. */
export async function deductionsOf(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('deductions')
    .select(['id', 'date', 'category', 'amount_fen', 'finding', 'fingerprint'])
    .where('merchant_id', '=', merchantId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function statementReportsOf(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('statements')
    .select(['id', 'report'])
    .where('merchant_id', '=', merchantId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}
