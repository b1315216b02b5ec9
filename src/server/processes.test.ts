import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../test/fixtures/index.js';
import { HttpUser, registerVerified, startServerProcess, type ServerProcess } from './processes.js';
import { createPgSchema, dropPgSchema } from './testing.js';

/** These start `feeguard serve` from the build; `npm test` builds before it runs the tests. */
const built = existsSync(path.resolve(import.meta.dirname, '../../dist/src/server/main.js'));
const databaseUrl = process.env['DATABASE_URL'];
const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

async function merchantWithCase(user: HttpUser, server: ServerProcess, email: string) {
  await registerVerified(user, server, { email, password: 'a long password', name: email });
  const merchant = await user.call<{ id: string }>('POST', '/api/merchants', {
    name: '张丽',
    providerName: '鑫联支付有限公司',
    providerType: 'payment_institution',
    complainantType: 'individual_merchant',
    contract,
  });
  expect(await user.upload(merchant.body.id, 'statement.csv', statement)).toBe(201);
  return merchant.body.id;
}

describe.skipIf(!built || !databaseUrl)('several instances on one PostgreSQL database', () => {
  let schema = '';
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    schema = await createPgSchema(databaseUrl ?? '');
    const env = { DATABASE_URL: databaseUrl ?? '', DATABASE_SCHEMA: schema, SWEEP_SECONDS: '1' };
    // Both start at once: migrations and channel seeding must not trip over each other.
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([one.stop(), two.stop()]);
    await dropPgSchema(databaseUrl ?? '', schema);
  });

  it('a session made on one works on the other; a case changed on one is seen on the other; the sweep on both records each notification once', async () => {
    const onOne = new HttpUser(one.url);
    const merchantId = await merchantWithCase(onOne, one, 'multi@shop.test');
    const onTwo = new HttpUser(two.url);
    onTwo.cookie = onOne.cookie;
    onTwo.csrf = onOne.csrf;
    expect((await onTwo.call('GET', '/api/me')).status).toBe(200);

    const created = await onTwo.call<{ id: string }>('POST', '/api/cases', { merchantId });
    expect(created.status).toBe(201);
    const caseId = created.body.id;
    const filing = await onOne.call<{ id: string }>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    // Filed long ago: its deadline has passed, so both sweeps find it at once.
    await onTwo.call('PATCH', `/api/filings/${filing.body.id}`, {
      action: 'submit',
      submittedAt: '2026-09-01',
      reference: 'R-1',
    });
    const seen = await onOne.call<{ filings: { state: string; reference: string }[] }>(
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(seen.body.filings[0]?.reference).toBe('R-1');

    await new Promise((resolve) => setTimeout(resolve, 3500));
    const notes = await onOne.call<{ items: { kind: string; filingId: string }[] }>(
      'GET',
      '/api/notifications',
    );
    expect(
      notes.body.items.filter((n) => n.kind === 'overdue' && n.filingId === filing.body.id),
    ).toHaveLength(1);
    const events = await onTwo.call<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${caseId}/events`,
    );
    expect(events.body.items.filter((e) => e.kind === 'filing_mark_overdue')).toHaveLength(1);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const rows = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.notifications WHERE filing_id = $1`,
      [filing.body.id],
    );
    await client.end();
    expect(Number(rows.rows[0]?.n)).toBe(1);
  }, 60_000);
});

describe.skipIf(!built)('a crash (SIGKILL) on the embedded SQLite database', () => {
  it('leaves nothing half-written and loses nothing acknowledged', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-crash-'));
    const env = { FEEGUARD_DATA_DIR: dataDir, SWEEP_SECONDS: '0', DATABASE_URL: '' };
    let server = await startServerProcess(env);
    const user = new HttpUser(server.url);
    const merchantId = await merchantWithCase(user, server, 'crash@shop.test');

    // Acknowledged writes: ten cases, each answered 201 before the crash.
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) {
      const c = await user.call<{ id: string }>('POST', '/api/cases', { merchantId });
      expect(c.status).toBe(201);
      acknowledged.push(c.body.id);
    }
    // A large upload (about 20 MB) and a burst of case updates, killed in flight.
    const large = Buffer.concat(Array.from({ length: 180 }, () => statement));
    const uploading = user.upload(merchantId, 'large.csv', large).catch(() => 0);
    const updates = acknowledged.map(async (id) => {
      const f = await user
        .call<{ id: string }>('POST', `/api/cases/${id}/filings`, { channelId: 'pboc_12363' })
        .catch(() => null);
      if (f?.body.id)
        await user
          .call('PATCH', `/api/filings/${f.body.id}`, {
            action: 'submit',
            submittedAt: '2026-11-20',
          })
          .catch(() => null);
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await server.stop('SIGKILL');
    await Promise.all([uploading, ...updates]);

    const db = new SQLite(path.join(dataDir, 'feeguard.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    server = await startServerProcess(env);
    const again = new HttpUser(server.url);
    again.cookie = user.cookie;
    again.csrf = user.csrf;
    const cases = await again.call<{ items: { id: string }[] }>('GET', '/api/cases?limit=200');
    for (const id of acknowledged) expect(cases.body.items.map((c) => c.id)).toContain(id);
    // Each filing is either a draft without a submit event, or submitted with exactly one.
    for (const id of acknowledged) {
      const detail = await again.call<{ filings: { id: string; state: string }[] }>(
        'GET',
        `/api/cases/${id}`,
      );
      const events = await again.call<{ items: { kind: string; filingId: string | null }[] }>(
        'GET',
        `/api/cases/${id}/events`,
      );
      for (const filing of detail.body.filings) {
        const submits = events.body.items.filter(
          (e) => e.kind === 'filing_submit' && e.filingId === filing.id,
        ).length;
        expect(submits).toBe(filing.state === 'submitted' ? 1 : 0);
      }
    }
    // The large statement is there completely or not at all.
    const statements = await again.call<{ items: { fileName: string; newDeductions: number }[] }>(
      'GET',
      `/api/merchants/${merchantId}/statements`,
    );
    const largeOnes = statements.body.items.filter((s) => s.fileName === 'large.csv');
    expect(largeOnes.length).toBeLessThanOrEqual(1);
    const check = new SQLite(path.join(dataDir, 'feeguard.db'), { readonly: true });
    const orphans = check
      .prepare(
        'SELECT count(*) AS n FROM deductions d LEFT JOIN statements s ON s.id = d.statement_id WHERE s.id IS NULL',
      )
      .get() as { n: number };
    check.close();
    expect(orphans.n).toBe(0);
    await server.stop();
  }, 120_000);
});
