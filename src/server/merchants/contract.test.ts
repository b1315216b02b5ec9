import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStatements } from '../../audit/audit.js';
import { parseContract } from '../../audit/contract.js';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import { parseSchedule } from '../../audit/schedule.js';
import { EXAMPLES_DIR, SAMPLES_DIR } from '../../../test/fixtures/index.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const FILE = '03-plain.csv';
const statement = readFileSync(path.join(SAMPLES_DIR, FILE));
/** What the merchant first said: one rate, no agreed charges. */
const RATES_ONLY = { rates: [{ cardType: 'any', percent: 0.6 }] };
/** The whole contract: a deposit, quarterly service and SIM fees. */
const FULL = JSON.parse(
  readFileSync(path.join(SAMPLES_DIR, '03-plain.contract.json'), 'utf8'),
) as Record<string, unknown>;
const PROVIDER = '鑫联支付有限公司';
const SCHEDULE = (
  JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'fee-schedule.json'), 'utf8')) as Record<
    string,
    unknown
  >[]
)[1];

interface Finding {
  id: string;
  date: string;
  category: string;
  amount: string;
  verdict: string;
  overcharge: string;
  reviewed: boolean;
}
interface Correction {
  claim: { before: string; after: string };
  statements: number;
  changed: number;
  cases: { id: string; before: string; after: string; added: number; offered: number }[];
  merchant: {
    contracts: { effectiveFrom: string; contract: unknown; feeScheduleId: string | null }[];
  };
}

/**
 * The claim `feeguard audit 03-plain.csv --contract …` computes (through the same function the
 * CLI calls), with the merchant's own marks applied on top: "agreed" is out of the claim, "not
 * agreed" claims the audit's overcharge or else the whole amount.
 */
async function cliClaim(
  contract: unknown,
  marks: ReadonlyMap<string, 'agreed' | 'not_agreed'> = new Map(),
  schedules: unknown[] = [],
): Promise<string> {
  const report = await auditStatements([{ file: FILE, chunks: Readable.from([statement]) }], {
    contract: parseContract(contract),
    ...(schedules.length ? { schedules: schedules.map((s) => parseSchedule(s)) } : {}),
  });
  let fen = 0;
  for (const f of report.findings) {
    const mark = marks.get(`${f.date}|${f.category}|${f.amount}`);
    const found = f.verdict === 'unauthorized' ? (parseYuanToFen(f.overcharge) ?? 0) : 0;
    if (mark === 'agreed') continue;
    if (mark === 'not_agreed') fen += found > 0 ? found : (parseYuanToFen(f.amount) ?? 0);
    else fen += found;
  }
  return formatFen(fen);
}

