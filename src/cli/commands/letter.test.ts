import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { hasCommand, pdfText, tempDir } from '../../documents/testing.js';
import { main } from '../main.js';
import { captureIo } from '../testing.js';

async function run(argv: string[], cwd = EXAMPLES_DIR) {
  const io = captureIo(cwd);
  const status = await main(argv, io);
  return { status, out: io.out(), err: io.err() };
}

describe('feeguard letter', () => {
  it('writes the letter for the next step of the plan as text by default', async () => {
    const r = await run(['letter', '--case', 'case.json']);
    expect(r.status).toBe(0);
    expect(r.out.startsWith('投诉书\n致：中国人民银行上海市分行')).toBe(true);
    expect(r.out).toContain('退还未经本人同意扣取的费用共计 159.00 元。');
  });

  it('does not cut a 举报信 for a form limit without a source', async () => {
    const r = await run(['letter', '--case', 'case.json', '--channel', 'samr_12315']);
    expect(r.status).toBe(0);
    expect(r.out.startsWith('举报信')).toBe(true);
    expect(r.out).toContain('六、证据清单');
    expect(r.err).toBe('');
  });

  it('rewrites a 举报信 to a limit given with --max-chars, keeping requests, amount and basis, and says so', async () => {
    const r = await run([
      'letter',
      '--case',
      'case.json',
      '--channel',
      'samr_12315',
      '--max-chars',
      '900',
    ]);
    expect(r.status).toBe(0);
    expect(Array.from(r.out.trimEnd()).length).toBeLessThanOrEqual(900);
    expect(r.out).toContain('一、举报事项');
    expect(r.out).toContain('二、事实与理由');
    expect(r.out).toContain('三、法律依据');
    expect(r.out).toContain('159.00 元');
    expect(r.out).not.toContain('110101199001011234');
    expect(r.err).toContain('900');
  });

  it.skipIf(!hasCommand('pdftotext'))('writes a PDF and a DOCX', async () => {
    const dir = tempDir('letter');
    const pdf = await run([
      'letter',
      '--case',
      'case.json',
      '--format',
      'pdf',
      '--out',
      path.join(dir, 'l.pdf'),
    ]);
    expect(pdf.status).toBe(0);
    expect(pdfText(readFileSync(path.join(dir, 'l.pdf')))).toContain('投诉书');
    const docx = await run([
      'letter',
      '--case',
      'case.json',
      '--channel',
      'court_small_claims',
      '--format',
      'docx',
      '--out',
      path.join(dir, 'l.docx'),
    ]);
    expect(docx.status).toBe(0);
    expect(readFileSync(path.join(dir, 'l.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [['letter', '--case', 'case.json', '--format', 'pdf'], '--out'],
    [
      ['letter', '--case', 'case.json', '--channel', 'consumer_association'],
      'consumer_association',
    ],
    [['letter', '--case', 'case.json', '--channel', 'nowhere'], 'nowhere'],
    [['letter', '--case', 'case.json', '--max-chars', '10'], '--max-chars'],
  ])('refuses %j with one line', async (argv, mention) => {
    const r = await run(argv);
    expect(r.status).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(mention);
  });
});

describe('feeguard script', () => {
  it('writes the call script for a channel', async () => {
    const r = await run([
      'script',
      '--case',
      'case.json',
      '--channel',
      'payment_institution_customer_service',
    ]);
    expect(r.status).toBe(0);
    expect(r.out).toContain('电话投诉话术');
    expect(r.out).toContain('拨打：400-000-0000');
    expect(r.out).toContain('工单号');
  });
});

describe('feeguard evidence', () => {
  it('packs the letter, the report, the originals and a manifest that sha256sum accepts', async () => {
    const dir = tempDir('evidence');
    const zip = path.join(dir, 'pack.zip');
    const r = await run(['evidence', '--case', 'case.json', '--out', zip]);
    expect(r.status).toBe(0);
    expect(r.err).toContain('MANIFEST-SHA256.txt');
    const out = path.join(dir, 'out');
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, out]);
    expect(readdirSync(out).sort()).toEqual([
      '00-说明.txt',
      '01-投诉书-pboc_12363.docx',
      '01-投诉书-pboc_12363.pdf',
      '01-投诉书-pboc_12363.txt',
      '02-对账审计报告.html',
      '02-对账审计报告.json',
      '02-对账审计报告.pdf',
      '03-原始对账单',
      '04-其他证据',
      '05-时间线.csv',
      'MANIFEST-SHA256.txt',
    ]);
    expect(readFileSync(path.join(out, '03-原始对账单', 'statement.csv'))).toEqual(
      readFileSync(path.join(EXAMPLES_DIR, 'statement.csv')),
    );
    // The contract goes in as a readable table, not as the JSON the audit reads.
    expect(readdirSync(path.join(out, '04-其他证据'))).toEqual(['合同约定的费用.pdf']);
    if (hasCommand('pdftotext')) {
      const contract = pdfText(readFileSync(path.join(out, '04-其他证据', '合同约定的费用.pdf')));
      expect(contract).toContain('收单服务协议约定的费用');
      expect(contract).toContain('流量费');
      expect(contract).toContain('封顶');
      expect(contract).not.toContain('agreedCharges');
    }
    const check = execFileSync('sha256sum', ['-c', 'MANIFEST-SHA256.txt'], {
      cwd: out,
      encoding: 'utf8',
    });
    expect(check.trim().split('\n')).toHaveLength(10);
    expect(check).not.toContain('FAILED');
    const timeline = readFileSync(path.join(out, '05-时间线.csv'), 'utf8');
    expect(timeline).toContain('2024-09-05,押金/激活费被扣（未经同意）：押金（第1期）,100.00 元');
    expect(timeline).toContain('2024-10-10,向“支付机构客服投诉”提出,,KF20241010-0088');
    expect(timeline).toContain('2024-10-25');
    if (hasCommand('pdftotext')) {
      expect(pdfText(readFileSync(path.join(out, '02-对账审计报告.pdf')))).toContain(
        '扣费卫士对账审计报告',
      );
    }
  });
});
