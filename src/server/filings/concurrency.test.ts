import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

/**
 * Probe from the outside review (issue 14): 20 simultaneous filings on one case gave 11 × 500 on
 * PostgreSQL (two writers took the same event number). Every one must succeed, and the case's
 * history must stay numbered 1, 2, 3 … without gaps or repeats.
 */
const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

describe.each(DIALECTS)('simultaneous writes to one case on %s', (dialect) => {
  let server: TestServer;
  let merchant: ApiClient;
  let caseId = '';

  beforeAll(async () => {
    server = await testServer(dialect);
    merchant = new ApiClient(server.app);
    await merchant.register('busy@shop.test', '张丽');
    const m = await merchant.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    expect((await merchant.upload(m.id, 'statement.csv', statement)).statusCode).toBe(201);
    caseId = (await merchant.json<{ id: string }>('POST', '/api/cases', { merchantId: m.id })).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('takes 20 filings at once, each with its own event number', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        merchant.request('POST', `/api/cases/${caseId}/filings`, {
          channelId: 'payment_institution_customer_service',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 20 }, () => 201));
    const events = await server.deps.db
      .selectFrom('events')
      .select('seq')
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.length).toBeGreaterThanOrEqual(21);
  });
});
