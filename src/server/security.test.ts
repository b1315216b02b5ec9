import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './testing.js';

/**
 * The standing probe suite of issue 14, for what has no home of its own: security headers.
 * The other probes live beside their features — auth/auth.test.ts (guessing, lockout, weak
 * passwords, verified invitations, X-Forwarded-For), notifications/outbound.test.ts and
 * settings.test.ts (webhooks reaching inside), filings/concurrency.test.ts (simultaneous writes).
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
