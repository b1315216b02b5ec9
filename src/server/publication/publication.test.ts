import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { newId } from '../deps.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';
import { publishedEntry, upsertEntry } from './publication.repository.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

const PROVIDER = '鑫联支付有限公司';

/**
 * What the merchant wrote, with the profile's own data in it in forms no pattern alone would
 * catch (the shop name and the owner's name without any cue, the agent's name, a spaced phone).
 */
const NARRATIVE =
  '丽丽便利店开在上海市浦东新区张杨路500号。2026年10月起鑫联支付每月扣99.00元流量费，' +
  '王建国装机时说流量费全免。张丽的手机是138 0013 8000，商户号898959301757182，' +
  '终端T2023092501，身份证310115198807154821，结算卡6222 0212 3456 7890 123。' +
  '我和销售说过不要任何增值服务，向客服反映了两个小时也没用。';

/** Every piece of personal data in the narrative and in the provider's answers. */
const PLANTED = [
  '丽丽便利店',
  '张杨路500号',
  '王建国',
  '张丽',
  '13800138000',
  '138 0013 8000',
  '898959301757182',
  'T2023092501',
  '310115198807154821',
  '6222021234567890123',
  '6222 0212 3456 7890 123',
  '刘晓东',
  '13912345678',
  'zhangli@shop.test',
];

/** What the public needs from the same text. */
const KEPT = [
  '上海市',
  '鑫联支付',
  '99.00元',
  '流量费',
  '2026年10月',
  '和销售说',
  '向客服反映',
  '两个小时',
];

