import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell, SourceRow } from '../model.js';
import { detectLayout } from './columns.js';

const lexicon = defaultLexicon();
const rows = (...lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));

/** Sales (in, fee, in − fee), payouts (out, 0, out) and a charge, in fen. */
function body(): Cell[][] {
  const sales: [number, number][] = [
    [47624, 286],
    [76006, 456],
    [63764, 511],
    [21149, 458],
    [69058, 380],
    [13754, 76],
    [47691, 262],
    [49453, 272],
  ];
  const lines: Cell[][] = [];
  sales.forEach(([amount, fee], i) => {
    lines.push([`2025/1/${i + 3}`, '消费', '', String(amount), String(fee), String(amount - fee)]);
    if (i % 3 === 2) lines.push([`2025/1/${i + 3}`, 'D0提现', '90000', '', '0', '90000']);
  });
  lines.push(['2025/1/20', '数据流量卡费', '3600', '', '0', '3600']);
  return lines;
}

describe('借方/贷方 beside a net column the header calls an amount', () => {
  it('takes 划款金额 as the settled amount when 贷方 − 手续费 = 划款金额', () => {
    const layout = detectLayout(
      rows(
        [
          '清算日期',
          '交易类别',
          '借方发生额(分)',
          '贷方发生额(分)',
          '商户手续费(分)',
          '划款金额(分)',
        ],
        ...body(),
      ),
      lexicon,
    );
    expect(layout?.columns).toMatchObject({ inflow: 3, outflow: 2, fee: 4, net: 5 });
    expect(layout?.columns.amount).toBeUndefined();
  });
});

describe('增加/减少 and sales that decide the direction', () => {
  it('knows 增加 and 减少 as money in and out', () => {
    const layout = detectLayout(
      rows(['时间', '动账类型', '减少', '增加', '服务手续费', '实际到账'], ...body()),
      lexicon,
    );
    expect(layout?.columns).toMatchObject({ inflow: 3, outflow: 2, fee: 4, net: 5 });
    expect(layout?.issues ?? []).toEqual([]);
  });

  it('without words for in and out, the column the sales fill is money in', () => {
    const layout = detectLayout(
      rows(['时间', '动账类型', '甲栏', '乙栏', '服务手续费', '实际到账'], ...body()),
      lexicon,
    );
    expect(layout?.columns).toMatchObject({ inflow: 3, outflow: 2 });
    expect(layout?.issues ?? []).toEqual([]);
  });
});
