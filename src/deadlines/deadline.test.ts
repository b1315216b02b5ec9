import { describe, expect, it } from 'vitest';
import { chinaCalendar } from './calendar.js';
import { computeDeadline, type DayUnit } from './deadline.js';

const calendar = chinaCalendar();

describe('computeDeadline', () => {
  // Each row: filed on `start`, the rule gives `days` `unit` days; the answer is due on `due`.
  const cases: readonly {
    name: string;
    start: string;
    days: number;
    unit: DayUnit;
    due: string;
    shiftedFrom?: string;
    shiftedPast?: string;
  }[] = [
    {
      name: 'an ordinary weekday',
      start: '2025-06-03',
      days: 15,
      unit: 'calendar',
      due: '2025-06-18',
    },
    {
      name: 'last day on a Sunday moves to Monday',
      start: '2026-01-30',
      days: 30,
      unit: 'calendar',
      due: '2026-03-02',
      shiftedFrom: '2026-03-01',
    },
    {
      name: 'last day inside the 2025 National Day holiday moves past it',
      start: '2025-09-16',
      days: 15,
      unit: 'calendar',
      due: '2025-10-09',
      shiftedFrom: '2025-10-01',
      shiftedPast: '国庆节',
    },
    {
      name: 'last day inside the 2026 Spring Festival moves past it',
      start: '2026-02-01',
      days: 15,
      unit: 'calendar',
      due: '2026-02-24',
      shiftedFrom: '2026-02-16',
      shiftedPast: '春节',
    },
    {
      name: 'a make-up working day on a Saturday is a working day, so nothing moves',
      start: '2026-02-13',
      days: 15,
      unit: 'calendar',
      due: '2026-02-28',
    },
    {
      name: 'working days skip National Day 2025 and count its make-up Sunday and Saturday',
      start: '2025-09-26',
      days: 7,
      unit: 'working',
      due: '2025-10-13',
    },
    {
      name: 'working days across the 2026 Spring Festival count the make-up Saturday before it',
      start: '2026-02-12',
      days: 5,
      unit: 'working',
      due: '2026-02-26',
    },
    {
      name: 'working days across the 2026 National Day and its make-up Saturday',
      start: '2026-09-29',
      days: 5,
      unit: 'working',
      due: '2026-10-12',
    },
  ];

  it.each(cases)('$name', ({ start, days, unit, due, shiftedFrom, shiftedPast }) => {
    const deadline = computeDeadline(start, days, unit, calendar);
    expect(deadline.due).toBe(due);
    expect(deadline.shiftedFrom).toBe(shiftedFrom);
    expect(deadline.shiftedPast).toBe(shiftedPast);
    expect(deadline.provisional).toBe(false);
  });

  it('marks a deadline provisional when it runs into a year whose holidays are not published', () => {
    const deadline = computeDeadline('2026-12-20', 15, 'calendar', calendar);
    expect(deadline.due).toBe('2027-01-04');
    expect(deadline.provisional).toBe(true);
  });

  it('rejects a rule without a positive whole number of days', () => {
    expect(() => computeDeadline('2026-01-01', 0, 'calendar', calendar)).toThrow(RangeError);
    expect(() => computeDeadline('2026-01-01', 1.5, 'working', calendar)).toThrow(RangeError);
  });
});

describe('chinaCalendar', () => {
  it('names public holidays and knows make-up working days', () => {
    expect(calendar.holidayName('2025-10-03')).toBe('国庆节');
    expect(calendar.holidayName('2025-10-11')).toBeNull();
    expect(calendar.isWorkday('2025-10-11')).toBe(true);
    expect(calendar.isWorkday('2025-10-04')).toBe(false);
    expect(calendar.holidayName('2026-11-28')).toBeNull();
  });
});
