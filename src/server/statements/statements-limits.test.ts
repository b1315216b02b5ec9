import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../audit/report/schema.js';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';
import { chunked } from './statements.routes.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

describe.each(DIALECTS)('statement lists and reports bounded on %s', (dialect) => {
  let server: TestServer;
  let user: ApiClient;
  let merchantId = '';
  const ids: string[] = [];

  beforeAll(async () => {
    server = await testServer(dialect);
    user = new ApiClient(server.app);
    await user.register('bounded@shop.test');
    merchantId = await user.createMerchant(contract);
    for (const name of ['a.csv', 'b.csv']) {
      const uploaded = await user.upload(merchantId, name, statement);
      expect(uploaded.statusCode).toBe(201);
      ids.push(uploaded.json<{ id: string }>().id);
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends the stored report as it is, in chunks, and it is the audit report', async () => {
    const response = await user.request('GET', `/api/statements/${ids[0] ?? ''}/report`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/u);
    const report = auditReportSchema.parse(response.json());
    expect(report.claim.total).toBe('159.00');
  });

  it('lists statements from their summary columns, never reading a report body', async () => {
    // A report body no list could afford to parse (and not even JSON): the list must not touch it.
    await server.deps.db
      .updateTable('statements')
      .set({ report: 'x'.repeat(8 * 1024 * 1024) })
      .where('id', '=', ids[1] ?? '')
      .execute();
    const list = await user.json<{
      items: { id: string; claim: string; warnings: number; counts?: unknown }[];
      total: number;
    }>('GET', `/api/merchants/${merchantId}/statements`);
    expect(list.total).toBe(2);
    // (the test clock stands still: both have the same upload time, and the order is by id)
    expect(list.items.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(list.items[1]?.claim).toBe(list.items[0]?.claim);
    expect(list.items[0]?.counts).toEqual(expect.objectContaining({ unauthorized: 2 }));
  });

  it('pages the list', async () => {
    const all = await user.json<{ items: { id: string }[] }>(
      'GET',
      `/api/merchants/${merchantId}/statements`,
    );
    const page = await user.json<{ items: { id: string }[]; total: number }>(
      'GET',
      `/api/merchants/${merchantId}/statements?limit=1&offset=1`,
    );
    expect(page.total).toBe(2);
    expect(page.items.map((s) => s.id)).toEqual([all.items[1]?.id]);
    const tooMany = await user.request('GET', `/api/merchants/${merchantId}/statements?limit=5000`);
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('chunked', () => {
  it('cuts a text into chunks that join back to it', async () => {
    const parts: string[] = [];
    for await (const part of chunked('abcdefg', 3)) parts.push(part as string);
    expect(parts).toEqual(['abc', 'def', 'g']);
  });
});
