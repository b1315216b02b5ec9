import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeeGuardError } from '../../errors.js';
import { createAuditPool, type AuditJob } from './audit-pool.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../test/fixtures/samples');
const job = (file: string, data = readFileSync(path.join(SAMPLES, file))): AuditJob => ({
  versions: [],
  fileName: file,
  data,
  today: '2025-01-01',
  schedules: [],
});
/** The worker as `npm run build` leaves it (npm test builds before it tests). */
const BUILT = path.resolve(
  import.meta.dirname,
  '../../../dist/src/server/statements/audit.worker.js',
);

describe('the audit pool', () => {
  it('answers 503 “服务器正忙” when more uploads wait than the queue allows', async () => {
    const pool = createAuditPool({ workers: 1, queue: 1, workerMb: 256, script: null });
    const results = await Promise.allSettled([
      pool.run(job('01-plain.csv')),
      pool.run(job('03-plain.csv')),
      pool.run(job('05-plain.csv')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refused = (results[2] as PromiseRejectedResult).reason as FeeGuardError;
    expect(refused.code).toBe('FG_ERR_BUSY');
    expect(refused.status).toBe(503);
    expect(pool.load()).toEqual({ running: 0, waiting: 0 });
    // once the queue has drained, uploads are taken again
    await expect(pool.run(job('05-plain.csv'))).resolves.toHaveProperty('findings');
  });

  it('keeps an unreadable file’s error, code and hint included', async () => {
    const pool = createAuditPool({ workers: 1, queue: 0, workerMb: 256, script: null });
    const error = await pool
      .run(job('x.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0])))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeeGuardError);
  });

  it.skipIf(!existsSync(BUILT))(
    'audits on a worker thread while this thread keeps answering',
    async () => {
      const pool = createAuditPool({ workers: 2, queue: 2, workerMb: 256, script: BUILT });
      expect(pool.threaded).toBe(true);
      const inThread = await createAuditPool({
        workers: 1,
        queue: 0,
        workerMb: 256,
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
});
