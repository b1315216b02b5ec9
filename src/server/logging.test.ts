import { describe, expect, it } from 'vitest';
import { maskPersonalData, redactUrl } from './logging.js';

describe('maskPersonalData', () => {
  it.each([
    ['phone 13800138000 called', 'phone 138****8000 called'],
    ['ID 110101199001011234 given', 'ID 110***************'],
    ['card 6222 0212 3456 7890 123 used', 'card ****0123 used'],
    ['card 6222021234567890123', 'card ****0123'],
    ['call +86 138 1234 5678 now', 'call 138****5678 now'],
    ['call +8613812345678 now', 'call 138****5678 now'],
    ['call 138 1234 5678 now', 'call 138****5678 now'],
    ['call 138-1234-5678 now', 'call 138****5678 now'],
    ['call 0086-138-1234-5678 now', 'call 138****5678 now'],
  ])('%s', (input, expected) => {
    expect(maskPersonalData(input)).toContain(expected);
  });

  it('leaves dates, amounts and ids alone', () => {
    const text =
      'GET /api/cases/5d0c8f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f on 2026-11-25, 159.00 yuan, row 1550';
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('redactUrl', () => {
  it('drops the calendar-feed token and token parameters from logged addresses', () => {
    expect(redactUrl('/api/calendar/AbC123_x-y.ics')).toBe('/api/calendar/[redacted]');
    expect(redactUrl('/verify?token=secretvalue&x=1')).toBe('/verify?token=[redacted]&x=1');
    expect(redactUrl('/api/cases?status=open')).toBe('/api/cases?status=open');
  });
});
