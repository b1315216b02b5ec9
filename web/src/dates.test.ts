import { describe, expect, it } from 'vitest';
import { beijingDate, beijingToday } from './dates.js';

describe('Beijing dates in the browser', () => {
  it('gives the Beijing date whatever the UTC date', () => {
    // 00:30 and 23:30 in Beijing.
    expect(beijingToday(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05');
    expect(beijingToday(new Date('2026-12-05T15:30:00Z'))).toBe('2026-12-05');
    expect(beijingToday(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
  });

  it('formats instants as Beijing dates and leaves calendar dates alone', () => {
    expect(beijingDate('2026-12-04T17:00:00.000Z')).toBe('2026-12-05');
    expect(beijingDate('2026-12-04')).toBe('2026-12-04');
    expect(beijingDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
