import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../test/fixtures/index.js';
import { createVerifiedUser } from './auth/auth.service.js';
import { sweep } from './notifications/notifications.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from './testing.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

interface Filing {
  id: string;
  state: string;
  dueDate: string | null;
  organizationId: string | null;
  version: number;
}

describe.each(DIALECTS)('the whole story over HTTP on %s', (dialect) => {
  let server: TestServer;
  const admin = () => new ApiClient(server.app);
  let merchant: ApiClient;
  let provider: ApiClient;
  let regulator: ApiClient;
  let merchantId = '';
  let caseId = '';
  let firstFiling: Filing;
  let secondFiling: Filing;
  let providerOrg = '';
  let regulatorOrg = '';

  beforeAll(async () => {
    server = await testServer(dialect);
    // The first admin comes from the CLI (`feeguard admin create`), which calls the same service.
    await createVerifiedUser(
      server.deps,
      { email: 'admin@feeguard.test', password: 'admin password 1', name: '管理员' },
      { isAdmin: true },
    );
    merchant = new ApiClient(server.app);
    provider = new ApiClient(server.app);
    regulator = new ApiClient(server.app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('an admin sets up the provider and the regulator as organizations and invites their staff', async () => {
    const a = admin();
    await a.login('admin@feeguard.test', 'admin password 1');
    const org = await a.json<{ id: string }>('POST', '/api/organizations', {
      name: '鑫联支付有限公司',
      kind: 'provider',
      providerName: '鑫联支付有限公司',
    });
    providerOrg = org.id;
    const pboc = await a.json<{ id: string }>('POST', '/api/organizations', {
      name: '中国人民银行上海市分行',
      kind: 'regulator',
      channelId: 'pboc_12363',
    });
    regulatorOrg = pboc.id;
    expect(
      await a.json('POST', `/api/organizations/${providerOrg}/members`, {
        email: 'kf@xinlian.test',
      }),
    ).toEqual({ email: 'kf@xinlian.test', status: 'invited' });
    await a.json('POST', `/api/organizations/${regulatorOrg}/members`, {
      email: 'officer@pbc.test',
    });
    await provider.register('kf@xinlian.test', '客服专员');
    await regulator.register('officer@pbc.test', '投诉专员');
    const me = await provider.json<{ organizationIds: string[] }>('GET', '/api/me');
    expect(me.organizationIds).toEqual([providerOrg]);
  });

  it('a merchant signs up, adds the shop with its contract and uploads a statement: the audit runs', async () => {
    await merchant.register('zhangli@shop.test', '张丽');
    const m = await merchant.json<{ id: string; contracts: unknown[] }>('POST', '/api/merchants', {
      name: '张丽',
      businessName: '丽丽便利店',
      merchantNo: '898959301757182',
      providerName: '鑫联支付有限公司',
      providerType: 'payment_institution',
      complainantType: 'individual_merchant',
      terminalIds: ['T2023092501'],
      details: { phone: '13800138000', providerProvince: '上海市' },
      contract,
    });
    merchantId = m.id;
    expect(m.contracts).toHaveLength(1);
    const upload = await merchant.upload(merchantId, 'statement.csv', statement);
    expect(upload.statusCode).toBe(201);
    const stored = upload.json<{
      id: string;
      claim: string;
      newDeductions: number;
      sha256: string;
    }>();
    expect(stored.claim).toBe('159.00');
    expect(stored.newDeductions).toBe(12);
    // The same export again adds nothing: no deduction is counted twice.
    const again = await merchant.upload(merchantId, 'statement-again.csv', statement);
    expect(again.json<{ newDeductions: number }>().newDeductions).toBe(0);
    const report = await merchant.json<{ claim: { total: string } }>(
      'GET',
      `/api/statements/${stored.id}/report`,
    );
    expect(report.claim.total).toBe('159.00');
    const list = await merchant.json<{ items: unknown[] }>(
      'GET',
      `/api/merchants/${merchantId}/statements`,
    );
    expect(list.items).toHaveLength(2);
  });

  it('opens a case and gets the plan: the provider first', async () => {
    const c = await merchant.json<{
      id: string;
      claim: string;
      status: string;
      findings: unknown[];
    }>('POST', '/api/cases', { merchantId, noticedAt: '2026-11-20' });
    caseId = c.id;
    expect(c.claim).toBe('159.00');
    expect(c.status).toBe('new');
    expect(c.findings).toHaveLength(2);
    const plan = await merchant.json<{
      stage: string;
      ladder: { channel: string; state: string }[];
    }>('GET', `/api/cases/${caseId}/plan`);
    expect(plan.stage).toBe('start');
    expect(plan.ladder[0]).toMatchObject({
      channel: 'payment_institution_customer_service',
      state: 'next',
    });
  });

  it('files with the provider, with its reference number and legal deadline; the letter downloads', async () => {
    firstFiling = await merchant.json<Filing>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    expect(firstFiling.state).toBe('draft');
    expect(firstFiling.organizationId).toBe(providerOrg);
    firstFiling = await merchant.json<Filing>('PATCH', `/api/filings/${firstFiling.id}`, {
      action: 'submit',
      submittedAt: '2026-11-25',
      reference: 'KF-20261125-01',
      method: 'hotline',
    });
    expect(firstFiling).toMatchObject({ state: 'submitted', dueDate: '2026-12-10' });
    const pdf = await merchant.request(
      'GET',
      `/api/cases/${caseId}/letter?channel=payment_institution_customer_service&format=pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const txt = await merchant.request(
      'GET',
      `/api/cases/${caseId}/letter?channel=payment_institution_customer_service&format=txt`,
    );
    // Nothing affirmed yet: the letter claims what has no basis in the contract, and hedges.
    expect(txt.body).toContain('退还没有约定依据的扣费共计 159.00 元');
    expect(txt.body).toContain('据我所知，上述扣费没有约定依据');
  });

  it('the provider sees it in its inbox — and only it — and answers with a rejection', async () => {
    const inbox = await provider.json<{ items: { filing: Filing; daysLeft: number | null }[] }>(
      'GET',
      '/api/inbox',
    );
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]?.daysLeft).toBe(15);
    expect((await regulator.json<{ items: unknown[] }>('GET', '/api/inbox')).items).toHaveLength(0);
    const seen = await provider.json<{ role: string }>('GET', `/api/cases/${caseId}`);
    expect(seen.role).toBe('respondent');
    expect((await provider.request('GET', `/api/cases/${caseId}/plan`)).statusCode).toBe(404);
    const answered = await provider.json<Filing>(
      'POST',
      `/api/filings/${firstFiling.id}/response`,
      { kind: 'rejection', message: '流量费为代理商收取，与我司无关。' },
    );
    expect(answered.state).toBe('responded');
  });

  it('the merchant is notified, disputes the answer, and the case shows the next step', async () => {
    const notes = await merchant.json<{ items: { kind: string }[] }>('GET', '/api/notifications');
    expect(notes.items.map((n) => n.kind)).toContain('answer_received');
    const disputed = await merchant.json<Filing>('POST', `/api/filings/${firstFiling.id}/review`, {
      decision: 'dispute',
      reason: '代理商是贵司的外包机构',
    });
    expect(disputed.state).toBe('disputed');
    const c = await merchant.json<{ status: string; nextStep: { channel: string; state: string } }>(
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(c.status).toBe('action_needed');
    expect(c.nextStep).toMatchObject({ channel: 'pboc_12363', state: 'next' });
  });

  it('escalates to the PBoC; the deadline passes; the sweep marks it overdue and notifies once', async () => {
    secondFiling = await merchant.json<Filing>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'pboc_12363',
    });
    expect(secondFiling.organizationId).toBe(regulatorOrg);
    secondFiling = await merchant.json<Filing>('PATCH', `/api/filings/${secondFiling.id}`, {
      action: 'submit',
      submittedAt: '2026-11-26',
      method: 'website',
    });
    // 7 working days to register, then 15 days for the institution.
    expect(secondFiling.dueDate).toBe('2026-12-22');
    expect((await regulator.json<{ items: unknown[] }>('GET', '/api/inbox')).items).toHaveLength(1);
    server.setNow(new Date('2026-12-23T02:00:00Z'));
    const first = await sweep(server.deps, null);
    const second = await sweep(server.deps, null);
    expect(first.markedOverdue).toBe(1);
    expect(second).toMatchObject({ markedOverdue: 0, recorded: 0 });
    // Four weeks on, the sessions from the start have expired (14 days): everyone logs in again.
    expect((await merchant.request('GET', '/api/me')).statusCode).toBe(401);
    await merchant.login('zhangli@shop.test');
    await regulator.login('officer@pbc.test');
    const notes = await merchant.json<{ items: { kind: string }[] }>('GET', '/api/notifications');
    expect(notes.items.filter((n) => n.kind === 'overdue')).toHaveLength(1);
  });

  it('the regulator’s answer brings a refund; the merchant accepts; the case is resolved and closed', async () => {
    const answered = await regulator.json<Filing>(
      'POST',
      `/api/filings/${secondFiling.id}/response`,
      { kind: 'refund', message: '经督促，机构已全额退还。', refundYuan: '159.00' },
    );
    expect(answered.state).toBe('responded');
    await merchant.json('POST', `/api/filings/${secondFiling.id}/review`, { decision: 'accept' });
    const c = await merchant.json<{ status: string; recovered: string }>(
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(c).toMatchObject({ status: 'resolved', recovered: '159.00' });
    // The regulator sees figures across providers; a merchant and a provider do not.
    const figures = await regulator.json<{ byProvider: unknown[] }>('GET', '/api/aggregates');
    expect(figures.byProvider).toContainEqual({
      provider: '鑫联支付有限公司',
      cases: 1,
      claimed: '159.00',
      recovered: '159.00',
    });
    expect((await merchant.request('GET', '/api/aggregates')).statusCode).toBe(403);
    await provider.login('kf@xinlian.test');
    expect((await provider.request('GET', '/api/aggregates')).statusCode).toBe(403);
    const closed = await merchant.json<Filing>('PATCH', `/api/filings/${secondFiling.id}`, {
      action: 'close',
    });
    expect(closed.state).toBe('closed');
    const events = await merchant.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${caseId}/events`,
    );
    expect(events.items.map((e) => e.kind)).toEqual([
      'case_created',
      'filing_created',
      'filing_submit',
      'filing_respond',
      'filing_dispute',
      'filing_created',
      'filing_submit',
      'filing_mark_overdue',
      'filing_respond',
      'filing_accept',
      'filing_close',
    ]);
  });

  it('the evidence package and the calendar feed download', async () => {
    const zip = await merchant.request('GET', `/api/cases/${caseId}/evidence`);
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const me = await merchant.json<{ calendarUrl: string }>('GET', '/api/me');
    const feed = await merchant.request('GET', new URL(me.calendarUrl).pathname);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
  });

  it('refuses without a session, without the CSRF token, and with a wrong password', async () => {
    const anonymous = new ApiClient(server.app);
    expect((await anonymous.request('GET', '/api/cases')).json()).toMatchObject({
      code: 'FG_ERR_UNAUTHENTICATED',
    });
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: merchant.cookie },
      payload: { merchantId },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({
      code: 'FG_ERR_CSRF',
      message: { zh: expect.any(String) as unknown, en: expect.any(String) as unknown },
    });
    const wrong = await anonymous.request('POST', '/api/auth/login', {
      email: 'zhangli@shop.test',
      password: 'wrong password',
    });
    expect(wrong.statusCode).toBe(401);
  });
});
