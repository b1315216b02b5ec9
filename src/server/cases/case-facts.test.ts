import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/fixtures/index.js';
import { rebuildStats } from '../stats/stats.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
// The example contract leaves out the ¥100 deposit the merchant may in fact have agreed to.
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

interface Finding {
  id: string;
  category: string;
  verdict: string;
  overcharge: string;
  amount: string;
}
interface CaseBody {
  id: string;
  claim: string;
  findings: Finding[];
  affirmations: Record<string, unknown>;
  details: { noticedAt?: string };
}

describe.each(DIALECTS)('the merchant’s facts and marks on %s', (dialect) => {
  let server: TestServer;
  let user: ApiClient;
  let merchantId = '';
  let caseId = '';

  /** What the public statistics hold as claimed, summed over every week cell. */
  async function statsClaimedFen(): Promise<number> {
    const rows = await server.deps.db.selectFrom('stats_weeks').select('claimed_fen').execute();
    return rows.reduce((sum, r) => sum + r.claimed_fen, 0);
  }

  async function letterText(): Promise<string> {
    const r = await user.request('GET', `/api/cases/${caseId}/letter?format=txt`);
    expect(r.statusCode).toBe(200);
    return r.body;
  }

  beforeAll(async () => {
    server = await testServer(dialect);
    user = new ApiClient(server.app);
    await user.register('facts@shop.test');
    merchantId = (
      await user.json<{ id: string }>('POST', '/api/merchants', {
        name: '张丽',
        providerName: '鑫联支付有限公司',
        providerType: 'payment_institution',
        complainantType: 'individual_merchant',
        details: { idNumber: '110101199001011234' },
        contract,
      })
    ).id;
    expect((await user.upload(merchantId, 'statement.csv', statement)).statusCode).toBe(201);
    caseId = (await user.json<CaseBody>('POST', '/api/cases', { merchantId })).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('a new case affirms nothing: the letter hedges and asserts no consent it was not told of', async () => {
    const c = await user.json<CaseBody>('GET', `/api/cases/${caseId}`);
    expect(c.claim).toBe('159.00');
    expect(c.affirmations).toEqual({ agreementTerms: [], contacts: [] });
    const text = await letterText();
    expect(text).toContain('据我所知，上述扣费没有约定依据，依法应予退还。');
    expect(text).not.toContain('本人从未');
    expect(text).not.toContain('未经本人同意');
  });

  it('the answers are stored with the case and the letter says exactly them', async () => {
    const updated = await user.json<CaseBody>('PATCH', `/api/cases/${caseId}/facts`, {
      affirmations: {
        signedAgreement: 'yes',
        agreementTerms: [{ category: 'deposit', provides: 'no' }],
        toldOfChange: 'no',
        confirmedChange: 'unsure',
        contactedAnyone: 'yes',
        contacts: [{ whom: '代理商业务员', date: '2024-10-09' }],
      },
      noticedAt: '2024-10-08',
    });
    expect(updated.affirmations).toMatchObject({ signedAgreement: 'yes', toldOfChange: 'no' });
    expect(updated.details.noticedAt).toBe('2024-10-08');
    const text = await letterText();
    expect(text).toContain('本人与鑫联支付有限公司签署过收单服务协议。');
    expect(text).toContain('协议中没有关于押金/激活费的约定。');
    expect(text).toContain('本人从未收到过收费公示或收费变更的通知。');
    expect(text).toContain('本人于2024年10月8日发现上述扣款。');
    expect(text).toContain('本人于2024年10月9日联系过代理商业务员。');
    expect(text).not.toContain('确认同意');
    const events = await user.json<{ items: { kind: string }[] }>(
      'GET',
      `/api/cases/${caseId}/events`,
    );
    expect(events.items.map((e) => e.kind)).toContain('facts_updated');
  });

  it('“我同意过” on the deposit takes it out of the claim, the letter and the statistics at once; “我没同意” puts it back', async () => {
    const before = await user.json<CaseBody>('GET', `/api/cases/${caseId}`);
    const deposit = before.findings.find((f) => f.category === 'deposit');
    expect(deposit?.overcharge).toBe('100.00');
    expect(await statsClaimedFen()).toBe(15_900);

    const agreed = await user.json<Finding>('PATCH', `/api/deductions/${deposit?.id ?? ''}`, {
      decision: 'agreed',
    });
    expect(agreed).toMatchObject({ verdict: 'authorized', overcharge: '0.00' });
    const after = await user.json<CaseBody>('GET', `/api/cases/${caseId}`);
    expect(after.claim).toBe('59.00');
    expect(await letterText()).toContain('59.00 元');
    expect(await letterText()).not.toContain('159.00');
    expect(await statsClaimedFen()).toBe(5_900);
    const list = await user.json<{ claim: string }>(
      'GET',
      `/api/merchants/${merchantId}/deductions`,
    );
    expect(list.claim).toBe('59.00');

    await user.json('PATCH', `/api/deductions/${deposit?.id ?? ''}`, { decision: 'not_agreed' });
    expect((await user.json<CaseBody>('GET', `/api/cases/${caseId}`)).claim).toBe('159.00');
    expect(await statsClaimedFen()).toBe(15_900);
    // The incremental statistics equal a rebuild from scratch.
    await rebuildStats(server.deps);
    expect(await statsClaimedFen()).toBe(15_900);
  });

  it('a charge the contract allows can be marked “我没同意”: the whole amount is claimed', async () => {
    const list = await user.json<{ items: Finding[]; claim: string }>(
      'GET',
      `/api/merchants/${merchantId}/deductions`,
    );
    const service = list.items.find((f) => f.verdict === 'authorized' && f.amount === '39.00');
    const marked = await user.json<Finding>('PATCH', `/api/deductions/${service?.id ?? ''}`, {
      decision: 'not_agreed',
    });
    expect(marked).toMatchObject({ verdict: 'unauthorized', overcharge: '39.00' });
    const after = await user.json<{ claim: string }>(
      'GET',
      `/api/merchants/${merchantId}/deductions`,
    );
    expect(after.claim).toBe('198.00');
    // And back: the audit's own finding was kept.
    const back = await user.json<Finding>('PATCH', `/api/deductions/${service?.id ?? ''}`, {
      decision: 'agreed',
    });
    expect(back.overcharge).toBe('0.00');
  });

  it('the 12315 letter is whole (no sourced limit) and never prints the full ID number', async () => {
    const r = await user.request(
      'GET',
      `/api/cases/${caseId}/letter?format=txt&channel=samr_12315`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['x-feeguard-version']).toBe('full');
    expect(r.body).toContain('一、举报事项');
    expect(r.body).toContain('四、法律依据');
    expect(r.body).not.toContain('110101199001011234');
    expect(r.body).toContain('1101**********1234');
  });
});
