import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from '../src/cli/testing.js';
import type { AuditReport } from '../src/audit/report/schema.js';
import { OUTSIDE_DIR } from './outside-corpus.js';

/**
 * The rt9 red team's multi-file sets (bench/outside/rt9/multi.mjs): each set's files audited
 * together in one run, as `feeguard audit a.csv b.txt --contract c.json`. Overlapping exports and
 * SMS notices of a statement's deductions are claimed once; a quarter of monthly files and two
 * terminals' files are each their own deductions.
 */
interface MultiSet {
  files: string[];
  contract?: string;
  claim: { total: string; byCategory: Record<string, string> };
  counts: { unauthorized: number };
}

const dir = path.join(OUTSIDE_DIR, 'rt9');
const sets = readdirSync(dir)
  .filter((f) => f.endsWith('.multi.json'))
  .sort()
  .map(
    (f) =>
      [
        f.replace('.multi.json', ''),
        JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as MultiSet,
      ] as const,
  );

describe('the outside red-team corpus rt9, several files in one audit', () => {
  it('is all there', () => {
    expect(sets.length).toBeGreaterThanOrEqual(5);
  });

  it.each(sets)(
    '%s: the same claim, by category, and as many unauthorized findings',
    async (name, set) => {
      const io = captureIo(dir);
      const argv = [
        'audit',
        ...set.files,
        ...(set.contract ? ['--contract', set.contract] : []),
        '--format',
        'json',
      ];
      const code = await main(argv, io);
      expect(code, `rt9/${name}: feeguard audit failed: ${io.err()}`).toBe(0);
      const report = JSON.parse(io.out()) as AuditReport;
      expect(
        {
          total: report.claim.total,
          byCategory: report.claim.byCategory,
          unauthorized: report.findings.filter((f) => f.verdict === 'unauthorized').length,
        },
        `rt9/${name}`,
      ).toEqual({
        total: set.claim.total,
        byCategory: set.claim.byCategory,
        unauthorized: set.counts.unauthorized,
      });
    },
    60_000,
  );
});
