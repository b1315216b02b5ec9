import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatFen,
  formatFenGrouped,
  numberToFen,
  parsePercentMicro,
  parseWanToFen,
  parseYuanToFen,
  percentOf,
} from './money.js';

describe('parseYuanToFen', () => {
  it.each([
    ['99.00', 9900],
    ['99', 9900],
    ['99.5', 9950],
    ['.5', 50],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['¥1,217.00', 121700],
    ['￥12.00', 1200],
    ['-¥106.36', -10636],
    ['¥-106.36', -10636],
    ['12.00元', 1200],
    ['-12.00 元', -1200],
    ['(45.00)', -4500],
    ['（45.00）', -4500],
    ['(17,415.05)元', -1741505],
    ['¥(8.00)', -800],
    ['−8', -800],
    ['+3.10', 310],
    ['１２３．４５', 12345],
    ['－１２', -1200],
    ['RMB 5.00', 500],
    ['12.500', 1250],
    ['0.00', 0],
    ['-0.00', 0],
    ['1,333.99-', -133399],
    ['99.00-', -9900],
    ['９９．００－元', -9900],
    ['7.41元（含税）', 741],
    ['1,234.56元(不含税)', 123456],
    ['-99.00元（含税）', -9900],
    // a fee to the 0.001 yuan, as a provider computed it: half-up to the fen
    ['12.345', 1235],
    ['2.048', 205],
    ['0.615', 62],
    ['1.094', 109],
    ['-3.005', -301],
    ['1.23000', 123],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each([
    '',
    'abc',
    '12,3.4',
    '1,23',
    '12.3456',
    '0.0060',
    '1.2340',
    '1.2.3',
    '--5',
    '¥',
    '.',
    '12a',
    '1e5',
    '押金（第2期）',
    '(含税)',
  ])('rejects %j', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });

  it('round-trips every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
        expect(parseYuanToFen(formatFenGrouped(fen))).toBe(fen);
        expect(parseYuanToFen(`¥${formatFenGrouped(fen)}元`)).toBe(fen);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const fen = parseYuanToFen(text);
        expect(fen === null || Number.isSafeInteger(fen)).toBe(true);
      }),
    );
  });
});

describe('numberToFen', () => {
  it.each([
    [1022.1, 102210],
    [0.1 + 0.2, 30],
    [-106.36, -10636],
    [2.675, 268],
    [12, 1200],
  ])('%d → %i', (n, fen) => {
    expect(numberToFen(n)).toBe(fen);
  });
  it('rejects non-finite numbers', () => {
    expect(numberToFen(Number.NaN)).toBeNull();
    expect(numberToFen(Infinity)).toBeNull();
  });
});

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [123456, '1234.56'],
  ])('%i → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
  it('groups thousands for people', () => {
    expect(formatFenGrouped(123456789)).toBe('1,234,567.89');
  });
});

describe('percentOf', () => {
  it('rounds half-up after capping', () => {
    // 1022.00 × 0.5% = 5.11 exactly
    expect(percentOf(102200, parsePercentMicro(0.5) ?? 0)).toBe(511);
    // 91.26 × 0.6% = 0.54756 → 0.55
    expect(percentOf(9126, parsePercentMicro(0.6) ?? 0)).toBe(55);
    // 0.25 × 0.6% = 0.0015 → 0.00; 0.75 × 0.6% = 0.0045 → 0.00; 2.50 × 0.6% = 0.015 → 0.02 (half-up)
    expect(percentOf(250, parsePercentMicro(0.6) ?? 0)).toBe(2);
    // capped at 25.00
    expect(percentOf(1_000_000, parsePercentMicro(0.5) ?? 0, 2500)).toBe(2500);
  });

  it('equals the exact rational rounded half-up, never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        (amount, micro, cap) => {
          const fee = percentOf(amount, micro, cap);
          const exact = (BigInt(amount) * BigInt(micro) * 2n + 100_000_000n) / 200_000_000n;
          const expected =
            cap !== undefined && BigInt(amount) * BigInt(micro) >= BigInt(cap) * 100_000_000n
              ? BigInt(cap)
              : exact;
          expect(BigInt(fee)).toBe(expected);
          if (cap !== undefined) expect(fee).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });

  it('parses percents exactly', () => {
    expect(parsePercentMicro(0.55)).toBe(550_000);
    expect(parsePercentMicro('0.6%')).toBe(600_000);
    expect(parsePercentMicro(2.99)).toBe(2_990_000);
    expect(parsePercentMicro('abc')).toBeNull();
    expect(parsePercentMicro(-1)).toBeNull();
  });
});

describe('parseWanToFen', () => {
  it.each([
    ['1.2万', 1_200_000],
    ['-1.099132万', -1_099_132],
    ['3万元', 3_000_000],
    ['¥2.5万', 2_500_000],
  ])('%s is %i fen', (text, fen) => {
    expect(parseWanToFen(text)).toBe(fen);
  });
  it.each([['1.2345678万'], ['1.2'], ['万'], ['1,2万']])('%s is not an amount in 万', (text) => {
    expect(parseWanToFen(text)).toBeNull();
  });
});
