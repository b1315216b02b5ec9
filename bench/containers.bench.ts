import { createReadStream } from 'node:fs';
import path from 'node:path';
import { decodeStatement } from '../src/audit/decode/index.js';

/**
 * `node dist/bench/containers.bench.js FILE…`: decodes each statement file (any container) to its
 * rows and prints, per file, the format, rows, time, rows/s and the process's peak RSS so far —
 * run one file per process for a clean peak. The figures in docs/audit.md ("Containers") came from
 * a generated 100,000-row BIFF8 workbook, the same rows as an HTML table, and a 200-page PDF.
 */
async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node dist/bench/containers.bench.js statement.xls [more files]');
    process.exitCode = 2;
    return;
  }
  for (const file of files) {
    const started = performance.now();
    const decoded = await decodeStatement(
      createReadStream(file, { highWaterMark: 1 << 16 }),
      path.basename(file),
    );
    let rows = 0;
    for await (const batch of decoded.batches) rows += batch.length;
    const ms = performance.now() - started;
    console.log(
      JSON.stringify({
        file: path.basename(file),
        format: decoded.meta.format,
        rows,
        ms: Math.round(ms),
        rowsPerSecond: Math.round(rows / (ms / 1000)),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  }
}

await main();
