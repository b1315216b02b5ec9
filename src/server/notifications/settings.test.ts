import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';
import { verifyWebhook } from './webhook.js';

/** The notification settings page's operations, against a real HTTP receiver. */
describe.each(DIALECTS)('notification settings on %s', (dialect) => {
  let server: TestServer;
  let receiver: Server;
  let hookUrl = '';
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    // The receiver listens on loopback, which only an allow-list lets through.
    server = await testServer(dialect, undefined, { webhookAllowHosts: ['127.0.0.1'] });
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(req.url === '/broken' ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => {
      receiver.listen(0, '127.0.0.1', resolve);
    });
    hookUrl = `http://127.0.0.1:${String((receiver.address() as AddressInfo).port)}/hooks`;
  }, 60_000);
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => {
      receiver.close(() => {
        resolve();
      });
    });
    await server.close();
  });

  it('shows the e-mail state and the webhook URL but never the secret again', async () => {
    const merchant = new ApiClient(server.app);
    await merchant.register('settings@shop.test');
    const before = await merchant.json('GET', '/api/me/notification-settings');
    // The test server has no SMTP_URL: e-mail is off, and the page says so.
    expect(before).toEqual({
      email: { address: 'settings@shop.test', enabled: false },
      webhook: null,
    });
    const set = await merchant.json<{ url: string; secret: string }>('PUT', '/api/me/webhook', {
      url: hookUrl,
    });
    const after = await merchant.json<{ webhook: { url: string; createdAt: string } }>(
      'GET',
      '/api/me/notification-settings',
    );
    expect(after.webhook.url).toBe(hookUrl);
    expect(JSON.stringify(after)).not.toContain(set.secret);
  });

  it('sends a signed test event the receiver can verify with the secret', async () => {
    const merchant = new ApiClient(server.app);
    await merchant.register('tester@shop.test');
    const { secret } = await merchant.json<{ secret: string }>('PUT', '/api/me/webhook', {
      url: hookUrl,
    });
    received.length = 0;
    const result = await merchant.json('POST', '/api/me/webhook/test');
    expect(result).toEqual({ ok: true, status: 204 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const signature = String(delivery?.headers['x-feeguard-signature']);
    const now = Math.floor(server.deps.now().getTime() / 1000);
    expect(verifyWebhook(delivery?.body ?? '', signature, secret, now)).toBe(true);
    expect(verifyWebhook(delivery?.body ?? '', signature, 'another secret', now)).toBe(false);
    expect(delivery?.headers['x-feeguard-event']).toBe('test');
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ event: 'test' });
  });

  it('reports a receiver that fails instead of failing itself', async () => {
    const merchant = new ApiClient(server.app);
    await merchant.register('broken@shop.test');
    await merchant.json('PUT', '/api/me/webhook', { url: hookUrl.replace('/hooks', '/broken') });
    const result = await merchant.json('POST', '/api/me/webhook/test');
    expect(result).toEqual({ ok: false, status: null, error: '发送失败' });
  });

  it('says only 发送失败 for a closed port: the test button is no port scanner', async () => {
    const merchant = new ApiClient(server.app);
    await merchant.register('scanner@shop.test');
    await merchant.json('PUT', '/api/me/webhook', { url: 'http://127.0.0.1:9/' });
    const answer = await merchant.request('POST', '/api/me/webhook/test');
    expect(answer.json()).toEqual({ ok: false, status: null, error: '发送失败' });
    expect(answer.body).not.toMatch(/ECONN|refused/iu);
  });

  it('refuses a webhook address inside the network when it is set', async () => {
    const merchant = new ApiClient(server.app);
    await merchant.register('ssrf@shop.test');
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::ffff:127.0.0.2]/',
      'http://2130706434/',
    ]) {
      const answer = await merchant.request('PUT', '/api/me/webhook', { url });
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'FG_ERR_UNSAFE_URL' });
    }
  });

  it('clears the webhook; clearing or testing without one is a 404', async () => {
    const merchant = new ApiClient(server.app);
    await merchant.register('clear@shop.test');
    await merchant.json('PUT', '/api/me/webhook', { url: hookUrl });
    expect((await merchant.request('DELETE', '/api/me/webhook')).statusCode).toBe(204);
    const after = await merchant.json<{ webhook: unknown }>('GET', '/api/me/notification-settings');
    expect(after.webhook).toBeNull();
    expect((await merchant.request('DELETE', '/api/me/webhook')).statusCode).toBe(404);
    expect((await merchant.request('POST', '/api/me/webhook/test')).statusCode).toBe(404);
  });

  it('needs a login', async () => {
    const anonymous = new ApiClient(server.app);
    expect((await anonymous.request('GET', '/api/me/notification-settings')).statusCode).toBe(401);
  });
});
