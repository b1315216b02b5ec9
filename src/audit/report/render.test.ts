import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { auditDecoded } from '../audit.js';
import { parseContract } from '../contract.js';
import { decodedTable, iterate } from '../testing.js';
import { renderReport, renderReportChunks } from './render.js';

async function sampleReport() {
  return auditDecoded(
    iterate([
      {
        file: 'a.csv',
        decoded: decodedTable(
          ['交易时间', '交易类型', '交易金额', '摘要'],
          [
            ['2024-01-05', '扣费', '-99.00', '终端流量费'],
            ['2024-02-05', '扣费', '-39.00', '会员费<script>'],
            ['2024-03-05', '扣费', '-39.00', '会员费'],
            ['2024-03-06', '扣费', '-5.00', '调账'],
          ],
        ),
      },
    ]),
    { contract: parseContract({ agreedCharges: [] }) },
  );
}

describe('report formats', () => {
  it('json is the report, parseable and stable', async () => {
    const report = await sampleReport();
    expect(JSON.parse(renderReport(report, 'json'))).toEqual(report);
  });

  it('json in pieces joins to exactly the json, whatever the findings', async () => {
    const report = await sampleReport();
    expect([...renderReportChunks(report, 'json')].join('')).toBe(renderReport(report, 'json'));
    const empty = { ...report, findings: [], recurring: [], warnings: [] };
    expect([...renderReportChunks(empty, 'json')].join('')).toBe(renderReport(empty, 'json'));
    const many = {
      ...report,
      findings: Array.from({ length: 3000 }, () => report.findings).flat(),
    };
    const pieces = [...renderReportChunks(many, 'json')];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(renderReport(many, 'json'));
    expect([...renderReportChunks(report, 'md')].join('')).toBe(renderReport(report, 'md'));
  });

  it('table aligns Chinese by display width', async () => {
    const text = renderReport(await sampleReport(), 'table');
    expect(text).toContain('应追回金额 Claim: ¥177.00');
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('位置'));
    const rule = lines[header + 1] ?? '';
    const dateColumn = stringWidth(
      (lines[header] ?? '').slice(0, (lines[header] ?? '').indexOf('日期')),
    );
    for (const row of lines.slice(header + 2, header + 6)) {
      const date = row.indexOf('2024-');
      expect(stringWidth(row.slice(0, date))).toBe(dateColumn);
    }
    expect(rule).toMatch(/^─+/);
  });

  it('md has the claim and a findings table', async () => {
    const md = renderReport(await sampleReport(), 'md');
    expect(md).toContain('## 应追回金额 Claim: ¥177.00');
    expect(md).toContain(
      '| a.csv:2 | 2024-01-05 | 流量费 | 99.00 | 未经同意 | 99.00 | 终端流量费 |',
    );
  });

  it('html is self-contained, escaped, with an SVG chart of deductions over time', async () => {
    const html = renderReport(await sampleReport(), 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).toContain('2024-02');
    expect(html).not.toContain('<script');
    expect(html).toContain('会员费&#60;script&#62;');
    expect(html).not.toMatch(/<(link|img|iframe)[^>]+(src|href)=/);
  });
});
