import path from 'node:path';
import { addDaysIso } from '../../audit/dates.js';
import { shanghaiToday } from '../../deadlines/today.js';
import { mondayOf } from '../../stats/contribution.js';
import { baselineWeeksOf } from '../../stats/spikes.js';
import { configFromEnv } from '../config.js';
import { openDatabase } from '../db/database.js';
import { applyDeltas } from '../stats/stats.repository.js';
import { localDiskStorage } from '../storage/storage.js';
import { proposeAlerts, type ProposeResult } from './alerts.service.js';

/**
 * For tests and screenshots: a usual two complaints a week about each provider's SIM fees and
 * twenty this week — a spike — written straight into a server's SQLite statistics, then the
 * alerts it proposes. The statistics tables are what the spike detector reads, so no complaints
 * need to be filed to get there.
 */
export async function seedSpikes(
  dataDir: string,
  providers: readonly string[],
): Promise<ProposeResult> {
  const database = openDatabase({ sqliteFile: path.join(dataDir, 'feeguard.db') });
  try {
    const thisWeek = mondayOf(shanghaiToday(new Date()));
    const weeks = [...baselineWeeksOf(addDaysIso(thisWeek, -7), 8), addDaysIso(thisWeek, -7)];
    await database.db.transaction().execute((trx) =>
      applyDeltas(
        trx,
        providers.flatMap((provider) =>
          [...weeks.map((w) => [w, 2] as const), [thisWeek, 20] as const].map(([week, n]) => ({
            dimensions: {
              provider,
              category: 'traffic_fee',
              province: '',
              city: '',
              month: week.slice(0, 7),
              week,
            },
            counters: {
              complaints: n,
              claimed_fen: n * 5900,
              recovered_fen: 0,
              outcome_refunded: 0,
              outcome_partly: 0,
              outcome_rejected: 0,
              outcome_no_answer: 0,
              outcome_pending: n,
              filings_due: 0,
              filings_on_time: 0,
              filings_answered: 0,
            },
            answerDays: new Map<number, number>(),
          })),
        ),
      ),
    );
    return await proposeAlerts({
      db: database.db,
      dialect: database.dialect,
      config: { ...configFromEnv({}), dataDir },
      storage: localDiskStorage(path.join(dataDir, 'files')),
      now: () => new Date(),
    });
  } finally {
    await database.close();
  }
}
