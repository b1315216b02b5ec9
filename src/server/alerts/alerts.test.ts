import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { addDaysIso } from '../../audit/dates.js';
import type { Counters, Delta } from '../../stats/contribution.js';
import { baselineWeeksOf } from '../../stats/spikes.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { applyDeltas } from '../stats/stats.repository.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';
import { proposeAlerts } from './alerts.service.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

/** Wednesday 2026-11-25 in Shanghai: the current week starts Monday 2026-11-23. */
const NOW = new Date('2026-11-25T02:00:00Z');
const THIS_WEEK = '2026-11-23';
const LAST_WEEK = '2026-11-16';

/** Debian's libxml2-utils; the feed is checked for well-formedness when it is installed. */
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function counters(complaints: number): Counters {
  return {
    complaints,
    claimed_fen: complaints * 5900,
    recovered_fen: 0,
    outcome_refunded: 0,
    outcome_partly: 0,
    outcome_rejected: 0,
    outcome_no_answer: 0,
    outcome_pending: complaints,
    filings_due: 0,
    filings_on_time: 0,
    filings_answered: 0,
  };
}

/** Complaints written into the statistics the way a case's change writes them. */
async function seed(
  server: TestServer,
  provider: string,
  category: string,
  byWeek: readonly [string, number][],
) {
  const deltas: Delta[] = byWeek.map(([week, n]) => ({
    dimensions: { provider, category, province: '', city: '', month: week.slice(0, 7), week },
    counters: counters(n),
    answerDays: new Map(),
  }));
  await server.deps.db.transaction().execute((trx) => applyDeltas(trx, deltas));
}

interface AlertItem {
  id: string;
  key: string;
  status: string;
  title: string;
  body: string;
  evidence: { count: number; baseline: { week: string; complaints: number }[]; pValue: number };
  currentCount: number;
  reviewedBy: string | null;
}

