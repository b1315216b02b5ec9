import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { ApiClient, testServer, type TestServer } from '../testing.js';

/**
 * Probe from the outside review (issue 14): the evidence package's timeline CSV copied a filing
 * reference beginning with `=` as it was, a live formula when the merchant opens the file.
 */
const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

function zipEntry(zip: Buffer, name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'feeguard-zip-')), 'pack.zip');
  writeFileSync(file, zip);
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
}

describe('the evidence timeline CSV', () => {
  let server: TestServer;
  let user: ApiClient;

  beforeAll(async () => {
    server = await testServer('sqlite');
    user = new ApiClient(server.app);
    await user.register('formula@shop.test');
  });
  afterAll(async () => {
    await server.close();
  });

  it('defuses a filing reference that a spreadsheet would run as a formula', async () => {
    const merchantId = await user.createMerchant(contract);
    expect((await user.upload(merchantId, 'statement.csv', statement)).statusCode).toBe(201);
    const caseId = (await user.json<{ id: string }>('POST', '/api/cases', { merchantId })).id;
    const filing = await user.json<{ id: string }>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    const reference = '=HYPERLINK("http://evil.test","点此查看工单")';
    await user.json('PATCH', `/api/filings/${filing.id}`, {
      action: 'submit',
      submittedAt: '2026-11-24',
      reference,
    });
    const zip = await user.request('GET', `/api/cases/${caseId}/evidence`);
    expect(zip.statusCode).toBe(200);
    const timeline = zipEntry(zip.rawPayload, '05-时间线.csv');
    expect(timeline).toContain(`"'=HYPERLINK(""http://evil.test"",""点此查看工单"")"`);
    const cells = timeline.split(/\r\n/u).flatMap((line) => line.split(','));
    expect(cells.filter((cell) => /^"?[=+@]/u.test(cell))).toEqual([]);
  });
});
