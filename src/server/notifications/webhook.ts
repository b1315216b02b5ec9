import { createHmac, timingSafeEqual } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  checkOutboundUrl,
  type CheckedUrl,
  type LookupAll,
  type OutboundPolicy,
} from './outbound.js';

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

/** At most this much of a receiver's answer is read; the rest is dropped with the connection. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface DeliveryResult {
  readonly ok: boolean;
  readonly status: number | null;
  /** What went wrong, for the server's log: never shown to users. */
  readonly error?: string;
}

/**
 * POSTs one event; never throws — a failure comes back as `ok: false` for the next sweep to
 * retry. The URL is checked (public https addresses only, see outbound.ts) at every delivery
 * and the connection goes to the address that was checked; no redirects are followed, at most
 * 64 KB of the answer is read, and the whole exchange has a time limit.
 */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  options: { timeoutMs?: number; policy: OutboundPolicy; lookup?: LookupAll },
): Promise<DeliveryResult> {
  let checked: CheckedUrl;
  try {
    checked = await checkOutboundUrl(delivery.url, options.policy, options.lookup);
  } catch (error) {
    return {
      ok: false,
      status: null,
      error: `refused: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const body = JSON.stringify({
    id: delivery.id,
    event: delivery.event,
    createdAt: new Date(delivery.timestamp * 1000).toISOString(),
    data: delivery.payload,
  });
  const timeoutMs = options.timeoutMs ?? 5000;
  const { url, address, family } = checked;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    const finish = (result: DeliveryResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(
      url,
      {
        method: 'POST',
        // Connect to the checked address; TLS still verifies the certificate for the host name.
        lookup: (_host, opts, callback) => {
          if ((opts as { all?: boolean }).all) {
            (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
              { address, family },
            ]);
          } else callback(null, address, family);
        },
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'FeeGuard-Webhook/1',
          'x-feeguard-event': delivery.event,
          'x-feeguard-delivery': delivery.id,
          'x-feeguard-signature': signWebhook(body, delivery.secret, delivery.timestamp),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) {
            response.destroy();
            request.destroy();
            finish(answer(status));
          }
        });
        response.on('end', () => {
          finish(answer(status));
        });
        response.on('error', () => {
          finish(answer(status));
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, status: null, error: `no answer within ${String(timeoutMs)} ms` });
    }, timeoutMs);
    request.on('error', (error) => {
      finish({ ok: false, status: null, error: error.message });
    });
    request.end(body);
  });
}

/** A redirect is an answer, not a success: following it would send the signed event elsewhere. */
function answer(status: number): DeliveryResult {
  return status >= 200 && status < 300
    ? { ok: true, status }
    : { ok: false, status, error: `HTTP ${String(status)}` };
}
