import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BENCH_CONTRACT, generateStatement, type BenchTruth } from './generate.js';

/**
 * `npm run bench`: audits a generated 2,000,000-row statement with the FeeGuard CLI
 * (`feeguard audit … --format json --out`, the whole process) and, in the same run, with DuckDB SQL
 * as the baseline; prints time, peak RSS (both measured from outside by GNU time) and the time
 * ratio, and checks FeeGuard's claim, total and by category, against the generator's truth.
 * Targets (issue #11): ratio ≤ 1.5, FeeGuard peak RSS ≤ 300 MB, claim exact.
 */
const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const dataDir = path.resolve(root, 'bench-data');
/** The generator's version is in the name: a file from an older generator is not reused. */
const stem = path.join(dataDir, `statement-v2-${String(ROWS)}`);
const file = `${stem}.csv`;
const contractFile = `${stem}.contract.json`;
const truthFile = `${stem}.truth.json`;
const reportFile = `${stem}.report.json`;
const TIME = '/usr/bin/time';

interface Measured {
  ms: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs a command under GNU time: wall time and the peak RSS of the whole process. */
async function measured(args: string[]): Promise<Measured> {
  const started = performance.now();
  const { stdout, stderr } = await run(TIME, ['-f', 'maxrss_kb=%M', process.execPath, ...args], {
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  const kb = /maxrss_kb=(\d+)/.exec(stderr)?.[1];
  if (kb === undefined) throw new Error(`no peak RSS from ${TIME}: ${stderr.slice(-400)}`);
  return { ms, maxRssMb: Number(kb) / 1024, stdout };
}

function best(runs: Measured[]): Measured {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

if (!existsSync(TIME)) {
  process.stderr.write(`bench: needs GNU time at ${TIME} (Debian package "time")\n`);
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });
if (!existsSync(file) || !existsSync(truthFile)) {
  process.stderr.write(`generating ${ROWS.toLocaleString('en-US')} rows → ${file}\n`);
  const truth = await generateStatement(file, ROWS, (done) => {
    process.stderr.write(`\r  ${((done / ROWS) * 100).toFixed(0)}%`);
  });
  process.stderr.write('\n');
  writeFileSync(truthFile, JSON.stringify(truth, null, 1));
}
writeFileSync(contractFile, JSON.stringify(BENCH_CONTRACT, null, 1));
const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as BenchTruth;
const mb = statSync(file).size / (1 << 20);
console.log(`statement: ${ROWS.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB`);

const cli = path.join(root, 'bin/feeguard.js');
const feeguard: Measured[] = [];
const duckdb: Measured[] = [];
for (let i = 0; i < REPEAT; i++) {
  process.stderr.write(`run ${String(i + 1)}/${String(REPEAT)}: FeeGuard… `);
  feeguard.push(
    await measured([
      cli,
      'audit',
      file,
      '--contract',
      contractFile,
      '--format',
      'json',
      '--out',
      reportFile,
    ]),
  );
  process.stderr.write('DuckDB…\n');
  duckdb.push(await measured([path.join(here, 'run-duckdb.js'), file]));
}
const f = best(feeguard);
const d = best(duckdb);
const rate = (m: Measured) => Math.round(ROWS / (m.ms / 1000)).toLocaleString('en-US');
console.log(
  `FeeGuard: ${(f.ms / 1000).toFixed(2)} s  ${rate(f)} rows/s  peak RSS ${f.maxRssMb.toFixed(0)} MB  (best of ${String(REPEAT)}; peak RSS of every run: ${feeguard.map((m) => m.maxRssMb.toFixed(0)).join(', ')} MB)`,
);
console.log(
  `DuckDB:   ${(d.ms / 1000).toFixed(2)} s  ${rate(d)} rows/s  peak RSS ${d.maxRssMb.toFixed(0)} MB  (best of ${String(REPEAT)})`,
);
const ratio = f.ms / d.ms;
console.log(
  `time ratio FeeGuard/DuckDB: ${ratio.toFixed(2)}  (target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})`,
);
console.log(`peak RSS target ≤ 300 MB: ${f.maxRssMb <= 300 ? 'met' : 'NOT met'}`);

// the claim against the generator's truth
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
  claim: { total: string; byCategory: Record<string, string> };
};
const yuan = (fen: number) =>
  `${String(Math.floor(fen / 100))}.${String(fen % 100).padStart(2, '0')}`;
const rows: [string, string, string][] = [['total', yuan(truth.claimFen), report.claim.total]];
const categories = new Set([
  ...Object.keys(truth.byCategoryFen),
  ...Object.keys(report.claim.byCategory),
]);
for (const c of [...categories].sort()) {
  const want = (truth.byCategoryFen as Record<string, number | undefined>)[c] ?? 0;
  rows.push([c, yuan(want), report.claim.byCategory[c] ?? '0.00']);
}
const exact = rows.every(([, want, got]) => want === got);
console.log(`claim against the generator's truth: ${exact ? 'exact' : 'NOT exact'}`);
for (const [name, want, got] of rows)
  console.log(
    `  ${name.padEnd(24)} truth ${want.padStart(14)}  FeeGuard ${got.padStart(14)}  ${want === got ? 'ok' : 'differs'}`,
  );
console.log(`DuckDB findings: ${d.stdout.slice(d.stdout.indexOf('"rows"'), 400)}`);
