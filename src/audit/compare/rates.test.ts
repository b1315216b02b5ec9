import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract.js';
import { expectedFee } from './rates.js';

const contract = parseContract({
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 25 },
    { cardType: 'credit', percent: 0.6 },
    { cardType: 'any', percent: 0.55 },
  ],
  perTransactionFeeYuan: 0,
});

describe('expectedFee', () => {
  it.each([
    ['debit', 102200, 511],
    ['debit', 1_000_000, 2500],
    ['credit', 1_000_000, 6000],
    // unknown card: the highest fee among the rates that could apply
    ['unknown', 1_000_000, 6000],
    ['unknown', 1000, 6],
  ] as const)('%s card, %i fen → %i fen', (card, amount, fee) => {
    expect(expectedFee(amount, card, contract)).toBe(fee);
  });

  it('falls back to `any` when the card has no rate of its own', () => {
    const anyOnly = parseContract({
      rates: [
        { cardType: 'debit', percent: 0.5, capYuan: 25 },
        { cardType: 'any', percent: 0.6 },
      ],
    });
    expect(expectedFee(1_000_000, 'credit', anyOnly)).toBe(6000);
    expect(expectedFee(1_000_000, 'unknown', anyOnly)).toBe(6000);
    expect(expectedFee(1_000_000, 'debit', anyOnly)).toBe(2500);
  });

  it('adds the agreed per-transaction fee after rounding', () => {
    const withAddOn = parseContract({
      rates: [{ cardType: 'any', percent: 0.6 }],
      perTransactionFeeYuan: 3,
    });
    expect(expectedFee(1615, 'unknown', withAddOn)).toBe(10 + 300);
  });

  it('knows no rate when the contract has none for the card', () => {
    const debitOnly = parseContract({ rates: [{ cardType: 'debit', percent: 0.5 }] });
    expect(expectedFee(1000, 'credit', debitOnly)).toBeNull();
    expect(expectedFee(1000, 'unknown', debitOnly)).toBe(5);
  });
});
