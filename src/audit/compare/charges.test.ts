import { describe, expect, it } from 'vitest';
import type { AgreedCharge } from '../contract.js';
import type { FeeCategory } from '../model.js';
import { coverDeductions, periodStartFor, type Deduction } from './charges.js';

function run(charges: AgreedCharge[], list: [string, number, FeeCategory?][]) {
  const deductions: Deduction[] = list.map(([date, amount, category], seq) => ({
    seq,
    date,
    amount,
    category: category ?? 'traffic_fee',
  }));
  const result = coverDeductions(deductions, charges);
  return deductions.map((d) => {
    const c = result.get(d.seq);
    return c?.covered ? `ok:${c.overcharge}` : `no:${c?.reason ?? '?'}:${c?.overcharge ?? '?'}`;
  });
}

const yearly = (amountFen: number, startsAfter?: string): AgreedCharge => ({
  category: 'traffic_fee',
  amountFen,
  every: 'year',
  ...(startsAfter ? { startsAfter } : {}),
});

describe('agreed charges (spec §2)', () => {
  it('nothing agreed: the whole amount is claimed', () => {
    expect(run([], [['2024-01-01', 9900]])).toEqual(['no:not_agreed:9900']);
  });

  it('startsAfter is inclusive; before it the whole deduction is claimed', () => {
    expect(run([yearly(5900, '2024-11-08')], [['2024-09-25', 5900]])).toEqual([
      'no:before_start:5900',
    ]);
    expect(run([yearly(5900, '2024-11-08')], [['2024-11-08', 5900]])).toEqual(['ok:0']);
  });

  it('a deduction before the free period ends does not anchor the periods', () => {
    expect(
      run(
        [yearly(5900, '2024-11-08')],
        [
          ['2024-09-25', 5900],
          ['2024-11-10', 5900],
          ['2025-11-09', 5900],
          ['2025-11-10', 5900],
        ],
      ),
    ).toEqual(['no:before_start:5900', 'ok:0', 'no:period_used:5900', 'ok:0']);
  });

  it('a year runs to the same date a year later, exclusive', () => {
    expect(
      run(
        [yearly(9900)],
        [
          ['2024-03-02', 9900],
          ['2025-03-01', 9900],
          ['2025-03-02', 9900],
        ],
      ),
    ).toEqual(['ok:0', 'no:period_used:9900', 'ok:0']);
  });

  it('above the agreed amount: only the excess, and the period is used up', () => {
    expect(
      run(
        [yearly(5000)],
        [
          ['2023-08-20', 9900],
          ['2023-09-01', 5000],
        ],
      ),
    ).toEqual(['ok:4900', 'no:period_used:5000']);
  });

  it('less than agreed is covered in full', () => {
    expect(run([yearly(5000)], [['2023-08-20', 3600]])).toEqual(['ok:0']);
  });

  it('quarterly: the first deduction of each quarter counted from the first covered one', () => {
    const quarterly: AgreedCharge = { category: 'traffic_fee', amountFen: 1200, every: 'quarter' };
    expect(
      run(
        [quarterly],
        [
          ['2025-03-21', 1200],
          ['2025-04-21', 1200],
          ['2025-05-21', 1200],
          ['2025-06-21', 1200],
          ['2025-09-20', 1200],
          ['2025-09-21', 1200],
        ],
      ),
    ).toEqual([
      'ok:0',
      'no:period_used:1200',
      'no:period_used:1200',
      'ok:0',
      'no:period_used:1200',
      'ok:0',
    ]);
  });

  it('monthly periods clamp at month ends', () => {
    const monthly: AgreedCharge = { category: 'service_fee', amountFen: 3900, every: 'month' };
    expect(
      run(
        [monthly],
        [
          ['2024-01-31', 3900, 'service_fee'],
          ['2024-02-28', 3900, 'service_fee'],
          ['2024-02-29', 3900, 'service_fee'],
        ],
      ),
    ).toEqual(['ok:0', 'no:period_used:3900', 'ok:0']);
  });

  it('once covers one deduction ever', () => {
    const deposit: AgreedCharge = { category: 'deposit', amountFen: 29900, every: 'once' };
    expect(
      run(
        [deposit],
        [
          ['2024-02-06', 29900, 'deposit'],
          ['2025-02-06', 29900, 'deposit'],
        ],
      ),
    ).toEqual(['ok:0', 'no:period_used:29900']);
  });

  it('takes deductions in date order, whatever order the files list them in', () => {
    expect(
      run(
        [yearly(9900)],
        [
          ['2025-03-02', 9900],
          ['2024-03-02', 9900],
        ],
      ),
    ).toEqual(['ok:0', 'ok:0']);
    expect(
      run(
        [yearly(9900)],
        [
          ['2024-06-01', 9900],
          ['2024-03-02', 9900],
        ],
      ),
    ).toEqual(['no:period_used:9900', 'ok:0']);
  });

  it('categories do not cover each other', () => {
    expect(run([yearly(9900)], [['2024-03-02', 9900, 'service_fee']])).toEqual([
      'no:not_agreed:9900',
    ]);
  });

  it('finds the period containing a date', () => {
    expect(periodStartFor('2024-01-31', 'month', '2024-03-30')).toBe('2024-02-29');
    expect(periodStartFor('2024-01-31', 'month', '2024-03-31')).toBe('2024-03-31');
    expect(periodStartFor('2020-05-05', 'year', '2026-05-04')).toBe('2025-05-05');
  });
});
