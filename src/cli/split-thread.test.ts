import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../test/fixtures/index.js';
import { auditStatements } from '../audit/audit.js';
import { parseContract } from '../audit/contract.js';
import { splitHere, type RecordSplitter } from '../audit/decode/index.js';
import type { SplitProblem } from '../audit/decode/splitter.js';
import { FeeGuardError } from '../errors.js';
import { coreToSpare, splitOnThread, splitThreadMinBytes } from './split-thread.js';

/** The splitting thread as `npm run build` leaves it (npm test builds before it tests). */
const BUILT = path.resolve(import.meta.dirname, '../../dist/src/cli/split-thread.worker.js');
const encoder = new TextEncoder();

async function* chunksOf(bytes: Uint8Array, cuts: readonly number[]): AsyncIterable<Uint8Array> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    await Promise.resolve();
    // a copy, as a file's next chunk is: it may be moved to the other thread
    yield bytes.slice(from, cut);
    from = cut;
  }
  yield bytes.slice(from);
}

/** Every record as its row, and the problems, as `splitter` splits `bytes` cut at `cuts`. */
async function split(splitter: RecordSplitter, bytes: Uint8Array, cuts: number[], bom = false) {
  const rows: { row: number; cells: string[] }[] = [];
  const problems: SplitProblem[] = [];
  const report = (found: SplitProblem[]) => problems.push(...found.splice(0));
  for await (const batch of splitter(chunksOf(bytes, cuts), { delimiter: ',', bom }, report))
    for (let r = 0; r < batch.count; r++) rows.push(batch.row(r));
  return { rows, problems };
}

/** CSV-ish text from the characters that matter: delimiters, quotes, line ends, multi-byte. */
const csvText = fc
  .array(
    fc.constantFrom(',', '"', '""', '\n', '\r', '\r\n', 'a', '7', '.', '扣', '费', '€', '😀', '\t'),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

describe.skipIf(!existsSync(BUILT))('splitting on a second thread', () => {
  it('gives the records of this thread, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.array(fc.nat({ max: 800 }), { maxLength: 10 }),
        async (text, cuts) => {
          const bytes = encoder.encode(text);
          const there = await split(splitOnThread(BUILT), bytes, cuts);
          expect(there).toEqual(await split(splitHere, bytes, cuts));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('drops a byte-order mark cut across chunks, and reads a long file in many batches', async () => {
    // more distinct non-ASCII texts than the table numbers at once: it starts again on the way
    const lines = Array.from(
      { length: 80_000 },
      (_, i) => `2024-01-0${String(1 + (i % 9))},"摘要${String(i)}\r\n第二行",${String(i)}.50`,
    );
    const bytes = encoder.encode(`\uFEFF日期,摘要,金额\r\n${lines.join('\r\n')}\r\n`);
    const cuts = [1, 2, 100_000, 700_000, 700_001, 2_500_000];
    const there = await split(splitOnThread(BUILT), bytes, cuts, true);
    expect(there.rows).toHaveLength(80_001);
    expect(there.rows[1]?.cells).toEqual(['2024-01-01', '摘要0\r\n第二行', '0.50']);
    expect(there).toEqual(await split(splitHere, bytes, cuts, true));
  });

  it('stops the thread when the reader stops early', async () => {
    const bytes = encoder.encode('a,b\n'.repeat(200_000));
    const splitter = splitOnThread(BUILT);
    for await (const batch of splitter(
      chunksOf(bytes, [50_000, 100_000]),
      { delimiter: ',', bom: false },
      () => undefined,
    )) {
      expect(batch.count).toBeGreaterThan(0);
      break;
    }
  });

  it.each(['01-plain.csv', '02-plain.csv', '03-plain.csv', '05-plain.csv'])(
    '%s gives the report it gives on one thread',
    async (sample) => {
      const file = path.join(SAMPLES_DIR, sample);
      const contractFile = file.replace(/\.csv$/u, '.contract.json');
      const contract = parseContract(JSON.parse(readFileSync(contractFile, 'utf8')));
      const bytes = new Uint8Array(readFileSync(file));
      const cuts = [3, 500, 2048, 4096];
      const here = await auditStatements([{ file: sample, chunks: chunksOf(bytes, cuts) }], {
        contract,
      });
      const there = await auditStatements(
        [{ file: sample, chunks: chunksOf(bytes, cuts), splitter: splitOnThread(BUILT) }],
        { contract },
      );
      expect(there).toEqual(here);
    },
  );
});

describe('which files are split on a second thread', () => {
  it('is set in megabytes by FEEGUARD_SPLIT_THREAD_MB, 8 by default', () => {
    expect(splitThreadMinBytes({})).toBe(8 * 1024 * 1024);
    expect(splitThreadMinBytes({ FEEGUARD_SPLIT_THREAD_MB: '0' })).toBe(0);
    expect(splitThreadMinBytes({ FEEGUARD_SPLIT_THREAD_MB: '0.5' })).toBe(512 * 1024);
    expect(() => splitThreadMinBytes({ FEEGUARD_SPLIT_THREAD_MB: 'lots' })).toThrow(FeeGuardError);
  });

  it('only when a core is free', () => {
    expect(coreToSpare(0.4, 2)).toBe(true);
    expect(coreToSpare(2.5, 2)).toBe(true);
    expect(coreToSpare(3.5, 2)).toBe(false);
    expect(coreToSpare(0, 1)).toBe(false);
  });
});
