import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateStatement } from './generate.js';

/**
 * `npm run bench`: audits a generated 2,000,000-row statement with FeeGuard and, in the same
 * run, with DuckDB SQL as the baseline; prints rows/s, peak RSS and the time ratio.
 * Targets (issue #2): ratio ≤ 1.5 and FeeGuard peak RSS ≤ 300 MB.
 */
const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const here = path.dirname(new URL(import.meta.url).pathname);
const dataDir = path.resolve(here, '../../bench-data');
const file = path.join(dataDir, `statement-${ROWS}.csv`);

interface Measured {
  ms: number;
  maxRssMb: number;
}

async function child(script: string): Promise<Measured & Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [path.join(here, script), file], {
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout) as Measured & Record<string, unknown>;
}

function best<T extends Measured>(runs: T[]): T {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

mkdirSync(dataDir, { recursive: true });
if (!existsSync(file)) {
  process.stderr.write(`generating ${ROWS.toLocaleString('en-US')} rows → ${file}\n`);
  await generateStatement(file, ROWS, (done) => {
    process.stderr.write(`\r  ${((done / ROWS) * 100).toFixed(0)}%`);
  });
  process.stderr.write('\n');
}
const mb = statSync(file).size / (1 << 20);
console.log(`statement: ${ROWS.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB`);

const feeguard: (Measured & Record<string, unknown>)[] = [];
const duckdb: (Measured & Record<string, unknown>)[] = [];
for (let i = 0; i < REPEAT; i++) {
  process.stderr.write(`run ${i + 1}/${REPEAT}: FeeGuard… `);
  feeguard.push(await child('run-feeguard.js'));
  process.stderr.write('DuckDB…\n');
  duckdb.push(await child('run-duckdb.js'));
}
const f = best(feeguard);
const d = best(duckdb);
const rate = (m: Measured) => Math.round(ROWS / (m.ms / 1000)).toLocaleString('en-US');
console.log(
  `FeeGuard: ${(f.ms / 1000).toFixed(2)} s  ${rate(f)} rows/s  peak RSS ${f.maxRssMb.toFixed(0)} MB  (best of ${REPEAT})`,
);
console.log(
  `DuckDB:   ${(d.ms / 1000).toFixed(2)} s  ${rate(d)} rows/s  peak RSS ${d.maxRssMb.toFixed(0)} MB  (best of ${REPEAT})`,
);
const ratio = f.ms / d.ms;
console.log(
  `time ratio FeeGuard/DuckDB: ${ratio.toFixed(2)}  (target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})`,
);
console.log(`peak RSS target ≤ 300 MB: ${f.maxRssMb <= 300 ? 'met' : 'NOT met'}`);
console.log(`FeeGuard claim: ${JSON.stringify(f.claim)}`);
console.log(`DuckDB findings: ${JSON.stringify(d.rows)}`);
