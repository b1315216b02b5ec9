import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { answerRule, defaultKnowledgeBase, findChannel } from '../../channels/knowledge-base.js';
import { chinaCalendar } from '../../deadlines/calendar.js';
import { hasCommand, pdfText } from '../../documents/testing.js';
import { answerDue } from '../../plan/plan.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;
const PROVIDER = '汇通支付有限公司';

interface Merchant {
  client: ApiClient;
  merchantId: string;
  caseId: string;
}

interface Offer {
  provider: string;
  category: string;
  claim: string;
  otherMerchants: number;
  openGroup: boolean;
  membership: { groupId: string; status: string } | null;
}

interface Group {
  id: string;
  status: string;
  memberCount: number;
  total: string;
  members: {
    number: number;
    name: string | null;
    city: string | null;
    claim: string;
    you: boolean;
  }[];
  mine: { caseId: string; claim: string; shareName: boolean; number: number }[];
  channels: { id: string; filingType: string }[];
  filings: { id: string; state: string; dueDate: string | null; total: string; members: number }[];
  timeline: { seq: number; kind: string; data: Record<string, unknown>; byYou: boolean }[];
}

/** A merchant with a case of only the deductions of one category. */
async function merchantWithCase(
  server: TestServer,
  email: string,
  names: { name: string; businessName?: string; city?: string },
  category: string,
  provider = PROVIDER,
): Promise<Merchant> {
  const client = new ApiClient(server.app);
  await client.register(email);
  const merchant = await client.json<{ id: string }>('POST', '/api/merchants', {
    name: names.name,
    ...(names.businessName ? { businessName: names.businessName } : {}),
    providerName: provider,
    providerType: 'payment_institution',
    complainantType: 'individual_merchant',
    details: { providerProvince: '上海', ...(names.city ? { city: names.city } : {}) },
    contract,
  });
  const upload = await client.upload(merchant.id, 'statement.csv', statement);
  expect(upload.statusCode).toBe(201);
  const deductions = await client.json<{
    items: { id: string; category: string; verdict: string }[];
  }>('GET', `/api/merchants/${merchant.id}/deductions`);
  const ids = deductions.items
    .filter((d) => d.verdict === 'unauthorized' && d.category === category)
    .map((d) => d.id);
  expect(ids.length).toBeGreaterThan(0);
  const c = await client.json<{ id: string }>('POST', '/api/cases', {
    merchantId: merchant.id,
    deductionIds: ids,
  });
  return { client, merchantId: merchant.id, caseId: c.id };
}

