import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

/**
 * A case started from 需核实 rows: it holds them as questions for the provider, apart from the
 * claim; its letter, call script and evidence ask for an explanation, and a letter written after
 * a filing was recorded says that filing was made (with its date, reference and deadline).
 */
const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

interface Deduction {
  id: string;
  verdict: string;
  amount: string;
}
interface CaseBody {
  id: string;
  claim: string;
  questioned: string;
  findings: { id: string; verdict: string }[];
  filings: { id: string; dueDate: string | null }[];
}

/** One file of a ZIP the API sent, as text. */
function zipEntry(zip: Buffer, name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'feeguard-zip-')), 'pack.zip');
  writeFileSync(file, zip);
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
}

describe.each(DIALECTS)('a case started from 需核实 rows on %s', (dialect) => {
  let server: TestServer;
  let user: ApiClient;
  let merchantId = '';
  let review: Deduction[] = [];
  let caseId = '';

  async function statsClaimedFen(): Promise<number> {
    const rows = await server.deps.db.selectFrom('stats_weeks').select('claimed_fen').execute();
    return rows.reduce((sum, r) => sum + r.claimed_fen, 0);
  }
  async function text(url: string): Promise<string> {
    const r = await user.request('GET', url);
    expect(r.statusCode).toBe(200);
    return r.body;
  }

  beforeAll(async () => {
    server = await testServer(dialect);
    user = new ApiClient(server.app);
    await user.register('questions@shop.test');
    merchantId = await user.createMerchant(contract);
    expect((await user.upload(merchantId, 'statement.csv', statement)).statusCode).toBe(201);
    review = (
      await user.json<{ items: Deduction[] }>(
        'GET',
        `/api/merchants/${merchantId}/deductions?verdict=needs_review`,
      )
    ).items;
  });
  afterAll(async () => {
    await server.close();
  });

  it('holds the chosen 需核实 deductions as questions: nothing claimed, their amount apart', async () => {
    expect(review.map((d) => d.amount)).toEqual(['45.27', '17.56']);
    const created = await user.json<CaseBody>('POST', '/api/cases', {
      merchantId,
      deductionIds: review.map((d) => d.id),
    });
    caseId = created.id;
    expect(created.claim).toBe('0.00');
    expect(created.questioned).toBe('62.83');
    expect(created.findings.map((f) => f.verdict)).toEqual(['needs_review', 'needs_review']);
    const listed = await user.json<{ items: CaseBody[] }>('GET', '/api/cases');
    expect(listed.items.find((c) => c.id === caseId)).toMatchObject({
      claim: '0.00',
      questioned: '62.83',
    });
    // The public figures count no claimed money for a case of questions.
    expect(await statsClaimedFen()).toBe(0);
  });

  it('the letter asks the provider to explain each one, in Chinese and in English, as a question', async () => {
    const zh = await text(`/api/cases/${caseId}/letter?format=txt`);
    expect(zh).toContain(
      '对 2 笔用途不明的扣款（合计 62.83 元，明细见第三部分）逐笔说明扣款用途和收费依据',
    );
    expect(zh).toContain('三、请对方说明依据的扣款');
    expect(zh).not.toMatch(/未经本人同意|没有约定依据|0\.00 元|needs_review|undefined/u);
    const en = await text(`/api/cases/${caseId}/letter?format=txt&lang=en`);
    expect(en).toContain('Explain each of the 2 deductions of unclear purpose (62.83 yuan in all');
    expect(en).not.toMatch(/without my consent|without a basis|0\.00 yuan|needs_review/u);
    const script = await text(`/api/cases/${caseId}/letter?format=txt&kind=script`);
    expect(script).toContain('我的结算款里有 2 笔扣款，一共 62.83 元');
    expect(script).not.toContain('追讨金额');
    const plan = await user.json<{ headline: { zh: string } }>('GET', `/api/cases/${caseId}/plan`);
    expect(plan.headline.zh).toContain('请对方说明 62.83 元用途不明的扣款');
  });

  it('the evidence package says what is asked, apart from any claim', async () => {
    const zip = await user.request('GET', `/api/cases/${caseId}/evidence`);
    expect(zip.statusCode).toBe(200);
    const readme = zipEntry(zip.rawPayload, '00-说明.txt');
    expect(readme).toContain('请对方说明依据的扣款：2 笔，合计 62.83 元（不计入追讨金额）。');
    expect(zipEntry(zip.rawPayload, '05-时间线.csv')).toContain('（用途不明，请对方说明）');
  });

  it('a letter after a filing says it was made, on its date with its reference — not that it went unanswered', async () => {
    const filing = await user.json<{ id: string }>('POST', `/api/cases/${caseId}/filings`, {
      channelId: 'payment_institution_customer_service',
    });
    const submitted = await user.json<{ dueDate: string }>('PATCH', `/api/filings/${filing.id}`, {
      action: 'submit',
      submittedAt: '2026-11-25',
      reference: 'KF-7788',
    });
    expect(submitted.dueDate > '2026-11-25').toBe(true);
    const due = submitted.dueDate.split('-').map(Number);
    const dueWords = `${String(due[0])}年${String(due[1])}月${String(due[2])}日`;
    const letter = await text(`/api/cases/${caseId}/letter?format=txt&channel=pboc_12363`);
    expect(letter).toContain(
      `2026年11月25日，通过“支付机构客服投诉”提出（工单号 KF-7788），正在等待答复（答复期限${dueWords}）`,
    );
    expect(letter).not.toContain('至今未获答复');
    const readme = zipEntry(
      (await user.request('GET', `/api/cases/${caseId}/evidence?channel=pboc_12363`)).rawPayload,
      '01-投诉书-pboc_12363.txt',
    );
    expect(readme).toContain('（工单号 KF-7788），正在等待答复');

    // The deadline passes without an answer: now, and only now, 至今未获答复.
    // Sessions expire while the clock moves on: log in again at each new time.
    const at = async (date: Date) => {
      server.setNow(date);
      await user.login('questions@shop.test');
    };
    await at(new Date(`${submitted.dueDate}T23:00:00+08:00`));
    expect(await text(`/api/cases/${caseId}/letter?format=txt&channel=pboc_12363`)).not.toContain(
      '至今未获答复',
    );
    await at(new Date(new Date(`${submitted.dueDate}T12:00:00+08:00`).getTime() + 86_400_000 * 2));
    expect(await text(`/api/cases/${caseId}/letter?format=txt&channel=pboc_12363`)).toContain(
      `答复期限${dueWords}已过，至今未获答复`,
    );

    // The answer, recorded: the letter says it came and when.
    await user.json('PATCH', `/api/filings/${filing.id}`, {
      action: 'record_response',
      kind: 'rejection',
      message: '系统正常扣费',
    });
    const answered = await text(`/api/cases/${caseId}/letter?format=txt&channel=pboc_12363`);
    expect(answered).toMatch(/（工单号 KF-7788），对方已于\d{4}年\d{1,2}月\d{1,2}日答复/u);
    expect(answered).not.toContain('至今未获答复');
  });

  it('claims and questions in one case: the claim is the claim, the questions beside it', async () => {
    const both = await user.json<CaseBody>('POST', '/api/cases', {
      merchantId,
      withQuestions: true,
    });
    expect(both.claim).toBe('159.00');
    expect(both.questioned).toBe('62.83');
    expect(both.findings).toHaveLength(4);
    const letter = await text(`/api/cases/${both.id}/letter?format=txt`);
    expect(letter).toContain('159.00 元');
    expect(letter).toContain('四、请对方说明依据的扣款');
    // Without withQuestions a case claims only, as before.
    const claimOnly = await user.json<CaseBody>('POST', '/api/cases', { merchantId });
    expect(claimOnly.questioned).toBe('0.00');
    expect(claimOnly.findings).toHaveLength(2);
    expect(await statsClaimedFen()).toBe(15900 * 2);
  });

  it('refuses an agreed deduction, and another merchant’s case stays out of sight', async () => {
    const agreed = (
      await user.json<{ items: Deduction[] }>(
        'GET',
        `/api/merchants/${merchantId}/deductions?verdict=authorized`,
      )
    ).items[0];
    const refused = await user.request('POST', '/api/cases', {
      merchantId,
      deductionIds: [agreed?.id ?? ''],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'FG_ERR_VALIDATION' });
    const stranger = new ApiClient(server.app);
    await stranger.register('stranger@shop.test');
    expect((await stranger.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(
      (await stranger.request('GET', `/api/cases/${caseId}/letter?format=txt`)).statusCode,
    ).toBe(404);
    const theirs = await stranger.request('POST', '/api/cases', {
      merchantId,
      deductionIds: review.map((d) => d.id),
    });
    expect(theirs.statusCode).toBe(404);
  });
});
