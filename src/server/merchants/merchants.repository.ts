import type { Kysely } from 'kysely';
import type { DB, MerchantsTable } from '../db/schema.js';

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
  },
): Promise<void> {
  await db.insertInto('contract_versions').values(row).execute();
}
