import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../audit/dates.js';
import { shanghaiToday } from '../../deadlines/today.js';
import { mondayOf } from '../../stats/contribution.js';
import { baselineWeeksOf } from '../../stats/spikes.js';
import { openDatabase, type Database } from '../db/database.js';
import { startServerProcess, type ServerProcess } from '../processes.js';
import { applyDeltas } from '../stats/stats.repository.js';
import { createPgSchema, dropPgSchema } from '../testing.js';

/** Two real `feeguard serve` processes on one PostgreSQL database, both running the alert job. */
const built = existsSync(path.resolve(import.meta.dirname, '../../../dist/src/server/main.js'));
const databaseUrl = process.env['DATABASE_URL'];

describe.skipIf(!built || !databaseUrl)('the alert job on two instances', () => {
  let schema = '';
  let servers: ServerProcess[] = [];
  let database: Database;

  beforeAll(async () => {
    schema = await createPgSchema(databaseUrl ?? '');
    const env = { DATABASE_URL: databaseUrl ?? '', DATABASE_SCHEMA: schema, SWEEP_SECONDS: '1' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    database = openDatabase({ databaseUrl, pgSchema: schema });
  }, 60_000);
  afterAll(async () => {
    await database.close();
    await Promise.all(servers.map((s) => s.stop()));
    await dropPgSchema(databaseUrl ?? '', schema);
  });

  it('both sweep every second, and the spike is proposed once', async () => {
    const thisWeek = mondayOf(shanghaiToday(new Date()));
    const lastWeek = addDaysIso(thisWeek, -7);
    const zero = {
      recovered_fen: 0,
      outcome_refunded: 0,
      outcome_partly: 0,
      outcome_rejected: 0,
      outcome_no_answer: 0,
      filings_due: 0,
      filings_on_time: 0,
      filings_answered: 0,
    };
    const rows: [string, number][] = [
      ...baselineWeeksOf(lastWeek, 8).map((w): [string, number] => [w, 2]),
      [lastWeek, 2],
      [thisWeek, 20],
    ];
    await database.db.transaction().execute((trx) =>
      applyDeltas(
        trx,
        rows.map(([week, n]) => ({
          dimensions: {
            provider: '鑫联支付',
            category: 'traffic_fee',
            province: '',
            city: '',
            month: week.slice(0, 7),
            week,
          },
          counters: { ...zero, complaints: n, claimed_fen: n * 5900, outcome_pending: n },
          answerDays: new Map<number, number>(),
        })),
      ),
    );
    const alerts = () => database.db.selectFrom('alerts').select(['key', 'status']).execute();
    await expect.poll(alerts, { timeout: 15_000, interval: 250 }).toHaveLength(1);
    // A few more sweeps on both instances: still one.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await alerts()).toEqual([
      { key: `鑫联支付|traffic_fee|${thisWeek}`, status: 'proposed' },
    ]);
  }, 60_000);
});
