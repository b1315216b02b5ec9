import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeStatement } from './index.js';
import { cleanText, unmarkCell } from './markers.js';

describe('the marks exports put before a value to keep it text', () => {
  it.each([
    ['`2024-03-01 10:22:33', '2024-03-01 10:22:33'],
    ['`100.00', '100.00'],
    ["'6222021234567890", '6222021234567890'],
    ["'2024-03-01", '2024-03-01'],
    ['`SUCCESS', 'SUCCESS'],
    ['="20250101"', '20250101'],
    ['="822290058120345"', '822290058120345'],
    ['="1,234.50"', '1,234.50'],
    ['="say ""hi"" "', 'say "hi" '],
    ['=""', ''],
  ])('%s → %s', (cell, value) => {
    expect(unmarkCell(cell)).toBe(value);
  });

  it.each(['`', "'", "'quoted'", '`x`', '交易', '100.00', '=', '=A1+B1', '="a"&"b"', '="open'])(
    'leaves %j as written',
    (cell) => {
      expect(unmarkCell(cell)).toBe(cell);
    },
  );

  it('a WeChat Pay bill reads as dates and amounts', async () => {
    const text =
      '交易时间,交易状态,应结订单金额,手续费\n`2024-03-01 09:12:33,`SUCCESS,`100.00,`0.38\n';
    async function* chunks() {
      await Promise.resolve();
      yield new TextEncoder().encode(text);
    }
    const decoded = await decodeStatement(chunks(), 'bill.csv');
    const rows = [];
    if (decoded.kind === 'table') for await (const batch of decoded.batches) rows.push(...batch);
    expect(rows[1]?.cells).toEqual(['2024-03-01 09:12:33', 'SUCCESS', '100.00', '0.38']);
  });

  it.each(['utf-8', 'gb18030'])(
    'Excel string constants (="20250101") read as plain values in a %s CSV',
    async (encoding) => {
      const text =
        '交易日期,交易时间,终端号,交易金额(元),参考号\n' +
        '="20250101",="110710",="T37653373",273.86,="237447498908"\n' +
        '"=""20250102""",="120000",="T37653373",="1000.00",="237447498909"\n';
      const bytes =
        encoding === 'utf-8'
          ? new TextEncoder().encode(text)
          : new Uint8Array(iconv.encode(text, 'gb18030'));
      async function* chunks() {
        await Promise.resolve();
        yield bytes;
      }
      const decoded = await decodeStatement(chunks(), 'lkl.csv');
      const rows = [];
      if (decoded.kind === 'table') for await (const batch of decoded.batches) rows.push(...batch);
      expect(rows[1]?.cells).toEqual(['20250101', '110710', 'T37653373', '273.86', '237447498908']);
      expect(rows[2]?.cells).toEqual([
        '20250102',
        '120000',
        'T37653373',
        '1000.00',
        '237447498909',
      ]);
    },
  );
});

describe('characters that show nothing', () => {
  it.each([
    ['手续\u200b费', '手续费'],
    ['\u200b3.26', '3.26'],
    ['1\u200b3.85', '13.85'],
    ['流\u200c量\u200d费', '流量费'],
    ['\ufeff交易时间', '交易时间'],
    ['服务\u00ad费\u2060', '服务费'],
    ['\u200e押金\u200f', '押金'],
    ['\u200b 流量费\u00a0\u3000\t', '流量费'],
  ])('%j → %s', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  it.each(['流量费', ' 流量费 ', '', '100.00'])('leaves %j as it is', (text) => {
    expect(cleanText(text)).toBe(text);
  });
});
