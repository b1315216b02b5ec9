import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStatements, capWarnings, MAX_REPORT_WARNINGS } from './audit.js';
import { auditReportSchema } from './report/schema.js';

describe('the warnings cap', () => {
  it('keeps the first warnings and counts the rest in one last warning', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ file: 'a.csv', row: i, message: 'x' }));
    const capped = capWarnings(many);
    expect(capped).toHaveLength(MAX_REPORT_WARNINGS + 1);
    expect(capped.at(-1)?.message).toMatch(/^另有 50 条同类问题/u);
    expect(capWarnings(many.slice(0, 3))).toHaveLength(3);
    // problems dropped while reading are counted too
    expect(capWarnings(many.slice(0, 200), 200, 7).at(-1)?.message).toMatch(/^另有 7 条/u);
    expect(capWarnings(many.slice(0, 3), 200, 7)).toHaveLength(3);
  });

  it('bounds the report of a statement with thousands of broken lines', async () => {
    const sample = await readFile('test/fixtures/samples/01-plain.csv', 'utf8');
    const broken = Array.from({ length: 5000 }, (_, i) => `2024-03-0${String((i % 9) + 1)} x,y`);
    const csv = [sample.trimEnd(), ...broken].join('\n');
    const report = await auditStatements(
      [{ file: 'big.csv', chunks: Readable.from([Buffer.from(csv)]) }],
      { contract: null, today: '2025-01-01' },
    );
    auditReportSchema.parse(report);
    expect(report.warnings).toHaveLength(MAX_REPORT_WARNINGS + 1);
    // every broken line counted, though only the first 200 are kept while reading
    expect(report.warnings.at(-1)?.message).toMatch(/^另有 4800 条同类问题/u);
    expect(JSON.stringify(report).length).toBeLessThan(100_000);
  });
});
