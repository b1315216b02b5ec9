import type { Kysely, Transaction } from 'kysely';
import type { ContractChangesTable, DB, MerchantsTable } from '../db/schema.js';

export async function merchantOf(db: Kysely<DB>, ownerId: string, id: string) {
  return db
    .selectFrom('merchants')
    .selectAll()
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export async function merchantsOf(db: Kysely<DB>, ownerId: string) {
  return db
    .selectFrom('merchants')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .execute();
}

export async function insertMerchant(db: Kysely<DB>, row: MerchantsTable): Promise<void> {
  await db.insertInto('merchants').values(row).execute();
}

export async function updateMerchantRow(
  db: Kysely<DB>,
  id: string,
  changes: Partial<MerchantsTable>,
): Promise<void> {
  await db.updateTable('merchants').set(changes).where('id', '=', id).execute();
}

export async function contractsOf(db: Kysely<DB>, merchantIds: readonly string[]) {
  if (merchantIds.length === 0) return [];
  return (
    db
      .selectFrom('contract_versions')
      .selectAll()
      .where('merchant_id', 'in', merchantIds)
      .orderBy('effective_from')
      // of two versions taking effect the same day, the one added later is in effect
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  );
}

export async function insertContract(
  db: Kysely<DB>,
  row: {
    id: string;
    merchant_id: string;
    effective_from: string;
    contract: string;
    created_at: string;
    fee_schedule_id?: string | null;
  },
): Promise<void> {
  await db.insertInto('contract_versions').values(row).execute();
}

/**
 * Holds the merchant's row until the caller's transaction ends (PostgreSQL; SQLite runs one
 * write transaction at a time anyway): two saves of the same merchant's contract take turns.
 */
export async function lockMerchant(trx: Transaction<DB>, id: string, postgres: boolean) {
  const query = trx.selectFrom('merchants').select('id').where('id', '=', id);
  return (postgres ? query.forUpdate() : query).executeTakeFirst();
}

/** A version's terms corrected in place: same date, new contract (or schedule it came from). */
export async function replaceContract(
  trx: Transaction<DB>,
  row: { id: string; contract: string; fee_schedule_id: string | null },
): Promise<void> {
  await trx
    .updateTable('contract_versions')
    .set({ contract: row.contract, fee_schedule_id: row.fee_schedule_id })
    .where('id', '=', row.id)
    .execute();
}

/** The history of contract corrections of these merchants, newest first, with who made each. */
export async function contractChangesOf(db: Kysely<DB>, merchantIds: readonly string[]) {
  if (merchantIds.length === 0) return [];
  return db
    .selectFrom('contract_changes')
    .leftJoin('users', 'users.id', 'contract_changes.changed_by')
    .selectAll('contract_changes')
    .select('users.name as changed_by_name')
    .where('contract_changes.merchant_id', 'in', merchantIds)
    .orderBy('contract_changes.changed_at', 'desc')
    .orderBy('contract_changes.id', 'desc')
    .execute();
}

export async function insertContractChange(
  trx: Transaction<DB>,
  row: ContractChangesTable,
): Promise<void> {
  await trx.insertInto('contract_changes').values(row).execute();
}
