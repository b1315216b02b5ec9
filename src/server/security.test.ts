import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, DIALECTS, testServer, type TestServer } from './testing.js';

/**
 * The standing probe suite of issue 14, for what has no home of its own: security headers.
 * The other probes live beside their features — auth/auth.test.ts (guessing, lockout, weak
 * passwords, verified invitations, X-Forwarded-For), notifications/outbound.test.ts and
 * settings.test.ts (webhooks reaching inside), filings/concurrency.test.ts (simultaneous writes),
 * cases/evidence-csv.test.ts (formulas in the evidence timeline).
 */
describe('security headers', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer('sqlite');
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(['/', '/api/docs/static/index.html', '/api/channels', '/healthz'])(
    'are on %s',
    async (url) => {
      const answer = await server.app.inject({ method: 'GET', url });
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/u);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('sends HSTS only when the server is reached over https', async () => {
    const answer = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    const secure = await testServer('sqlite', undefined, {
      publicUrl: 'https://feeguard.example.com',
      secureCookies: true,
    });
    try {
      const over = await secure.app.inject({ method: 'GET', url: '/healthz' });
      expect(over.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(String(over.headers['content-security-policy'])).toContain(
        'upgrade-insecure-requests',
      );
    } finally {
      await secure.close();
    }
  });
});

describe.each(DIALECTS)('input no route may take, on %s', (dialect) => {
  let server: TestServer;
  let merchant: ApiClient;
  let merchantId = '';
  const profile = {
    name: '张丽',
    providerName: '鑫联支付有限公司',
    providerType: 'payment_institution',
    complainantType: 'individual_merchant',
  };

  beforeAll(async () => {
    server = await testServer(dialect);
    merchant = new ApiClient(server.app);
    await merchant.register('nul@shop.test', '张丽');
    merchantId = (await merchant.json<{ id: string }>('POST', '/api/merchants', profile)).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a NUL character anywhere with a 400 saying where (PostgreSQL gave a 500)', async () => {
    for (const body of [
      { ...profile, name: '张\u0000丽' },
      { ...profile, details: { address: '上海\u0000市' } },
    ]) {
      const answer = await merchant.request('POST', '/api/merchants', body);
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'FG_ERR_VALIDATION' });
      expect(answer.json<{ detail: string }>().detail).toContain('NUL');
    }
    const query = await merchant.request('GET', '/api/public/stats?by=provider&provider=%00');
    expect(query.statusCode).toBe(400);
  });

  it('refuses names and file names over 200 characters', async () => {
    const long = await merchant.request('POST', '/api/merchants', {
      ...profile,
      providerName: '鑫'.repeat(201),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ detail: string }>().detail).toContain('200');
    const upload = await merchant.upload(merchantId, `${'a'.repeat(250)}.csv`, Buffer.from('x'));
    expect(upload.statusCode).toBe(400);
    expect(upload.json()).toMatchObject({ code: 'FG_ERR_VALIDATION' });
  });
});
