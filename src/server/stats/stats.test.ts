import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStats } from '../../../bench/seed-stats.js';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { contributionOf, deltasBetween, type CaseFacts } from '../../stats/contribution.js';
import { sweep } from '../notifications/notifications.service.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';
import { applyDeltas } from './stats.repository.js';
import { MIN_PLACE_COUNT, OTHER_PLACES, rebuildStats, refreshCaseStats } from './stats.service.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

const XINLIAN = '鑫联支付有限公司';
const YINSHENG = '银盛支付服务有限公司';

interface Filing {
  id: string;
  state: string;
  dueDate: string | null;
}
interface Row {
  key: string;
  complaints: number;
  claimed: string;
  recovered: string;
  outcomes: {
    refunded: number;
    partly: number;
    rejected: number;
    noAnswer: number;
    pending: number;
  };
  filingsDue: number;
  answeredOnTime: number;
  onTimeShare: number | null;
  medianDaysToAnswer: number | null;
}

/** Every aggregate row that is not all zeros, in a fixed order: what the statistics say. */
async function aggregates(db: Kysely<DB>) {
  const cells = await db.selectFrom('stats_cells').selectAll().execute();
  const days = await db.selectFrom('stats_answer_days').selectAll().execute();
  const weeks = await db.selectFrom('stats_weeks').selectAll().execute();
  const text = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    cells: text(
      cells.filter((c) =>
        [
          c.complaints,
          c.claimed_fen,
          c.recovered_fen,
          c.outcome_refunded,
          c.outcome_partly,
          c.outcome_rejected,
          c.outcome_no_answer,
          c.outcome_pending,
          c.filings_due,
          c.filings_on_time,
          c.filings_answered,
        ].some((n) => n !== 0),
      ),
    ),
    days: text(days.filter((d) => d.filings !== 0)),
    weeks: text(weeks.filter((w) => w.complaints !== 0 || w.claimed_fen !== 0)),
  };
}

