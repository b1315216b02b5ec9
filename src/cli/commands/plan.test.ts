import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { main } from '../main.js';
import { captureIo } from '../testing.js';

async function run(argv: string[], cwd = EXAMPLES_DIR) {
  const io = captureIo(cwd);
  const status = await main(argv, io);
  return { status, out: io.out(), err: io.err() };
}

function caseDir(caseJson: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-case-'));
  writeFileSync(path.join(dir, 'case.json'), JSON.stringify(caseJson));
  return dir;
}

const exampleCase = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'case.json'), 'utf8'),
) as Record<string, unknown>;

describe('feeguard channels', () => {
  it('lists every channel with who may use it and its deadline', async () => {
    const r = await run(['channels']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('pboc_12363');
    expect(r.out).toContain('7个工作日+15日（最长60日）');
    expect(r.out).toContain('请核实');
  });

  it('shows one channel with the source of every fact, in English too', async () => {
    const r = await run(['channels', 'nfra_12378', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Who may use it');
    // article references read in English too: "art. 13", never 第十三条
    expect(r.out).toContain('art. 13');
    expect(r.out).not.toContain('第十三条');
  });

  it('prints the knowledge base as JSON', async () => {
    const r = await run(['channels', '--json']);
    const kb = JSON.parse(r.out) as { channels: { id: string }[] };
    expect(kb.channels.length).toBeGreaterThanOrEqual(13);
  });

  it('an unknown channel id is one line naming the known ones', async () => {
    const r = await run(['channels', 'nowhere']);
    expect(r.status).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('pboc_12363');
  });
});

describe('feeguard plan', () => {
  it('plans the worked example: the provider is overdue, the PBoC is next', async () => {
    const r = await run(['plan', '--case', 'case.json']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('追讨金额：159.00 元');
    expect(r.out).toMatch(/支付机构客服投诉 \[投诉\] — 已逾期/);
    expect(r.out).toMatch(/中国人民银行分支机构投诉（12363） \[投诉\] — 下一步/);
    expect(r.out).toContain('答复期限：2024-11-29');
  });

  it('writes the plan as JSON', async () => {
    const r = await run(['plan', '--case', 'case.json', '--format', 'json']);
    const plan = JSON.parse(r.out) as { stage: string; ladder: { channel: string }[] };
    expect(plan.stage).toBe('escalate');
    expect(plan.ladder[0]?.channel).toBe('payment_institution_customer_service');
  });

  it('embeds the audit report in the case file as well as referencing it', async () => {
    const audit = JSON.parse(
      readFileSync(path.join(EXAMPLES_DIR, 'audit.json'), 'utf8'),
    ) as unknown;
    const dir = caseDir({ ...exampleCase, audit, history: [] });
    const r = await run(['plan', '--case', 'case.json', '--lang', 'en'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain("First step: Payment institution's complaint channel");
  });

  it.each([
    [{ ...exampleCase, complainant: { name: '张丽' } }, 'complainant.type'],
    [{ ...exampleCase, audit: 'missing.json' }, 'missing.json'],
    [{ ...exampleCase, audit: 'case.json' }, 'statements'],
    [
      { ...exampleCase, history: [{ channel: 'x', date: '2024/10/10', outcome: 'pending' }] },
      'history.0.date',
    ],
  ])('a bad case file is one line saying what to fix (%#)', async (caseJson, mention) => {
    const dir = caseDir(caseJson);
    const r = await run(['plan', '--case', 'case.json'], dir);
    expect(r.status).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(mention);
  });
});
