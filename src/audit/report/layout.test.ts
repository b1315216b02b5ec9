import { describe, expect, it } from 'vitest';
import { layoutText } from './layout.js';

describe('how the columns were read, for people', () => {
  const base = {
    file: 'a.csv',
    format: 'csv' as const,
    encoding: 'utf-8',
    headerRow: 1,
    records: 2,
    columns: {},
  };

  it('names each column by letter and header, the unit, the sign and how sure', () => {
    expect(
      layoutText({
        ...base,
        layout: {
          columns: {
            date: { column: 'A', header: '交易日期' },
            amount: { column: 'C', header: '' },
          },
          unit: 'fen',
          sign: 'debitCredit',
          confidence: {
            level: 'medium',
            reasons: ['金额都是整数且数值很大、末两位不规整，按“分”读取'],
          },
        },
      }),
    ).toBe(
      '读取方式：日期=A列“交易日期”，金额=C列；单位 分；收入、支出分两列；把握 中（金额都是整数且数值很大、末两位不规整，按“分”读取）',
    );
  });

  it('says nothing for a statement without a table (SMS)', () => {
    expect(layoutText(base)).toBeNull();
  });
});