describe.each(DIALECTS)('public statistics over HTTP on %s', (dialect) => {
  let server: TestServer;
  let merchant: ApiClient;
  let anonymous: ApiClient;
  const cases: Record<string, { id: string; merchantId: string; filing?: Filing }> = {};

  // Moves the clock; a session lasts SESSION_DAYS, so the merchant logs in again.
  const at = async (iso: string) => {
    server.setNow(new Date(iso));
    await merchant.login('zhangli@shop.test');
  };
  const stats = (query: string) =>
    anonymous.json<{ by: string; rows: Row[]; totals: Row }>('GET', `/api/public/stats?${query}`);

  async function openCase(
    name: string,
    providerName: string,
    place: { province?: string; city?: string },
    onlyTraffic = false,
  ) {
    const m = await merchant.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      businessName: `${name}便利店`,
      providerName,
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      details: place,
      contract,
    });
    expect((await merchant.upload(m.id, 'statement.csv', statement)).statusCode).toBe(201);
    const deductions = await merchant.json<{
      items: { id: string; category: string; verdict: string }[];
    }>('GET', `/api/merchants/${m.id}/deductions`);
    const traffic = deductions.items.filter(
      (d) => d.verdict === 'unauthorized' && d.category === 'traffic_fee',
    );
    const c = await merchant.json<{ id: string }>('POST', '/api/cases', {
      merchantId: m.id,
      ...(onlyTraffic ? { deductionIds: traffic.map((d) => d.id) } : {}),
    });
    cases[name] = { id: c.id, merchantId: m.id };
    return c.id;
  }

  async function fileWithProvider(name: string, submittedAt: string) {
    const entry = cases[name];
    if (!entry) throw new Error(name);
    const draft = await merchant.json<Filing>('POST', `/api/cases/${entry.id}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    entry.filing = await merchant.json<Filing>('PATCH', `/api/filings/${draft.id}`, {
      action: 'submit',
      submittedAt,
      method: 'hotline',
    });
  }

  async function answer(name: string, kind: string, refundYuan?: string, accept = true) {
    const filing = cases[name]?.filing;
    if (!filing) throw new Error(name);
    await merchant.json('PATCH', `/api/filings/${filing.id}`, {
      action: 'record_response',
      kind,
      message: kind === 'refund' ? '已退款' : '与我司无关',
      ...(refundYuan ? { refundYuan } : {}),
    });
    await merchant.json('POST', `/api/filings/${filing.id}/review`, {
      decision: accept ? 'accept' : 'dispute',
    });
  }

  beforeAll(async () => {
    server = await testServer(dialect, new Date('2026-11-25T02:00:00Z'));
    merchant = new ApiClient(server.app);
    anonymous = new ApiClient(server.app);
    await merchant.register('zhangli@shop.test', '张丽');
    // The public figures name only providers FeeGuard knows: these two have organizations.
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
    const admin = new ApiClient(server.app, '192.0.2.50');
    await admin.login('root@feeguard.test', 'admin password 1');
    for (const providerName of [XINLIAN, YINSHENG]) {
      await admin.json('POST', '/api/organizations', {
        name: providerName,
        kind: 'provider',
        providerName,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('counts complaints as they are made, filed, answered, refunded and left unanswered', async () => {
    // 2026-11-25 (Shanghai): eight complaints; four are filed with the provider the same day.
    await openCase('A', XINLIAN, { province: '广东省', city: '深圳市' });
    await openCase('B', XINLIAN, { province: ' 广东省 ', city: '深圳市 ' }, true);
    await openCase('C', XINLIAN, { province: '广东省', city: '广州市' });
    await openCase('G', XINLIAN, { province: '广东省', city: '深圳市' });
    await openCase('H', XINLIAN, { province: '广东省', city: '深圳市' });
    await openCase('D', YINSHENG, { province: '浙江省', city: '杭州市' });
    await openCase('F', YINSHENG, {});
    for (const name of ['A', 'B', 'C', 'D']) await fileWithProvider(name, '2026-11-25');
    const due = cases['A']?.filing?.dueDate ?? '';
    expect(due > '2026-11-28' && due < '2026-12-15').toBe(true);

    let byProvider = await stats('by=provider');
    expect(byProvider.totals).toMatchObject({
      complaints: 7,
      claimed: '1013.00',
      recovered: '0.00',
      outcomes: { pending: 7 },
      filingsDue: 0,
      onTimeShare: null,
      medianDaysToAnswer: null,
    });

    // Three days later the provider refunds A in full and B in part, both in time.
    await at('2026-11-28T02:00:00Z');
    await answer('A', 'refund', '159.00');
    await answer('B', 'refund', '30.00');
    // After the deadline: the sweep marks C and D overdue; C is then rejected, late.
    await at('2026-12-15T02:00:00Z');
    await sweep(server.deps, null);
    await answer('C', 'rejection', undefined, false);
    // A complaint in December, not filed yet.
    await openCase('E', YINSHENG, { province: '浙江省', city: '杭州市' });

    byProvider = await stats('by=provider');
    expect(byProvider.rows).toEqual([
      {
        key: XINLIAN,
        complaints: 5,
        claimed: '695.00',
        recovered: '189.00',
        outcomes: { refunded: 1, partly: 1, rejected: 1, noAnswer: 0, pending: 2 },
        filingsDue: 3,
        answeredOnTime: 2,
        onTimeShare: 0.6667,
        medianDaysToAnswer: 3,
      },
      {
        key: YINSHENG,
        complaints: 3,
        claimed: '477.00',
        recovered: '0.00',
        outcomes: { refunded: 0, partly: 0, rejected: 0, noAnswer: 1, pending: 2 },
        filingsDue: 1,
        answeredOnTime: 0,
        onTimeShare: 0,
        medianDaysToAnswer: null,
      },
    ]);
    expect(byProvider.totals).toEqual({
      key: '',
      complaints: 8,
      claimed: '1172.00',
      recovered: '189.00',
      outcomes: { refunded: 1, partly: 1, rejected: 1, noAnswer: 1, pending: 4 },
      filingsDue: 4,
      answeredOnTime: 2,
      onTimeShare: 0.5,
      medianDaysToAnswer: 3,
    });
  }, 120_000);

  it('groups by category, province, city and month; small places fold together', async () => {
    const byCategory = await stats('by=category');
    expect(byCategory.rows.map((r) => [r.key, r.complaints, r.claimed])).toEqual([
      ['deposit', 7, '1113.00'],
      ['traffic_fee', 1, '59.00'],
    ]);

    expect(MIN_PLACE_COUNT).toBe(3);
    // 浙江省 (2) and the complaint without a place (1) are each under MIN_PLACE_COUNT.
    const byProvince = await stats('by=province');
    expect(byProvince.rows.map((r) => [r.key, r.complaints, r.outcomes.noAnswer])).toEqual([
      ['广东省', 5, 0],
      [OTHER_PLACES, 3, 1],
    ]);
    const byCity = await stats('by=city');
    expect(
      byCity.rows.map((r) => [r.key, r.complaints, r.medianDaysToAnswer, r.filingsDue]),
    ).toEqual([
      [OTHER_PLACES, 4, 20, 2],
      ['广东省 深圳市', 4, 3, 2],
    ]);
    expect(byCity.totals.complaints).toBe(8);

    const byMonth = await stats('by=month');
    expect(byMonth.rows.map((r) => [r.key, r.complaints])).toEqual([
      ['2026-11', 7],
      ['2026-12', 1],
    ]);
  });

  it('filters by provider, category, place and months, and refuses from after to', async () => {
    const guangdong = await stats(`by=provider&province=${encodeURIComponent('广东省')}`);
    expect(guangdong.rows.map((r) => [r.key, r.complaints])).toEqual([[XINLIAN, 5]]);
    const shenzhen = await stats(
      `by=month&province=${encodeURIComponent('广东省')}&city=${encodeURIComponent('深圳市')}`,
    );
    expect(shenzhen.rows.map((r) => [r.key, r.complaints, r.recovered])).toEqual([
      ['2026-11', 4, '189.00'],
    ]);
    const yinsheng = await stats(`by=category&provider=${encodeURIComponent(YINSHENG)}`);
    expect(yinsheng.rows.map((r) => [r.key, r.complaints])).toEqual([['deposit', 3]]);
    const traffic = await stats('by=provider&category=traffic_fee');
    expect(traffic.rows.map((r) => [r.key, r.complaints, r.outcomes.partly])).toEqual([
      [XINLIAN, 1, 1],
    ]);
    const december = await stats('by=provider&from=2026-12&to=2026-12');
    expect(december.rows.map((r) => [r.key, r.complaints])).toEqual([[YINSHENG, 1]]);
    const november = await stats(
      `by=city&from=2026-11&to=2026-11&provider=${encodeURIComponent(XINLIAN)}`,
    );
    expect(november.rows.map((r) => [r.key, r.complaints])).toEqual([
      ['广东省 深圳市', 4],
      [OTHER_PLACES, 1],
    ]);
    const nothing = await stats('by=provider&from=2025-01&to=2025-02');
    expect(nothing.rows).toEqual([]);
    expect(nothing.totals.complaints).toBe(0);

    const swapped = await anonymous.request(
      'GET',
      '/api/public/stats?by=provider&from=2026-12&to=2026-11',
    );
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json<{ code: string }>().code).toBe('FG_ERR_VALIDATION');
    expect(swapped.body).toContain('2026-12 is after to 2026-11');
    const badMonth = await anonymous.request('GET', '/api/public/stats?from=2026-1');
    expect(badMonth.statusCode).toBe(400);
    const badBy = await anonymous.request('GET', '/api/public/stats?by=street');
    expect(badBy.statusCode).toBe(400);
  });

  it('downloads the same figures as CSV with a BOM, a header and one line per row', async () => {
    const response = await anonymous.request('GET', '/api/public/stats.csv?by=provider');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('feeguard-stats-by-provider.csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/u, '').split('\r\n');
    expect(lines).toEqual([
      'key,complaints,claimed_yuan,recovered_yuan,refunded,partly_refunded,rejected,no_answer,pending,filings_due,answered_on_time,on_time_share,median_days_to_answer',
      `${XINLIAN},5,695.00,189.00,1,1,1,0,2,3,2,0.6667,3`,
      `${YINSHENG},3,477.00,0.00,0,0,0,1,2,1,0,0,`,
      '',
    ]);
    const swapped = await anonymous.request('GET', '/api/public/stats.csv?from=2026-12&to=2026-01');
    expect(swapped.statusCode).toBe(400);
  });

  it('ranks providers by complaints; by timeliness only with enough filings due', async () => {
    const ranked = await anonymous.json<{ byComplaints: Row[]; byTimeliness: Row[] }>(
      'GET',
      '/api/public/rankings',
    );
    expect(ranked.byComplaints.map((r) => [r.key, r.complaints])).toEqual([
      [XINLIAN, 5],
      [YINSHENG, 3],
    ]);
    // Three and one filings due: too few to rank anyone by timeliness.
    expect(ranked.byTimeliness).toEqual([]);
    const traffic = await anonymous.json<{ byComplaints: Row[] }>(
      'GET',
      '/api/public/rankings?category=traffic_fee',
    );
    expect(traffic.byComplaints.map((r) => r.key)).toEqual([XINLIAN]);
  });

  it('moves a complaint when its shop moves to another place', async () => {
    const b = cases['B'];
    if (!b) throw new Error('B');
    await merchant.json('PATCH', `/api/merchants/${b.merchantId}`, {
      details: { province: '浙江省', city: '杭州市' },
    });
    const byCity = await stats('by=city');
    expect(byCity.rows.map((r) => [r.key, r.complaints])).toEqual([
      ['广东省 深圳市', 3],
      ['浙江省 杭州市', 3],
      [OTHER_PLACES, 2],
    ]);
    // Back again: the statistics are what they were.
    await merchant.json('PATCH', `/api/merchants/${b.merchantId}`, {
      details: { province: '广东省', city: '深圳市' },
    });
    expect((await stats('by=city')).rows.map((r) => r.complaints)).toEqual([4, 4]);
  });

  it('the incremental aggregates equal a rebuild after a random run of changes', async () => {
    // A seeded sequence of whatever a merchant may do, in any order; refused moves are skipped.
    let seed = 17;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const names = Object.keys(cases);
    const places = [
      { province: '广东省', city: '深圳市' },
      { province: '浙江省', city: '杭州市' },
      { province: '江苏省', city: '苏州市' },
      { province: '', city: '' },
    ];
    let day = Date.parse('2026-12-16T02:00:00Z');
    for (let step = 0; step < 30; step++) {
      const name = names[Math.floor(rnd() * names.length)] ?? 'A';
      const entry = cases[name];
      if (!entry) continue;
      const r = rnd();
      if (r < 0.25) {
        const draft = await merchant.request('POST', `/api/cases/${entry.id}/filings`, {
          channelId: rnd() < 0.7 ? 'payment_institution_customer_service' : 'pboc_12363',
        });
        if (draft.statusCode !== 201) continue;
        const submitted = await merchant.request(
          'PATCH',
          `/api/filings/${draft.json<Filing>().id}`,
          {
            action: 'submit',
            submittedAt: new Date(day).toISOString().slice(0, 10),
          },
        );
        if (submitted.statusCode === 200) entry.filing = submitted.json<Filing>();
      } else if (r < 0.55 && entry.filing) {
        const kinds = ['refund', 'rejection', 'explanation', 'in_progress'];
        const kind = kinds[Math.floor(rnd() * kinds.length)] ?? 'rejection';
        await merchant.request('PATCH', `/api/filings/${entry.filing.id}`, {
          action: 'record_response',
          kind,
          ...(kind === 'refund' ? { refundYuan: '10.00' } : {}),
        });
        await merchant.request('POST', `/api/filings/${entry.filing.id}/review`, {
          decision: rnd() < 0.6 ? 'accept' : 'dispute',
        });
      } else if (r < 0.75) {
        const place = places[Math.floor(rnd() * places.length)] ?? {};
        await merchant.json('PATCH', `/api/merchants/${entry.merchantId}`, { details: place });
      } else if (r < 0.85) {
        await openCase(`R${String(step)}`, rnd() < 0.5 ? XINLIAN : YINSHENG, {
          province: '江苏省',
          city: '苏州市',
        });
      } else {
        day += Math.floor(rnd() * 20) * 86_400_000;
        await at(new Date(day).toISOString());
        await sweep(server.deps, null);
      }
    }
    const incremental = await aggregates(server.deps.db);
    const rebuilt = await rebuildStats(server.deps);
    expect(rebuilt.cases).toBe(Object.keys(cases).length);
    expect(await aggregates(server.deps.db)).toEqual(incremental);
    expect(incremental.cells.length).toBeGreaterThan(0);
  }, 180_000);

  it('concurrent refreshes of overlapping cases leave the aggregates equal to a rebuild', async () => {
    const ids = Object.values(cases).map((c) => c.id);
    // Twenty writers at once, each changing some cases' money and refreshing overlapping sets.
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const chosen = [
          ids[i % ids.length],
          ids[(i * 7 + 3) % ids.length],
          ids[(i + 1) % ids.length],
        ].filter((id): id is string => id !== undefined);
        await server.deps.db
          .updateTable('cases')
          .set((eb) => ({ refunded_fen: eb('refunded_fen', '+', 100) }))
          .where('id', '=', chosen[0] ?? '')
          .execute();
        await refreshCaseStats(server.deps, chosen);
      }),
    );
    const incremental = await aggregates(server.deps.db);
    await rebuildStats(server.deps);
    expect(await aggregates(server.deps.db)).toEqual(incremental);
    const totals = (await stats('by=provider')).totals;
    const recovered = await server.deps.db
      .selectFrom('cases')
      .select((eb) => eb.fn.sum<number | string>('refunded_fen').as('fen'))
      .executeTakeFirstOrThrow();
    expect(totals.recovered).toBe((Number(recovered.fen) / 100).toFixed(2));
  }, 120_000);
  it('names no provider or place a merchant typed: unknown ones fold into 其他服务商 (probe, issue 14)', async () => {
    const typed = '赵六13912345678身份证110101199003071234';
    await openCase('Z', typed, { province: '李四家13800138000', city: '朝阳路5号' });
    const byProvider = await stats('by=provider');
    expect(byProvider.rows.map((r) => r.key)).toContain('其他服务商');
    const everything = [
      JSON.stringify(byProvider),
      JSON.stringify(await stats('by=city')),
      JSON.stringify(await stats('by=province')),
      (await anonymous.request('GET', '/api/public/stats.csv?by=provider')).body,
      (await anonymous.request('GET', '/api/public/rankings')).body,
    ].join('\n');
    for (const secret of [
      '赵六',
      '13912345678',
      '110101199003071234',
      '李四',
      '13800138000',
      '朝阳路',
    ]) {
      expect(everything).not.toContain(secret);
    }
  }, 120_000);
});

describe.each(DIALECTS)('rankings by timeliness on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(dialect);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  const facts = (
    provider: string,
    answeredOn: (i: number) => string | null,
    n: number,
  ): CaseFacts => ({
    provider,
    province: '广东省',
    city: '深圳市',
    createdOn: '2026-11-02',
    claimFen: 5_900,
    refundedFen: 0,
    deductions: [{ category: 'traffic_fee', overchargeFen: 5_900 }],
    filings: Array.from({ length: n }, (_, i) => ({
      toProvider: true,
      state: answeredOn(i) ? 'responded' : 'overdue',
      submittedOn: '2026-11-02',
      dueDate: '2026-11-17',
      answeredOn: answeredOn(i),
      answerKind: answeredOn(i) ? ('rejection' as const) : null,
    })),
  });

  it('puts the providers that answer in time first, then the faster, and needs five filings due', async () => {
    const all = [
      // Five of six on time, median 5 days.
      facts('甲支付', (i) => (i < 5 ? '2026-11-07' : null), 6),
      // Five of six on time, but slower (median 10 days).
      facts('乙支付', (i) => (i < 5 ? '2026-11-12' : null), 6),
      // All on time but only four filings due: not ranked.
      facts('丙支付', () => '2026-11-03', 4),
      // Two of five on time.
      facts('丁支付', (i) => (i < 2 ? '2026-11-05' : i < 4 ? '2026-11-30' : null), 5),
    ];
    await server.deps.db.transaction().execute(async (trx) => {
      await applyDeltas(
        trx,
        all.flatMap((f) => deltasBetween(null, contributionOf(f))),
      );
    });
    const ranked = await new ApiClient(server.app).json<{
      byTimeliness: Row[];
      byComplaints: Row[];
    }>('GET', '/api/public/rankings');
    expect(ranked.byTimeliness.map((r) => [r.key, r.onTimeShare, r.medianDaysToAnswer])).toEqual([
      ['甲支付', 0.8333, 5],
      ['乙支付', 0.8333, 10],
      ['丁支付', 0.4, 15.5],
    ]);
    expect(ranked.byComplaints).toHaveLength(4);
  });
});

describe.each(DIALECTS)('public complaints pages on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(dialect);
    await seedStats(server.deps.db, 400, () => undefined);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('pages through every published complaint once, newest first, by cursor', async () => {
    const client = new ApiClient(server.app);
    const expected = await server.deps.db
      .selectFrom('public_complaints')
      .select('public_id')
      .orderBy('published_at', 'desc')
      .orderBy('public_id', 'desc')
      .execute();
    expect(expected.length).toBeGreaterThan(40);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await client.json(
        'GET',
        `/api/public/complaints?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(expected.map((r) => r.public_id));
  });

  it('streams complaints.csv whole: one line per published complaint, no formula left live', async () => {
    const expected = await server.deps.db
      .selectFrom('public_complaints')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const answer = await new ApiClient(server.app).request('GET', '/api/public/complaints.csv');
    expect(answer.statusCode).toBe(200);
    const lines = answer.body.replace(/^\uFEFF/u, '').split('\r\n');
    expect(lines.at(-1)).toBe('');
    // Narratives may hold line breaks inside quotes; count records by their ids instead.
    const ids = answer.body.match(/^[0-9a-f-]{8,}(?=,)/gmu) ?? [];
    expect(ids.length).toBe(Number(expected.n));
    expect(answer.body).not.toMatch(/(?:^|,)[=+@]/mu);
  });
});
