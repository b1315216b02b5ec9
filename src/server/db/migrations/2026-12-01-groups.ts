import type { Kysely } from 'kysely';

/**
 * Group complaints: what the transparency tables lack. A member's consent to show their name in
 * the combined letter; the provider type a group is against (it picks the channels and legal
 * grounds); and the answer recorded on a group filing, with a version so that two members
 * recording at once cannot both win. Frozen like every migration: it imports nothing from the
 * application.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('group_members')
    .addColumn('share_name', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('complaint_groups').addColumn('provider_type', 'text').execute();
  await db.schema.alterTable('group_filings').addColumn('response', 'text').execute();
  await db.schema.alterTable('group_filings').addColumn('responded_at', 'text').execute();
  await db.schema
    .alterTable('group_filings')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('group_filings').dropColumn('version').execute();
  await db.schema.alterTable('group_filings').dropColumn('responded_at').execute();
  await db.schema.alterTable('group_filings').dropColumn('response').execute();
  await db.schema.alterTable('complaint_groups').dropColumn('provider_type').execute();
  await db.schema.alterTable('group_members').dropColumn('share_name').execute();
}
