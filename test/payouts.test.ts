import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from '../src/cli/testing.js';
import type { AuditReport } from '../src/audit/report/schema.js';

/**
 * The payout corpus: payouts in every wording are never claimed; the fees for them, as separate
 * rows or in a speed-named payout's fee column, are — exactly as its expected.json says.
 */
const dir = path.resolve(import.meta.dirname, 'fixtures/payouts');

interface Expected {
  file: string;
  contract: string;
  claim: AuditReport['claim'];
  findings: { row: number; category: string; verdict: string; overcharge: string }[];
}

describe('the payout corpus', () => {
  it('claims every fee and no payout', async () => {
    const expected = JSON.parse(
      readFileSync(path.join(dir, '09-payouts.expected.json'), 'utf8'),
    ) as Expected;
    const io = captureIo(dir);
    const argv = ['audit', expected.file, '--contract', expected.contract, '--format', 'json'];
    expect(await main(argv, io)).toBe(0);
    const report = JSON.parse(io.out()) as AuditReport;
    const pick = (f: Expected['findings'][number]) => [f.row, f.category, f.verdict, f.overcharge];
    expect(report.findings.map(pick)).toEqual(expected.findings.map(pick));
    expect(report.claim.total).toBe(expected.claim.total);
    expect(report.claim.byCategory).toEqual(expected.claim.byCategory);
  });
});
