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
  const pairs = header.split(',').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? ['', ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
  });
  const stamps = pairs.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  // One timestamp, digits only: "1e3" or a second `t=` must not name a different signed string.
  if (stamps.length !== 1 || !/^\d{1,12}$/u.test(stamps[0] ?? '')) return false;
  const timestamp = Number(stamps[0]);
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(
    createHmac('sha256', secret)
      .update(`${String(timestamp)}.${body}`)
      .digest('hex'),
    'utf8',
  );
  // Several v1 values are allowed (as with Stripe) so a receiver can accept old and new secrets while rotating.
  return pairs
    .filter(([key]) => key === 'v1')
    .map(([, value]) => Buffer.from(value ?? '', 'utf8'))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${String(timeoutMs)} ms`;
  if (!(error instanceof Error)) return String(error);
  // undici says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is in `cause`.
  const cause: unknown = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
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
  const timeoutMs = options.timeoutMs ?? 5000;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeoutMs);
  try {
    const response = await (options.fetchImpl ?? fetch)(url, {
      method: 'POST',
      body,
      signal: controller.signal,
      // A redirect is an answer, not a success: following it would send the signed event to a host nobody registered.
      redirect: 'manual',
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
      error: describeFailure(error, controller.signal.aborted, timeoutMs),
    };
  } finally {
    clearTimeout(timer);
  }
}
