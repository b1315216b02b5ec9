import { sql, type Kysely } from 'kysely';
import { defaultKnowledgeBase } from '../../../channels/knowledge-base.js';

/**
 * Channels stored before deadlines became per-procedure carry one `deadline` and no
 * `procedures`; parsed as they are, they would lose every deadline. Each stored channel without
 * `procedures` gets the bundled channel's procedures (and its letter addressee), and the old
 * `deadline` is dropped. The court keeps an admin's own name but no longer calls itself
 * "small claims" whatever the amount. Everything else an admin edited stays as it is.
 */
const OLD_COURT_NAME = '法院起诉（小额诉讼）';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bundled = new Map(defaultKnowledgeBase().channels.map((c) => [c.id, c]));
  const rows = await sql<{ id: string; data: string }>`select id, data from channels`.execute(db);
  for (const row of rows.rows) {
    const stored = JSON.parse(row.data) as Record<string, unknown>;
    if (Array.isArray(stored.procedures)) continue;
    const fresh = bundled.get(row.id);
    const rest: Record<string, unknown> = { ...stored };
    delete rest.deadline;
    const name = rest.name as { zh?: string } | undefined;
    const next = {
      ...rest,
      procedures: fresh?.procedures ?? [],
      ...(fresh?.addressee && rest.addressee === undefined ? { addressee: fresh.addressee } : {}),
      ...(fresh && row.id === 'court_small_claims' && name?.zh === OLD_COURT_NAME
        ? { name: fresh.name, cost: fresh.cost }
        : {}),
    };
    await sql`update channels set data = ${JSON.stringify(next)}, revision = revision + 1 where id = ${row.id}`.execute(
      db,
    );
  }
}

/** The old single deadline cannot be rebuilt faithfully; going down leaves the procedures. */
export async function down(): Promise<void> {
  // Nothing to undo: older code ignores `procedures`.
}
