import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FeeGuardError } from '../../errors.js';
import { createAuditPool, type AuditJob } from './audit-pool.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../test/fixtures/samples');
const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-pool-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
/** A job for a sample file, or for these bytes written to a file (the pool reads from disk). */
const job = (file: string, data?: Buffer): AuditJob => {
  const where = data ? path.join(dir, file) : path.join(SAMPLES, file);
  if (data) writeFileSync(where, data);
  return { versions: [], fileName: file, path: where, today: '2025-01-01', schedules: [] };
};
/** The sample statement followed by many broken one-line records: long to audit, small to write. */
const slow = (lines: number) =>
  Buffer.concat([
    readFileSync(path.join(SAMPLES, '01-plain.csv')),
    Buffer.from('1,x\n'.repeat(lines)),
  ]);
const LIMITS = { workerMb: 256, timeoutMs: 60_000 };
/** The worker as `npm run build` leaves it (npm test builds before it tests). */
const BUILT = path.resolve(
  import.meta.dirname,
  '../../../dist/src/server/statements/audit.worker.js',
);

describe('the audit pool', () => {
  it('answers 503 “服务器正忙” when more uploads wait than the queue allows', async () => {
    const pool = createAuditPool({ workers: 1, queue: 1, ...LIMITS, script: null });
    const results = await Promise.allSettled([
      pool.run(job('01-plain.csv')),
      pool.run(job('03-plain.csv')),
      pool.run(job('05-plain.csv')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refused = (results[2] as PromiseRejectedResult).reason as FeeGuardError;
    expect(refused.code).toBe('FG_ERR_BUSY');
    expect(refused.status).toBe(503);
    expect(pool.load()).toEqual({ running: 0, waiting: 0, threads: 0 });
    // once the queue has drained, uploads are taken again
    await expect(pool.run(job('05-plain.csv'))).resolves.toHaveProperty('findings');
  });

  it('keeps an unreadable file’s error, code and hint included', async () => {
    const pool = createAuditPool({ workers: 1, queue: 0, ...LIMITS, script: null });
    const error = await pool
      .run(job('x.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0])))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeeGuardError);
  });

  it.skipIf(!existsSync(BUILT))(
    'audits on a worker thread while this thread keeps answering',
    async () => {
      const pool = createAuditPool({ workers: 2, queue: 2, ...LIMITS, script: BUILT });
      expect(pool.threaded).toBe(true);
      const inThread = await createAuditPool({
        workers: 1,
        queue: 0,
        ...LIMITS,
        script: null,
      }).run(job('01-plain.csv'));
      // the same statement eight times over: long enough to audit that a blocked thread shows
      const sample = readFileSync(path.join(SAMPLES, '01-plain.csv'), 'utf8').trimEnd();
      const [head = '', ...rows] = sample.split('\n');
      const big = Buffer.from([head, ...Array.from({ length: 8 }, () => rows).flat()].join('\n'));
      let last = performance.now();
      let worstGap = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worstGap = Math.max(worstGap, now - last);
        last = now;
      }, 10);
      try {
        const [threaded, large] = await Promise.all([
          pool.run(job('01-plain.csv')),
          pool.run(job('big.csv', big)),
        ]);
        expect(threaded).toEqual(inThread);
        expect(large.statements[0]?.records).toBeGreaterThan(8 * 1500);
      } finally {
        clearInterval(timer);
      }
      // An audit of this size holds a thread for over a second; the bench checks the 100 ms
      // target on an idle machine, this leaves room for a busy test machine.
      expect(worstGap).toBeLessThan(300);
      const error = await pool
        .run(job('x.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0])))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeeGuardError);
    },
  );

  it('drops an audit on this thread that runs past the limit with “审核超时”', async () => {
    const pool = createAuditPool({ ...LIMITS, workers: 1, queue: 0, timeoutMs: 50, script: null });
    const error = await pool.run(job('slow.csv', slow(400_000))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeeGuardError);
    expect((error as FeeGuardError).code).toBe('FG_ERR_AUDIT_TIMEOUT');
    expect(pool.load()).toEqual({ running: 0, waiting: 0, threads: 0 });
  });

  it.skipIf(!existsSync(BUILT))(
    'stops a worker that runs past the limit and audits the next upload on a new one',
    async () => {
      const pool = createAuditPool({
        ...LIMITS,
        workers: 1,
        queue: 1,
        timeoutMs: 2000,
        script: BUILT,
      });
      // Millions of rows: seconds of a core on any machine, far past the limit.
      const started = performance.now();
      const late = pool.run(job('slow.csv', slow(4_900_000))).catch((e: unknown) => e);
      // waits for the only worker, then runs on a fresh thread
      const next = pool.run(job('08-sms.txt'));
      const error = (await late) as FeeGuardError;
      expect(error).toBeInstanceOf(FeeGuardError);
      expect(error.code).toBe('FG_ERR_AUDIT_TIMEOUT');
      expect(error.status).toBe(413);
      expect(error.hint).toMatch(/one file per month/u);
      expect(performance.now() - started).toBeLessThan(15_000);
      await expect(next).resolves.toHaveProperty('findings');
      expect(pool.load()).toEqual({ running: 0, waiting: 0, threads: 0 });
    },
    60_000,
  );
});
