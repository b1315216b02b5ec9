import { describe, expect, it } from 'vitest';
import type { Entry, Ledger, LedgerContract } from './ledger.js';
import { computeTruth, expectedFee } from './truth.js';
import type { FeeCategory } from './vocabulary.js';

/** The corpus's own reading of spec §2, on hand-made ledgers whose answers the spec settles. */
const contract: LedgerContract = {
  provider: '示例支付有限公司',
  providerType: 'payment_institution',
  merchantId: '898110012345678',
  signedAt: '2024-03-01',
  rates: [
    { cardType: 'debit', percentE4: 5000, capFen: 2000 },
    { cardType: 'credit', percentE4: 6000 },
  ],
  perTransactionFen: 0,
  agreed: [
    { category: 'traffic_fee', amountFen: 3600, every: 'year', startsAfter: '2025-03-01' },
    { category: 'service_fee', amountFen: 1900, every: 'month' },
    { category: 'deposit', amountFen: 29900, every: 'once' },
  ],
};

const at = (date: string) => ({ seq: 0, date, time: '10:00:00', ref: date });
const fee = (date: string, category: FeeCategory, amount: number): Entry => ({
  ...at(date),
  kind: 'fee',
  category,
  amount,
  text: category,
});
const sale = (
  date: string,
  card: 'debit' | 'credit',
  amount: number,
  fen: number,
  hidden = 0,
  named: 'traffic_fee' | null = null,
): Entry => ({
  ...at(date),
  kind: 'sale',
  type: '消费',
  card,
  amount,
  fee: fen,
  net: amount - fen - hidden,
  hidden: hidden ? { fen: hidden, category: named } : null,
  text: named ? '结算扣除流量费' : '',
});
const ledger = (entries: Entry[]): Ledger => ({
  seed: 0,
  merchant: '',
  merchantId: '',
  terminal: '',
  cardTail: '1234',
  provider: '',
  bank: '',
  contract,
  entries: entries.map((e, i) => ({ ...e, seq: i })),
});

describe('the corpus truth (spec §2)', () => {
  it('expects half-up fees, capped, and the highest rate when the card is unknown', () => {
    expect(expectedFee(contract, 'debit', 10_050)).toBe(50); // 50.25 → 50
    expect(expectedFee(contract, 'debit', 10_100)).toBe(51); // 50.5 → 51
    expect(expectedFee(contract, 'debit', 10_000_000)).toBe(2000);
    expect(expectedFee(contract, 'unknown', 10_000_000)).toBe(60_000);
  });

  it('flags a fee 2 fen above the expected one, not 1', () => {
    const t = computeTruth(
      ledger([sale('2025-01-02', 'credit', 10_000, 61), sale('2025-01-02', 'credit', 10_000, 62)]),
    );
    expect(t.findings.map((f) => [f.seq, f.category, f.overcharge])).toEqual([
      [1, 'rate_overcharge', 2],
    ]);
  });

  it('covers an agreed charge from startsAfter (inclusive), once a period, the excess only above the amount', () => {
    const t = computeTruth(
      ledger([
        fee('2025-02-28', 'traffic_fee', 3600), // before startsAfter
        fee('2025-03-01', 'traffic_fee', 5000), // covered, 14.00 excess, uses the year
        fee('2025-09-01', 'traffic_fee', 3600), // same year
        fee('2026-03-01', 'traffic_fee', 3600), // next year
      ]),
    );
    expect(t.findings.map((f) => [f.verdict, f.overcharge])).toEqual([
      ['unauthorized', 3600],
      ['unauthorized', 1400],
      ['unauthorized', 3600],
      ['authorized', 0],
    ]);
    expect(t.claimTotal).toBe(8600);
  });

  it('counts monthly periods from the first covered deduction', () => {
    const t = computeTruth(
      ledger([
        fee('2025-01-15', 'service_fee', 1900),
        fee('2025-02-10', 'service_fee', 1900), // still in 01-15 … 02-14
        fee('2025-02-15', 'service_fee', 1900), // second period
      ]),
    );
    expect(t.findings.map((f) => f.verdict)).toEqual(['authorized', 'unauthorized', 'authorized']);
  });

  it('keeps adjustments for review, an agreed deposit authorized once, and hidden deductions', () => {
    const t = computeTruth(
      ledger([
        fee('2025-01-03', 'other_deduction', 4527),
        fee('2025-01-04', 'deposit', 29900),
        fee('2025-01-05', 'deposit', 29900),
        sale('2025-04-02', 'debit', 10_000, 50, 4800),
        sale('2025-04-03', 'debit', 10_000, 50, 3600, 'traffic_fee'),
      ]),
    );
    expect(t.findings.map((f) => [f.category, f.verdict, f.overcharge])).toEqual([
      ['other_deduction', 'needs_review', 0],
      ['deposit', 'authorized', 0],
      ['deposit', 'unauthorized', 29900],
      ['settlement_shortfall', 'unauthorized', 4800],
      ['traffic_fee', 'authorized', 0],
    ]);
  });

  it('sees no shortfall and no rate in a layout without the columns that show them', () => {
    const entries = [sale('2025-04-02', 'debit', 10_000, 90, 4800)];
    expect(
      computeTruth(ledger(entries), { card: true, fee: true, net: false }).findings,
    ).toHaveLength(1);
    expect(computeTruth(ledger(entries), { card: false, fee: false, net: false }).findings).toEqual(
      [],
    );
  });
  it('without a contract checks no rate and leaves every deduction and shortfall for review', () => {
    const t = computeTruth(
      ledger([
        sale('2025-04-02', 'credit', 10_000, 90, 4800),
        fee('2025-04-03', 'traffic_fee', 9900),
        fee('2025-04-04', 'deposit', 29900),
      ]),
      undefined,
      false,
    );
    expect(t.findings.map((f) => [f.category, f.verdict, f.overcharge])).toEqual([
      ['settlement_shortfall', 'needs_review', 0],
      ['traffic_fee', 'needs_review', 0],
      ['deposit', 'needs_review', 0],
    ]);
    expect(t.claimTotal).toBe(0);
  });
});
