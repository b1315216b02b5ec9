import type { Kysely } from 'kysely';

/**
 * A merchant's case list is read newest first, ties by id (`casesOfOwner`). The index of
 * 2026-11-25-initial stopped at `created_at`, so every page sorted the owner's cases again in a
 * temporary B-tree; this one is in the list's own order, so a page reads just its rows. Frozen
 * like every migration: it imports nothing from the application.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_owner_list')
    .on('cases')
    .columns(['owner_id', 'created_at desc', 'id'])
    .execute();
  // Every query the old index served (by owner, by owner and date) the new one serves too.
  await db.schema.dropIndex('cases_owner').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_owner')
    .on('cases')
    .columns(['owner_id', 'created_at'])
    .execute();
  await db.schema.dropIndex('cases_owner_list').execute();
}
