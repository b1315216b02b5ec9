import { tmpdir } from 'node:os';
import path from 'node:path';
import ipaddr from 'ipaddr.js';

/**
 * Everything the server reads from its environment (documented in the README). Defaults make
 * `npm start` work on a fresh clone: SQLite under ./data, port 3000, no e-mail.
 */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Where users reach the server, for links in e-mails and calendar feeds. */
  readonly publicUrl: string;
  /** postgres://… to use PostgreSQL; absent for the embedded SQLite database. */
  readonly databaseUrl: string | undefined;
  /** A PostgreSQL schema to use instead of the default search path. */
  readonly databaseSchema: string | undefined;
  readonly dataDir: string;
  /** smtp://user:pass@host:port; absent: e-mail notifications are off. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly uploadLimitBytes: number;
  /** Where uploads are written while they are audited (the system's, TMPDIR); removed after. */
  readonly uploadTempDir: string;
  /** Audits of uploads running at once, each on a worker thread (docs/limits.md). */
  readonly auditWorkers: number;
  /** Uploads allowed to wait for a worker; more are answered 503. */
  readonly auditQueue: number;
  /** Heap limit of one audit worker in MB; a statement needing more is too large. */
  readonly auditWorkerMb: number;
  /** Longest one audit may run, in ms; past it the worker is stopped and nothing is stored. */
  readonly auditTimeoutMs: number;
  readonly sessionDays: number;
  /** How often the notification sweep runs; 0 turns it off. */
  readonly sweepSeconds: number;
  readonly logLevel: string;
  /** Secure cookies (HTTPS only); on unless the public URL is plain http. */
  readonly secureCookies: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs, or proxy-addr's
   * names loopback/linklocal/uniquelocal); empty: none, the client is the TCP peer.
   */
  readonly trustProxy: readonly string[];
  /** Webhook hosts, addresses or CIDRs allowed although private (an intranet receiver). */
  readonly webhookAllowHosts: readonly string[];
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as a list, each entry checked: a typo must not silently trust everyone. */
export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const ok =
      PROXY_NAMES.has(entry) ||
      ipaddr.isValid(entry) ||
      (entry.includes('/') &&
        (() => {
          try {
            ipaddr.parseCIDR(entry);
            return true;
          } catch {
            return false;
          }
        })());
    if (!ok) {
      throw new Error(
        `TRUST_PROXY: "${entry}" is not an address, a CIDR or loopback/linklocal/uniquelocal — list your reverse proxies, e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8`,
      );
    }
  }
  return entries;
}

/** FEEGUARD_AUDIT_TIMEOUT_SECONDS in ms; a typo must not turn into a limit of zero. */
function auditTimeoutMs(value: string | undefined): number {
  const seconds = Number(value ?? 120);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(
      `FEEGUARD_AUDIT_TIMEOUT_SECONDS: "${String(value)}" is not a positive number of seconds, e.g. FEEGUARD_AUDIT_TIMEOUT_SECONDS=120`,
    );
  }
  return Math.round(seconds * 1000);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 3000);
  const host = env['HOST'] ?? '127.0.0.1';
  const publicUrl = (
    env['PUBLIC_URL'] ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${String(port)}`
  ).replace(/\/$/u, '');
  return {
    host,
    port,
    publicUrl,
    databaseUrl: env['DATABASE_URL'] || undefined,
    databaseSchema: env['DATABASE_SCHEMA'] || undefined,
    dataDir: path.resolve(env['FEEGUARD_DATA_DIR'] ?? 'data'),
    smtpUrl: env['SMTP_URL'] || undefined,
    mailFrom: env['MAIL_FROM'] ?? 'FeeGuard 扣费卫士 <noreply@feeguard.local>',
    uploadLimitBytes: Number(env['UPLOAD_LIMIT_MB'] ?? 50) * 1024 * 1024,
    uploadTempDir: env['TMPDIR'] || tmpdir(),
    auditWorkers: Number(env['FEEGUARD_AUDIT_WORKERS'] ?? 2),
    auditQueue: Number(env['FEEGUARD_AUDIT_QUEUE'] ?? 4),
    auditWorkerMb: Number(env['FEEGUARD_AUDIT_WORKER_MB'] ?? 384),
    auditTimeoutMs: auditTimeoutMs(env['FEEGUARD_AUDIT_TIMEOUT_SECONDS']),
    sessionDays: Number(env['SESSION_DAYS'] ?? 14),
    sweepSeconds: Number(env['SWEEP_SECONDS'] ?? 300),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: parseTrustProxy(env['TRUST_PROXY']),
    webhookAllowHosts: (env['WEBHOOK_ALLOW_HOSTS'] ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  };
}
