import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../test/fixtures/index.js';
import { auditStatements } from '../audit/audit.js';
import { parseContract } from '../audit/contract.js';
import { splitHere, type RecordSplitter } from '../audit/decode/index.js';
import { peek } from '../audit/decode/peek.js';
import type { SplitProblem } from '../audit/decode/splitter.js';
import { FeeGuardError } from '../errors.js';
import {
  coreToSpare,
  cpuTimes,
  splitOnThread,
  splitThreadMinBytes,
  whereACoreIsSpare,
  type ThreadSplitter,
} from './split-thread.js';

/** The splitting thread as `npm run build` leaves it (npm test builds before it tests). */
const BUILT = path.resolve(import.meta.dirname, '../../dist/src/cli/split-thread.worker.js');
const encoder = new TextEncoder();
const folder = mkdtempSync(path.join(tmpdir(), 'feeguard-split-'));
const files = { made: 0 };

/** The bytes as a file, for the splitting thread to read. */
function fileOf(bytes: Uint8Array): string {
  files.made += 1;
  const file = path.join(folder, `${String(files.made)}.csv`);
  writeFileSync(file, bytes);
  return file;
}

/** The thread's splitter for `bytes` read from a file in pieces of `pieceBytes`. */
function onThread(bytes: Uint8Array, pieceBytes?: number): ThreadSplitter {
  return splitOnThread(BUILT, fileOf(bytes), pieceBytes);
}

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
  it('gives the records of this thread, wherever the pieces are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.array(fc.nat({ max: 800 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 300 }),
        async (text, cuts, pieceBytes) => {
          const bytes = encoder.encode(text);
          const there = await split(onThread(bytes, pieceBytes), bytes, cuts);
          expect(there).toEqual(await split(splitHere, bytes, cuts));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('drops a byte-order mark cut across pieces', async () => {
    const bytes = encoder.encode('\uFEFF日期,摘要,金额\r\n2024-01-01,"原交易\r\n1",1.50\r\n');
    for (const pieceBytes of [1, 2, 4]) {
      const there = await split(onThread(bytes, pieceBytes), bytes, [], true);
      expect(there.rows[0]?.cells).toEqual(['日期', '摘要', '金额']);
      expect(there).toEqual(await split(splitHere, bytes, [], true));
    }
  });

  it('reads a long file in many batches', async () => {
    // more distinct non-ASCII texts than the table numbers at once: it starts again on the way;
    // more batches than the thread sends ahead of the reader
    const lines = Array.from(
      { length: 80_000 },
      (_, i) => `2024-01-0${String(1 + (i % 9))},"摘要${String(i)}\r\n第二行",${String(i)}.50`,
    );
    const bytes = encoder.encode(`\uFEFF日期,摘要,金额\r\n${lines.join('\r\n')}\r\n`);
    const cuts = [1, 2, 100_000, 700_000, 700_001, 2_500_000];
    const there = await split(onThread(bytes), bytes, cuts, true);
    expect(there.rows).toHaveLength(80_001);
    expect(there.rows[1]?.cells).toEqual(['2024-01-01', '摘要0\r\n第二行', '0.50']);
    expect(there).toEqual(await split(splitHere, bytes, cuts, true));
  });

  it('stops the thread when the reader stops early', async () => {
    const bytes = encoder.encode('a,b\n'.repeat(200_000));
    const splitter = onThread(bytes);
    for await (const batch of splitter(
      chunksOf(bytes, [50_000, 100_000]),
      { delimiter: ',', bom: false },
      () => undefined,
    )) {
      expect(batch.count).toBeGreaterThan(0);
      break;
    }
  });

  it('closes the stream it is handed, unread', async () => {
    const read = { chunks: 0, closed: false };
    async function* stream(): AsyncIterable<Uint8Array> {
      try {
        for (;;) {
          read.chunks += 1;
          yield await Promise.resolve(encoder.encode('x,y\n'));
        }
      } finally {
        read.closed = true;
      }
    }
    const bytes = encoder.encode('a,b\n1,2\n');
    // the stream as decodeCsv hands it over: its first chunk already read to tell the encoding
    const { stream: rest } = await peek(stream(), 1);
    const { rows } = await split(
      (_, options, report) => onThread(bytes)(rest, options, report),
      bytes,
      [],
    );
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(read).toEqual({ chunks: 1, closed: true });
  });

  it.each([true, false])(
    'asks once whether a core is to spare (%s), and splits the same',
    async (yes) => {
      const bytes = encoder.encode('日期,摘要\n2024-01-01,原交易1\n2024-01-02,"a,b"\n');
      const asked = { times: 0 };
      const splitter = whereACoreIsSpare(onThread(bytes), () => {
        asked.times += 1;
        return yes;
      });
      // decodeCsv asks for the records twice (as rows, as records) and reads one of them
      splitter(chunksOf(bytes, []), { delimiter: ',', bom: false }, () => undefined);
      expect(await split(splitter, bytes, [2, 9])).toEqual(await split(splitHere, bytes, [2, 9]));
      expect(asked.times).toBe(1);
    },
  );

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
        [{ file: sample, chunks: chunksOf(bytes, cuts), splitter: splitOnThread(BUILT, file) }],
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
    const times = (idle: number, total: number, cores = 2) => ({ idle, total, cores });
    const since = times(1000, 4000);
    // sampled: 0.1 s on two cores, of which a core and a half or a fifth of one idle
    expect(coreToSpare(since, times(1150, 4200), 9, 2)).toBe(true);
    expect(coreToSpare(since, times(1020, 4200), 0.1, 2)).toBe(false);
    // too short a sample, or none: the load average of the last minute
    expect(coreToSpare(since, times(1000, 4050), 0.4, 2)).toBe(true);
    expect(coreToSpare(null, times(1000, 4050), 2.5, 2)).toBe(true);
    expect(coreToSpare(null, times(1000, 4050), 3.5, 2)).toBe(false);
    expect(coreToSpare(since, times(1150, 4200), 0, 1)).toBe(false);
  });

  it('samples the machine’s CPU time', () => {
    const now = cpuTimes();
    expect(now.cores).toBeGreaterThan(0);
    expect(now.total).toBeGreaterThanOrEqual(now.idle);
  });
});
