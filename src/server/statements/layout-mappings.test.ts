import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

/** No header, two columns that could each be the amount: the reader asks. */
const unknownLayout = (rows: readonly string[]) => Buffer.from(`${rows.join('\n')}\n`, 'utf8');
const FIRST = unknownLayout([
  '2026-03-01,消费,100.00,12.00',
  '2026-03-02,消费,200.00,13.00',
  '2026-03-03,流量费,99.00,14.00',
  '2026-03-04,消费,300.00,15.00',
]);
const SECOND = unknownLayout([
  '2026-05-11,消费,80.00,2.00',
  '2026-05-12,流量费,99.00,3.00',
  '2026-05-13,消费,60.00,4.00',
]);

interface Unsure {
  code: string;
  layout: {
    fingerprint: string;
    columns: number;
    hasHeader: boolean;
    rows: string[][];
    guess: Record<string, number>;
  };
}

describe.each(DIALECTS)('layout mappings on %s', (dialect) => {
  let server: TestServer;
  let admin: ApiClient;

  async function merchant(email: string, providerName = '鑫联支付有限公司') {
    const client = new ApiClient(server.app);
    await client.register(email);
    const { id } = await client.json<{ id: string }>('POST', '/api/merchants', {
      name: email,
      providerName,
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    return { client, id };
  }

  beforeAll(async () => {
    server = await testServer(dialect);
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
    admin = new ApiClient(server.app);
    await admin.login('root@feeguard.test', 'admin password 1');
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('asks, remembers for the merchant, and offers an approved mapping to the next merchant', async () => {
    const a = await merchant('a@layout.test');
    const asked = await a.client.upload(a.id, 'unknown.csv', FIRST);
    expect(asked.statusCode).toBe(422);
    const unsure = asked.json<Unsure>();
    expect(unsure.code).toBe('FG_ERR_UNSURE_LAYOUT');
    expect(unsure.layout.hasHeader).toBe(false);
    expect(unsure.layout.columns).toBe(4);
    expect(unsure.layout.rows[2]).toEqual(['2026-03-03', '流量费', '99.00', '14.00']);
    expect(unsure.layout.guess).toMatchObject({ date: 1, amount: 3 });
    expect(unsure.layout.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // nothing was stored by the question
    const none = await a.client.json<{ items: unknown[] }>(
      'GET',
      `/api/merchants/${a.id}/statements`,
    );
    expect(none.items).toHaveLength(0);

    const mapped = await a.client.upload(a.id, 'unknown.csv', FIRST, {
      mapping: JSON.stringify({ date: 1, description: 2, amount: 3, fee: 4 }),
    });
    expect(mapped.statusCode).toBe(201);
    const first = mapped.json<{ claim: string; layoutMapping: { source: string; note: string } }>();
    expect(Number(first.claim)).toBeGreaterThan(0);
    expect(first.layoutMapping).toEqual({ source: 'given', note: '按您选择的格式读取' });

    // the same merchant is not asked again
    const again = await a.client.upload(a.id, 'later.csv', SECOND);
    expect(again.statusCode).toBe(201);
    const own = again.json<{ claim: string; layoutMapping: { source: string } }>();
    expect(own.layoutMapping.source).toBe('own');

    // another merchant is still asked while the mapping is only proposed
    const b = await merchant('b@layout.test');
    expect((await b.client.upload(b.id, 'b.csv', SECOND)).statusCode).toBe(422);

    // merchants cannot see or decide mappings; the administrator approves
    expect((await b.client.request('GET', '/api/layout-mappings')).statusCode).toBe(403);
    const proposed = await admin.json<{
      items: { id: string; mapping: Record<string, number>; rows: string[][] }[];
    }>('GET', '/api/layout-mappings?status=proposed');
    expect(proposed.items).toHaveLength(1);
    expect(proposed.items[0]?.mapping).toEqual({ date: 1, description: 2, amount: 3, fee: 4 });
    const id = proposed.items[0]?.id ?? '';
    expect(
      (
        await b.client.request('POST', `/api/layout-mappings/${id}/decision`, {
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(403);
    const approved = await admin.json<{ status: string }>(
      'POST',
      `/api/layout-mappings/${id}/decision`,
      { decision: 'approve' },
    );
    expect(approved.status).toBe('approved');

    const reused = await b.client.upload(b.id, 'b.csv', SECOND);
    expect(reused.statusCode).toBe(201);
    const body = reused.json<{ claim: string; layoutMapping: { source: string; note: string } }>();
    expect(body.layoutMapping).toEqual({ source: 'approved', note: '按已确认的格式读取' });
    // read the same way as merchant A's file of the same layout
    expect(body.claim).toBe(own.claim);
    expect(Number(body.claim)).toBeGreaterThan(0);

    // a merchant of another provider has a different fingerprint: asked
    const c = await merchant('c@layout.test', '另一家支付有限公司');
    expect((await c.client.upload(c.id, 'c.csv', SECOND)).statusCode).toBe(422);
  });

  it('rejects a mapping that is not role → column with a clear error', async () => {
    const m = await merchant('bad@layout.test');
    const noAmount = await m.client.upload(m.id, 'x.csv', FIRST, {
      mapping: JSON.stringify({ date: 1 }),
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json<{ code: string }>().code).toBe('FG_ERR_BAD_MAPPING');
    const twice = await m.client.upload(m.id, 'x.csv', FIRST, {
      mapping: JSON.stringify({ date: 1, amount: 1 }),
    });
    expect(twice.json<{ detail: string }>().detail).toMatch(/one meaning/);
    const notJson = await m.client.upload(m.id, 'x.csv', FIRST, { mapping: 'date=1' });
    expect(notJson.json<{ code: string }>().code).toBe('FG_ERR_BAD_MAPPING');
  });
});
