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
  /**
   * The same four days: money out printed negative, or every figure positive with an 账户余额 row
   * that says which way each moved.
   */
  const daily = (signed: boolean): Cell[][] => {
    const out = (yuan: string) => (signed && yuan !== '' ? `-${yuan}` : yuan);
    return [
      [signed ? '某某支付 2024年3月 商户日汇总' : '商户日结汇总表（2024年3月）'],
      [
        '项目',
        ...(signed
          ? ['03-01', '03-02', '03-03', '03-04']
          : ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04']),
      ],
      ['交易笔数', '3', '2', '4', '1'],
      ['交易金额', '1,200.00', '800.00', '2,000.00', '300.00'],
      ['手续费', '7.20', '4.80', '12.00', '1.80'],
      ['结算金额', '1,192.80', '795.20', '1,988.00', '298.20'],
      ['流量卡年费', ...['', '99.00', '', ''].map(out)],
      ['调账扣款', ...['', '', '12.00', ''].map(out)],
      ['手续费返还', '', '', '', '4.80'],
      ['提现金额', ...['1,192.80', '696.20', '1,976.00', ''].map(out)],
      ...(signed ? [] : [['账户余额', '1,000.00', '1,000.00', '1,000.00', '1,303.00']]),
    ];
  };

  it.each([
    {
      name: 'reads signed movements on their own rows, the sales as daily sums',
      signed: true,
      also: (report: Awaited<ReturnType<typeof audit>>) => {
        // a day's fee is a sum of card fees: no rate is checked on it, nothing else is claimed
        expect(report.claim.total).toBe('99.00');
        expect(report.statements[0]?.layout?.byRow).toBe(true);
        expect(report.statements[0]?.layout?.columns.amount).toEqual({
          column: '4',
          header: '交易金额',
        });
      },
    },
    {
      name: 'tells which way unsigned movements went from the balance row',
      signed: false,
      also: (report: Awaited<ReturnType<typeof audit>>) => {
        expect(report.statements[0]?.layout?.confidence.reasons.join('；')).toContain('余额算术');
      },
    },
  ])('$name', async ({ signed, also }) => {
    const report = await audit(daily(signed));
    expect(findings(report)).toEqual([
      [7, '2024-03-02', 'traffic_fee', 'unauthorized', '99.00'],
      [8, '2024-03-03', 'other_deduction', 'needs_review', '12.00'],
    ]);
    also(report);
  });

  it.each([
    {
      name: 'an ordinary table',
      lines: [
        ['交易时间', '交易类型', '交易金额', '手续费'],
        ['2024-03-01 10:00:00', '消费', '100.00', '0.60'],
        ['2024-03-02 10:00:00', '消费', '200.00', '1.20'],
        ['2024-03-03 10:00:00', '消费', '300.00', '1.80'],
      ],
    },
    {
      name: 'a header of dates with text below',
      lines: [
        ['值班', '2024-03-01', '2024-03-02', '2024-03-03'],
        ['早班', '张三', '李四', '王五'],
        ['晚班', '赵六', '张三', '李四'],
      ],
    },
  ])('does not turn $name', ({ lines }) => {
    const rows: SourceRow[] = lines.map((cells, i) => ({ row: i + 1, cells }));
    expect(turnWide(rows, lexicon)).toBeNull();
  });
});
