import { describe, expect, it } from 'vitest';
import { auditDecoded } from '../audit.js';
import { parseContract } from '../contract.js';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell, SourceRow, StatementLine } from '../model.js';
import { decodedTable, iterate } from '../testing.js';
import { describeLayout, detectLayout, parseMapOption } from './columns.js';
import { createRowInterpreter } from './lines.js';

/**
 * Charges printed in fee columns of their own beside the fee column (服务费, 流量费 beside 手续费;
 * 垫资费 and 流量费 on a D0提现 row): each is a deduction of its category, never a shortfall.
 */
const lexicon = defaultLexicon();
const table = (...lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));

function read(rows: SourceRow[], map = '') {
  const layout = detectLayout(rows, lexicon, map ? parseMapOption(map) : {});
  if (!layout) throw new Error('no layout');
  const interpret = createRowInterpreter(layout, 'f.csv', lexicon);
  const lines: StatementLine[] = [];
  for (const row of rows) {
    if (row.row <= layout.headerRow) continue;
    const r = interpret(row);
    if (r.kind === 'line') lines.push(r.line);
    if (r.kind === 'problem') throw new Error(r.problem.message);
  }
  return { layout, lines, described: describeLayout(layout) };
}

function audit(rows: Cell[][], contract: unknown) {
  const [first = [], ...rest] = rows;
  return auditDecoded(
    iterate([{ file: 'x.csv', decoded: decodedTable(first.map(String), rest) }]),
    { contract: parseContract(contract) },
  );
}

const SALES: Cell[][] = [
  ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '服务费', '流量费', '结算金额'],
  ['2025-02-01 08:47:22', '消费', '借记卡', '112.40', '0.56', '0.00', '0.00', '111.84'],
  ['2025-02-01 12:27:14', '消费', '贷记卡', '209.14', '1.25', '0.00', '0.00', '207.89'],
  ['2025-02-02 02:19:11', '结算', '', '-319.73', '0.00', '0.00', '0.00', '-319.73'],
  ['2025-02-05 10:20:22', '消费', '贷记卡', '33.47', '0.20', '29.90', '0.00', '3.37'],
  ['2025-02-10 18:24:42', '消费', '借记卡', '714.99', '3.57', '0.00', '99.00', '612.42'],
  ['2025-03-05 08:20:42', '消费', '贷记卡', '406.69', '2.44', '35.00', '0.00', '369.25'],
  ['2025-03-15 19:54:32', '消费', '贷记卡', '99.18', '0.60', '0.00', '99.00', '-0.42'],
  ['2025-03-16 09:00:00', '消费', '贷记卡', '300.88', '1.81', '29.90', '99.00', '170.17'],
];

