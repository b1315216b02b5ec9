import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import * as initial from './migrations/2026-11-25-initial.js';
import * as transparency from './migrations/2026-11-25-transparency.js';
import * as channelRevisions from './migrations/2026-12-01-channel-revisions.js';
import * as groups from './migrations/2026-12-01-groups.js';
import * as feeSchedules from './migrations/2026-12-01-fee-schedules.js';
import * as stats from './migrations/2026-12-01-stats.js';
import * as channelProcedures from './migrations/2026-12-04-channel-procedures.js';
import * as caseFacts from './migrations/2026-12-04-case-facts.js';
import * as security from './migrations/2026-12-04-security.js';
import * as layoutMappings from './migrations/2026-12-04-layout-mappings.js';
import * as statementSummary from './migrations/2026-12-05-statement-summary.js';
import * as contractHistory from './migrations/2026-12-06-contract-history.js';
import * as caseListIndex from './migrations/2026-12-07-case-list-index.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Where the SQLite file lives (for backup and restore); null on PostgreSQL. */
  readonly file: string | null;
  /** The PostgreSQL schema in use, when not the default. */
  readonly schema: string | null;
  close(): Promise<void>;
}

/** Migrations in order; each is frozen once released. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-initial': initial,
  '2026-11-25-transparency': transparency,
  '2026-12-01-groups': groups,
  '2026-12-01-channel-revisions': channelRevisions,
  '2026-12-01-fee-schedules': feeSchedules,
  '2026-12-01-stats': stats,
  '2026-12-04-channel-procedures': channelProcedures,
  '2026-12-04-case-facts': caseFacts,
  '2026-12-04-security': security,
  '2026-12-04-layout-mappings': layoutMappings,
  '2026-12-05-statement-summary': statementSummary,
  '2026-12-06-contract-history': contractHistory,
  '2026-12-07-case-list-index': caseListIndex,
};

// PostgreSQL returns bigint (int8) as a string by default; every bigint here is fen or a size,
// far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openDatabase(options: {
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** A PostgreSQL schema to work in, which must exist (tests give each run its own). */
  pgSchema?: string;
}): Database {
  if (options.databaseUrl) {
    const schema = options.pgSchema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/u.test(schema)) {
      throw new Error(`not a schema name: ${schema}`);
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      file: null,
      schema: schema ?? null,
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? path.resolve('data', 'feeguard.db');
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', file, schema: null, close: () => db.destroy() };
}

/** Prepared statements kept for reuse: far more than the distinct queries the server runs. */
const STATEMENT_CACHE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with each query's prepared statement kept and
 * reused: the driver prepares every query anew, and compiling the SQL was the largest single
 * cost of an API read. A statement still being iterated (a streamed export) is busy and cannot
 * run twice at once, so a busy one is passed over for a fresh one.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  size = STATEMENT_CACHE,
): { close(): void; prepare(sql: string): SQLite.Statement } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // most recently used last, so the oldest is the first to go
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        const oldest = cache.keys().next();
        if (cache.size > size && !oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}

/**
 * Applies pending migrations. Instances starting together may race to create Kysely's own
 * bookkeeping tables; the loser sees an error and simply tries again, by which time the tables
 * (and the migration lock they hold) are there.
 */
export async function migrate(database: Database, attempts = 5): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    // Kysely looks for its bookkeeping tables in every schema; pin them to ours.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error === undefined && !failed) return;
    if (attempt >= attempts) {
      throw new Error(
        `database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
  }
}
