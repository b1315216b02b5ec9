import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
    ['+86 138', "'+86 138"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('defuses the formula %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('keeps numbers, plain text and empty cells as they are', () => {
    expect(csvCell('-59.00')).toBe('-59.00');
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell('流量费')).toBe('流量费');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a,b', 1, null])).toBe('"a,b",1,\r\n');
  });
});