describe.each(DIALECTS)('consumer alerts on %s', (dialect) => {
  let server: TestServer;
  let merchant: ApiClient;
  let providerStaff: ApiClient;
  let regulator: ApiClient;
  let association: ApiClient;
  const anonymous = () => new ApiClient(server.app);
  let category = '';
  let alertId = '';

  beforeAll(async () => {
    server = await testServer(dialect, NOW);
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
    const admin = new ApiClient(server.app);
    await admin.login('root@feeguard.test', 'admin password 1');
    const orgs = [
      { name: '鑫联支付', kind: 'provider', providerName: '鑫联支付', staff: 'staff@xl.test' },
      { name: '人民银行某分行', kind: 'regulator', staff: 'officer@pboc.test' },
      { name: '某市消费者协会', kind: 'consumer_association', staff: 'staff@cca.test' },
    ];
    for (const { staff, ...org } of orgs) {
      const created = await admin.json<{ id: string }>('POST', '/api/organizations', org);
      await admin.json('POST', `/api/organizations/${created.id}/members`, { email: staff });
    }
    providerStaff = new ApiClient(server.app);
    await providerStaff.register('staff@xl.test', '服务商客服');
    regulator = new ApiClient(server.app);
    await regulator.register('officer@pboc.test', '王科长');
    association = new ApiClient(server.app);
    await association.register('staff@cca.test', '消协李');

    // One real complaint this week, through the API: it lands in stats_weeks by itself.
    merchant = new ApiClient(server.app);
    await merchant.register('shop@merchant.test', '张老板');
    const m = await merchant.json<{ id: string }>('POST', '/api/merchants', {
      name: '张记小吃',
      providerName: '鑫联支付',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      contract,
    });
    expect((await merchant.upload(m.id, 'statement.csv', statement)).statusCode).toBe(201);
    await merchant.json('POST', '/api/cases', { merchantId: m.id });
    const real = await server.deps.db.selectFrom('stats_weeks').selectAll().execute();
    expect(real).toHaveLength(1);
    expect(real[0]).toMatchObject({ provider: '鑫联支付', week: THIS_WEEK, complaints: 1 });
    category = real[0]?.category ?? '';

    // Its usual level: two a week for the eight weeks before last week, and last week too.
    const usual = baselineWeeksOf(LAST_WEEK, 8).map((w) => [w, 2] as [string, number]);
    await seed(server, '鑫联支付', category, [...usual, [LAST_WEEK, 2], [THIS_WEEK, 19]]);
    // Another provider, steady: never an alert.
    await seed(server, '安稳支付', category, [
      ...baselineWeeksOf(THIS_WEEK, 9).map((w) => [w, 3] as [string, number]),
      [THIS_WEEK, 4],
    ]);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('the job proposes the spike once, even when two instances run it at the same moment', async () => {
    const [a, b] = await Promise.all([proposeAlerts(server.deps), proposeAlerts(server.deps)]);
    expect(a.weeks).toEqual([LAST_WEEK, THIS_WEEK]);
    expect(a.spikes).toBe(1);
    expect(b.spikes).toBe(1);
    expect(a.proposed + b.proposed).toBe(1);
    const rows = await server.deps.db.selectFrom('alerts').selectAll().execute();
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      [`鑫联支付|${category}|${THIS_WEEK}`, 'proposed'],
    ]);
    expect((await proposeAlerts(server.deps)).proposed).toBe(0);
  });

  it('a merchant, a provider’s member and the public cannot review alerts', async () => {
    const [row] = await server.deps.db.selectFrom('alerts').select('id').execute();
    alertId = row?.id ?? '';
    for (const client of [merchant, providerStaff, anonymous()]) {
      const expected = client === merchant || client === providerStaff ? 403 : 401;
      expect((await client.request('GET', '/api/alerts')).statusCode).toBe(expected);
      expect(
        (await client.request('PATCH', `/api/alerts/${alertId}`, { title: '改' })).statusCode,
      ).toBe(expected);
      expect((await client.request('POST', `/api/alerts/${alertId}/publish`)).statusCode).toBe(
        expected,
      );
      expect((await client.request('POST', `/api/alerts/${alertId}/dismiss`)).statusCode).toBe(
        expected,
      );
    }
    // Not yet published: the public does not see it, not even by id.
    expect(
      (await anonymous().json<{ items: unknown[] }>('GET', '/api/public/alerts')).items,
    ).toEqual([]);
    expect((await anonymous().request('GET', `/api/public/alerts/${alertId}`)).statusCode).toBe(
      404,
    );
  });

  it('a regulator’s member sees the proposal with its evidence and the draft in Chinese', async () => {
    const list = await regulator.json<{ items: AlertItem[]; nextCursor: string | null }>(
      'GET',
      '/api/alerts?status=proposed',
    );
    expect(list.items).toHaveLength(1);
    const [alert] = list.items;
    expect(alert?.evidence.count).toBe(20);
    expect(alert?.currentCount).toBe(20);
    expect(alert?.evidence.baseline).toEqual(
      baselineWeeksOf(THIS_WEEK, 8).map((week) => ({ week, complaints: 2 })),
    );
    expect(alert?.evidence.pValue).toBeLessThan(1e-9);
    expect(alert?.title).toContain('鑫联支付');
    expect(alert?.body).toContain('有 20 位商户');
    expect(alert?.body).toContain('支付机构客服投诉');
    expect(alert?.body).toContain('中国人民银行分支机构投诉（12363）');
    // The count keeps growing during the week; the evidence keeps what the job found.
    await seed(server, '鑫联支付', category, [[THIS_WEEK, 3]]);
    const again = await regulator.json<{ items: AlertItem[] }>('GET', '/api/alerts');
    expect(again.items[0]?.currentCount).toBe(23);
    expect(again.items[0]?.evidence.count).toBe(20);
  });

  it('rejects edits that are empty or carry control characters', async () => {
    const empty = await regulator.request('PATCH', `/api/alerts/${alertId}`, {});
    expect(empty.statusCode).toBe(400);
    const control = await regulator.request('PATCH', `/api/alerts/${alertId}`, {
      title: 'bad\u0007bell',
    });
    expect(control.statusCode).toBe(400);
    expect(control.json<{ code: string }>().code).toBe('FG_ERR_VALIDATION');
  });

  it('the regulator edits and publishes it; it is public and in the Atom feed', async () => {
    const title = '消费提示：鑫联支付近期扣费投诉增多 <请核对> & “对账单”';
    const edited = await regulator.json<AlertItem>('PATCH', `/api/alerts/${alertId}`, {
      title,
      body: '请商户核对对账单中的扣款。\n如有 <未经同意> 的扣款 & 疑问，先向鑫联支付投诉。',
    });
    expect(edited).toMatchObject({ title, status: 'proposed', reviewedBy: '王科长' });
    const published = await regulator.json<AlertItem & { publishedAt: string }>(
      'POST',
      `/api/alerts/${alertId}/publish`,
    );
    expect(published.status).toBe('published');
    // Decided once: publishing again, dismissing or editing now is a conflict.
    for (const [method, url, body] of [
      ['POST', `/api/alerts/${alertId}/publish`, undefined],
      ['POST', `/api/alerts/${alertId}/dismiss`, undefined],
      ['PATCH', `/api/alerts/${alertId}`, { title: '再改' }],
    ] as const) {
      const response = await association.request(method, url, body);
      expect(response.statusCode).toBe(409);
      expect(response.json<{ code: string }>().code).toBe('FG_ERR_BAD_TRANSITION');
    }

    const pub = await anonymous().json<{ items: Record<string, unknown>[]; nextCursor: null }>(
      'GET',
      '/api/public/alerts',
    );
    expect(pub).toEqual({
      items: [
        {
          id: alertId,
          provider: '鑫联支付',
          category,
          week: THIS_WEEK,
          title,
          body: published.body,
          publishedAt: published.publishedAt,
        },
      ],
      nextCursor: null,
    });
    const one = await anonymous().json('GET', `/api/public/alerts/${alertId}`);
    expect(one).toEqual(pub.items[0]);

    const feed = await anonymous().request('GET', '/api/public/alerts.atom');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body).toContain(`<id>urn:uuid:${alertId}</id>`);
    expect(feed.body).toContain(
      '<title type="text">消费提示：鑫联支付近期扣费投诉增多 &lt;请核对&gt; &amp; “对账单”</title>',
    );
    expect(feed.body).toContain(
      `<link rel="alternate" type="text/html" href="${server.deps.config.publicUrl}/public/alerts/${alertId}"/>`,
    );
    expect(feed.body).toContain(
      `<link rel="self" type="application/atom+xml" href="${server.deps.config.publicUrl}/api/public/alerts.atom"/>`,
    );
    if (hasXmllint) {
      const file = path.join(server.dir, 'alerts.atom');
      writeFileSync(file, feed.body);
      execFileSync('xmllint', ['--noout', file]);
      const xpath = (expr: string) =>
        execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim();
      expect(
        xpath('string(/*[local-name()="feed"]/*[local-name()="entry"]/*[local-name()="title"])'),
      ).toBe(title);
      expect(xpath('count(/*[local-name()="feed"]/*[local-name()="entry"])')).toBe('1');
    }
  });

  it('a dismissed alert stays dismissed and is not proposed again', async () => {
    await seed(server, '安稳支付', 'instant_settlement_fee', [[LAST_WEEK, 12]]);
    const run = await proposeAlerts(server.deps);
    expect(run.proposed).toBe(1);
    const list = await association.json<{ items: AlertItem[] }>('GET', '/api/alerts');
    const proposed = list.items.find(
      (a) => a.key === `安稳支付|instant_settlement_fee|${LAST_WEEK}`,
    );
    expect(proposed?.body).toContain('11月16日至11月22日这一周，有 12 位商户');
    const dismissed = await association.json<AlertItem>(
      'POST',
      `/api/alerts/${proposed?.id ?? ''}/dismiss`,
    );
    expect(dismissed).toMatchObject({ status: 'dismissed', reviewedBy: '消协李' });
    // More complaints the same week: still the same key, still dismissed.
    await seed(server, '安稳支付', 'instant_settlement_fee', [[LAST_WEEK, 10]]);
    expect((await proposeAlerts(server.deps)).proposed).toBe(0);
    const rows = await server.deps.db
      .selectFrom('alerts')
      .select(['key', 'status'])
      .orderBy('key')
      .execute();
    expect(rows).toEqual([
      { key: `安稳支付|instant_settlement_fee|${LAST_WEEK}`, status: 'dismissed' },
      { key: `鑫联支付|${category}|${THIS_WEEK}`, status: 'published' },
    ]);
    const listed = await association.json<{ items: AlertItem[] }>(
      'GET',
      '/api/alerts?status=dismissed',
    );
    expect(listed.items.map((a) => a.id)).toEqual([proposed?.id]);
    expect(
      (await anonymous().request('GET', `/api/public/alerts/${proposed?.id ?? ''}`)).statusCode,
    ).toBe(404);
    // Next week the week just ended is the one with the spike: nothing new either.
    server.setNow(new Date(`${addDaysIso(THIS_WEEK, 7)}T02:00:00Z`));
    expect((await proposeAlerts(server.deps)).proposed).toBe(0);
    server.setNow(NOW);
  });

  it('pages the public list with a cursor, newest first', async () => {
    const ids: string[] = [];
    for (const [i, provider] of ['一号支付', '二号支付', '三号支付'].entries()) {
      await seed(server, provider, 'service_fee', [[THIS_WEEK, 10 + i]]);
    }
    await proposeAlerts(server.deps);
    const list = await regulator.json<{ items: AlertItem[] }>('GET', '/api/alerts');
    for (const [i, alert] of list.items.entries()) {
      server.setNow(new Date(NOW.getTime() + (i + 1) * 60_000));
      await regulator.json('POST', `/api/alerts/${alert.id}/publish`);
      ids.unshift(alert.id);
    }
    server.setNow(NOW);
    const first = await anonymous().json<{ items: { id: string }[]; nextCursor: string }>(
      'GET',
      '/api/public/alerts?limit=2',
    );
    const second = await anonymous().json<{ items: { id: string }[]; nextCursor: null }>(
      'GET',
      `/api/public/alerts?limit=2&cursor=${first.nextCursor}`,
    );
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual([...ids, alertId]);
    expect(second.nextCursor).toBeNull();
    const bad = await anonymous().request('GET', '/api/public/alerts?cursor=bm9wZQ');
    expect(bad.statusCode).toBe(400);
  });
});
