import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../../test/fixtures/index.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../../testing.js';
import { down, up } from './2026-12-05-statement-summary.js';

describe.each(DIALECTS)('migration 2026-12-05-statement-summary on %s', (dialect) => {
  let server: TestServer;
  let statementId = '';

  beforeAll(async () => {
    server = await testServer(dialect);
    const user = new ApiClient(server.app);
    await user.register('migrate@shop.test');
    const merchant = await user.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
    });
    const uploaded = await user.upload(
      merchant.id,
      'statement.csv',
      readFileSync(path.join(EXAMPLES_DIR, 'statement.csv')),
    );
    statementId = uploaded.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('fills the summary columns from stored reports and cuts their warnings to 200', async () => {
    const db = server.deps.db;
    const before = await db
      .selectFrom('statements')
      .select(['report', 'claim'])
      .where('id', '=', statementId)
      .executeTakeFirstOrThrow();
    // a report stored before the cap: a thousand warnings
    const old = JSON.parse(before.report) as { warnings: unknown[] };
    old.warnings = Array.from({ length: 1000 }, (_, i) => ({
      file: 'statement.csv',
      row: i,
      message: '坏行',
    }));
    await down(db as unknown as Kysely<unknown>);
    await db
      .updateTable('statements')
      .set({ report: JSON.stringify(old) })
      .where('id', '=', statementId)
      .execute();
    await up(db as unknown as Kysely<unknown>);
    const after = await db
      .selectFrom('statements')
      .select(['report', 'claim', 'counts', 'warnings'])
      .where('id', '=', statementId)
      .executeTakeFirstOrThrow();
    expect(after.claim).toBe(before.claim);
    expect(after.warnings).toBe(201);
    expect(after.counts).not.toBeNull();
    const report = JSON.parse(after.report) as { warnings: { message: string }[] };
    expect(report.warnings).toHaveLength(201);
    expect(report.warnings.at(-1)?.message).toMatch(/^另有 800 条同类问题/u);
  });
});
