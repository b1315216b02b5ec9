import type { Kysely } from 'kysely';

/**
 * What a statement list shows — claim, counts, number of warnings — as columns of its own, so a
 * list never reads report bodies; and reports stored before warnings were capped are cut to the
 * first 200 warnings plus one counting the rest (docs/limits.md). Frozen like every migration:
 * it imports nothing from the application, and reads one report at a time.
 */
const MAX_WARNINGS = 200;

interface StoredReport {
  claim?: { total?: string };
  counts?: unknown;
  warnings?: { file?: string; message?: string }[];
}

/** The statements table as this migration leaves it (frozen here, not imported). */
interface Tables {
  statements: {
    id: string;
    report: string;
    claim: string;
    counts: string | null;
    warnings: number;
  };
}

export async function up(anyDb: Kysely<unknown>): Promise<void> {
  const db = anyDb as unknown as Kysely<Tables>;
  await db.schema
    .alterTable('statements')
    .addColumn('claim', 'text', (c) => c.notNull().defaultTo('0.00'))
    .execute();
  await db.schema.alterTable('statements').addColumn('counts', 'text').execute();
  await db.schema
    .alterTable('statements')
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const ids = await db.selectFrom('statements').select('id').execute();
  for (const { id } of ids) {
    const row = await db
      .selectFrom('statements')
      .select('report')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) continue;
    const report = JSON.parse(row.report) as StoredReport;
    const warnings = report.warnings ?? [];
    let stored = row.report;
    if (warnings.length > MAX_WARNINGS + 1) {
      const rest = warnings.length - MAX_WARNINGS;
      report.warnings = [
        ...warnings.slice(0, MAX_WARNINGS),
        {
          file: warnings[MAX_WARNINGS]?.file ?? '',
          message: `另有 ${String(rest)} 条同类问题未逐条列出 (${String(rest)} more warnings not listed)`,
        },
      ];
      stored = JSON.stringify(report);
    }
    await db
      .updateTable('statements')
      .set({
        claim: report.claim?.total ?? '0.00',
        counts: report.counts === undefined ? null : JSON.stringify(report.counts),
        warnings: Math.min(warnings.length, MAX_WARNINGS + 1),
        report: stored,
      })
      .where('id', '=', id)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('statements').dropColumn('warnings').execute();
  await db.schema.alterTable('statements').dropColumn('counts').execute();
  await db.schema.alterTable('statements').dropColumn('claim').execute();
}
