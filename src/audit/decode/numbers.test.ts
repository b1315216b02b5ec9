import { describe, expect, it } from 'vitest';
import { numberText } from './numbers.js';

describe('numberText', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1234.5, '1234.5'],
    [-45.27, '-45.27'],
    [100, '100'],
    [1.005 * 100, '100.5'],
    [6222021234567890, '6222021234567890'],
    [0.00000012, '0.00000012'],
    [Number.NaN, ''],
  ])('%d → %s', (value, text) => {
    expect(numberText(value)).toBe(text);
  });
});
