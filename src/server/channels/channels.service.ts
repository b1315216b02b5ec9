import type { Kysely } from 'kysely';
import { defaultKnowledgeBase, parseKnowledgeBase } from '../../channels/knowledge-base.js';
import type { KnowledgeBase } from '../../channels/schema.js';
import type { DB } from '../db/schema.js';

/**
 * The server's knowledge base is the bundled one, seeded into the database on start, where
 * admins keep it current. Seeding adds missing channels and never overwrites an edited one, so
 * every instance can run it at start.
 */
export async function seedChannels(db: Kysely<DB>, at: string): Promise<void> {
  for (const channel of defaultKnowledgeBase().channels) {
    await db
      .insertInto('channels')
      .values({ id: channel.id, data: JSON.stringify(channel), updated_at: at, updated_by: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** The parsed knowledge base of each database, with the version it was parsed at. */
const parsed = new WeakMap<Kysely<DB>, { version: string; kb: KnowledgeBase }>();

/**
 * The knowledge base as the database holds it. Validating it costs milliseconds, so the parsed
 * form is kept per version: a cheap query tells whether any instance edited it since.
 */
export async function knowledgeBase(db: Kysely<DB>): Promise<KnowledgeBase> {
  const stamp = await db
    .selectFrom('channels')
    .select((eb) => [
      eb.fn.sum<number | string>('revision').as('revisions'),
      eb.fn.countAll<number>().as('n'),
    ])
    .executeTakeFirst();
  const version = `${String(stamp?.revisions ?? 0)}|${String(stamp?.n ?? 0)}`;
  const cached = parsed.get(db);
  if (cached?.version === version) return cached.kb;
  const rows = await db.selectFrom('channels').select(['data']).orderBy('id').execute();
  const bundled = defaultKnowledgeBase();
  const stored = rows.map((r) => JSON.parse(r.data) as unknown);
  // Keep the bundled order (the order people read the list in); channels added later go last.
  const order = new Map(bundled.channels.map((c, i) => [c.id, i]));
  const channels = stored.sort((a, b) => rank(a, order) - rank(b, order));
  const kb = parseKnowledgeBase({ ...bundled, channels }, 'channels table');
  parsed.set(db, { version, kb });
  return kb;
}

function rank(channel: unknown, order: ReadonlyMap<string, number>): number {
  const id =
    typeof channel === 'object' && channel !== null && 'id' in channel ? String(channel.id) : '';
  return order.get(id) ?? order.size;
}
