import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from './app.js';
import { seedChannels } from './channels/channels.service.js';
import { configFromEnv, type ServerConfig } from './config.js';
import { migrate, openDatabase, type Dialect } from './db/database.js';
import type { ServerDeps } from './deps.js';
import type { App } from './http/types.js';
import type { EmailMessage, EmailSender } from './notifications/email.js';
import { localDiskStorage } from './storage/storage.js';

/**
 * Test servers on a fresh database: SQLite always, PostgreSQL as well when DATABASE_URL is set
 * (each run in its own schema, dropped afterwards). The clock is movable so deadlines can pass.
 */
export const DIALECTS: readonly Dialect[] = process.env['DATABASE_URL']
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestServer {
  readonly app: App;
  readonly deps: ServerDeps;
  readonly dir: string;
  /** Every account e-mail the server sent (verification links …), oldest first. */
  readonly outbox: EmailMessage[];
  /** Moves the clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export async function createPgSchema(databaseUrl: string): Promise<string> {
  const schema = `fg_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return schema;
}

export async function dropPgSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

const OUTBOXES = new WeakMap<App, EmailMessage[]>();

/** A mailer that keeps what it is given. */
export function recordingSender(outbox: EmailMessage[]): EmailSender {
  return {
    send(message) {
      outbox.push(message);
      return Promise.resolve({ messageId: `test-${String(outbox.length)}` });
    },
    close: () => undefined,
  };
}

/** The verification token in the newest verification e-mail to `email`, if any. */
export function verificationToken(outbox: readonly EmailMessage[], email: string): string | null {
  for (const message of [...outbox].reverse()) {
    if (message.to !== email.toLowerCase()) continue;
    const match = /\/verify\?token=([\w-]+)/u.exec(message.text);
    if (match?.[1]) return match[1];
  }
  return null;
}

export async function testServer(
  dialect: Dialect,
  start = new Date('2026-11-25T02:00:00Z'),
  config: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-server-'));
  const databaseUrl = dialect === 'postgres' ? process.env['DATABASE_URL'] : undefined;
  const schema = databaseUrl ? await createPgSchema(databaseUrl) : undefined;
  const database = openDatabase({
    databaseUrl,
    sqliteFile: path.join(dir, 'feeguard.db'),
    ...(schema ? { pgSchema: schema } : {}),
  });
  await migrate(database);
  await seedChannels(database.db, start.toISOString());
  const clock = { now: start };
  const outbox: EmailMessage[] = [];
  const deps: ServerDeps = {
    db: database.db,
    dialect: database.dialect,
    config: { ...configFromEnv({}), dataDir: dir, sweepSeconds: 0, ...config },
    storage: localDiskStorage(path.join(dir, 'files')),
    now: () => clock.now,
    mailer: recordingSender(outbox),
  };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  OUTBOXES.set(app, outbox);
  return {
    app,
    deps,
    dir,
    outbox,
    setNow: (date) => {
      clock.now = date;
    },
    close: async () => {
      await app.close();
      await database.close();
      if (databaseUrl && schema) await dropPgSchema(databaseUrl, schema);
    },
  };
}

/** A logged-in user driving the API through inject(), carrying cookie and CSRF token. */
export class ApiClient {
  cookie = '';
  csrf = '';
  userId = '';
  /** The device cookie from the last login: this client is a browser the account knows. */
  device = '';

  /** `remoteAddress`: the client address the server sees (127.0.0.1 when not given). */
  constructor(
    private readonly app: App,
    private readonly remoteAddress?: string,
  ) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) {
    const response = await this.app.inject({
      method,
      url,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      headers: {
        ...(this.cookie || this.device
          ? { cookie: [this.cookie, this.device].filter(Boolean).join('; ') }
          : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = line.split(';')[0] ?? '';
      if (pair.startsWith('fg_session=')) this.cookie = pair;
      if (pair.startsWith('fg_device=')) this.device = pair;
    }
    return response;
  }

  async json<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    expected = [200, 201],
  ): Promise<T> {
    const response = await this.request(method, url, body);
    if (!expected.includes(response.statusCode)) {
      throw new Error(`${method} ${url} → ${String(response.statusCode)}: ${response.body}`);
    }
    return response.json<T>();
  }

  /** Registers, follows the verification link from the test server's outbox and is logged in. */
  async register(
    email: string,
    name = email.split('@')[0] ?? 'user',
    password = 'correct horse battery',
  ) {
    await this.json('POST', '/api/auth/register', { email, password, name }, [202]);
    const outbox = OUTBOXES.get(this.app);
    const token = outbox ? verificationToken(outbox, email) : null;
    if (!token) throw new Error(`no verification e-mail to ${email}`);
    const me = await this.json<{ id: string; csrfToken: string }>('POST', '/api/auth/verify', {
      token,
    });
    this.csrf = me.csrfToken;
    this.userId = me.id;
    return me;
  }

  async login(email: string, password = 'correct horse battery') {
    const me = await this.json<{ id: string; csrfToken: string }>('POST', '/api/auth/login', {
      email,
      password,
    });
    this.csrf = me.csrfToken;
    this.userId = me.id;
    return me;
  }

  /** The usual test shop: 张丽, an individual merchant of a payment institution, with this contract. */
  async createMerchant(contract: unknown): Promise<string> {
    const merchant = await this.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    return merchant.id;
  }

  /** Uploads a statement file as multipart/form-data. */
  async upload(
    merchantId: string,
    fileName: string,
    data: Buffer,
    fields: Record<string, string> = {},
  ) {
    const boundary = `----feeguard${crypto.randomUUID()}`;
    const payload = Buffer.concat([
      ...Object.entries(fields).map(([name, value]) =>
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        ),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.app.inject({
      method: 'POST',
      url: `/api/merchants/${merchantId}/statements`,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
  }
}
