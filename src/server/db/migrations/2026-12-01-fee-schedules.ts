import type { Kysely } from 'kysely';

/**
 * Fee schedules: one provider organization cannot publish two versions taking effect on the same
 * day, so exactly one version is in effect on any date — also when two members publish at once
 * on different instances. Frozen like every migration: it imports nothing from the application.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('fee_schedules_effective')
    .on('fee_schedules')
    .columns(['organization_id', 'effective_from'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('fee_schedules_effective').execute();
}
