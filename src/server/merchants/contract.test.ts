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
  cases: { id: string; before: string; after: string }[];
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
    expect(body.cases).toEqual([{ id: caseId, before: first, after: expected }]);
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
