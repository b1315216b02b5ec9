import type { Kysely } from 'kysely';

/**
 * What a contract correction leaves behind. `contract_changes`: the terms a correction replaced,
 * who replaced them and when, so a claim that moved can be traced to the change that moved it.
 * `case_offers`: deductions a correction made claimable that a case already filed with a channel
 * did not take in by itself — the merchant decides whether to add them. Frozen like every
 * migration: it imports nothing from the application.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contract_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) =>
      c.notNull().references('merchants.id').onDelete('cascade'),
    )
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('previous_contract', 'text')
    .addColumn('previous_fee_schedule_id', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_changes_merchant')
    .on('contract_changes')
    .columns(['merchant_id', 'changed_at'])
    .execute();
  await db.schema
    .createTable('case_offers')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('deduction_id', 'text', (c) =>
      c.notNull().references('deductions.id').onDelete('cascade'),
    )
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_offers_pk', ['case_id', 'deduction_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_offers').execute();
  await db.schema.dropTable('contract_changes').execute();
}
