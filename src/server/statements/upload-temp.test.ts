import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { sha256Of } from '../storage/storage.js';
import type { ServerConfig } from '../config.js';
import type { Dialect } from '../db/database.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
/** The example statement followed by many broken one-line records: long to audit. */
const slow = Buffer.concat([statement, Buffer.from('1,x\n'.repeat(2_000_000))]);
const LIMIT = 1024 * 1024;

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A server whose uploads go to a directory of their own, and a merchant signed in to it. */
function setUp(dialect: Dialect, config: Partial<ServerConfig>) {
  const temp = mkdtempSync(path.join(tmpdir(), 'feeguard-upload-test-'));
  const ctx = {
    temp,
    server: null as unknown as TestServer,
    user: null as unknown as ApiClient,
    merchantId: '',
    left: () => readdirSync(temp),
    statements: async () =>
      (await ctx.user.json<{ total: number }>('GET', `/api/merchants/${ctx.merchantId}/statements`))
        .total,
  };
  beforeAll(async () => {
    ctx.server = await testServer(dialect, undefined, { uploadTempDir: temp, ...config });
    ctx.user = new ApiClient(ctx.server.app);
    await ctx.user.register('temp@shop.test');
    ctx.merchantId = (
      await ctx.user.json<{ id: string }>('POST', '/api/merchants', {
        name: '张丽',
        providerName: '鑫联支付有限公司',
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
      })
    ).id;
  });
  afterAll(async () => {
    await ctx.server.close();
    rmSync(temp, { recursive: true, force: true });
  });
  return ctx;
}

describe.each(DIALECTS)('an audit past its time limit on %s', (dialect) => {
  const ctx = setUp(dialect, { auditTimeoutMs: 50 });

  it('is stopped with “审核超时”, stores nothing and leaves no file', async () => {
    const { user, merchantId, left } = ctx;
    const before = await ctx.statements();
    const response = await user.upload(merchantId, 'slow.csv', slow);
    expect(response.statusCode).toBe(413);
    const body = response.json<{ code: string; message: { zh: string }; hint: string }>();
    expect(body.code).toBe('FG_ERR_AUDIT_TIMEOUT');
    expect(body.message.zh).toContain('审核超时');
    expect(body.hint).toMatch(/one file per month/u);
    expect(left()).toEqual([]);
    expect(await ctx.statements()).toBe(before);
    const rows = await ctx.server.deps.db.selectFrom('deductions').select('id').execute();
    expect(rows).toEqual([]);
  });
});

describe.each(DIALECTS)('uploads go through a temporary file on %s', (dialect) => {
  const ctx = setUp(dialect, { uploadLimitBytes: LIMIT });

  it('stores the original from the temporary file and removes it', async () => {
    const response = await ctx.user.upload(ctx.merchantId, 'statement.csv', statement);
    expect(response.statusCode).toBe(201);
    expect(response.json<{ sha256: string }>().sha256).toBe(sha256Of(statement));
    expect(await ctx.server.deps.storage.get(sha256Of(statement))).toEqual(statement);
    expect(ctx.left()).toEqual([]);
  });

  it('removes it when the file cannot be read', async () => {
    const response = await ctx.user.upload(
      ctx.merchantId,
      'x.csv',
      Buffer.from([0, 1, 2, 3, 0, 0, 0]),
    );
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(ctx.left()).toEqual([]);
  });

  it('stops writing at the size limit, answers 413 and removes it', async () => {
    const before = await ctx.statements();
    const response = await ctx.user.upload(ctx.merchantId, 'big.csv', Buffer.alloc(LIMIT * 3, 'a'));
    expect(response.statusCode).toBe(413);
    expect(response.json<{ code: string }>().code).toBe('FG_ERR_TOO_LARGE');
    expect(ctx.left()).toEqual([]);
    expect(await ctx.statements()).toBe(before);
  });

  it('removes it when the client goes away mid-upload', async () => {
    const address = await ctx.server.app.listen({ port: 0, host: '127.0.0.1' });
    const boundary = 'feeguard-abort';
    const sent = httpRequest(`${address}/api/merchants/${ctx.merchantId}/statements`, {
      method: 'POST',
      headers: {
        cookie: ctx.user.cookie,
        'x-csrf-token': ctx.user.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    sent.on('error', () => undefined);
    sent.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    sent.write(statement.subarray(0, 64 * 1024));
    await until(() => ctx.left().length === 1);
    sent.destroy();
    await until(() => ctx.left().length === 0);
    expect(ctx.left()).toEqual([]);
  });
});
