import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundPolicy } from './outbound.js';
import { deliverWebhook, signWebhook, verifyWebhook, type WebhookDelivery } from './webhook.js';

interface Recorded {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];

type Answer = { status: number; location?: string } | 'hang';

async function receiver(answer: Answer = { status: 204 }) {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.location ? { location: answer.location } : {}).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}/hooks/feeguard`, requests };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => {
            resolve();
          });
        }),
    ),
  );
});

const now = 1_795_600_000;

function delivery(url: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    url,
    secret: 'whsec_测试',
    event: 'filing.overdue',
    id: 'dlv_01',
    timestamp: now,
    payload: { caseId: 'c1', respondent: '鑫联支付有限公司', amount: 12.5 },
    ...overrides,
  };
}

describe('signWebhook / verifyWebhook', () => {
  const body = '{"id":"dlv_01","data":{"note":"扣费"}}';
  const header = signWebhook(body, 'secret', now);

  it('signs "<timestamp>.<body>" Stripe-style', () => {
    expect(header).toMatch(/^t=1795600000,v1=[0-9a-f]{64}$/u);
    expect(signWebhook(body, 'secret', now)).toBe(header);
    expect(signWebhook(body, 'secret', now + 1)).not.toBe(header);
  });

  it('accepts the exact body within the tolerance and nothing else', () => {
    expect(verifyWebhook(body, header, 'secret', now)).toBe(true);
    expect(verifyWebhook(body, header, 'secret', now + 300)).toBe(true);
    expect(verifyWebhook(body, header, 'secret', now - 300)).toBe(true);
    expect(verifyWebhook(body, header, 'secret', now + 301)).toBe(false);
    expect(verifyWebhook(body, header, 'secret', now + 30, 10)).toBe(false);
    expect(verifyWebhook(`${body} `, header, 'secret', now)).toBe(false);
    expect(verifyWebhook(body, header, 'Secret', now)).toBe(false);
  });

  it('rejects malformed headers and a re-stamped signature', () => {
    const mac = header.split('v1=')[1] ?? '';
    expect(verifyWebhook(body, '', 'secret', now)).toBe(false);
    expect(verifyWebhook(body, `v1=${mac}`, 'secret', now)).toBe(false);
    expect(verifyWebhook(body, `t=${String(now)}`, 'secret', now)).toBe(false);
    expect(verifyWebhook(body, `t=${String(now)},v1=${mac.slice(1)}`, 'secret', now)).toBe(false);
    expect(verifyWebhook(body, `t=${String(now + 1)},v1=${mac}`, 'secret', now)).toBe(false);
    expect(verifyWebhook(body, `t=1.7956e9,v1=${mac}`, 'secret', now)).toBe(false);
    expect(verifyWebhook(body, `t=${String(now)},t=1,v1=${mac}`, 'secret', now)).toBe(false);
  });

  it('accepts any one of several v1 signatures, for secret rotation', () => {
    const old = signWebhook(body, 'old', now).split('v1=')[1] ?? '';
    const both = `t=${String(now)},v1=${old},v1=${header.split('v1=')[1] ?? ''}`;
    expect(verifyWebhook(body, both, 'secret', now)).toBe(true);
    expect(verifyWebhook(body, both, 'old', now)).toBe(true);
    expect(verifyWebhook(body, both, 'other', now)).toBe(false);
  });
});

/** The receivers here listen on loopback, which only an allow-list lets through. */
const LOCAL: OutboundPolicy = { allowHttp: true, allowHosts: ['127.0.0.1'] };

describe('deliverWebhook to a real HTTP receiver', () => {
  it('POSTs the signed JSON event with the FeeGuard headers', async () => {
    const r = await receiver();
    const d = delivery(r.url);
    expect(await deliverWebhook(d, { policy: LOCAL })).toEqual({ ok: true, status: 204 });

    expect(r.requests).toHaveLength(1);
    const request = r.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hooks/feeguard');
    const headers = request?.headers ?? {};
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('FeeGuard-Webhook/1');
    expect(headers['x-feeguard-event']).toBe('filing.overdue');
    expect(headers['x-feeguard-delivery']).toBe('dlv_01');

    const body = request?.body ?? '';
    expect(JSON.parse(body)).toEqual({
      id: 'dlv_01',
      event: 'filing.overdue',
      createdAt: new Date(now * 1000).toISOString(),
      data: d.payload,
    });
    const signature = headers['x-feeguard-signature'];
    expect(typeof signature).toBe('string');
    const header = typeof signature === 'string' ? signature : '';
    expect(header).toBe(signWebhook(body, d.secret, now));
    expect(verifyWebhook(body, header, d.secret, now + 5)).toBe(true);
    expect(verifyWebhook(body.replace('c1', 'c2'), header, d.secret, now)).toBe(false);
    expect(verifyWebhook(body, header, 'whsec_wrong', now)).toBe(false);
    expect(verifyWebhook(body, header, d.secret, now + 600)).toBe(false);
  });

  it('reports an error status as a failure', async () => {
    const r = await receiver({ status: 500 });
    expect(await deliverWebhook(delivery(r.url), { policy: LOCAL })).toMatchObject({
      ok: false,
      status: 500,
    });
    expect(r.requests).toHaveLength(1);
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await receiver();
    const r = await receiver({ status: 307, location: elsewhere.url });
    expect(await deliverWebhook(delivery(r.url), { policy: LOCAL })).toMatchObject({
      ok: false,
      status: 307,
    });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('reports a closed port as a failure', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => {
      gone.listen(0, '127.0.0.1', resolve);
    });
    const { port } = gone.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      gone.close(() => {
        resolve();
      });
    });
    const result = await deliverWebhook(delivery(`http://127.0.0.1:${String(port)}/hook`), {
      policy: LOCAL,
    });
    expect(result).toMatchObject({ ok: false, status: null });
  });

  it('gives up after the timeout when the receiver never answers', async () => {
    const r = await receiver('hang');
    const started = Date.now();
    const result = await deliverWebhook(delivery(r.url), { timeoutMs: 200, policy: LOCAL });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ ok: false, status: null, error: 'no answer within 200 ms' });
  });

  it('stops reading a huge answer after 64 KB', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 120);
      // Endless: only a reader that stops can finish.
      const write = () => {
        while (res.write(chunk));
        res.once('drain', write);
      };
      write();
    });
    servers.push(server);
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    const result = await deliverWebhook(delivery(`http://127.0.0.1:${String(port)}/`), {
      policy: LOCAL,
      timeoutMs: 5000,
    });
    expect(result).toEqual({ ok: true, status: 200 });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('refuses anything but http and https, and http itself outside development', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.test/',
      'javascript:alert(1)',
      'nope',
    ]) {
      const result = await deliverWebhook(delivery(url), { policy: LOCAL });
      expect(result.ok).toBe(false);
      expect(result.status).toBeNull();
    }
    const r = await receiver();
    const strict: OutboundPolicy = { allowHttp: false, allowHosts: ['127.0.0.1'] };
    expect((await deliverWebhook(delivery(r.url), { policy: strict })).ok).toBe(false);
    expect(r.requests).toHaveLength(0);
  });

  it('checks again at delivery and connects to the address it checked (no DNS rebinding)', async () => {
    const r = await receiver();
    const path = new URL(r.url);
    // The name now resolves inside: refused, nothing sent.
    const rebound = await deliverWebhook(delivery(`http://rebind.test:${path.port}/hooks`), {
      policy: { allowHttp: true, allowHosts: [] },
      lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    });
    expect(rebound).toMatchObject({ ok: false, status: null });
    expect(r.requests).toHaveLength(0);
    // An allowed name is reached at the checked address, not through another lookup.
    const pinned = await deliverWebhook(delivery(`http://hooks.test:${path.port}/hooks`), {
      policy: { allowHttp: true, allowHosts: ['hooks.test'] },
      lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    });
    expect(pinned).toEqual({ ok: true, status: 204 });
    expect(r.requests).toHaveLength(1);
  });
});
