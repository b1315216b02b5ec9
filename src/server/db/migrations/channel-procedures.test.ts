import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../../channels/knowledge-base.js';
import { knowledgeBase } from '../../channels/channels.service.js';
import { migrate, openDatabase } from '../database.js';

describe('migration 2026-12-04-channel-procedures', () => {
  it('gives channels stored with a single deadline their procedures, keeping admins’ edits', async () => {
    const database = openDatabase({ sqliteFile: ':memory:' });
    try {
      await migrate(database);
      const samr = defaultKnowledgeBase().channels.find((c) => c.id === 'samr_12315');
      if (!samr) throw new Error('no samr_12315');
      const old: Record<string, unknown> = { ...samr };
      delete old.procedures;
      const stored = {
        ...old,
        summary: { zh: '管理员改过的说明', en: 'edited' },
        deadline: { what: { zh: '旧', en: 'old' }, days: 5, unit: 'working' },
      };
      // A database from before: the row holds the old shape, the migration runs again over it.
      await database.db
        .insertInto('channels')
        .values({
          id: 'samr_12315',
          data: JSON.stringify(stored),
          updated_at: '2026-12-01T00:00:00Z',
          updated_by: null,
        })
        .execute();
      const { up } = await import('./2026-12-04-channel-procedures.js');
      await up(database.db as unknown as Kysely<unknown>);
      const kb = await knowledgeBase(database.db);
      const migrated = kb.channels.find((c) => c.id === 'samr_12315');
      expect(migrated?.procedures.map((p) => p.id)).toEqual(samr.procedures.map((p) => p.id));
      expect(migrated?.summary.zh).toBe('管理员改过的说明');
      expect(JSON.stringify(migrated)).not.toContain('"deadline"');
    } finally {
      await database.close();
    }
  });
});
