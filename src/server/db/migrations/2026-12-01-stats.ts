import type { Kysely } from 'kysely';

/**
 * Indexes for the public statistics: the primary keys lead with the provider, so queries that
 * filter by category or by place without a provider need their own. Frozen like every
 * migration: it imports nothing from the application.
 */
type AnyDb = Kysely<unknown>;

const TABLES = ['stats_cells', 'stats_answer_days'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .createIndex(`${table}_category`)
      .on(table)
      .columns(['grain', 'category', 'month'])
      .execute();
    await db.schema
      .createIndex(`${table}_place`)
      .on(table)
      .columns(['grain', 'province', 'city', 'month'])
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_category`).execute();
    await db.schema.dropIndex(`${table}_place`).execute();
  }
}
