import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../schema.js';
import { DIALECTS, testServer, type TestServer } from '../../testing.js';
import { down, up } from './2026-12-07-case-list-index.js';

describe.each(DIALECTS)('migration 2026-12-07-case-list-index on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer(dialect);
  });
  afterAll(async () => {
    await server.close();
  });

  async function indexes(db: Kysely<DB>): Promise<string[]> {
    const rows =
      dialect === 'sqlite'
        ? await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'cases'`.execute(db)
        : await sql<{
            name: string;
          }>`select indexname as name from pg_indexes where tablename = 'cases' and schemaname = current_schema()`.execute(
            db,
          );
    return rows.rows.map((r) => r.name);
  }

  it('replaces the owner index with one in the case list’s order, and back', async () => {
    const db = server.deps.db;
    expect(await indexes(db)).toContain('cases_owner_list');
    expect(await indexes(db)).not.toContain('cases_owner');
    await down(db as unknown as Kysely<unknown>);
    expect(await indexes(db)).toContain('cases_owner');
    expect(await indexes(db)).not.toContain('cases_owner_list');
    await up(db as unknown as Kysely<unknown>);
    expect(await indexes(db)).toContain('cases_owner_list');
  });

  it.runIf(dialect === 'sqlite')('reads a page of the case list without sorting it', async () => {
    // casesOfOwner's query (src/server/cases/cases.repository.ts)
    const plan = await sql<{ detail: string }>`explain query plan select * from "cases"
      where "owner_id" = ${'someone'} order by "created_at" desc, "id" limit ${20} offset ${0}`.execute(
      server.deps.db,
    );
    const details = plan.rows.map((r) => r.detail).join('\n');
    expect(details).toContain('cases_owner_list');
    expect(details).not.toContain('TEMP B-TREE');
  });
});
