import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { insertSchedule } from './feeschedules.repository.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;
const [v2023, v2024] = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'fee-schedule.json'), 'utf8'),
) as Record<string, unknown>[];
const PROVIDER = '鑫联支付有限公司';

interface Published {
  id: string;
  provider: string;
  version: string;
  effectiveFrom: string;
  status: string;
  supersededOn?: string;
  schedule: { charges: { name: string; amountYuan: string }[] };
}

interface Departures {
  schedules: { version: string }[];
  items: {
    kind: string;
    row: number;
    date: string;
    scheduleVersion: string;
    difference: string;
    differenceFen: number;
    deductionId: string | null;
  }[];
  total: string;
}

describe.each(DIALECTS)('fee schedules on %s', (dialect) => {
  let server: TestServer;
  const anonymous = () => new ApiClient(server.app);
  let staff: ApiClient;
  let otherStaff: ApiClient;
  let associationStaff: ApiClient;
  let shop: ApiClient;
  let otherShop: ApiClient;
  let orgId = '';
  let otherOrgId = '';
  let associationId = '';
  let merchantId = '';
  let otherMerchantId = '';
  const published: Published[] = [];

  beforeAll(async () => {
    server = await testServer(dialect);
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
    const admin = new ApiClient(server.app);
    await admin.login('root@feeguard.test', 'admin password 1');
    const org = (name: string, body: Record<string, unknown>) =>
      admin.json<{ id: string }>('POST', '/api/organizations', { name, ...body });
    orgId = (await org(PROVIDER, { kind: 'provider', providerName: PROVIDER })).id;
    otherOrgId = (await org('其他支付', { kind: 'provider', providerName: '其他支付' })).id;
    associationId = (await org('消协', { kind: 'consumer_association' })).id;
    for (const [id, email] of [
      [orgId, 'staff@xinlian.test'],
      [otherOrgId, 'staff@other.test'],
      [associationId, 'staff@cca.test'],
    ] as const)
      await admin.json('POST', `/api/organizations/${id}/members`, { email });
    staff = new ApiClient(server.app);
    await staff.register('staff@xinlian.test');
    otherStaff = new ApiClient(server.app);
    await otherStaff.register('staff@other.test');
    associationStaff = new ApiClient(server.app);
    await associationStaff.register('staff@cca.test');
    shop = new ApiClient(server.app);
    await shop.register('shop@shop.test');
    merchantId = (
      await shop.json<{ id: string }>('POST', '/api/merchants', {
        name: '张丽',
        providerName: PROVIDER,
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
      })
    ).id;
    otherShop = new ApiClient(server.app);
    await otherShop.register('other@shop.test');
    otherMerchantId = (
      await otherShop.json<{ id: string }>('POST', '/api/merchants', {
        name: '李强',
        providerName: PROVIDER,
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
        contract,
      })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('a member of the provider organization publishes versions; a later one supersedes', async () => {
    for (const version of [v2023, v2024]) {
      const r = await staff.request('POST', `/api/organizations/${orgId}/fee-schedules`, version);
      expect(r.statusCode, r.body).toBe(201);
      published.push(r.json<Published>());
    }
    expect(published[1]).toMatchObject({
      provider: PROVIDER,
      version: '2024版',
      effectiveFrom: '2024-06-01',
      status: 'in_effect',
    });
    expect(published[1]?.schedule.charges[0]).toMatchObject({
      name: '系统服务费',
      amountYuan: '29.00',
    });
    const rows = await server.deps.db
      .selectFrom('fee_schedules')
      .select(['organization_id', 'provider_name', 'version', 'published_by'])
      .orderBy('effective_from')
      .execute();
    expect(rows).toEqual([
      {
        organization_id: orgId,
        provider_name: PROVIDER,
        version: '2023版',
        published_by: staff.userId,
      },
      {
        organization_id: orgId,
        provider_name: PROVIDER,
        version: '2024版',
        published_by: staff.userId,
      },
    ]);
  });

  it('nobody else publishes for the provider: merchants, other providers, agencies, anonymous', async () => {
    const url = `/api/organizations/${orgId}/fee-schedules`;
    const body = { ...v2024, version: '2025版', effectiveFrom: '2025-01-01' };
    expect((await shop.request('POST', url, body)).statusCode).toBe(404);
    expect((await otherStaff.request('POST', url, body)).statusCode).toBe(404);
    expect((await anonymous().request('POST', url, body)).statusCode).toBe(401);
    const agency = await associationStaff.request(
      'POST',
      `/api/organizations/${associationId}/fee-schedules`,
      body,
    );
    expect(agency.statusCode).toBe(403);
    expect(agency.json<{ code: string }>().code).toBe('FG_ERR_FORBIDDEN');
    // another provider's member publishes for their own provider only
    const theirs = await otherStaff.request(
      'POST',
      `/api/organizations/${otherOrgId}/fee-schedules`,
      { ...body, provider: PROVIDER },
    );
    expect(theirs.statusCode).toBe(400);
    expect(theirs.body).toContain('其他支付');
    const count = await server.deps.db
      .selectFrom('fee_schedules')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(String(count.n)).toBe('2');
  });

  it('published versions never change; a new one must take effect later', async () => {
    const url = `/api/organizations/${orgId}/fee-schedules`;
    const again = await staff.request('POST', url, { ...v2024, effectiveFrom: '2026-01-01' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('never change');
    const earlier = await staff.request('POST', url, {
      ...v2024,
      version: '2024修订版',
      effectiveFrom: '2024-06-01',
    });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.body).toContain('not after 2024-06-01');
    const bad = await staff.request('POST', url, {
      ...v2024,
      version: '2027版',
      effectiveFrom: '2027-01-01',
      charges: [{ name: '年费', category: 'service_fee', amountYuan: '十元', every: 'year' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ code: string; detail: string }>()).toMatchObject({
      code: 'FG_ERR_BAD_SCHEDULE',
      detail: expect.stringContaining('charges.0.amountYuan') as unknown,
    });
    const shape = await staff.request('POST', url, { ...v2024, effectiveFrom: '2027/01/01' });
    expect(shape.statusCode).toBe(400);
  });

  it('two versions taking effect the same day cannot both be stored (publishing at once)', async () => {
    const row = {
      organization_id: orgId,
      provider_name: PROVIDER,
      version: '并发版',
      effective_from: '2024-06-01',
      schedule: '{}',
      published_by: staff.userId,
      published_at: '2026-11-25T02:00:00.000Z',
    };
    const inserted = await server.deps.db
      .transaction()
      .execute((trx) => insertSchedule(trx, { ...row, id: crypto.randomUUID() }));
    expect(inserted).toBe(false);
  });

  it('anyone lists a provider’s published versions and reads one, without logging in', async () => {
    const list = await anonymous().request(
      'GET',
      `/api/public/fee-schedules?provider=${encodeURIComponent(PROVIDER)}`,
    );
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Published[] }>().items;
    expect(items.map((i) => [i.version, i.status, i.supersededOn])).toEqual([
      ['2024版', 'in_effect', undefined],
      ['2023版', 'superseded', '2024-06-01'],
    ]);
    expect(list.body).not.toContain(orgId);
    expect(list.body).not.toContain(staff.userId);
    const none = await anonymous().request('GET', '/api/public/fee-schedules?provider=其他支付');
    expect(none.json<{ items: unknown[] }>().items).toEqual([]);
    const one = await anonymous().request(
      'GET',
      `/api/public/fee-schedules/${published[0]?.id ?? ''}`,
    );
    expect(one.statusCode).toBe(200);
    expect(one.json<Published>().version).toBe('2023版');
    const missing = await anonymous().request(
      'GET',
      '/api/public/fee-schedules/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('a merchant takes a published version as the contract baseline', async () => {
    const url = `/api/merchants/${merchantId}/contract-from-schedule`;
    const merchant = await shop.json<{
      contracts: { effectiveFrom: string; feeScheduleId: string | null; contract: unknown }[];
    }>('PUT', url, { scheduleId: published[0]?.id, activatedOn: '2023-09-25' });
    expect(merchant.contracts).toEqual([
      {
        effectiveFrom: '2023-01-01',
        feeScheduleId: published[0]?.id,
        contract: {
          provider: PROVIDER,
          providerType: 'payment_institution',
          signedAt: '2023-09-25',
          rates: [
            { cardType: 'debit', percent: '0.5', capYuan: '25.00' },
            { cardType: 'any', percent: '0.6' },
          ],
          perTransactionFeeYuan: '0.00',
          agreedCharges: [
            { category: 'service_fee', amountYuan: '39.00', every: 'month' },
            {
              category: 'traffic_fee',
              amountYuan: '59.00',
              every: 'year',
              startsAfter: '2024-09-24',
            },
          ],
        },
      },
    ]);
    const row = await server.deps.db
      .selectFrom('contract_versions')
      .select('fee_schedule_id')
      .where('merchant_id', '=', merchantId)
      .executeTakeFirstOrThrow();
    expect(row.fee_schedule_id).toBe(published[0]?.id);
    // someone else's merchant, a schedule that does not exist, another provider's schedule
    expect((await otherShop.request('PUT', url, { scheduleId: published[0]?.id })).statusCode).toBe(
      404,
    );
    expect(
      (await shop.request('PUT', url, { scheduleId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
    const theirs = await otherStaff.json<{ id: string }>(
      'POST',
      `/api/organizations/${otherOrgId}/fee-schedules`,
      { version: 'v1', effectiveFrom: '2024-01-01' },
    );
    const wrong = await shop.request('PUT', url, { scheduleId: theirs.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('其他支付');
  });

  it('the upload audit reports departures from the published schedule', async () => {
    const upload = await shop.upload(merchantId, 'statement.csv', statement);
    expect(upload.statusCode).toBe(201);
    // the contract from 2023版: the deposit is not in it; the 59.00 traffic fee is after the free year
    expect(upload.json<{ claim: string }>().claim).toBe('100.00');
    const report = await shop.json<{
      scheduleDepartures?: { row: number; kind: string; differenceFen: number }[];
    }>('GET', `/api/statements/${upload.json<{ id: string }>().id}/report`);
    expect(report.scheduleDepartures?.map((d) => [d.row, d.kind, d.differenceFen])).toEqual([
      [15, 'unlisted_charge', 4527],
      [763, 'unlisted_charge', 1756],
      [958, 'above_amount', 1000],
      [1156, 'above_amount', 1000],
      [1372, 'above_amount', 1000],
      [1444, 'unlisted_charge', 10000],
      [1549, 'above_amount', 1000],
    ]);
    const departures = await shop.json<Departures>(
      'GET',
      `/api/merchants/${merchantId}/schedule-departures`,
    );
    expect(departures.total).toBe('202.83');
    expect(departures.schedules.map((s) => s.version)).toEqual(['2023版', '2024版']);
    expect(departures.items.every((d) => d.deductionId !== null)).toBe(true);
    const deductions = await shop.json<{ items: { id: string }[] }>(
      'GET',
      `/api/merchants/${merchantId}/deductions`,
    );
    const ids = new Set(deductions.items.map((d) => d.id));
    expect(departures.items.every((d) => ids.has(d.deductionId ?? ''))).toBe(true);
    expect(
      (await otherShop.request('GET', `/api/merchants/${merchantId}/schedule-departures`))
        .statusCode,
    ).toBe(404);
  });

  it('also when the merchant’s own contract did not come from the schedule; rate departures once', async () => {
    const csv = Buffer.from(
      '交易时间,交易类型,卡类型,交易金额,手续费,结算金额,摘要,流水号\n' +
        '2024-07-01 10:00:00,消费,借记卡,1000.00,8.00,992.00,,R1\n' +
        '2024-07-02 10:00:00,扣费,,-49.00,,,年费,R2\n',
    );
    for (const name of ['a.csv', 'b.csv']) {
      const r = await otherShop.upload(otherMerchantId, name, csv);
      expect(r.statusCode).toBe(201);
    }
    const departures = await otherShop.json<Departures>(
      'GET',
      `/api/merchants/${otherMerchantId}/schedule-departures`,
    );
    expect(departures.items.map((d) => [d.date, d.kind, d.scheduleVersion, d.difference])).toEqual([
      ['2024-07-01', 'rate_above', '2024版', '3.00'],
      ['2024-07-02', 'above_amount', '2024版', '20.00'],
    ]);
    // the fee above the contract's rate is a deduction too; the departure points at it
    expect(departures.items.every((d) => d.deductionId !== null)).toBe(true);
  });
});
