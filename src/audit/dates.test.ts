import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonths, excelSerialToDate, parseDateCell } from './dates.js';

describe('parseDateCell', () => {
  it.each([
    ['2025-03-02 10:22:33', '2025-03-02'],
    ['2025-03-02', '2025-03-02'],
    ['2025/3/2', '2025-03-02'],
    ['2025/03/02 08:00', '2025-03-02'],
    ['2025.3.2', '2025-03-02'],
    ['20250302', '2025-03-02'],
    ['20250302 10:22:33', '2025-03-02'],
    ['20250302102233', '2025-03-02'],
    ['2025年3月2日', '2025-03-02'],
    ['2025年03月02日 10:22', '2025-03-02'],
    ['２０２５－０３－０２', '2025-03-02'],
    ['2025-03-02T10:22:33', '2025-03-02'],
    ['45717', '2025-03-01'],
    ['25/03/02', '2025-03-02'],
    ['25-3-2 10:22', '2025-03-02'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateCell(text)).toBe(iso);
  });

  it.each(['', 'abc', '2025-02-30', '2025-13-01', '1899-01-01', '123', '12345678901', '25/13/02'])(
    'rejects %j',
    (text) => {
      expect(parseDateCell(text)).toBeNull();
    },
  );

  it('reads spreadsheet date cells by their wall-clock (UTC) fields', () => {
    expect(parseDateCell(new Date(Date.UTC(2025, 2, 1, 23, 59)))).toBe('2025-03-01');
  });

  it('reads Excel serial numbers', () => {
    expect(parseDateCell(45717)).toBe('2025-03-01');
    expect(parseDateCell(45717.75)).toBe('2025-03-01');
    expect(excelSerialToDate(12)).toBeNull();
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-02', 12, '2025-03-02'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, result) => {
    expect(addMonths(date, months)).toBe(result);
  });
  it('adds days across month and year ends', () => {
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
  });
});
