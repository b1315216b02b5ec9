import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { ServerConfig } from '../config.js';

/**
 * Outbound requests to addresses users give (webhooks) must not reach inside: the server's own
 * loopback, the private network, link-local and cloud metadata (169.254.169.254), carrier-grade
 * NAT, unique-local IPv6, IPv4 hidden in IPv6. The host is resolved and EVERY address it resolves
 * to is checked, when the URL is set and again at every delivery, and the request then connects
 * to the address that was checked (DNS cannot answer differently a moment later). Decimal, hex
 * and octal IPv4 (2130706433, 0x7f.1, 0177.0.0.1, 127.1) are normalized by the URL parser first.
 */
export interface OutboundPolicy {
  /** Plain http allowed (development: the public URL is http). */
  readonly allowHttp: boolean;
  /** Host names, addresses or CIDRs allowed even though private (WEBHOOK_ALLOW_HOSTS). */
  readonly allowHosts: readonly string[];
}

/** https only unless the server itself runs on plain http (development). */
export function outboundPolicy(config: ServerConfig): OutboundPolicy {
  return {
    allowHttp: !config.publicUrl.startsWith('https://'),
    allowHosts: config.webhookAllowHosts,
  };
}

export type LookupAll = (
  hostname: string,
) => Promise<readonly { address: string; family: number }[]>;

export const systemLookup: LookupAll = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/** Names that lead to cloud metadata services whatever they resolve to. */
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.aliyun.com',
  '100-100-100-200.aliyun.com',
]);

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

export interface CheckedUrl {
  readonly url: URL;
  /** The address to connect to: checked, so the connection goes nowhere else. */
  readonly address: string;
  readonly family: 4 | 6;
}

function allowed(policy: OutboundPolicy, hostname: string, address: ipaddr.IPv4 | ipaddr.IPv6) {
  return policy.allowHosts.some((entry) => {
    if (entry.toLowerCase() === hostname) return true;
    try {
      if (entry.includes('/')) {
        const [range, bits] = ipaddr.parseCIDR(entry);
        return address.kind() === range.kind() && address.match([range, bits] as never);
      }
      return ipaddr.isValid(entry) && ipaddr.process(entry).toString() === address.toString();
    } catch {
      return false;
    }
  });
}

/** The unicast, public range only: everything else ipaddr.js names (private, loopback …) is inside. */
function isPublic(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return address.range() === 'unicast';
}

export async function checkOutboundUrl(
  raw: string,
  policy: OutboundPolicy,
  lookup: LookupAll = systemLookup,
): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('not a URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    throw new UnsafeUrlError(policy.allowHttp ? 'only http and https' : 'only https');
  }
  if (url.username || url.password) throw new UnsafeUrlError('no user name or password in the URL');
  const hostname = url.hostname
    .replace(/^\[|\]$/gu, '')
    .toLowerCase()
    .replace(/\.$/u, '');
  if (METADATA_HOSTS.has(hostname) && !policy.allowHosts.includes(hostname)) {
    throw new UnsafeUrlError('a cloud metadata host');
  }
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(hostname)) {
    addresses = [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = [...(await lookup(hostname))];
    } catch {
      throw new UnsafeUrlError('the host name does not resolve');
    }
  }
  if (addresses.length === 0) throw new UnsafeUrlError('the host name does not resolve');
  let first: CheckedUrl | null = null;
  for (const { address } of addresses) {
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
    const parsed = ipaddr.process(address);
    if (!isPublic(parsed) && !allowed(policy, hostname, parsed)) {
      throw new UnsafeUrlError(`not a public address (${parsed.range()})`);
    }
    first ??= { url, address: parsed.toString(), family: parsed.kind() === 'ipv6' ? 6 : 4 };
  }
  if (!first) throw new UnsafeUrlError('the host name does not resolve');
  return first;
}
