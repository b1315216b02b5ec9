import type { Kysely } from 'kysely';

/**
 * What the merchant affirms about a case (signed an agreement? told of a change? confirmed it?
 * whom contacted?), as JSON with the case; and, per deduction, the audit's own finding kept
 * when the merchant marks it "我同意过" or "我没同意", so the mark can be changed back. Frozen
 * like every migration: it imports nothing from the application.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('affirmations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('deductions').addColumn('audit_finding', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deductions').dropColumn('audit_finding').execute();
  await db.schema.alterTable('cases').dropColumn('affirmations').execute();
}
