import { describe, expect, it } from 'vitest';
import { exampleCase } from '../letters/testing.js';
import { caseFileSchema } from './case-file.js';
import { planInputOf } from './case-input.js';

const { caseFile, audit } = exampleCase();

function withRespondent(respondent: Record<string, unknown>) {
  return caseFileSchema.parse({ ...caseFile, audit, respondent });
}

describe('the provider type in a case file', () => {
  it('may be left out: a bank branch is recognised by its name, and the merchant is asked to confirm', () => {
    const input = planInputOf(
      withRespondent({ name: '中国工商银行股份有限公司杭州分行' }),
      audit,
      '2026-12-04',
    );
    expect(input.providerType).toBe('bank');
    expect(input.providerTypeQuestion?.zh).toContain('请核对');
  });

  it('may be "unknown": without a telling name the plan asks', () => {
    const input = planInputOf(
      withRespondent({ name: '鑫联科技有限公司', type: 'unknown' }),
      audit,
      '2026-12-04',
    );
    expect(input.providerType).toBe('unknown');
    expect(input.providerTypeQuestion?.zh).toContain('是银行还是支付机构');
  });

  it('a bank entered as a payment institution becomes unknown, with the contradiction said', () => {
    const input = planInputOf(
      withRespondent({ name: '中国工商银行股份有限公司杭州分行', type: 'payment_institution' }),
      audit,
      '2026-12-04',
    );
    expect(input.providerType).toBe('unknown');
  });

  it('the province and the court the merchant looked up go to the plan', () => {
    const input = planInputOf(
      withRespondent({
        name: '鑫联支付有限公司',
        type: 'payment_institution',
        province: '浙江',
        city: '杭州市',
        district: '西湖区',
      }),
      audit,
      '2026-12-04',
    );
    expect(input).toMatchObject({
      providerProvince: '浙江',
      providerCourt: '杭州市西湖区人民法院',
    });
  });
});
