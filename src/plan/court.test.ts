import { describe, expect, it } from 'vitest';
import { arbitrationFeeRangeFen, courtFeeFen, courtRoute, smallClaimsLimitFor } from './court.js';
import { defaultPlanPolicy } from './policy.js';

const policy = defaultPlanPolicy();

describe('court fee (诉讼费用交纳办法 第十三条第一项, cumulative brackets)', () => {
  it('up to 10,000 yuan: 50 yuan a case', () => {
    expect(courtFeeFen(159_00, policy)).toBe(50_00);
    expect(courtFeeFen(10_000_00, policy)).toBe(50_00);
  });

  it('above: 2.5 % of the part to 100,000, then 2 % to 200,000', () => {
    expect(courtFeeFen(80_000_00, policy)).toBe(50_00 + 1_750_00);
    expect(courtFeeFen(150_000_00, policy)).toBe(50_00 + 2_250_00 + 1_000_00);
  });

  it('halving is a separate figure, never stacked', () => {
    const route = courtRoute(80_000_00, policy, '浙江', '2026-12-04');
    expect(route.halfFeeFen).toBe(route.feeFen / 2);
  });
});

describe('arbitration fee range (仲裁委员会仲裁收费办法, 1995 table)', () => {
  it('up to 1,000 yuan: 40–100 yuan', () => {
    expect(arbitrationFeeRangeFen(299_00, policy)).toEqual({ minFen: 40_00, maxFen: 100_00 });
  });

  it('80,000 yuan: 40–100 for the first 1,000 yuan, 4–5 % to 50,000, 3–4 % beyond', () => {
    expect(arbitrationFeeRangeFen(80_000_00, policy)).toEqual({
      minFen: 40_00 + 1_960_00 + 900_00,
      maxFen: 100_00 + 2_450_00 + 1_200_00,
    });
  });
});

describe('small-claims limit per province (民事诉讼法 第一百六十五条)', () => {
  it('Zhejiang from 2022-01-11: 54,323 yuan, 217,290 by agreement', () => {
    expect(smallClaimsLimitFor(policy, '浙江省', '2026-12-04')).toMatchObject({
      automaticYuan: 54_323,
      byAgreementYuan: 217_290,
    });
  });

  it('under, between and over the limits', () => {
    expect(courtRoute(50_000_00, policy, '浙江', '2026-12-04').procedure).toBe('small_claims');
    expect(courtRoute(80_000_00, policy, '浙江', '2026-12-04').procedure).toBe('by_agreement');
    expect(courtRoute(300_000_00, policy, '浙江', '2026-12-04').procedure).toBe(
      'simple_or_ordinary',
    );
  });

  it('no figure before a limit was published, nor for a province without data', () => {
    expect(smallClaimsLimitFor(policy, '江苏', '2023-06-01')).toBeUndefined();
    expect(courtRoute(50_000_00, policy, '西藏自治区', '2026-12-04').procedure).toBe('unknown');
  });
});
