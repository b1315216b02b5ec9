import { describe, expect, it } from 'vitest';
import { auditDecoded } from '../audit.js';
import { parseContract } from '../contract.js';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell, SourceRow } from '../model.js';
import { decodedTable, iterate } from '../testing.js';
import { turnWide } from './wide.js';

/**
 * A daily sheet on its side (one column a day, one row a figure) is read turned: the day's sales
 * are a daily summary, every other money row a movement of its own on the row it is printed on.
 */
const lexicon = defaultLexicon();
const CONTRACT = {
  provider: '示例支付',
  providerType: 'payment_institution',
  rates: [{ cardType: 'any', percent: 0.6 }],
  agreedCharges: [],
};

function audit(rows: Cell[][]) {
  const [first = [], ...rest] = rows;
  return auditDecoded(
    iterate([{ file: 'daily.csv', decoded: decodedTable(first.map(String), rest) }]),
    { contract: parseContract(CONTRACT) },
  );
}

const findings = (report: Awaited<ReturnType<typeof audit>>) =>
  report.findings.map((f) => [f.row, f.date, f.category, f.verdict, f.amount]);

describe('a daily sheet on its side', () => {
  it('reads signed movements on their own rows, the sales as daily sums', async () => {
    const report = await audit([
      ['某某支付 2024年3月 商户日汇总'],
      ['项目', '03-01', '03-02', '03-03', '03-04'],
      ['交易笔数', '3', '2', '4', '1'],
      ['交易金额', '1,200.00', '800.00', '2,000.00', '300.00'],
      ['手续费', '7.20', '4.80', '12.00', '1.80'],
      ['结算金额', '1,192.80', '795.20', '1,988.00', '298.20'],
      ['流量卡年费', '', '-99.00', '', ''],
      ['调账扣款', '', '', '-12.00', ''],
      ['手续费返还', '', '', '', '4.80'],
      ['提现金额', '-1,192.80', '-795.20', '-1,988.00', ''],
    ]);
    expect(findings(report)).toEqual([
      [7, '2024-03-02', 'traffic_fee', 'unauthorized', '99.00'],
      [8, '2024-03-03', 'other_deduction', 'needs_review', '12.00'],
    ]);
    // a day's fee is a sum of card fees: no rate is checked on it, nothing else is claimed
    expect(report.claim.total).toBe('99.00');
    expect(report.statements[0]?.layout?.byRow).toBe(true);
    expect(report.statements[0]?.layout?.columns.amount).toEqual({
      column: '4',
      header: '交易金额',
    });
  });

  it('tells which way unsigned movements went from the balance row', async () => {
    const report = await audit([
      ['商户日结汇总表（2024年3月）'],
      ['项目', '2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04'],
      ['交易笔数', '3', '2', '4', '1'],
      ['交易金额', '1,200.00', '800.00', '2,000.00', '300.00'],
      ['手续费', '7.20', '4.80', '12.00', '1.80'],
      ['结算金额', '1,192.80', '795.20', '1,988.00', '298.20'],
      ['流量卡年费', '', '99.00', '', ''],
      ['调账扣款', '', '', '12.00', ''],
      ['手续费返还', '', '', '', '4.80'],
      ['提现金额', '1,192.80', '696.20', '1,976.00', ''],
      ['账户余额', '1,000.00', '1,000.00', '1,000.00', '1,303.00'],
    ]);
    expect(findings(report)).toEqual([
      [7, '2024-03-02', 'traffic_fee', 'unauthorized', '99.00'],
      [8, '2024-03-03', 'other_deduction', 'needs_review', '12.00'],
    ]);
    expect(report.statements[0]?.layout?.confidence.reasons.join('；')).toContain('余额算术');
  });

  it('does not turn an ordinary table, nor a header of dates with text below', () => {
    const rows = (lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
    expect(
      turnWide(
        rows([
          ['交易时间', '交易类型', '交易金额', '手续费'],
          ['2024-03-01 10:00:00', '消费', '100.00', '0.60'],
          ['2024-03-02 10:00:00', '消费', '200.00', '1.20'],
          ['2024-03-03 10:00:00', '消费', '300.00', '1.80'],
        ]),
        lexicon,
      ),
    ).toBeNull();
    expect(
      turnWide(
        rows([
          ['值班', '2024-03-01', '2024-03-02', '2024-03-03'],
          ['早班', '张三', '李四', '王五'],
          ['晚班', '赵六', '张三', '李四'],
        ]),
        lexicon,
      ),
    ).toBeNull();
  });
});
