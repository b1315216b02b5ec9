import { SAMPLES_DIR } from './fixtures/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from '../src/cli/testing.js';
import type { AuditReport } from '../src/audit/report/schema.js';

/**
 * Every statement in ../shared/samples audited with its contract gives exactly its expected.json:
 * findings (row, date, category, verdict, overcharge, amount, text), claim, counts and layout.
 */
const samples = SAMPLES_DIR;

interface Expected {
  file: string;
  contract: string | null;
  format: string;
  encoding: string | null;
  headerRow: number | null;
  records: number;
  sheets?: string[];
  claim: AuditReport['claim'];
  counts: Record<string, number>;
  findings: {
    file: string;
    row: number;
    sheet?: string;
    date: string;
    category: string;
    verdict: string;
    overcharge: string;
    amount: string;
    text: string;
  }[];
}

const cases = readdirSync(samples)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(samples, f), 'utf8')) as Expected);

describe('the shared samples', () => {
  it('are all there', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((c) => [c.file, c] as const))(
    '%s gives exactly its expected result',
    async (_name, expected) => {
      const io = captureIo(samples);
      const argv = [
        'audit',
        expected.file,
        '--format',
        'json',
        ...(expected.contract ? ['--contract', expected.contract] : []),
      ];
      expect(await main(argv, io)).toBe(0);
      const report = JSON.parse(io.out()) as AuditReport;
      const pick = (f: Expected['findings'][number]) => ({
        file: f.file,
        row: f.row,
        ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
        date: f.date,
        category: f.category,
        verdict: f.verdict,
        overcharge: f.overcharge,
        amount: f.amount,
        text: f.text,
      });
      expect(report.findings.map(pick)).toEqual(expected.findings.map(pick));
      expect(report.claim).toEqual(expected.claim);
      expect(report.counts).toEqual({
        authorized: 0,
        unauthorized: 0,
        needs_review: 0,
        ...expected.counts,
      });
      const statement = report.statements[0];
      expect(statement).toMatchObject({
        file: expected.file,
        format: expected.format,
        encoding: expected.encoding,
        headerRow: expected.headerRow,
        records: expected.records,
      });
      if (expected.sheets) expect(statement?.sheets).toEqual(expected.sheets);
      expect(report.warnings).toEqual([]);
    },
  );
});
