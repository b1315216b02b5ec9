import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedStats } from '../../../bench/seed-stats.js';
import { seedChannels } from '../../server/channels/channels.service.js';
import { migrate, openDatabase } from '../../server/db/database.js';
import type { DB } from '../../server/db/schema.js';
import { createPgSchema, DIALECTS, dropPgSchema } from '../../server/testing.js';
import { main } from '../main.js';
import { captureIo } from '../testing.js';
import type { Kysely } from 'kysely';

async function snapshot(db: Kysely<DB>) {
  const rows = async (table: 'stats_cells' | 'stats_answer_days' | 'stats_weeks' | 'case_stats') =>
    (await db.selectFrom(table).selectAll().execute())
      .map((r) => JSON.stringify({ ...r, updated_at: undefined }))
      .sort();
  return {
    cells: await rows('stats_cells'),
    days: await rows('stats_answer_days'),
    weeks: await rows('stats_weeks'),
    contributions: await rows('case_stats'),
  };
}

describe.each(DIALECTS)('feeguard stats rebuild on %s', (dialect) => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('recomputes the statistics from the cases, with progress on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-stats-cli-'));
    const databaseUrl = dialect === 'postgres' ? process.env['DATABASE_URL'] : undefined;
    const schema = databaseUrl ? await createPgSchema(databaseUrl) : undefined;
    vi.stubEnv('FEEGUARD_DATA_DIR', dir);
    vi.stubEnv('DATABASE_URL', databaseUrl ?? '');
    vi.stubEnv('DATABASE_SCHEMA', schema ?? '');
    const open = () =>
      openDatabase({
        databaseUrl,
        sqliteFile: path.join(dir, 'feeguard.db'),
        ...(schema ? { pgSchema: schema } : {}),
      });
    try {
      // Generated complaints with their pre-aggregated statistics, then the statistics lost.
      let database = open();
      await migrate(database);
      await seedChannels(database.db, new Date().toISOString());
      await seedStats(database.db, 1500, () => undefined);
      const before = await snapshot(database.db);
      expect(before.cells.length).toBeGreaterThan(100);
      for (const table of [
        'stats_cells',
        'stats_answer_days',
        'stats_weeks',
        'case_stats',
      ] as const) {
        await database.db.deleteFrom(table).execute();
      }
      await database.close();

      const io = captureIo(dir);
      expect(await main(['stats', 'rebuild'], io)).toBe(0);
      expect(io.out()).toMatch(/^public statistics rebuilt from 1500 cases in \d+\.\d s\n$/u);
      expect(io.err()).toContain('rebuilding: 1000 / 1500 cases\n');
      expect(io.err()).toContain('rebuilding: 1500 / 1500 cases\n');

      database = open();
      expect(await snapshot(database.db)).toEqual(before);
      await database.close();
    } finally {
      if (databaseUrl && schema) await dropPgSchema(databaseUrl, schema);
    }
  }, 120_000);
});
