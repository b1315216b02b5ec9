import { describe, expect, it } from 'vitest';
import { decodeStatement } from './index.js';
import { unmarkCell } from './markers.js';

describe('the marks exports put before a value to keep it text', () => {
  it.each([
    ['`2024-03-01 10:22:33', '2024-03-01 10:22:33'],
    ['`100.00', '100.00'],
    ["'6222021234567890", '6222021234567890'],
    ["'2024-03-01", '2024-03-01'],
    ['`SUCCESS', 'SUCCESS'],
  ])('%s → %s', (cell, value) => {
    expect(unmarkCell(cell)).toBe(value);
  });

  it.each(['`', "'", "'quoted'", '`x`', '交易', '100.00'])('leaves %j as written', (cell) => {
    expect(unmarkCell(cell)).toBe(cell);
  });

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
});
