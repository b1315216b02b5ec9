import type { Kysely } from 'kysely';

/**
 * Column mappings merchants confirmed for statement layouts the reader was not sure of, keyed by
 * the layout's fingerprint (headers, column kinds, provider). A merchant's own mapping is proposed
 * and used for that merchant at once; an administrator's approval offers it to everyone. Frozen
 * like every migration: it imports nothing from the application.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('layout_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('sample', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('confirmed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('layout_mappings_fingerprint')
    .on('layout_mappings')
    .columns(['fingerprint', 'status'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('layout_mappings').execute();
}