function expectNoPersonalData(text: string) {
  const flat = text.replace(/[\s-]/gu, '');
  for (const value of PLANTED) {
    expect(flat, `${value} leaked`).not.toContain(value.replace(/[\s-]/gu, ''));
  }
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface PublicItem {
  id: string;
  provider: string;
  category: string;
  province: string;
  outcome: string;
  narrative: string;
  answer: string | null;
  recovered: string;
  publishedAt: string;
}

describe.each(DIALECTS)('the public complaint database on %s', (dialect) => {
  let server: TestServer;
  let merchant: ApiClient;
  let other: ApiClient;
  let provider: ApiClient;
  let anonymous: ApiClient;
  let caseId = '';
  let filingId = '';

  beforeAll(async () => {
    server = await testServer(dialect);
    await createVerifiedUser(
      server.deps,
      { email: 'admin@feeguard.test', password: 'admin password 1', name: '管理员' },
      { isAdmin: true },
    );
    const admin = new ApiClient(server.app);
    await admin.login('admin@feeguard.test', 'admin password 1');
    const org = await admin.json<{ id: string }>('POST', '/api/organizations', {
      name: PROVIDER,
      kind: 'provider',
      providerName: PROVIDER,
    });
    await admin.json('POST', `/api/organizations/${org.id}/members`, { email: 'kf@xinlian.test' });
    provider = new ApiClient(server.app);
    await provider.register('kf@xinlian.test', '客服专员');

    merchant = new ApiClient(server.app);
    await merchant.register('zhangli@shop.test', '张丽');
    const m = await merchant.json<{ id: string }>('POST', '/api/merchants', {
      name: '张丽',
      businessName: '丽丽便利店',
      merchantNo: '898959301757182',
      providerName: PROVIDER,
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      terminalIds: ['T2023092501'],
      details: {
        phone: '13800138000',
        idNumber: '310115198807154821',
        address: '上海市浦东新区张杨路500号',
        province: '上海市',
        city: '上海市',
        agent: '王建国',
      },
      contract,
    });
    expect((await merchant.upload(m.id, 'statement.csv', statement)).statusCode).toBe(201);
    const c = await merchant.json<{ id: string }>('POST', '/api/cases', {
      merchantId: m.id,
      noticedAt: '2026-11-20',
      narrative: NARRATIVE,
    });
    caseId = c.id;
    const filing = await merchant.json<{ id: string }>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    filingId = filing.id;
    await merchant.json('PATCH', `/api/filings/${filingId}`, {
      action: 'submit',
      submittedAt: '2026-11-25',
    });
    other = new ApiClient(server.app);
    await other.register('other@shop.test', '李四');
    anonymous = new ApiClient(server.app);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('shows the merchant exactly what would be published, scrubbed, and stores nothing', async () => {
    const preview = await merchant.json<{
      entry: { narrative: string; provider: string; claim: string; outcome: string };
      removed: Record<string, number>;
    }>('POST', `/api/cases/${caseId}/publication/preview`, {});
    expectNoPersonalData(preview.entry.narrative);
    for (const k of KEPT) expect(preview.entry.narrative).toContain(k);
    expect(preview.entry).toMatchObject({
      provider: PROVIDER,
      claim: '159.00',
      outcome: 'pending',
    });
    expect(preview.removed).toMatchObject({ business: 1, name: 2, phone: 1 });
    // Another text can be tried before consenting.
    const custom = await merchant.json<{ entry: { narrative: string } }>(
      'POST',
      `/api/cases/${caseId}/publication/preview`,
      { narrative: '业务员刘晓东说不收费，电话13912345678。' },
    );
    expect(custom.entry.narrative).toBe('业务员[姓名]说不收费，电话[电话]。');
    expect(await merchant.json('GET', `/api/cases/${caseId}/publication`)).toEqual({
      published: false,
      entry: null,
    });
    const list = await anonymous.json<{ items: unknown[] }>('GET', '/api/public/complaints');
    expect(list.items).toHaveLength(0);
  });

  it('needs consent, and only the owner may publish, preview, see or withdraw', async () => {
    for (const body of [{}, { consent: false }, { consent: 'yes' }]) {
      const response = await merchant.request('PUT', `/api/cases/${caseId}/publication`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'FG_ERR_VALIDATION' });
    }
    expect((await merchant.request('PUT', `/api/cases/${caseId}/publication`, {})).body).toContain(
      'consent',
    );
    for (const client of [other, provider]) {
      for (const [method, url, body] of [
        ['PUT', `/api/cases/${caseId}/publication`, { consent: true }],
        ['POST', `/api/cases/${caseId}/publication/preview`, {}],
        ['GET', `/api/cases/${caseId}/publication`, undefined],
        ['DELETE', `/api/cases/${caseId}/publication`, undefined],
      ] as const) {
        expect((await client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(
      (await anonymous.request('PUT', `/api/cases/${caseId}/publication`, { consent: true }))
        .statusCode,
    ).toBe(401);
    const list = await anonymous.json<{ items: unknown[] }>('GET', '/api/public/complaints');
    expect(list.items).toHaveLength(0);
  });

  it('publishes with consent: the narrative scrubbed with the profile’s data, the same as the preview', async () => {
    const preview = await merchant.json<{ entry: { narrative: string } }>(
      'POST',
      `/api/cases/${caseId}/publication/preview`,
      {},
    );
    const published = await merchant.json<{ published: boolean; entry: PublicItem }>(
      'PUT',
      `/api/cases/${caseId}/publication`,
      { consent: true },
    );
    expect(published.published).toBe(true);
    expect(published.entry.narrative).toBe(preview.entry.narrative);
    expect(published.entry).toMatchObject({ provider: PROVIDER, outcome: 'pending', answer: null });
    expect(published.entry.id).not.toBe(caseId);
    const list = await anonymous.json<{ items: PublicItem[] }>('GET', '/api/public/complaints');
    expect(list.items.map((i) => i.id)).toEqual([published.entry.id]);
    expect(JSON.stringify(list)).not.toContain(caseId);
    expectNoPersonalData(JSON.stringify(list));
    const events = await merchant.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${caseId}/events`,
    );
    expect(events.items.map((e) => e.kind)).toContain('published');
  });

  it('follows the case: the provider refunds, and the entry shows the outcome and its scrubbed answer', async () => {
    await provider.json('POST', `/api/filings/${filingId}/response`, {
      kind: 'refund',
      refundYuan: '159.00',
      message:
        '张丽女士您好，丽丽便利店（商户号898959301757182）的流量费已全额退还159.00元。经办人刘晓东，电话13912345678。',
    });
    await merchant.json('POST', `/api/filings/${filingId}/review`, { decision: 'accept' });
    const list = await anonymous.json<{ items: PublicItem[] }>('GET', '/api/public/complaints');
    const entry = list.items[0];
    expect(entry).toMatchObject({ outcome: 'refunded', recovered: '159.00' });
    expect(entry?.answer).toContain('流量费已全额退还159.00元');
    expectNoPersonalData(entry?.answer ?? '');
    expectNoPersonalData(JSON.stringify(list));
    const csv = await anonymous.request('GET', '/api/public/complaints.csv');
    expectNoPersonalData(csv.body);
    expect(csv.body).toContain('refunded');
  });

  it('withdrawal removes the entry from the list and the export at once', async () => {
    expect(await merchant.json('DELETE', `/api/cases/${caseId}/publication`)).toEqual({
      published: false,
      entry: null,
    });
    expect(
      (await anonymous.json<{ items: unknown[] }>('GET', '/api/public/complaints')).items,
    ).toHaveLength(0);
    const csv = parseCsv((await anonymous.request('GET', '/api/public/complaints.csv')).body);
    expect(csv).toHaveLength(1);
    expect(await merchant.json('GET', `/api/cases/${caseId}/publication`)).toEqual({
      published: false,
      entry: null,
    });
    const events = await merchant.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${caseId}/events`,
    );
    expect(events.items.map((e) => e.kind)).toContain('publication_withdrawn');
    // Withdrawing again changes nothing; publishing again brings it back, scrubbed the same way.
    await merchant.json('DELETE', `/api/cases/${caseId}/publication`);
    await merchant.json('PUT', `/api/cases/${caseId}/publication`, { consent: true });
    const back = await anonymous.json<{ items: PublicItem[] }>('GET', '/api/public/complaints');
    expect(back.items).toHaveLength(1);
    expect(back.items[0]).toMatchObject({ outcome: 'refunded' });
    expectNoPersonalData(JSON.stringify(back));
  });

  describe('with 3,000 published complaints', () => {
    const PROVIDERS = ['甲支付', '乙支付', '丙银行', PROVIDER];
    const CATEGORIES = ['sim_fee', 'service_fee', 'deposit', 'rate_change'];
    const PROVINCES = ['广东省', '浙江省', '四川省', '上海市', ''];
    const OUTCOMES = ['refunded', 'partly', 'rejected', 'no_answer', 'pending'];
    const TOTAL = 3000;
    const expected: {
      provider: string;
      category: string;
      province: string;
      outcome: string;
      narrative: string;
    }[] = [];

    beforeAll(async () => {
      const db = server.deps.db;
      const owner = await db
        .selectFrom('cases')
        .select(['merchant_id', 'owner_id'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const mine = await publishedEntry(db, caseId);
      if (mine) expected.push(mine);
      for (let start = 0; start < TOTAL; start += 500) {
        const batch = Array.from({ length: Math.min(500, TOTAL - start) }, (_, j) => start + j);
        const ids = batch.map(() => newId());
        await db
          .insertInto('cases')
          .values(
            ids.map((id) => ({
              id,
              merchant_id: owner.merchant_id,
              owner_id: owner.owner_id,
              respondent_name: PROVIDER,
              respondent_type: 'payment_institution',
              claim_fen: 100,
              refunded_fen: 0,
              status: 'new',
              next_deadline: null,
              summary: '{}',
              details: '{}',
              affirmations: '{}',
              created_at: '2026-11-01T00:00:00.000Z',
              updated_at: '2026-11-01T00:00:00.000Z',
            })),
          )
          .execute();
        await db.transaction().execute(async (trx) => {
          for (const [k, i] of batch.entries()) {
            const row = {
              provider: PROVIDERS[i % 4] ?? '',
              category: CATEGORIES[Math.floor(i / 4) % 4] ?? '',
              province: PROVINCES[i % 5] ?? '',
              outcome: OUTCOMES[Math.floor(i / 3) % 5] ?? '',
              // A field beginning with = would be a formula in a spreadsheet; quotes and
              // line breaks must survive the CSV.
              narrative:
                i % 97 === 0
                  ? `=HYPERLINK("http://x.test","点我") 第${String(i)}号`
                  : i % 10 === 0
                    ? `押金未退，"客服"说\n再等等, 第${String(i)}号`
                    : `扣了流量费 第${String(i)}号`,
            };
            expected.push(row);
            // Several entries share a second: the order must still be total.
            const at = new Date(Date.UTC(2026, 9, 1) + Math.floor(i / 7) * 1000).toISOString();
            await upsertEntry(
              trx,
              ids[k] ?? '',
              newId(),
              {
                ...row,
                city: '',
                month: '2026-10',
                claim_fen: 100 + i,
                recovered_fen: 0,
                answer: null,
                answered_at: null,
              },
              at,
            );
          }
        });
      }
    }, 180_000);

    async function allPages(query: string, limit: number) {
      const items: PublicItem[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = `/api/public/complaints?limit=${String(limit)}${query}${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: PublicItem[]; nextCursor: string | null } = await anonymous.json(
          'GET',
          url,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 1000);
      return { items, pages };
    }

    it('pages through everything newest first, with no duplicate and no gap', async () => {
      const { items, pages } = await allPages('', 100);
      expect(items).toHaveLength(TOTAL + 1);
      expect(pages).toBe(31);
      expect(new Set(items.map((i) => i.id)).size).toBe(TOTAL + 1);
      for (let i = 1; i < items.length; i++) {
        const a = items[i - 1];
        const b = items[i];
        if (!a || !b) continue;
        const order = `${a.publishedAt}|${a.id}` > `${b.publishedAt}|${b.id}`;
        expect(order, `item ${String(i)}`).toBe(true);
      }
      // Smaller pages give the same sequence.
      const small = await allPages('', 7);
      expect(small.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    });

    it('filters by provider, category, province, outcome and words', async () => {
      const cases: [string, (e: (typeof expected)[number]) => boolean][] = [
        [`&provider=${encodeURIComponent('乙支付')}`, (e) => e.provider === '乙支付'],
        ['&category=deposit', (e) => e.category === 'deposit'],
        [`&province=${encodeURIComponent('四川省')}`, (e) => e.province === '四川省'],
        ['&outcome=no_answer', (e) => e.outcome === 'no_answer'],
        [
          `&provider=${encodeURIComponent('甲支付')}&outcome=refunded&category=sim_fee`,
          (e) => e.provider === '甲支付' && e.outcome === 'refunded' && e.category === 'sim_fee',
        ],
        [`&q=${encodeURIComponent('押金未退')}`, (e) => e.narrative.includes('押金未退')],
        // LIKE wildcards are words like any other.
        [`&q=${encodeURIComponent('%')}`, (e) => e.narrative.includes('%')],
      ];
      for (const [query, match] of cases) {
        const { items } = await allPages(query, 100);
        const want = expected.filter(match).length;
        expect(items.length, query).toBe(want);
        expect(new Set(items.map((i) => i.id)).size, query).toBe(want);
      }
      const { items } = await allPages(
        '&category=deposit&province=' + encodeURIComponent('广东省'),
        50,
      );
      expect(items.every((i) => i.category === 'deposit' && i.province === '广东省')).toBe(true);
    });

    it('answers a cursor it did not give out, and a bad filter, with a clear 400', async () => {
      for (const cursor of [
        'not-a-cursor',
        'eA',
        '%%%',
        Buffer.from('2026|').toString('base64url'),
        Buffer.from('not a date|x').toString('base64url'),
      ]) {
        const response = await anonymous.request(
          'GET',
          `/api/public/complaints?cursor=${encodeURIComponent(cursor)}`,
        );
        expect(response.statusCode, cursor).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'FG_ERR_VALIDATION',
          hint: expect.stringContaining('nextCursor') as unknown,
        });
      }
      expect(
        (await anonymous.request('GET', '/api/public/complaints?outcome=won')).statusCode,
      ).toBe(400);
      expect((await anonymous.request('GET', '/api/public/complaints?limit=1000')).statusCode).toBe(
        400,
      );
    });

    it('exports every entry as CSV, streamed, with a BOM and a header, formulas defused', async () => {
      const response = await anonymous.request('GET', '/api/public/complaints.csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      // Streamed: no length known in advance.
      expect(response.headers['content-length']).toBeUndefined();
      const body = response.body;
      expect(body.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(body.slice(1));
      expect(rows[0]).toEqual([
        'id',
        'published_at',
        'provider',
        'category',
        'province',
        'city',
        'month',
        'claim_yuan',
        'recovered_yuan',
        'outcome',
        'narrative',
        'answer',
        'answered_at',
      ]);
      expect(rows).toHaveLength(TOTAL + 2);
      expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(TOTAL + 1);
      expect(rows.every((r) => r.length === 13)).toBe(true);
      const narratives = rows.slice(1).map((r) => r[10] ?? '');
      expect(narratives.some((n) => n.startsWith('='))).toBe(false);
      expect(narratives).toContain(`'=HYPERLINK("http://x.test","点我") 第0号`);
      expect(narratives).toContain('押金未退，"客服"说\n再等等, 第10号');
      expectNoPersonalData(body);
      const filtered = parseCsv(
        (
          await anonymous.request(
            'GET',
            `/api/public/complaints.csv?provider=${encodeURIComponent('丙银行')}`,
          )
        ).body.slice(1),
      );
      expect(filtered).toHaveLength(expected.filter((e) => e.provider === '丙银行').length + 1);
    });
  });
});
