import type { Command } from 'commander';
import { configFromEnv } from '../../server/config.js';
import { prepare } from '../../server/main.js';
import { rebuildStats } from '../../server/stats/stats.service.js';
import { countCases } from '../../server/stats/stats.repository.js';
import type { CliIo } from '../io.js';

/** `feeguard stats rebuild`: recomputes the public statistics from the cases themselves. */
export function register(program: Command, io: CliIo): void {
  const stats = program.command('stats').description('公开统计 public statistics');
  stats
    .command('rebuild')
    .description(
      'recompute every public statistic from the cases (after an upgrade that changes how they are counted, or to repair them); run it while nothing writes cases',
    )
    .action(async () => {
      const { database, deps } = await prepare(configFromEnv());
      try {
        const started = performance.now();
        const total = await countCases(deps.db);
        let shown = 0;
        const { cases } = await rebuildStats(deps, (done) => {
          // On a terminal one line that moves; in a log a line every tenth of the way.
          if (io.interactive) {
            io.stderr.write(`\r重建统计 rebuilding: ${String(done)} / ${String(total)} cases…`);
          } else if (done === total || done - shown >= Math.max(1000, total / 10)) {
            shown = done;
            io.stderr.write(`rebuilding: ${String(done)} / ${String(total)} cases\n`);
          }
        });
        if (io.interactive && cases > 0) io.stderr.write('\n');
        io.stdout.write(
          `public statistics rebuilt from ${String(cases)} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      } finally {
        await database.close();
      }
    });
}
