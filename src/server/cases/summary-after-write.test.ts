import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';
import { caseById } from './cases.repository.js';
import {
  loadCaseContext,
  refreshCaseSummaries,
  storeSummaryAfterFilings,
} from './cases.service.js';

/**
 * A new filing stores the case's summary from what the request had already loaded, working the
 * plan out once (issue 14's write cost). What it stores must be what working everything out again
 * from the database gives — also when the case changed after the request loaded it.
 */
const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

describe.each(DIALECTS)('the summary a filing stores on %s', (dialect) => {
  let server: TestServer;
  let merchant: ApiClient;
  let caseId = '';

  /** What lists show of the case, as stored. */
  async function stored() {
    const row = await caseById(server.deps.db, caseId);
    if (!row) throw new Error('no case');
    return { status: row.status, next_deadline: row.next_deadline, summary: row.summary };
  }
  /** The same, worked out again from everything in the database. */
  async function recomputed() {
    await refreshCaseSummaries(server.deps, [caseId]);
    return stored();
  }

  beforeAll(async () => {
    server = await testServer(dialect);
    merchant = new ApiClient(server.app);
    await merchant.register('summary@shop.test', '张丽');
    const merchantId = await merchant.createMerchant(contract);
    expect((await merchant.upload(merchantId, 'statement.csv', statement)).statusCode).toBe(201);
    caseId = (
      await merchant.json<{ id: string }>('POST', '/api/cases', { merchantId, withQuestions: true })
    ).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is what a full refresh gives, draft after draft and once one is submitted', async () => {
    const draft = await merchant.json<{ id: string }>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    const afterDraft = await stored();
    expect(afterDraft.status).toBe('new');
    expect(await recomputed()).toEqual(afterDraft);

    await merchant.json('PATCH', `/api/filings/${draft.id}`, {
      action: 'submit',
      submittedAt: '2026-11-24',
      reference: 'KF-1',
    });
    const submitted = await stored();
    expect(submitted.status).toBe('waiting');
    expect(submitted.next_deadline).not.toBeNull();

    await merchant.json('POST', `/api/cases/${caseId}/filings`, { channelId: 'pboc_12363' });
    expect(await stored()).toEqual(submitted);
    expect(await recomputed()).toEqual(submitted);
  });

  it('works the plan out again when the case changed after it was loaded', async () => {
    const row = await caseById(server.deps.db, caseId);
    if (!row) throw new Error('no case');
    const loaded = await loadCaseContext(server.deps, row);
    // Meanwhile the provider's answer is recorded and disputed: the plan moves to the next step.
    const filings = await server.deps.db
      .selectFrom('filings')
      .select(['id', 'state'])
      .where('case_id', '=', caseId)
      .where('state', '=', 'submitted')
      .execute();
    expect(filings).toHaveLength(1);
    await merchant.json('PATCH', `/api/filings/${filings[0]?.id ?? ''}`, {
      action: 'record_response',
      kind: 'rejection',
      message: '不予退款',
    });
    await merchant.json('POST', `/api/filings/${filings[0]?.id ?? ''}/review`, {
      decision: 'dispute',
    });
    const fresh = await stored();
    expect(fresh.status).toBe('action_needed');

    const after = await server.deps.db
      .transaction()
      .execute((trx) => storeSummaryAfterFilings(trx, server.deps, loaded));
    expect(after.plan).not.toBe(loaded.plan);
    expect(await stored()).toEqual(fresh);
    expect(await recomputed()).toEqual(fresh);
  });

  it('reads everything again when the deductions changed after it was loaded', async () => {
    const row = await caseById(server.deps.db, caseId);
    if (!row) throw new Error('no case');
    const loaded = await loadCaseContext(server.deps, row);
    const was = await stored();
    // Meanwhile the merchant says a questioned deduction was never agreed: it is claimed now.
    const questioned = loaded.deductions.find((d) => d.verdict === 'needs_review');
    if (!questioned) throw new Error('no questioned deduction');
    await merchant.json('PATCH', `/api/deductions/${questioned.id}`, { decision: 'not_agreed' });
    const fresh = await recomputed();
    expect(fresh.summary).not.toEqual(was.summary);
    // What a filing begun before the mark stores must not bring the old figures back.
    await server.deps.db
      .updateTable('cases')
      .set({ summary: was.summary })
      .where('id', '=', caseId)
      .execute();
    const after = await server.deps.db
      .transaction()
      .execute((trx) => storeSummaryAfterFilings(trx, server.deps, loaded));
    expect(after.deductions).not.toEqual(loaded.deductions);
    expect(await stored()).toEqual(fresh);
  });
});
