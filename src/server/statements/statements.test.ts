import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const lines = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'), 'utf8').split('\n');
const header = lines[0] ?? '';
const rows = lines.slice(1).filter((l) => l.trim() !== '');
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;
const csv = (part: readonly string[]) => Buffer.from(`${[header, ...part].join('\n')}\n`, 'utf8');

describe.each(DIALECTS)('statement uploads on %s', (dialect) => {
  let server: TestServer;
  let user: ApiClient;
  let merchantId = '';

  beforeAll(async () => {
    server = await testServer(dialect);
    user = new ApiClient(server.app);
    await user.register('overlap@shop.test');
    merchantId = await user.createMerchant(contract);
  });
  afterAll(async () => {
    await server.close();
  });

  it('two exports that overlap in time never count a deduction twice', async () => {
    const first = await user.upload(merchantId, 'jan-jun.csv', csv(rows.slice(0, 1200)));
    const second = await user.upload(merchantId, 'may-sep.csv', csv(rows.slice(900)));
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    const added =
      first.json<{ newDeductions: number }>().newDeductions +
      second.json<{ newDeductions: number }>().newDeductions;
    expect(added).toBe(12);
    const c = await user.json<{ claim: string; findings: unknown[] }>('POST', '/api/cases', {
      merchantId,
    });
    expect(c.claim).toBe('159.00');
    expect(c.findings).toHaveLength(2);
  });

  it('rejects an empty upload and an unreadable file with a clear error, writing nothing', async () => {
    const before = await user.json<{ items: unknown[] }>(
      'GET',
      `/api/merchants/${merchantId}/statements`,
    );
    const empty = await user.upload(merchantId, 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'FG_ERR_VALIDATION' });
    const binary = await user.upload(
      merchantId,
      'photo.xlsx',
      Buffer.from('PK\u0003\u0004 not really a workbook'),
    );
    expect(binary.statusCode).toBeGreaterThanOrEqual(400);
    expect(binary.statusCode).toBeLessThan(500);
    const after = await user.json<{ items: unknown[] }>(
      'GET',
      `/api/merchants/${merchantId}/statements`,
    );
    expect(after.items).toHaveLength(before.items.length);
  });

  it('answers a layout it is not sure of with its best guess as data', async () => {
    const unsure = await user.upload(
      merchantId,
      'two-amounts.csv',
      Buffer.from(
        '2024-03-01,消费,100.00,12.00\n2024-03-02,消费,200.00,13.00\n2024-03-03,流量费,36.00,14.00\n',
      ),
    );
    expect(unsure.statusCode).toBe(422);
    expect(unsure.json()).toMatchObject({
      code: 'FG_ERR_UNSURE_LAYOUT',
      details: {
        layout: {
          columns: { date: { letter: 'A' }, amount: { letter: 'C' } },
          questions: [{ role: 'amount', candidates: [{ letter: 'C' }, { letter: 'D' }] }],
        },
      },
    });
  });
});

