import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { auditReportSchema } from '../../audit/report/schema.js';
import { main } from '../main.js';
import { captureIo } from '../testing.js';

async function run(argv: string[], cwd = EXAMPLES_DIR) {
  const io = captureIo(cwd);
  const status = await main(argv, io);
  return { status, out: io.out(), err: io.err() };
}

const args = ['audit', 'statement.csv', '-c', 'contract.json', '--schedule', 'fee-schedule.json'];

describe('feeguard audit --schedule', () => {
  it('reports departures from the published versions in the JSON report', async () => {
    const r = await run([...args, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = auditReportSchema.parse(JSON.parse(r.out));
    expect(report.schedules?.map((v) => v.version)).toEqual(['2023版', '2024版']);
    expect(
      report.scheduleDepartures?.map((d) => [
        d.row,
        d.kind,
        d.scheduleVersion,
        d.taken,
        d.allowed,
        d.differenceFen,
      ]),
    ).toEqual([
      [15, 'unlisted_charge', '2023版', '45.27', '0.00', 4527],
      [763, 'unlisted_charge', '2023版', '17.56', '0.00', 1756],
      [958, 'above_amount', '2024版', '39.00', '29.00', 1000],
      [1156, 'above_amount', '2024版', '39.00', '29.00', 1000],
      [1372, 'above_amount', '2024版', '39.00', '29.00', 1000],
      [1444, 'unlisted_charge', '2024版', '100.00', '0.00', 10000],
      [1549, 'above_amount', '2024版', '39.00', '29.00', 1000],
    ]);
    // the contract's verdicts are unchanged: the 39.00 service fees are still agreed
    expect(report.claim.total).toBe('159.00');
  });

  it('shows a short section in the table, markdown and HTML reports', async () => {
    const table = await run(args);
    expect(table.out).toContain(
      '与收费标准不符 Departures from the published fee schedule (7，差额合计 ¥202.83)',
    );
    expect(table.out).toContain(
      '对照服务商公布的收费标准 鑫联支付有限公司：2023版（2023-01-01 起）、2024版（2024-06-01 起）',
    );
    expect(table.out).toMatch(
      /statement\.csv:958\s+2024-06-25\s+超过标准金额\s+39\.00\s+29\.00\s+10\.00/,
    );
    const md = await run([...args, '--format', 'md']);
    expect(md.out).toContain(
      '| statement.csv:1444 | 2024-09-05 | 收费标准未列出 | 100.00 | 0.00 | 100.00 | 收费标准（2024版，2024-06-01 起）没有列出押金/激活费 |',
    );
    const html = await run([...args, '--format', 'html']);
    expect(html.out).toContain(
      '<h2>与收费标准不符 Departures from the published fee schedule</h2>',
    );
    expect(html.out).toContain('<td data-label="不符">超过标准金额</td>');
  });

  it('rejects a bad schedule file with one line naming the version and field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-schedule-'));
    writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify([
        { provider: 'A', version: 'v1', effectiveFrom: '2024-01-01' },
        {
          provider: 'A',
          version: 'v2',
          effectiveFrom: '2024-01-01',
          charges: [{ name: '年费', category: 'service_fee', amountYuan: 1, every: 'weekly' }],
        },
      ]),
    );
    writeFileSync(path.join(dir, 'broken.json'), '[{ "provider": ');
    writeFileSync(
      path.join(dir, 'two.json'),
      JSON.stringify([
        { provider: 'A', version: 'v1', effectiveFrom: '2024-01-01' },
        { provider: 'B', version: 'v1', effectiveFrom: '2024-01-01' },
      ]),
    );
    const statement = path.join(EXAMPLES_DIR, 'statement.csv');
    for (const [file, message] of [
      ['bad.json', /收费标准有误 .*\[1\]\.charges\.0\.every/],
      ['broken.json', /不是有效的 JSON/],
      ['two.json', /多家服务商（A、B）/],
      ['missing.json', /找不到收费标准文件/],
    ] as const) {
      const r = await run(['audit', statement, '--schedule', file], dir);
      expect(r.status, file).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
