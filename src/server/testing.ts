import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from './app.js';
import { seedChannels } from './channels/channels.service.js';
import { configFromEnv } from './config.js';
import { migrate, openDatabase, type Dialect } from './db/database.js';
import type { ServerDeps } from './deps.js';
import type { App } from './http/types.js';
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

export async function testServer(
  dialect: Dialect,
  start = new Date('2026-11-25T02:00:00Z'),
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
  const deps: ServerDeps = {
    db: database.db,
    dialect: database.dialect,
    config: { ...configFromEnv({}), dataDir: dir, sweepSeconds: 0 },
    storage: localDiskStorage(path.join(dir, 'files')),
    now: () => clock.now,
  };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    dir,
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

  constructor(private readonly app: App) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    const setCookie = response.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first?.startsWith('fg_session=')) this.cookie = first.split(';')[0] ?? '';
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

  async register(
    email: string,
    name = email.split('@')[0] ?? 'user',
    password = 'correct horse battery',
  ) {
    const me = await this.json<{ id: string; csrfToken: string }>('POST', '/api/auth/register', {
      email,
      password,
      name,
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
