import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the public statistics: the primary keys lead with the provider, so queries that
 * filter by category or by place without a provider need their own. And a version that every
 * change to the statistics increments in its transaction, so that an instance may keep answers
 * for as long as the version it read them at is current. Frozen like every migration: it
 * imports nothing from the application.
 */
type AnyDb = Kysely<unknown>;

const TABLES = ['stats_cells', 'stats_answer_days'] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('stats_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO stats_version (id, version) VALUES (1, 0)`.execute(db);
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
  await db.schema.dropTable('stats_version').execute();
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_category`).execute();
    await db.schema.dropIndex(`${table}_place`).execute();
  }
}
