import type { Kysely } from 'kysely';

/**
 * A revision number per channel, raised by every edit. The newest edit time alone cannot tell
 * two knowledge bases apart when an edit carries a time no later than an earlier one (the same
 * millisecond, or an instance whose clock is behind); the sum of revisions always grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('channels').dropColumn('revision').execute();
}
