import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../test/fixtures/index.js';
import { auditStatements, type AuditOptions } from '../audit/audit.js';
import { parseContract } from '../audit/contract.js';
import { FeeGuardError } from '../errors.js';
import { fileChunks } from './files.js';
import { readOnThread, readThreadMinBytes } from './read-thread.js';

/** The reading thread as `npm run build` leaves it (npm test builds before it tests). */
const BUILT = path.resolve(import.meta.dirname, '../../dist/src/cli/read-thread.worker.js');
/** Small batches and few in flight: every statement crosses in many batches, with waits. */
const PACE = { batchLines: 7, maxInFlight: 2 };

async function bothWays(file: string, options: AuditOptions) {
  const name = path.basename(file);
  const here = await auditStatements([{ file: name, chunks: fileChunks(file) }], options);
  const there = await auditStatements(
    [{ file: name, read: readOnThread(BUILT, file, name, PACE) }],
    options,
  );
  return { here, there };
}

/** A statement of `n` rows with CRLF line ends, a BOM, and quoted fields holding line ends. */
function statement(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-read-thread-'));
  const file = path.join(dir, 'crlf.csv');
  const rows = Array.from({ length: n }, (_, i) => {
    const day = `2024-0${String(1 + (i % 9))}-1${String(i % 10)}`;
    const text = i % 7 === 0 ? '"流量费\r\n（年付，""SIM"")"' : i % 5 === 0 ? '押金' : '';
    const type = i % 7 === 0 || i % 5 === 0 ? '扣费' : '刷卡消费';
    const amount = type === '扣费' ? '-99.00' : `${String(100 + (i % 900))}.5${String(i % 10)}`;
    const fee = type === '扣费' ? '' : '0.60';
    return `${day} 10:00:00,${type},借记卡,${amount},${fee},,${text},${String(900000 + i)}`;
  });
  writeFileSync(
    file,
    `\uFEFF交易时间,交易类型,卡类型,交易金额,手续费,结算金额,摘要,流水号\r\n${rows.join('\r\n')}\r\n`,
  );
  return file;
}

function contractOf(sample: string): AuditOptions['contract'] {
  const file = path.join(SAMPLES_DIR, sample.replace(/\.[^.]+$/u, '.contract.json'));
  return existsSync(file) ? parseContract(JSON.parse(readFileSync(file, 'utf8'))) : null;
}

describe.skipIf(!existsSync(BUILT))('a statement read on a second thread', () => {
  it.each([
    '01-plain.csv',
    '02-plain.csv',
    '03-plain.csv',
    '04-plain.csv',
    '05-plain.csv',
    '06-gb18030.csv',
    '07-workbook.xlsx',
    '08-sms.txt',
  ])('%s gives the report it gives on one thread', async (sample) => {
    const { here, there } = await bothWays(path.join(SAMPLES_DIR, sample), {
      contract: contractOf(sample),
      today: '2025-06-30',
    });
    expect(there).toEqual(here);
  });

  it('reads quoted fields over several lines, CRLF and multi-byte text as one thread does', async () => {
    const file = statement(3000);
    const { here, there } = await bothWays(file, { contract: contractOf('01-plain.csv') });
    expect(here.findings.length).toBeGreaterThan(100);
    expect(there).toEqual(here);
  });

  it('gives the reader’s error, code and hint included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-read-thread-'));
    const file = path.join(dir, 'none.csv');
    writeFileSync(file, 'x,y,z\n1,2,3\n'.repeat(50));
    const error = await auditStatements(
      [{ file: 'none.csv', read: readOnThread(BUILT, file, 'none.csv', PACE) }],
      { contract: null },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeeGuardError);
    expect((error as FeeGuardError).code).toBe('FG_ERR_NO_HEADER');
    expect((error as FeeGuardError).hint).toMatch(/--map/u);
  });

  it('reports progress as the lines come', async () => {
    const file = statement(45_000);
    const seen: number[] = [];
    await auditStatements(
      [
        {
          file: 'p.csv',
          read: readOnThread(BUILT, file, 'p.csv', { batchLines: 4096, maxInFlight: 2 }),
        },
      ],
      { contract: null, onProgress: ({ rows }) => seen.push(rows) },
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeLessThanOrEqual(45_001);
  });
});

describe('which files are read on a second thread', () => {
  it('is set in megabytes by FEEGUARD_READ_THREAD_MB, 8 by default', () => {
    expect(readThreadMinBytes({})).toBe(8 * 1024 * 1024);
    expect(readThreadMinBytes({ FEEGUARD_READ_THREAD_MB: '0' })).toBe(0);
    expect(readThreadMinBytes({ FEEGUARD_READ_THREAD_MB: '0.5' })).toBe(512 * 1024);
    expect(() => readThreadMinBytes({ FEEGUARD_READ_THREAD_MB: 'lots' })).toThrow(FeeGuardError);
  });
});