describe.each(DIALECTS)('group complaints on %s', (dialect) => {
  let server: TestServer;
  let a: Merchant;
  let b: Merchant;
  let c: Merchant;
  let d: Merchant;
  let groupId = '';
  let filingId = '';

  beforeAll(async () => {
    server = await testServer(dialect);
    a = await merchantWithCase(
      server,
      'a@shop.test',
      { name: '王五', businessName: '老王小卖部', city: '杭州' },
      'traffic_fee',
    );
    b = await merchantWithCase(
      server,
      'b@shop.test',
      { name: '李四', city: '宁波' },
      'traffic_fee',
    );
    d = await merchantWithCase(server, 'd@shop.test', { name: '赵六' }, 'traffic_fee');
    c = await merchantWithCase(server, 'c@shop.test', { name: '孙七' }, 'deposit');
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('merchants with the same unauthorized charge from the same provider are offered a group; another charge is not', async () => {
    const offers = await a.client.json<{ items: Offer[] }>(
      'GET',
      `/api/cases/${a.caseId}/group-offers`,
    );
    expect(offers.items).toEqual([
      {
        provider: PROVIDER,
        category: 'traffic_fee',
        claim: '59.00',
        otherMerchants: 2,
        openGroup: false,
        membership: null,
      },
    ]);
    const none = await c.client.json<{ items: Offer[] }>(
      'GET',
      `/api/cases/${c.caseId}/group-offers`,
    );
    expect(none.items).toEqual([]);
    // The count is all that is said about the others.
    expect(JSON.stringify(offers)).not.toContain(b.caseId);
    expect(JSON.stringify(offers)).not.toContain('李四');
  });

  it('joining needs explicit consent and an offer', async () => {
    const noConsent = await a.client.request('POST', '/api/groups/join', {
      caseId: a.caseId,
      category: 'traffic_fee',
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('consent');
    const notOffered = await c.client.request('POST', '/api/groups/join', {
      caseId: c.caseId,
      category: 'deposit',
      consent: true,
    });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json<{ hint: string }>().hint).toContain('group-offers');
  });

  it('merchants joining at once end up in one group', async () => {
    const results = await Promise.all(
      [
        [a, true],
        [b, false],
        [d, false],
      ].map(([m, shareName]) => {
        const merchant = m as Merchant;
        return merchant.client.json<{ groupId: string; created: boolean }>(
          'POST',
          '/api/groups/join',
          { caseId: merchant.caseId, category: 'traffic_fee', consent: true, shareName },
        );
      }),
    );
    const ids = new Set(results.map((r) => r.groupId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    groupId = results[0]?.groupId ?? '';
    const groups = await server.deps.db.selectFrom('complaint_groups').selectAll().execute();
    expect(groups).toHaveLength(1);
    const group = await a.client.json<Group>('GET', `/api/groups/${groupId}`);
    expect(group.status).toBe('open');
    expect(group.memberCount).toBe(3);
    expect(group.total).toBe('177.00');
    expect(group.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(group.timeline.filter((e) => e.kind === 'member_joined')).toHaveLength(3);
    // Joining again is harmless.
    const again = await a.client.json<{ groupId: string; created: boolean }>(
      'POST',
      '/api/groups/join',
      { caseId: a.caseId, category: 'traffic_fee', consent: true },
    );
    expect(again).toEqual({ groupId, created: false });
  });

  it('members see the others only as the letter shows them', async () => {
    const group = await b.client.json<Group>('GET', `/api/groups/${groupId}`);
    const named = group.members.filter((m) => m.name !== null);
    expect(named.map((m) => m.name)).toEqual(['老王小卖部']);
    expect(JSON.stringify(group)).not.toContain('李四');
    expect(JSON.stringify(group)).not.toContain('赵六');
    expect(JSON.stringify(group)).not.toContain(a.caseId);
    expect(group.mine).toEqual([
      expect.objectContaining({ caseId: b.caseId, claim: '59.00', shareName: false }),
    ]);
    expect(group.channels.map((ch) => ch.id)).toEqual(
      expect.arrayContaining(['pboc_12363', 'samr_12315', 'pcac_report']),
    );
  });

  it('a member leaves before the group is filed', async () => {
    const left = await d.client.request('DELETE', `/api/groups/${groupId}/members/${d.caseId}`);
    expect(left.statusCode).toBe(204);
    const gone = await d.client.request('GET', `/api/groups/${groupId}`);
    expect(gone.statusCode).toBe(404);
    const group = await a.client.json<Group>('GET', `/api/groups/${groupId}`);
    expect(group.memberCount).toBe(2);
    expect(group.total).toBe('118.00');
    const events = await d.client.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${d.caseId}/events`,
    );
    expect(events.items.map((e) => e.kind)).toEqual(['case_created', 'group_joined', 'group_left']);
  });

  it('the combined letter lists the consenting members and the total', async () => {
    const text = await b.client.request(
      'GET',
      `/api/groups/${groupId}/letter?channel=pboc_12363&format=txt`,
    );
    expect(text.statusCode).toBe(200);
    expect(text.body).toContain('联名投诉书');
    expect(text.body).toContain('致：中国人民银行上海分行');
    expect(text.body).toContain('老王小卖部');
    expect(text.body).toMatch(/商户 [12]（签名）/u);
    expect(text.body).toContain('杭州');
    expect(text.body).toContain('118.00');
    expect(text.body).not.toContain('李四');
    expect(text.body).not.toContain('赵六');
    const report = await b.client.request(
      'GET',
      `/api/groups/${groupId}/letter?channel=samr_12315&format=txt`,
    );
    expect(report.body).toContain('联名举报信');
    const wrong = await b.client.request(
      'GET',
      `/api/groups/${groupId}/letter?channel=payment_institution_customer_service&format=txt`,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ hint: string }>().hint).toContain('pboc_12363');
    const docx = await b.client.request('GET', `/api/groups/${groupId}/letter?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    if (hasCommand('pdftotext')) {
      const pdf = await a.client.request('GET', `/api/groups/${groupId}/letter?format=pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const read = pdfText(pdf.rawPayload);
      expect(read).toContain('联名投诉书');
      expect(read).toContain('老王小卖部');
      expect(read).toMatch(/商户[12]（签名）/u);
      expect(read).toContain('118.00');
      expect(read).not.toContain('李四');
    }
  });

  it('recording the filing files the group, sets the due date and tells every member’s case', async () => {
    const filing = await a.client.json<{
      id: string;
      state: string;
      dueDate: string | null;
      members: number;
      total: string;
    }>('POST', `/api/groups/${groupId}/filings`, {
      channelId: 'pboc_12363',
      submittedAt: '2026-11-25',
      reference: 'PBC-2026-1125-01',
    });
    filingId = filing.id;
    const kb = defaultKnowledgeBase();
    const due = answerDue(
      answerRule(findChannel(kb, 'pboc_12363'), 'complaint'),
      '2026-11-25',
      chinaCalendar(),
    );
    expect(due?.deadline.due).toBeTruthy();
    expect(filing).toMatchObject({
      state: 'submitted',
      dueDate: due?.deadline.due,
      members: 2,
      total: '118.00',
    });
    const group = await b.client.json<Group>('GET', `/api/groups/${groupId}`);
    expect(group.status).toBe('filed');
    expect(group.timeline.at(-1)).toMatchObject({ kind: 'group_filed', byYou: false });
    for (const m of [a, b]) {
      const events = await m.client.json<{ items: { kind: string; data: { dueDate?: string } }[] }>(
        'GET',
        `/api/cases/${m.caseId}/events`,
      );
      expect(events.items.at(-1)).toMatchObject({
        kind: 'group_filed',
        data: { dueDate: due?.deadline.due },
      });
    }
    const notes = await b.client.json<{ items: { kind: string; caseId: string | null }[] }>(
      'GET',
      '/api/notifications',
    );
    expect(notes.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'group_filed', caseId: b.caseId })]),
    );
    const dEvents = await d.client.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${d.caseId}/events`,
    );
    expect(dEvents.items.map((e) => e.kind)).not.toContain('group_filed');
  });

  it('after filing nobody can leave, with a clear error', async () => {
    const response = await b.client.request('DELETE', `/api/groups/${groupId}/members/${b.caseId}`);
    expect(response.statusCode).toBe(409);
    const body = response.json<{ code: string; detail: string; hint: string }>();
    expect(body.code).toBe('FG_ERR_BAD_TRANSITION');
    expect(body.detail).toContain('filed on');
    expect(body.detail).toContain('can no longer leave');
    const group = await b.client.json<Group>('GET', `/api/groups/${groupId}`);
    expect(group.memberCount).toBe(2);
  });

  it('a member records the answer; every member’s case hears of it', async () => {
    const answered = await b.client.json<{ state: string; response: { refund: string | null } }>(
      'PATCH',
      `/api/groups/${groupId}/filings/${filingId}`,
      { kind: 'refund', message: '已退还两户流量费', refundYuan: '118.00' },
    );
    expect(answered.state).toBe('answered');
    expect(answered.response.refund).toBe('118.00');
    const events = await a.client.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${a.caseId}/events`,
    );
    expect(events.items.at(-1)?.kind).toBe('group_answer_recorded');
    const bad = await b.client.request('PATCH', `/api/groups/${groupId}/filings/${filingId}`, {
      kind: 'refund',
      message: '退了',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('a filed group is not joined any more: a new round starts its own group', async () => {
    const offers = await d.client.json<{ items: Offer[] }>(
      'GET',
      `/api/cases/${d.caseId}/group-offers`,
    );
    expect(offers.items[0]).toMatchObject({ openGroup: false, membership: null });
    const again = await a.client.request('POST', '/api/groups/join', {
      caseId: a.caseId,
      category: 'traffic_fee',
      consent: true,
    });
    expect(again.statusCode).toBe(409);
  });

  it('a non-member reaches nothing of the group or of another merchant’s case', async () => {
    const urls: [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown][] = [
      ['GET', `/api/groups/${groupId}`],
      ['GET', `/api/groups/${groupId}/letter?format=txt`],
      [
        'POST',
        `/api/groups/${groupId}/filings`,
        { channelId: 'pboc_12363', submittedAt: '2026-11-25' },
      ],
      ['PATCH', `/api/groups/${groupId}/filings/${filingId}`, { kind: 'rejection', message: 'x' }],
      ['DELETE', `/api/groups/${groupId}/members/${a.caseId}`],
      ['GET', `/api/cases/${a.caseId}/group-offers`],
      ['POST', '/api/groups/join', { caseId: a.caseId, category: 'traffic_fee', consent: true }],
    ];
    for (const [method, url, body] of urls) {
      for (const outsider of [c, d]) {
        const response = await outsider.client.request(method, url, body);
        // d is still the owner of its own case, not of a's.
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });
});
