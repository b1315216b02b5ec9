import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

const merchant = {
  name: '张丽',
  providerName: '鑫联支付有限公司',
  providerType: 'payment_institution',
  complainantType: 'individual_merchant',
};
const charge = { category: 'traffic_fee', amountYuan: 36, every: 'year' };

describe.each(DIALECTS)('merchant contracts on %s', (dialect) => {
  let server: TestServer;
  let user: ApiClient;

  beforeAll(async () => {
    server = await testServer(dialect);
    user = new ApiClient(server.app);
    await user.register('contract@shop.test');
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    [{ agreedCharge: [] }, 'contract.agreedCharge', 'agreedCharges'],
    [
      { agreedCharges: [charge, { ...charge, startAfter: '2025-03-01' }] },
      'contract.agreedCharges[2].startAfter',
      'startsAfter',
    ],
    [
      { rates: [{ cardType: 'any', percent: 0.6, capyuan: 20 }] },
      'contract.rates[1].capyuan',
      'capYuan',
    ],
  ])(
    'a typo in the contract %j is a 400 naming the field and the nearest key',
    async (contract, where, near) => {
      const r = await user.request('POST', '/api/merchants', { ...merchant, contract });
      expect(r.statusCode).toBe(400);
      const body = r.json<{ code: string; detail: string }>();
      expect(body.code).toBe('FG_ERR_VALIDATION');
      expect(body.detail).toContain(`未知字段 ${where}，是不是想写 ${near}`);
      expect(body.detail).toContain(`did you mean \`${near}\``);
    },
  );

  it('a valid contract is stored', async () => {
    const r = await user.request('POST', '/api/merchants', {
      ...merchant,
      contract: { rates: [{ cardType: 'any', percent: 0.6 }], agreedCharges: [charge] },
    });
    expect(r.statusCode).toBe(201);
  });
});
