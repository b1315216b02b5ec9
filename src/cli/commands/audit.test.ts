import { SAMPLES_DIR } from '../../../test/fixtures/index.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing.js';

const samples = SAMPLES_DIR;

function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function run(argv: string[], cwd = samples) {
  const io = captureIo(cwd);
  const status = await main(argv, io);
  return { status, out: io.out(), err: io.err() };
}

describe('feeguard audit', () => {
  it('prints a readable table by default', async () => {
    const r = await run(['audit', '01-plain.csv', '--contract', '01-plain.contract.json']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('应追回金额 Claim: ¥159.00');
    expect(r.out).toContain('押金');
  });

  it('writes html and md reports to a file', async () => {
    const dir = workdir();
    const html = await run([
      'audit',
      path.join(samples, '02-plain.csv'),
      '-c',
      path.join(samples, '02-plain.contract.json'),
      '--format',
      'html',
      '--out',
      path.join(dir, 'r.html'),
    ]);
    expect(html.status).toBe(0);
    expect(readFileSync(path.join(dir, 'r.html'), 'utf8')).toContain('<svg');
    expect(html.err).toContain('¥266.64');
    const md = await run([
      'audit',
      path.join(samples, '02-plain.csv'),
      '--format',
      'md',
      '-o',
      path.join(dir, 'r.md'),
    ]);
    expect(md.status).toBe(0);
    expect(readFileSync(path.join(dir, 'r.md'), 'utf8')).toContain('# 对账审计报告');
  });

  it('merges several files into one report', async () => {
    const r = await run(['audit', '01-plain.csv', '03-plain.csv', '--format', 'json']);
    const report = JSON.parse(r.out) as { statements: unknown[]; findings: { file: string }[] };
    expect(report.statements).toHaveLength(2);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(
      new Set(['01-plain.csv', '03-plain.csv']),
    );
  });

  it('names columns with --map when the file has no header', async () => {
    const dir = workdir({ 'raw.csv': '2024-03-02,-99.00,终端流量费\n2024-03-03,500.00,消费\n' });
    const r = await run(
      [
        'audit',
        'raw.csv',
        '--map',
        'date=1,amount=2,description=3',
        '--format',
        'json',
        '--assume-no-agreement',
      ],
      dir,
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.out) as { claim: { total: string } };
    expect(report.claim.total).toBe('99.00');
  });

  it.each([
    [['audit', 'missing.csv'], /找不到对账单 .*missing\.csv/],
    [['audit', '01-plain.csv', '--contract', 'missing.json'], /找不到合同文件/],
    [['audit', '01-plain.csv', '--bogus'], /unknown option '--bogus'.*feeguard --help/],
    [['audit', '01-plain.csv', '--format', 'pdf'], /pdf.*invalid|Allowed choices/i],
    [['audit', '01-plain.csv', '--map', 'money=金额'], /unknown column role/],
    [['audit'], /missing required argument/],
  ])('%j → exit 2 with one line', async (argv, message) => {
    const r = await run(argv);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('rejects a contract with a clear line naming the field', async () => {
    const dir = workdir({
      'c.json': JSON.stringify({ rates: [{ cardType: 'gold', percent: 0.6 }] }),
      'bad.json': '{ rates: ',
    });
    const r = await run(['audit', path.join(samples, '01-plain.csv'), '--contract', 'c.json'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/rates\[1\]\.cardType/);
    const j = await run(
      ['audit', path.join(samples, '01-plain.csv'), '--contract', 'bad.json'],
      dir,
    );
    expect(j.status).toBe(2);
    expect(j.err).toMatch(/不是有效的 JSON/);
  });

  it('stops on a layout it is not sure of, naming its guess and the --map that settles it', async () => {
    const body =
      '2024-03-01,消费,100.00,12.00\n2024-03-02,消费,200.00,13.00\n2024-03-03,流量费,36.00,14.00\n';
    const dir = workdir({ 'two.csv': body });
    const r = await run(['audit', 'two.csv'], dir);
    expect(r.status).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/C 列、D 列都可能是金额列.*--map date=1,amount=3/);
    const mapped = await run(['audit', 'two.csv', '--map', 'amount=3', '--format', 'json'], dir);
    expect(mapped.status).toBe(0);
    const report = JSON.parse(mapped.out) as {
      statements: { layout: { columns: Record<string, { column: string }> } }[];
    };
    expect(report.statements[0]?.layout.columns.amount?.column).toBe('C');
  });

  it('reads a bilingual export with its data from column C, and says how it read it', async () => {
    const dir = workdir({
      'en.csv':
        ',,Merchant statement\n,,Trans Date/交易日期,Amount(CNY),Fee,Net Amount,Description\n' +
        ',,2024-03-01,100.00,0.60,99.40,POS\n,,2024-03-02,-36.00,0.00,-36.00,SIM卡费\n',
    });
    const r = await run(['audit', 'en.csv', '--assume-no-agreement'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('读取方式：日期=C列“Trans Date/交易日期”，金额=D列“Amount(CNY)”');
    expect(r.out).toContain('应追回金额 Claim: ¥36.00');
  });

  it.each([
    [{ agreedCharge: [] }, /未知字段 agreedCharge，是不是想写 agreedCharges/u],
    [
      {
        agreedCharges: [
          { category: 'traffic_fee', amountYuan: 36, every: 'year' },
          { category: 'traffic_fee', amountYuan: 36, every: 'year', startAfter: '2025-03-01' },
        ],
      },
      /未知字段 agreedCharges\[2\]\.startAfter，是不是想写 startsAfter.*did you mean `startsAfter`/u,
    ],
    [
      { rates: [{ cardType: 'any', percent: 0.6, capyuan: 20 }] },
      /rates\[1\]\.capyuan.*did you mean `capYuan`/u,
    ],
  ])('a typo in the contract %j → exit 2 naming the nearest key', async (contract, message) => {
    const dir = workdir({ 'c.json': JSON.stringify(contract) });
    const r = await run(['audit', path.join(samples, '01-plain.csv'), '--contract', 'c.json'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('says how to fix an unrecognisable file', async () => {
    const dir = workdir({ 'notes.csv': 'hello,world\nfoo,bar\n' });
    const r = await run(['audit', 'notes.csv'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--map/);
  });
});
