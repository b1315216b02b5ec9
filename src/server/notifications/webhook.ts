import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebhookDelivery {
  readonly url: string;
  readonly secret: string;
  readonly event: string;
  readonly payload: unknown;
  readonly id: string;
  /** Unix seconds. */
  readonly timestamp: number;
}

/** `t=<timestamp>,v1=<HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed too, so a captured delivery cannot be replayed later. */
export function signWebhook(body: string, secret: string, timestamp: number): string {
  const mac = createHmac('sha256', secret)
    .update(`${String(timestamp)}.${body}`)
    .digest('hex');
  return `t=${String(timestamp)},v1=${mac}`;
}

export function verifyWebhook(
  body: string,
  header: string,
  secret: string,
  now: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = signWebhook(body, secret, timestamp).split('v1=')[1] ?? '';
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** POSTs one event; never throws — a failure comes back as `ok: false` for the next sweep to retry. */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<{ ok: boolean; status: number | null; error?: string }> {
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return { ok: false, status: null, error: `not a URL: ${delivery.url}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, status: null, error: `only http and https webhooks, not ${url.protocol}` };
  }
  const body = JSON.stringify({
    id: delivery.id,
    event: delivery.event,
    createdAt: new Date(delivery.timestamp * 1000).toISOString(),
    data: delivery.payload,
  });
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, options.timeoutMs ?? 5000);
  try {
    const response = await (options.fetchImpl ?? fetch)(url, {
      method: 'POST',
      body,
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'FeeGuard-Webhook/1',
        'x-feeguard-event': delivery.event,
        'x-feeguard-delivery': delivery.id,
        'x-feeguard-signature': signWebhook(body, delivery.secret, delivery.timestamp),
      },
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok
      ? { ok: true, status: response.status }
      : { ok: false, status: response.status, error: `HTTP ${String(response.status)}` };
  } catch (error) {
    return {
      ok: false,
      status: null,
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
