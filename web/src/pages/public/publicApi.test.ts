import { describe, expect, it } from 'vitest';
import { csvHref } from './publicApi.js';

function csvOf(href: string): string {
  return decodeURIComponent(href.slice(href.indexOf(',') + 1));
}

describe('a CSV built in the page', () => {
  it('defuses a cell a spreadsheet would run as a formula, like every CSV the server writes', () => {
    const csv = csvOf(
      csvHref(['服务商', '投诉数', '金额'], [['=HYPERLINK("http://x","点我")', 3, '-59.00']]),
    );
    expect(csv).toBe(
      '\uFEFF服务商,投诉数,金额\r\n"\'=HYPERLINK(""http://x"",""点我"")",3,-59.00\r\n',
    );
  });

  it('quotes commas and line breaks', () => {
    expect(csvOf(csvHref(['a'], [['x,y'], ['1\n2']]))).toBe('\uFEFFa\r\n"x,y"\r\n"1\n2"\r\n');
  });
});