describe.each(DIALECTS)('correcting the contract after onboarding on %s', (dialect) => {
  let server: TestServer;
  let shop: ApiClient;
  let otherShop: ApiClient;
  let staff: ApiClient;
  let merchantId = '';
  let caseId = '';
  const marks = new Map<string, 'agreed' | 'not_agreed'>();

  const deductions = () =>
    shop.json<{ items: Finding[]; claim: string }>(
      'GET',
      `/api/merchants/${merchantId}/deductions`,
    );
  const caseClaim = async () =>
    (await shop.json<{ claim: string }>('GET', `/api/cases/${caseId}`)).claim;
  const correct = (body: unknown) =>
    shop.request('PUT', `/api/merchants/${merchantId}/contract`, body);
  async function statsClaimedFen(): Promise<number> {
    const rows = await server.deps.db.selectFrom('stats_weeks').select('claimed_fen').execute();
    return rows.reduce((sum, r) => sum + r.claimed_fen, 0);
  }
  async function letterText(): Promise<string> {
    const r = await shop.request('GET', `/api/cases/${caseId}/letter?format=txt`);
    expect(r.statusCode).toBe(200);
    return r.body;
  }

  beforeAll(async () => {
    server = await testServer(dialect);
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
    const admin = new ApiClient(server.app);
    await admin.login('root@feeguard.test', 'admin password 1');
    const org = await admin.json<{ id: string }>('POST', '/api/organizations', {
      name: PROVIDER,
      kind: 'provider',
      providerName: PROVIDER,
    });
    await admin.json('POST', `/api/organizations/${org.id}/members`, {
      email: 'staff@xinlian.test',
    });
    staff = new ApiClient(server.app);
    await staff.register('staff@xinlian.test');
    await staff.json('POST', `/api/organizations/${org.id}/fee-schedules`, SCHEDULE);

    shop = new ApiClient(server.app);
    await shop.register('correct@shop.test');
    merchantId = (
      await shop.json<{ id: string }>('POST', '/api/merchants', {
        name: '王芳',
        providerName: PROVIDER,
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
        contract: RATES_ONLY,
      })
    ).id;
    expect((await shop.upload(merchantId, FILE, statement)).statusCode).toBe(201);
    caseId = (await shop.json<{ id: string }>('POST', '/api/cases', { merchantId })).id;
    otherShop = new ApiClient(server.app);
    await otherShop.register('other@shop.test');
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('the corrected contract gives exactly the CLI’s claim, for the merchant, the case, its letter and the statistics', async () => {
    const first = await cliClaim(RATES_ONLY);
    expect((await deductions()).claim).toBe(first);
    expect(await caseClaim()).toBe(first);

    const r = await correct({ contract: FULL });
    expect(r.statusCode).toBe(200);
    const body = r.json<Correction>();
    const expected = await cliClaim(FULL);
    expect(expected).not.toBe(first);
    expect(body.claim).toEqual({ before: first, after: expected });
    expect(body.statements).toBe(1);
    // the whole contract makes nothing newly claimable: the case adds nothing
    expect(body.cases).toEqual([
      { id: caseId, before: first, after: expected, added: 0, offered: 0 },
    ]);
    // the correction replaces the version in effect, from the same date
    expect(body.merchant.contracts).toHaveLength(1);
    expect(body.merchant.contracts[0]?.contract).toEqual(FULL);

    expect((await deductions()).claim).toBe(expected);
    expect(await caseClaim()).toBe(expected);
    expect(await letterText()).toContain(expected);
    expect(await statsClaimedFen()).toBe(parseYuanToFen(expected));
  });

  it('the merchant’s own marks survive every correction and override the contract', async () => {
    const list = (await deductions()).items;
    // a deposit the contract allows that the merchant says they never agreed to …
    const deposit = list.find((f) => f.category === 'deposit' && f.verdict === 'authorized');
    // … and a SIM fee the contract does not allow that they say they did agree to
    const sim = list.find((f) => f.category === 'traffic_fee' && f.verdict === 'unauthorized');
    if (!deposit || !sim) throw new Error('the sample has an agreed deposit and a claimed SIM fee');
    await shop.json('PATCH', `/api/deductions/${deposit.id}`, { decision: 'not_agreed' });
    await shop.json('PATCH', `/api/deductions/${sim.id}`, { decision: 'agreed' });
    marks.set(`${deposit.date}|${deposit.category}|${deposit.amount}`, 'not_agreed');
    marks.set(`${sim.date}|${sim.category}|${sim.amount}`, 'agreed');
    expect((await deductions()).claim).toBe(await cliClaim(FULL, marks));

    for (const contract of [RATES_ONLY, FULL]) {
      expect((await correct({ contract })).statusCode).toBe(200);
      const after = await deductions();
      expect(after.claim).toBe(await cliClaim(contract, marks));
      const d = after.items.find((f) => f.id === deposit.id);
      const s = after.items.find((f) => f.id === sim.id);
      expect([d?.verdict, d?.reviewed]).toEqual(['unauthorized', true]);
      expect([s?.verdict, s?.reviewed]).toEqual(['authorized', true]);
    }
    // the case holds the SIM fee: its claim follows the mark too
    expect(await caseClaim()).not.toBe('0.00');
  });

  it('taking the provider’s published fee schedule instead audits every statement against it', async () => {
    const published = await shop.json<{ items: { id: string }[] }>(
      'GET',
      `/api/public/fee-schedules?provider=${encodeURIComponent(PROVIDER)}`,
    );
    const scheduleId = published.items[0]?.id ?? '';
    const r = await correct({ scheduleId });
    expect(r.statusCode).toBe(200);
    const body = r.json<Correction>();
    const inEffect = body.merchant.contracts.at(-1);
    expect(inEffect?.feeScheduleId).toBe(scheduleId);
    expect((await deductions()).claim).toBe(await cliClaim(inEffect?.contract, marks, [SCHEDULE]));
    expect(body.claim.after).toBe((await deductions()).claim);
  });

  it('only the merchant’s owner may correct it: another merchant and the provider’s staff get 404', async () => {
    const before = (await deductions()).claim;
    for (const stranger of [otherShop, staff]) {
      const r = await stranger.request('PUT', `/api/merchants/${merchantId}/contract`, {
        contract: RATES_ONLY,
      });
      expect(r.statusCode).toBe(404);
    }
    expect((await deductions()).claim).toBe(before);
  });

  it.each([
    [
      { agreedCharges: [{ category: 'deposit', amountYuan: 'abc', every: 'once' }] },
      'contract.agreedCharges[1].amountYuan',
      '约定的收费第 1 项的金额',
      'the amount of agreed charge 1',
    ],
    [
      { rates: [{ cardType: 'debit', percent: -1 }] },
      'contract.rates[1].percent',
      '借记卡的费率',
      'the rate for debit card',
    ],
    [
      { rates: [{ cardType: 'credit', percent: 'x' }] },
      'contract.rates[1].percent',
      '信用卡的费率',
      'the rate for credit card',
    ],
    [
      { perTransactionFeeYuan: -3 },
      'contract.perTransactionFeeYuan',
      '每笔固定手续费',
      'fixed fee per transaction',
    ],
    [
      {
        agreedCharges: [
          { category: 'deposit', amountYuan: 1, every: 'once' },
          { category: 'service_fee', amountYuan: 1, every: 'month', startsAfter: '2024/3/1' },
        ],
      },
      'contract.agreedCharges[2].startsAfter',
      '约定的收费第 2 项的从哪天起可以收',
      'the start date of agreed charge 2',
    ],
  ])(
    'an invalid contract %j is a 400 naming the field in plain words, and nothing changes',
    async (contract, field, zh, en) => {
      const before = await shop.json<{ items: { contracts: unknown[] }[] }>(
        'GET',
        '/api/merchants',
      );
      const claim = (await deductions()).claim;
      const r = await correct({ contract });
      expect(r.statusCode).toBe(400);
      const body = r.json<{
        code: string;
        detail: string;
        details: { field: string; words: { zh: string; en: string } };
      }>();
      expect(body.code).toBe('FG_ERR_VALIDATION');
      expect(body.details.field).toBe(field);
      expect(body.details.words).toEqual({ zh, en: expect.stringContaining(en) as string });
      expect(body.detail).toContain(zh);
      const after = await shop.json<{ items: { contracts: unknown[] }[] }>('GET', '/api/merchants');
      expect(after.items[0]?.contracts).toHaveLength(before.items[0]?.contracts.length ?? -1);
      expect((await deductions()).claim).toBe(claim);
    },
  );

  it('a failure half-way leaves everything as it was: no contract version, verdict, claim or statistic changes', async () => {
    const versions = async () =>
      (await server.deps.db.selectFrom('contract_versions').select('id').execute()).length;
    const [count, claim, cased, stats] = [
      await versions(),
      (await deductions()).claim,
      await caseClaim(),
      await statsClaimedFen(),
    ];
    // a case whose stored details cannot be read: the audit and the deductions are written
    // first, then refreshing the case fails inside the same transaction
    const row = await server.deps.db
      .selectFrom('cases')
      .select('details')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    await server.deps.db
      .updateTable('cases')
      .set({ details: '{not json' })
      .where('id', '=', caseId)
      .execute();
    const r = await correct({ contract: RATES_ONLY });
    expect(r.statusCode).toBe(500);
    await server.deps.db
      .updateTable('cases')
      .set({ details: row.details })
      .where('id', '=', caseId)
      .execute();
    expect(await versions()).toBe(count);
    expect((await deductions()).claim).toBe(claim);
    expect(await caseClaim()).toBe(cased);
    expect(await statsClaimedFen()).toBe(stats);
  });

  it('two saves at once end in one contract, with every verdict from that contract', async () => {
    const results = await Promise.all([
      correct({ contract: RATES_ONLY }),
      correct({ contract: FULL }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const merchant = await shop.json<{
      items: { contracts: { contract: unknown; feeScheduleId: string | null }[] }[];
    }>('GET', '/api/merchants');
    const inEffect = merchant.items[0]?.contracts.at(-1)?.contract;
    const expected = await cliClaim(inEffect, marks);
    expect((await deductions()).claim).toBe(expected);
    expect(await statsClaimedFen()).toBe(parseYuanToFen(await caseClaim()));
  });
});

/** Date, category and amount of each deduction the CLI would claim from `file` under `contract`. */
async function claimedKeys(contract: unknown, file = FILE): Promise<string[]> {
  const report = await auditStatements(
    [
      {
        file,
        chunks: Readable.from([readFileSync(path.join(SAMPLES_DIR, file))]),
      },
    ],
    { contract: parseContract(contract) },
  );
  return report.findings
    .filter((f) => f.verdict === 'unauthorized' && (parseYuanToFen(f.overcharge) ?? 0) > 0)
    .map((f) => `${f.date}|${f.category}|${f.amount}`);
}

describe.each(DIALECTS)('a corrected contract reaches the open cases on %s', (dialect) => {
  let server: TestServer;
  /** A case not filed anywhere yet … */
  let fresh: ApiClient;
  /** … and one already filed with the provider's customer service. */
  let filed: ApiClient;
  const ids = { fresh: '', filed: '', freshCase: '', filedCase: '' };
  let newlyClaimable = 0;

  const caseOf = (user: ApiClient, id: string) =>
    user.json<{
      claim: string;
      findings: Finding[];
      offered: { claim: string; findings: Finding[] };
    }>('GET', `/api/cases/${id}`);
  const letter = async (user: ApiClient, id: string) =>
    (await user.request('GET', `/api/cases/${id}/letter?format=txt`)).body;
  const correct = (user: ApiClient, merchantId: string, contract: unknown) =>
    user.request('PUT', `/api/merchants/${merchantId}/contract`, { contract });

  beforeAll(async () => {
    server = await testServer(dialect);
    const before = new Set(await claimedKeys(FULL));
    newlyClaimable = (await claimedKeys(RATES_ONLY)).filter((k) => !before.has(k)).length;
    for (const [key, user] of [
      ['fresh', (fresh = new ApiClient(server.app))],
      ['filed', (filed = new ApiClient(server.app))],
    ] as const) {
      await user.register(`${key}@shop.test`);
      ids[key] = await user.createMerchant(FULL);
      expect((await user.upload(ids[key], FILE, statement)).statusCode).toBe(201);
      const opened = await user.json<{ id: string }>('POST', '/api/cases', {
        merchantId: ids[key],
      });
      ids[key === 'fresh' ? 'freshCase' : 'filedCase'] = opened.id;
    }
    // the first shop also uploads a second statement after opening its case
    expect(
      (
        await fresh.upload(
          ids.fresh,
          '01-plain.csv',
          readFileSync(path.join(SAMPLES_DIR, '01-plain.csv')),
        )
      ).statusCode,
    ).toBe(201);
    const filing = await filed.json<{ id: string }>('POST', `/api/cases/${ids.filedCase}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    await filed.json('PATCH', `/api/filings/${filing.id}`, {
      action: 'submit',
      submittedAt: '2026-11-25',
    });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('a case not filed anywhere takes in what only the corrected terms make claimable, from its own statements', async () => {
    expect(newlyClaimable).toBeGreaterThan(0);
    const before = await cliClaim(FULL);
    expect((await caseOf(fresh, ids.freshCase)).claim).toBe(before);
    const r = await correct(fresh, ids.fresh, RATES_ONLY);
    expect(r.statusCode).toBe(200);
    const expected = await cliClaim(RATES_ONLY);
    expect(r.json<Correction>().cases).toEqual([
      { id: ids.freshCase, before, after: expected, added: newlyClaimable, offered: 0 },
    ]);
    const after = await caseOf(fresh, ids.freshCase);
    // exactly the CLI's claim for the case's own statement: the later upload stays out
    expect(after.claim).toBe(expected);
    expect(after.offered).toEqual({ claim: '0.00', findings: [] });
    expect(await letter(fresh, ids.freshCase)).toContain(expected);
    const events = await fresh.json<{ items: { kind: string; data: unknown }[] }>(
      'GET',
      `/api/cases/${ids.freshCase}/events`,
    );
    expect(events.items.at(-1)).toMatchObject({
      kind: 'contract_corrected',
      data: { claim: { before, after: expected }, added: newlyClaimable, offered: 0 },
    });
  });

  it('a case already filed keeps what was sent, and is offered the newly claimable deductions to add', async () => {
    const before = await cliClaim(FULL);
    const sent = await letter(filed, ids.filedCase);
    const r = await correct(filed, ids.filed, RATES_ONLY);
    expect(r.statusCode).toBe(200);
    expect(r.json<Correction>().cases).toEqual([
      { id: ids.filedCase, before, after: before, added: 0, offered: newlyClaimable },
    ]);
    const held = await caseOf(filed, ids.filedCase);
    expect(held.claim).toBe(before);
    expect(held.offered.findings).toHaveLength(newlyClaimable);
    const expected = await cliClaim(RATES_ONLY);
    expect(
      formatFen((parseYuanToFen(before) ?? 0) + (parseYuanToFen(held.offered.claim) ?? 0)),
    ).toBe(expected);
    const rows = (text: string) =>
      text.split('\n').filter((l) => /^\d+ {2}\d{4}-\d{2}-\d{2} /u.test(l));
    // the same rows and total as sent (their reasons follow the corrected terms)
    const now0 = await letter(filed, ids.filedCase);
    expect(rows(sent)).toHaveLength(
      rows(await letter(fresh, ids.freshCase)).length - newlyClaimable,
    );
    expect(rows(now0).map((l) => l.split('  ').slice(0, 6))).toEqual(
      rows(sent).map((l) => l.split('  ').slice(0, 6)),
    );

    // the merchant adds them: the claim and the letters made from now on include them
    const added = await filed.request('POST', `/api/cases/${ids.filedCase}/deductions`, {});
    expect(added.statusCode).toBe(200);
    expect(added.json<{ claim: string }>().claim).toBe(expected);
    const now = await caseOf(filed, ids.filedCase);
    expect(now.claim).toBe(expected);
    expect(now.offered).toEqual({ claim: '0.00', findings: [] });
    expect(await letter(filed, ids.filedCase)).toContain(expected);
    // nothing left to add
    const again = await filed.request('POST', `/api/cases/${ids.filedCase}/deductions`, {});
    expect(again.statusCode).toBe(400);
  });

  it('only the owner sees or adds what is offered', async () => {
    // a correction back to the whole contract and again to rates only offers nothing new: the
    // deductions are in the case already
    expect((await correct(filed, ids.filed, FULL)).statusCode).toBe(200);
    const r = await correct(filed, ids.filed, RATES_ONLY);
    expect(r.json<Correction>().cases.every((c) => c.offered === 0 && c.added === 0)).toBe(true);
    const stranger = await fresh.request('POST', `/api/cases/${ids.filedCase}/deductions`, {});
    expect(stranger.statusCode).toBe(404);
  });

  it('the replaced terms are kept: who changed them, when, and what they were', async () => {
    const merchant = await fresh.json<{
      items: {
        contractChanges: {
          at: string;
          by: string | null;
          byName: string | null;
          effectiveFrom: string;
          previous: { contract: unknown; feeScheduleId: string | null } | null;
        }[];
        contracts: { effectiveFrom: string; contract: unknown }[];
      }[];
    }>('GET', '/api/merchants');
    const changes = merchant.items[0]?.contractChanges ?? [];
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      by: fresh.userId,
      effectiveFrom: merchant.items[0]?.contracts[0]?.effectiveFrom,
      previous: { contract: FULL, feeScheduleId: null },
    });
    expect(Date.parse(changes[0]?.at ?? '')).not.toBeNaN();
    expect(merchant.items[0]?.contracts[0]?.contract).toMatchObject(RATES_ONLY);
  });
});