describe.each(DIALECTS)('the merchant marking deductions agreed or not on %s', (dialect) => {
  let server: TestServer;
  let user: ApiClient;

  beforeAll(async () => {
    server = await testServer(dialect);
    user = new ApiClient(server.app);
    await user.register('review@shop.test');
  });
  afterAll(async () => {
    await server.close();
  });

  it('not agreed puts a deduction into the claim; agreed takes it out', async () => {
    const merchant = await user.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    await user.upload(merchant.id, 'statement.csv', csv(rows));
    type Deductions = { items: { id: string; verdict: string; amount: string }[]; claim: string };
    const before = await user.json<Deductions>('GET', `/api/merchants/${merchant.id}/deductions`);
    expect(before.claim).toBe('159.00');
    const unclear = before.items.filter((d) => d.verdict === 'needs_review');
    expect(unclear.map((d) => d.amount)).toEqual(['45.27', '17.56']);
    await user.json('PATCH', `/api/deductions/${unclear[0]?.id ?? ''}`, { decision: 'not_agreed' });
    await user.json('PATCH', `/api/deductions/${unclear[1]?.id ?? ''}`, { decision: 'agreed' });
    const after = await user.json<Deductions>('GET', `/api/merchants/${merchant.id}/deductions`);
    expect(after.claim).toBe('204.27');
    // What the merchant agreed to is theirs to say, also where the audit judged from the contract.
    const judged = after.items.find((d) => d.verdict === 'authorized' && d.amount === '39.00');
    const marked = await user.request('PATCH', `/api/deductions/${judged?.id ?? ''}`, {
      decision: 'not_agreed',
    });
    expect(marked.statusCode).toBe(200);
    const claimed = await user.json<Deductions>('GET', `/api/merchants/${merchant.id}/deductions`);
    expect(claimed.claim).toBe('243.27');
  });

  it('pages the deductions by verdict and category, with totals over all of them', async () => {
    const merchant = await user.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    await user.upload(merchant.id, 'statement.csv', csv(rows));
    type Page = {
      items: { id: string; verdict: string; date: string }[];
      total: number;
      page: number;
      limit: number | null;
      claim: string;
      counts: Record<string, number>;
      countsByCategory: Record<string, Record<string, number>>;
    };
    const all = await user.json<Page>('GET', `/api/merchants/${merchant.id}/deductions`);
    expect(all.limit).toBeNull();
    expect(all.items).toHaveLength(all.total);
    const first = await user.json<Page>(
      'GET',
      `/api/merchants/${merchant.id}/deductions?limit=5&page=1`,
    );
    const second = await user.json<Page>(
      'GET',
      `/api/merchants/${merchant.id}/deductions?limit=5&page=2`,
    );
    expect(first.items.map((d) => d.id)).toEqual(all.items.slice(0, 5).map((d) => d.id));
    expect(second.items.map((d) => d.id)).toEqual(all.items.slice(5, 10).map((d) => d.id));
    expect(first.total).toBe(all.total);
    expect(first.claim).toBe('159.00');
    expect(first.counts).toEqual(all.counts);
    const unclear = await user.json<Page>(
      'GET',
      `/api/merchants/${merchant.id}/deductions?verdict=needs_review&limit=20`,
    );
    expect(unclear.total).toBe(2);
    expect(unclear.items.every((d) => d.verdict === 'needs_review')).toBe(true);
    expect(
      Object.values(all.countsByCategory).reduce((n, c) => n + (c['needs_review'] ?? 0), 0),
    ).toBe(2);
    const bad = await user.request('GET', `/api/merchants/${merchant.id}/deductions?limit=0`);
    expect(bad.statusCode).toBe(400);
  });

  it('settles every deduction of a kind at once and leaves the judged ones alone', async () => {
    const merchant = await user.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    await user.upload(merchant.id, 'statement.csv', csv(rows));
    type Page = { countsByCategory: Record<string, Record<string, number>>; claim: string };
    const before = await user.json<Page>('GET', `/api/merchants/${merchant.id}/deductions`);
    const [category] = Object.entries(before.countsByCategory).find(
      ([, c]) => (c['needs_review'] ?? 0) > 0,
    ) ?? [''];
    const settled = await user.json<{
      settled: number;
      claim: string;
      counts: { needs_review: number };
    }>('POST', `/api/merchants/${merchant.id}/deductions/review`, {
      decision: 'not_agreed',
      category,
    });
    expect(settled.settled).toBe(before.countsByCategory[category]?.['needs_review']);
    expect(settled.claim).toBe('221.83'); // 159.00 + 45.27 + 17.56
    expect(settled.counts.needs_review).toBe(0);
    const again = await user.json<{ settled: number }>(
      'POST',
      `/api/merchants/${merchant.id}/deductions/review`,
      { decision: 'agreed', category },
    );
    expect(again.settled).toBe(0);
    const nothing = await user.request('POST', `/api/merchants/${merchant.id}/deductions/review`, {
      decision: 'agreed',
    });
    expect(nothing.statusCode).toBe(400);
  });

  it('summarises an upload without its rows: layout, period, counts by category, recurring', async () => {
    const merchant = await user.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    const upload = await user.upload(merchant.id, 'statement.csv', csv(rows));
    const id = upload.json<{ id: string }>().id;
    const summary = await user.json<{
      statements: { records: number; period: { from: string; to: string }; columns: object }[];
      claim: { total: string };
      counts: Record<string, number>;
      findings: number;
      byCategory: { category: string; count: number; claim: string }[];
      recurring: unknown[];
    }>('GET', `/api/statements/${id}/summary`);
    const report = await user.json<{ findings: unknown[]; recurring: unknown[] }>(
      'GET',
      `/api/statements/${id}/report`,
    );
    expect(summary.statements[0]?.records).toBe(rows.length);
    expect(summary.statements[0]?.period.from).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(Object.keys(summary.statements[0]?.columns ?? {})).toContain('date');
    expect(summary.claim.total).toBe('159.00');
    expect(summary.findings).toBe(report.findings.length);
    expect(summary.byCategory.reduce((n, c) => n + c.count, 0)).toBe(report.findings.length);
    expect(summary.recurring).toEqual(report.recurring);
    const other = new ApiClient(server.app);
    await other.register('someone-else@shop.test');
    expect((await other.request('GET', `/api/statements/${id}/summary`)).statusCode).toBe(404);
  });
});
