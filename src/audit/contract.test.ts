import { describe, expect, it } from 'vitest';
import { formatPath, nearestKey, parseContract } from './contract.js';

function problem(input: unknown): string {
  try {
    parseContract(input);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

const charge = { category: 'traffic_fee', amountYuan: 36, every: 'year' };

describe('the contract is strict: a typo is an error naming the nearest valid key', () => {
  it.each([
    [{ agreedCharge: [] }, 'agreedCharge', 'agreedCharges'],
    [
      { agreedCharges: [charge, { ...charge, startAfter: '2025-03-01' }] },
      'agreedCharges[2].startAfter',
      'startsAfter',
    ],
    [{ rates: [{ cardType: 'any', percent: 0.6, capyuan: 20 }] }, 'rates[1].capyuan', 'capYuan'],
    [{ perTransactionFee: 0 }, 'perTransactionFee', 'perTransactionFeeYuan'],
  ])('%o', (input, where, near) => {
    const message = problem(input);
    expect(message).toContain(`未知字段 ${where}`);
    expect(message).toContain(`是不是想写 ${near}`);
    expect(message).toContain(`did you mean \`${near}\``);
  });

  it('a key far from any valid one lists the valid keys', () => {
    expect(problem({ colour: 'blue' })).toMatch(/可用的字段：provider、providerType/u);
  });

  it('other problems name the field with a 1-based path', () => {
    expect(problem({ agreedCharges: [charge, { ...charge, every: 'week' }] })).toContain(
      'agreedCharges[2].every',
    );
    expect(problem({ rates: [{ cardType: 'any', percent: 'x' }] })).toContain('rates[1].percent');
  });

  it('null for an optional cap or start date means none, as leaving the key out does', () => {
    const contract = parseContract({
      rates: [{ cardType: 'any', percent: 0.6, capYuan: null }],
      agreedCharges: [{ ...charge, startsAfter: null }],
    });
    expect(contract.rates).toEqual([{ cardType: 'any', percentMicro: 600_000 }]);
    expect(contract.agreedCharges).toEqual([
      { category: 'traffic_fee', amountFen: 3600, every: 'year' },
    ]);
  });

  it('a valid contract still parses', () => {
    expect(
      parseContract({ rates: [{ cardType: 'any', percent: 0.6 }], agreedCharges: [charge] })
        .agreedCharges,
    ).toEqual([{ category: 'traffic_fee', amountFen: 3600, every: 'year' }]);
  });
});

describe('helpers', () => {
  it('formats paths as a person counts', () => {
    expect(formatPath(['agreedCharges', 1, 'startsAfter'])).toBe('agreedCharges[2].startsAfter');
    expect(formatPath([])).toBe('');
  });
  it('finds the nearest key only when it is close', () => {
    expect(nearestKey('startAfter', ['startsAfter', 'every'])).toBe('startsAfter');
    expect(nearestKey('zzz', ['startsAfter', 'every'])).toBeNull();
  });
});