const SALES_CONTRACT = {
  provider: '示例支付',
  providerType: 'payment_institution',
  rates: [{ cardType: 'any', percent: 0.6 }],
  agreedCharges: [
    { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2025-03-15' },
    { category: 'service_fee', amountYuan: 29.9, every: 'month' },
  ],
};

describe('fee columns of their own', () => {
  it('finds 服务费 and 流量费 beside 手续费 when amount − fees = settled on their rows', () => {
    const { layout, lines, described } = read(table(...SALES));
    expect(layout.columns.fee).toBe(4);
    expect(layout.feeColumns).toEqual([
      { index: 5, category: 'service_fee' },
      { index: 6, category: 'traffic_fee' },
    ]);
    expect(described.feeColumns).toEqual([
      { column: 'F', header: '服务费', category: 'service_fee' },
      { column: 'G', header: '流量费', category: 'traffic_fee' },
    ]);
    // the fast record reader is not taken: every line carries its charges
    expect(lines[3]?.extraFees).toEqual([{ fee: 2990, header: '服务费', category: 'service_fee' }]);
    expect(lines[7]?.extraFees?.map((x) => x.fee)).toEqual([2990, 9900]);
    expect(lines[0]?.extraFees).toBeUndefined();
  });

  it('claims each charge against the contract, not as a settlement shortfall', async () => {
    const report = await audit(SALES, SALES_CONTRACT);
    expect(report.findings.map((f) => [f.row, f.category, f.verdict, f.overcharge])).toEqual([
      [5, 'service_fee', 'authorized', '0.00'],
      [6, 'traffic_fee', 'unauthorized', '99.00'],
      [7, 'service_fee', 'unauthorized', '5.10'],
      [8, 'traffic_fee', 'authorized', '0.00'],
      [9, 'service_fee', 'unauthorized', '29.90'],
      [9, 'traffic_fee', 'unauthorized', '99.00'],
    ]);
    expect(report.claim.total).toBe('233.00');
  });

  it('reads 垫资费 and 流量费 on D0提现 rows: the payout is no fee, its fee columns are', async () => {
    const rows: Cell[][] = [
      ['日期', '业务', '交易金额', '手续费', '垫资费', '流量费', '到账金额'],
      ['2025-03-01 10:00:00', '刷卡消费', '500.00', '3.00', '0.00', '0.00', '497.00'],
      ['2025-03-01 11:00:00', '刷卡消费', '300.00', '1.80', '0.00', '0.00', '298.20'],
      ['2025-03-02 09:00:00', 'D0提现', '795.20', '0.00', '3.00', '0.00', '792.20'],
      ['2025-03-02 10:00:00', '刷卡消费', '200.00', '1.20', '0.00', '0.00', '198.80'],
      ['2025-03-03 09:00:00', 'D0提现', '198.80', '0.00', '3.00', '80.00', '115.80'],
      ['2025-03-04 10:00:00', '刷卡消费', '100.00', '0.60', '0.00', '0.00', '99.40'],
      ['2025-03-05 09:00:00', 'D0提现', '99.40', '0.00', '0.00', '0.00', '99.40'],
    ];
    const report = await audit(rows, {
      provider: '示例支付',
      providerType: 'payment_institution',
      rates: [{ cardType: 'any', percent: 0.6 }],
      agreedCharges: [
        { category: 'instant_settlement_fee', amountYuan: 3, every: 'month' },
        { category: 'traffic_fee', amountYuan: 60, every: 'year' },
      ],
    });
    expect(report.findings.map((f) => [f.row, f.category, f.verdict, f.overcharge])).toEqual([
      [4, 'instant_settlement_fee', 'authorized', '0.00'],
      [6, 'instant_settlement_fee', 'unauthorized', '3.00'],
      [6, 'traffic_fee', 'unauthorized', '20.00'],
    ]);
  });

  it('leaves alone a fee-named column whose money does not add up on its rows', () => {
    const rows = table(
      ['交易时间', '交易类型', '交易金额', '手续费', '服务费', '结算金额'],
      ['2025-02-01 08:47:22', '消费', '100.00', '0.60', '0.60', '99.40'],
      ['2025-02-01 12:27:14', '消费', '200.00', '1.20', '1.20', '198.80'],
      ['2025-02-02 12:27:14', '消费', '300.00', '1.80', '1.80', '298.20'],
    );
    const { layout, lines } = read(rows);
    expect(layout.feeColumns).toBeUndefined();
    expect(lines.every((l) => l.extraFees === undefined)).toBe(true);
  });

  it.each([['服务费率'], ['流量费退还'], ['流量费合计']])(
    'a header that says a rate, a refund or a total is no charge: %s',
    (header) => {
      const rows = table(
        ['交易时间', '交易类型', '交易金额', '手续费', header, '结算金额'],
        ['2025-02-01 08:47:22', '消费', '100.00', '0.60', '0.00', '99.40'],
        ['2025-02-01 12:27:14', '消费', '200.00', '1.20', '0.00', '198.80'],
        ['2025-02-02 12:27:14', '消费', '300.00', '1.80', '99.00', '199.20'],
      );
      expect(read(rows).layout.feeColumns).toBeUndefined();
    },
  );

  it('without a settled column, a fee-named column filled on most rows is no charge', () => {
    const rows = table(
      ['交易时间', '交易类型', '交易金额', '手续费', '服务费'],
      ['2025-02-01 08:47:22', '消费', '100.00', '0.60', '0.10'],
      ['2025-02-01 12:27:14', '消费', '200.00', '1.20', '0.20'],
      ['2025-02-02 12:27:14', '消费', '300.00', '1.80', '0.30'],
    );
    expect(read(rows).layout.feeColumns).toBeUndefined();
    const sparse = table(
      ['交易时间', '交易类型', '交易金额', '手续费', '流量费'],
      ['2025-02-01 08:47:22', '消费', '100.00', '0.60', '0.00'],
      ['2025-02-01 12:27:14', '消费', '200.00', '1.20', '0.00'],
      ['2025-02-02 12:27:14', '消费', '300.00', '1.80', '99.00'],
    );
    expect(read(sparse).layout.feeColumns).toEqual([{ index: 4, category: 'traffic_fee' }]);
  });

  it('a column --map gives a role is that role only', () => {
    const { layout } = read(table(...SALES), 'description=服务费');
    expect(layout.columns.description).toBe(5);
    expect(layout.feeColumns).toEqual([{ index: 6, category: 'traffic_fee' }]);
  });

  it('a charge row whose own fee column repeats its charge is one deduction', async () => {
    const rows: Cell[][] = [
      ['交易时间', '交易类型', '交易金额', '手续费', '流量费', '结算金额'],
      ['2025-02-01 08:47:22', '消费', '100.00', '0.60', '0.00', '99.40'],
      ['2025-02-01 12:27:14', '消费', '200.00', '1.20', '0.00', '198.80'],
      ['2025-02-03 12:27:14', '流量费', '-99.00', '0.00', '99.00', '-99.00'],
    ];
    const report = await audit(rows, {
      provider: '示例支付',
      providerType: 'payment_institution',
      rates: [{ cardType: 'any', percent: 0.6 }],
      agreedCharges: [],
    });
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [4, 'traffic_fee', '99.00'],
    ]);
  });
});
