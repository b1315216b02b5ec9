import { describe, expect, it } from 'vitest';
import { detectRecurring } from './recurring.js';

const charge = (date: string, amount = 3900) => ({
  category: 'service_fee' as const,
  amount,
  date,
});

describe('recurring charges', () => {
  it.each([
    [['2024-01-25', '2024-02-25', '2024-03-26', '2024-04-24'], 'month', '2024-05-24'],
    [['2024-02-18', '2024-05-18', '2024-08-19'], 'quarter', '2024-11-19'],
    [['2024-03-02', '2025-03-02'], 'year', '2026-03-02'],
    [['2024-01-25', '2024-02-25', '2024-04-25'], 'month', '2024-05-25'],
  ])('%j → every %s, next %s', (dates, every, next) => {
    expect(detectRecurring(dates.map((d) => charge(d)))).toEqual([
      { category: 'service_fee', amount: 3900, every, dates, next },
    ]);
  });

  it('ignores single and irregular charges', () => {
    expect(detectRecurring([charge('2024-01-01')])).toEqual([]);
    expect(
      detectRecurring([charge('2024-01-01'), charge('2024-01-09'), charge('2024-03-17')]),
    ).toEqual([]);
  });

  it('keeps different amounts apart', () => {
    expect(detectRecurring([charge('2024-01-01', 100), charge('2024-02-01', 200)])).toEqual([]);
  });
});
