import { describe, expect, it } from 'vitest';
import { isFeeGuardError } from '../../errors.js';
import { auditDecoded } from '../audit.js';
import { parseContract } from '../contract.js';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell, SourceRow, StatementLine } from '../model.js';
import { decodedTable, iterate } from '../testing.js';
import { describeLayout, detectLayout, parseMapOption, unsureLayoutError } from './columns.js';
import { createRowInterpreter } from './lines.js';

/**
 * The layouts that made the header-only reader refuse (issue 11): each read from words, content
 * and arithmetic, down to the lines and, where it matters, the findings.
 */
const lexicon = defaultLexicon();
const table = (...lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));

function read(rows: SourceRow[], map = '') {
  const layout = detectLayout(rows, lexicon, map ? parseMapOption(map) : {});
  if (!layout) throw new Error('no layout');
  const interpret = createRowInterpreter(layout, 'f.csv', lexicon);
  const lines: StatementLine[] = [];
  for (const row of rows) {
    if (row.row <= layout.headerRow || row.row < (layout.firstDataRow ?? 0)) continue;
    const r = interpret(row);
    if (r.kind === 'line') lines.push(r.line);
    if (r.kind === 'problem') throw new Error(r.problem.message);
  }
  return { layout, lines, described: describeLayout(layout) };
}

const brief = (lines: StatementLine[]) => lines.map((l) => [l.date, l.amount, l.fee, l.net]);

function audit(rows: Cell[][], contract: unknown = null) {
  const [first = [], ...rest] = rows;
  return auditDecoded(
    iterate([{ file: 'x.csv', decoded: decodedTable(first.map(String), rest) }]),
    {
      contract: contract === null ? null : parseContract(contract),
    },
  );
}

const CONTRACT = {
  provider: '示例支付',
  providerType: 'payment_institution',
  rates: [{ cardType: 'any', percent: 0.6, capYuan: 20 }],
  agreedCharges: [],
};

describe('headers in English, bilingual, or synonyms', () => {
  it('reads Trans Date/交易日期, Amount(CNY), Fee, Net Amount, Card Type, Description, Ref No.', () => {
    const { layout, lines } = read(
      table(
        [
          'Trans Date/交易日期',
          'Card Type',
          'Amount(CNY)',
          'Fee',
          'Net Amount',
          'Description',
          'Ref No.',
        ],
        ['2024-03-01', 'Debit', '100.00', '0.60', '99.40', 'POS sale', 'R000000000001'],
        ['2024-03-02', 'Credit', '200.00', '1.20', '198.80', 'POS sale', 'R000000000002'],
        ['2024-03-03', '', '-36.00', '0.00', '-36.00', 'SIM data fee', 'R000000000003'],
      ),
    );
    expect(layout.columns).toMatchObject({
      date: 0,
      cardType: 1,
      amount: 2,
      fee: 3,
      net: 4,
      description: 5,
      reference: 6,
    });
    expect(layout.confidence?.level).toBe('high');
    expect(brief(lines)).toEqual([
      ['2024-03-01', 10000, 60, 9940],
      ['2024-03-02', 20000, 120, 19880],
      ['2024-03-03', -3600, 0, -3600],
    ]);
    expect(lines.map((l) => l.cardType)).toEqual(['debit', 'credit', 'unknown']);
  });

  it.each([
    [['清算日期', '交易本金', '手续费(元)', '到账金额'], { date: 0, amount: 1, fee: 2, net: 3 }],
    [['交易日期', '本金', '费用金额', '入账金额'], { date: 0, amount: 1, fee: 2, net: 3 }],
    [['记账日期', '扣款金额', '手续费', '实收金额'], { date: 0, amount: 1, fee: 2, net: 3 }],
  ])('%j', (header, expected) => {
    const { layout } = read(
      table(
        header,
        ['2024-03-01', '100.00', '0.60', '99.40'],
        ['2024-03-02', '50.00', '0.30', '49.70'],
      ),
    );
    expect(layout.columns).toMatchObject(expected);
  });
});

describe('short words that mean two things', () => {
  it('reads 借/贷 filled on the sales only as their card type, and a fee column headed 扣费', () => {
    const { layout, lines } = read(
      table(
        ['日期', '业务', '卡种', '金额', '扣费', '到账', '说明'],
        ['2024-03-01 10:00:00', '刷卡消费', '借', '100.00', '0.60', '99.40', ''],
        ['2024-03-01 11:00:00', '刷卡消费', '贷', '200.00', '1.20', '198.80', ''],
        ['2024-03-02 01:00:00', '扣费', '', '-36.00', '', '-36.00', '流量卡年费'],
        ['2024-03-02 10:00:00', '扫码收款', '贷', '50.00', '0.30', '49.70', ''],
        ['2024-03-02 22:00:00', '结算', '', '-312.00', '', '-312.00', '尾号1234'],
      ),
    );
    expect(layout.columns).toMatchObject({ cardType: 2, amount: 3, fee: 4, net: 5 });
    expect(layout.columns.direction).toBeUndefined();
    expect(lines.map((l) => [l.amount, l.cardType])).toEqual([
      [10000, 'debit'],
      [20000, 'credit'],
      [-3600, 'unknown'],
      [5000, 'credit'],
      [-31200, 'unknown'],
    ]);
  });
});

describe('where the table is', () => {
  it('data from column C and row 6, below a title and a preamble, with a total at the end', () => {
    const { layout, lines } = read(
      table(
        ['', '', '商户交易明细'],
        ['', '', '商户名称：示例小店'],
        ['', '', '查询时间：2024-04-01 09:00:00'],
        [],
        ['', '', '交易时间', '交易金额', '手续费', '结算金额', '摘要'],
        ['', '', '2024-03-01 10:00:00', '100.00', '0.60', '99.40', '消费'],
        ['', '', '2024-03-02 11:00:00', '-39.00', '0.00', '-39.00', '服务费'],
        ['', '', '合计', '61.00', '0.60', '60.40', ''],
      ),
    );
    expect(layout.headerRow).toBe(5);
    expect(layout.columns).toMatchObject({ date: 2, amount: 3, fee: 4, net: 5, description: 6 });
    expect(brief(lines)).toEqual([
      ['2024-03-01', 10000, 60, 9940],
      ['2024-03-02', -3900, 0, -3900],
    ]);
  });

  it('merges a two-row header (a group title above, or a label merged down)', () => {
    const { layout, lines } = read(
      table(
        ['交易日期', '交易类型', '金额(元)', '', ''],
        ['', '', '交易', '手续', '结算'],
        ['2024-03-01', '消费', '100.00', '0.60', '99.40'],
        ['2024-03-02', '消费', '300.00', '1.80', '298.20'],
        ['2024-03-03', '扣费', '-36.00', '0.00', '-36.00'],
      ),
    );
    expect(layout.headerRow).toBe(2);
    expect(layout.headers.slice(0, 2)).toEqual(['交易日期', '交易类型']);
    expect(layout.columns).toMatchObject({ date: 0, type: 1, amount: 2, fee: 3, net: 4 });
    expect(lines).toHaveLength(3);
  });

  it('reads a table with no header from its content when the arithmetic is clear', () => {
    const { layout, lines } = read(
      table(
        ['2024-03-01 10:00:00', '消费', '100.00', '0.60', '99.40', '000123456789'],
        ['2024-03-02 10:00:00', '消费', '200.00', '1.20', '198.80', '000123456790'],
        ['2024-03-03 10:00:00', '流量费', '-36.00', '0.00', '-36.00', '000123456791'],
      ),
    );
    expect(layout.headerRow).toBe(0);
    expect(layout.columns).toMatchObject({ date: 0, amount: 2, fee: 3, net: 4, reference: 5 });
    expect(layout.confidence?.level).toBe('high');
    expect(lines.map((l) => l.description)).toEqual(['消费', '消费', '流量费']);
  });
});

describe('amounts in fen', () => {
  it.each([
    {
      name: '交易金额(分): whole numbers read as fen',
      rows: [
        ['交易时间', '交易金额(分)', '手续费(分)', '摘要'],
        ['2024-03-01', '10000', '60', '消费'],
        ['2024-03-02', '-3600', '0', '流量费'],
      ],
      unit: 'fen',
      lines: [
        ['2024-03-01', 10000, 60, null],
        ['2024-03-02', -3600, 0, null],
      ],
    },
    {
      name: 'whole numbers that only make sense as fen: fees that follow the amount without decimals',
      rows: [
        ['日期', '金额', '手续费', '净额'],
        ['2024-03-01', '102211', '613', '101598'],
        ['2024-03-02', '45099', '271', '44828'],
        ['2024-03-03', '7788', '47', '7741'],
        ['2024-03-04', '-3600', '0', '-3600'],
      ],
      unit: 'fen',
      lines: [['2024-03-01', 102211, 613, 101598]],
    },
    {
      name: 'fen amount with a yuan fee: the arithmetic holds only with the amount in fen',
      rows: [
        ['日期', '交易金额', '手续费', '结算金额'],
        ['2024-03-01', '10000', '0.60', '99.40'],
        ['2024-03-02', '25000', '1.50', '248.50'],
        ['2024-03-03', '5000', '0.30', '49.70'],
      ],
      unit: 'mixed',
      lines: [
        ['2024-03-01', 10000, 60, 9940],
        ['2024-03-02', 25000, 150, 24850],
      ],
    },
  ])('$name', ({ rows, unit, lines: want }) => {
    const { lines, described } = read(table(...rows));
    expect(described.unit).toBe(unit);
    expect(brief(lines).slice(0, want.length)).toEqual(want);
  });

  it('asks for the unit of a headerless table of whole numbers, and takes --map unit=fen', () => {
    const rows = table(
      ['2024-03-01', '1001', '消费'],
      ['2024-03-02', '3600', '流量费'],
      ['2024-03-03', '1200', '消费'],
    );
    const layout = detectLayout(rows, lexicon);
    expect(layout?.issues?.map((i) => i.role)).toEqual(['unit']);
    expect(read(rows, 'unit=fen').lines[0]?.amount).toBe(1001);
    expect(read(rows, 'unit=yuan').lines[0]?.amount).toBe(100100);
  });
});

describe('debit and credit, balance, sign conventions', () => {
  it.each([
    ['借方发生额', '贷方发生额'],
    ['支出', '收入'],
    ['出账金额', '入账'],
    ['Debit', 'Credit'],
  ])('%s / %s columns, one empty on each row', (out, inn) => {
    const { lines, described } = read(
      table(
        ['交易日期', '摘要', out, inn],
        ['2024-03-01', '消费', '', '100.00'],
        ['2024-03-02', '流量费', '36.00', ''],
        ['2024-03-03', '消费', '', '50.00'],
      ),
    );
    expect(described.sign).toBe('debitCredit');
    expect(lines.map((l) => l.amount)).toEqual([10000, -3600, 5000]);
  });

  it('two exclusive columns without words: the running balance says which is which', () => {
    const { layout, lines } = read(
      table(
        ['2024-03-01', '消费', '', '100.00', '1100.00'],
        ['2024-03-02', '流量费', '36.00', '', '1064.00'],
        ['2024-03-03', '消费', '', '50.00', '1114.00'],
        ['2024-03-04', '提现', '1000.00', '', '114.00'],
      ),
    );
    expect(layout.columns).toMatchObject({ outflow: 2, inflow: 3, balance: 4 });
    expect(lines.map((l) => l.amount)).toEqual([10000, -3600, 5000, -100000]);
  });

  it('no words, debit/credit with fee and settled columns: the balance moves by what is settled', () => {
    const { layout, lines } = read(
      table(
        ['2024-03-01', '消费', '', '100.00', '0.60', '99.40', '1099.40'],
        ['2024-03-02', '流量费', '36.00', '', '0.00', '-36.00', '1063.40'],
        ['2024-03-03', '消费', '', '50.00', '0.30', '49.70', '1113.10'],
        ['2024-03-04', '提现', '1000.00', '', '0.00', '-1000.00', '113.10'],
      ),
    );
    expect(layout.columns).toMatchObject({ outflow: 2, inflow: 3, fee: 4, net: 5, balance: 6 });
    expect(brief(lines)).toEqual([
      ['2024-03-01', 10000, 60, 9940],
      ['2024-03-02', -3600, 0, -3600],
      ['2024-03-03', 5000, 30, 4970],
      ['2024-03-04', -100000, 0, -100000],
    ]);
  });

  it('an unsigned amount with a balance: the balance gives the direction of a fee deduction', () => {
    const { lines, described } = read(
      table(
        ['日期', '摘要', '金额', '余额'],
        ['2024-03-01', '期初', '0.00', '1000.00'],
        ['2024-03-02', '收款', '100.00', '1100.00'],
        ['2024-03-03', '扣流量费', '36.00', '1064.00'],
        ['2024-03-04', '收款', '50.00', '1114.00'],
      ),
    );
    expect(described.sign).toBe('balance');
    expect(lines.map((l) => l.amount)).toEqual([0, 10000, -3600, 5000]);
  });

  it('the balance pins the unit: whole-number movements in fen beside a balance in yuan', () => {
    const { lines, described } = read(
      table(
        ['日期', '摘要', '借方', '贷方', '余额'],
        ['2024-03-01', '收款', '', '10000', '1100.00'],
        ['2024-03-02', '流量费', '3600', '', '1064.00'],
        ['2024-03-03', '收款', '', '5000', '1114.00'],
        ['2024-03-04', '提现', '100000', '', '114.00'],
      ),
    );
    expect(described.unit).toBe('mixed');
    expect(lines.map((l) => l.amount)).toEqual([10000, -3600, 5000, -100000]);
  });

  it.each([
    [['日期', '摘要', '金额'], ['(36.00)', '100.00'], 'parentheses'],
    [['日期', '摘要', '金额', '借贷'], ['36.00', '借', '100.00', '贷'], 'direction'],
    [['日期', '摘要', '金额', '收/支'], ['36.00', '支', '100.00', '收'], 'direction'],
    [['Date', 'Memo', 'Amount', 'D/C'], ['36.00', 'D', '100.00', 'C'], 'direction'],
  ])('%j', (header, cells, sign) => {
    const wide = header.length === 4;
    const rows = table(
      header,
      ['2024-03-01', '流量费', ...(wide ? cells.slice(0, 2) : cells.slice(0, 1))],
      ['2024-03-02', '收款', ...(wide ? cells.slice(2, 4) : cells.slice(1, 2))],
    );
    const { lines, described } = read(rows);
    expect(described.sign).toBe(sign);
    expect(lines.map((l) => l.amount)).toEqual([-3600, 10000]);
  });

  it('a 收支类型 column of 收入/支出 words gives the direction of unsigned amounts', () => {
    const { layout, lines } = read(
      table(
        ['交易日期', '收支类型', '金额', '摘要'],
        ['2024-03-01', '收入', '100.00', '消费'],
        ['2024-03-02', '支出', '36.00', '流量费'],
      ),
    );
    expect(layout.sign).toBe('direction');
    expect(lines.map((l) => l.amount)).toEqual([10000, -3600]);
  });

  it('several terminals in one file: the terminal number is not an amount', () => {
    const { layout } = read(
      table(
        ['终端号', '交易时间', '交易金额', '手续费', '结算金额'],
        ['12345678', '2024-03-01', '100.00', '0.60', '99.40'],
        ['87654321', '2024-03-01', '200.00', '1.20', '198.80'],
        ['12345678', '2024-03-02', '-36.00', '0.00', '-36.00'],
      ),
    );
    expect(layout.columns).toMatchObject({ terminal: 0, date: 1, amount: 2, fee: 3, net: 4 });
  });
});

describe('cells as spreadsheets give them', () => {
  it('Excel serial numbers under a date header, numbers for money, a fee written negative', () => {
    const { layout, lines } = read(
      table(
        ['交易日期', '交易金额', '手续费', '摘要'],
        [45352, 100, -0.6, '消费'],
        [45353, 250.5, -1.5, '消费'],
        [45354, -36, 0, '流量费'],
      ),
    );
    expect(layout.columns).toMatchObject({ date: 0, amount: 1, fee: 2, description: 3 });
    expect(brief(lines)).toEqual([
      ['2024-03-01', 10000, 60, null],
      ['2024-03-02', 25050, 150, null],
      ['2024-03-03', -3600, 0, null],
    ]);
  });
});

describe('daily summaries', () => {
  it('a day’s fee total is not a deduction, and no rate is checked on a sum', async () => {
    const report = await audit(
      [
        ['日期', '笔数', '交易总额', '手续费合计', '结算金额', '摘要'],
        // 20 sales of 500 yuan: the cap (20 yuan) per sale is not the cap of the day
        ['2024-03-01', '20', '10000.00', '60.00', '9940.00', ''],
        ['2024-03-02', '15', '6000.00', '36.00', '5964.00', ''],
        ['2024-03-03', '', '-99.00', '0.00', '-99.00', '流量费'],
        ['2024-03-04', '18', '9000.00', '54.00', '8946.00', ''],
      ],
      CONTRACT,
    );
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [4, 'traffic_fee', '99.00'],
    ]);
    expect(report.statements[0]?.records).toBe(4);
    expect(report.statements[0]?.layout?.columns.count).toEqual({ column: 'B', header: '笔数' });
  });
});

describe('daily totals without a count column', () => {
  it('交易总额 and 手续费合计 mark summary rows; a deduction among them is still read', async () => {
    const report = await audit(
      [
        ['日期', '交易总额', '手续费合计', '结算金额', '摘要'],
        ['2024-03-01', '10000.00', '60.00', '9940.00', ''],
        ['2024-03-02', '6000.00', '36.00', '5964.00', ''],
        ['2024-03-03', '-99.00', '0.00', '-99.00', '流量费'],
      ],
      CONTRACT,
    );
    expect(report.findings.map((f) => [f.row, f.category])).toEqual([[4, 'traffic_fee']]);
    expect(report.statements[0]?.layout?.confidence.reasons.join()).toMatch(/每日汇总/);
  });
});

describe('daily totals among single transactions', () => {
  it('a 当日汇总 row is not rate-checked and its fee total is not a deduction', async () => {
    const report = await audit(
      [
        ['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要'],
        ['2024-03-01 10:00:00', '消费', '5000.00', '20.00', '4980.00', ''],
        ['2024-03-01 11:00:00', '消费', '5000.00', '20.00', '4980.00', ''],
        ['2024-03-01 23:59:59', '当日汇总', '10000.00', '40.00', '9960.00', '2笔'],
        ['2024-03-02 09:00:00', '扣费', '-99.00', '0.00', '-99.00', '流量费'],
      ],
      CONTRACT,
    );
    expect(report.findings.map((f) => [f.row, f.category])).toEqual([[5, 'traffic_fee']]);
  });
});

describe('when the reader is not sure', () => {
  const rows: Cell[][] = [
    ['2024-03-01', '消费', '100.00', '12.00'],
    ['2024-03-02', '消费', '200.00', '13.00'],
    ['2024-03-03', '流量费', '36.00', '14.00'],
  ];

  it('stops with FG_ERR_UNSURE_LAYOUT naming its best guess, with the guess as data', async () => {
    const error: unknown = await audit(rows).catch((e: unknown) => e);
    expect(isFeeGuardError(error)).toBe(true);
    if (!isFeeGuardError(error)) return;
    expect(error.code).toBe('FG_ERR_UNSURE_LAYOUT');
    expect(error.message).toMatch(/C 列、D 列都可能是金额列/);
    expect(error.hint).toMatch(/--map date=1,amount=3/);
    expect(error.details).toMatchObject({
      layout: {
        columns: { date: { letter: 'A', column: 1 }, amount: { letter: 'C', column: 3 } },
        questions: [{ role: 'amount', candidates: [{ letter: 'C' }, { letter: 'D' }] }],
      },
    });
  });

  it('carries the first rows as text and a fingerprint that ignores the values', async () => {
    const sampleOf = async (table: Cell[][]) => {
      const error: unknown = await audit(table).catch((e: unknown) => e);
      if (!isFeeGuardError(error)) throw new Error('expected FG_ERR_UNSURE_LAYOUT');
      return (error.details as { sample: { rows: string[][]; fingerprint: string } }).sample;
    };
    const first = await sampleOf(rows);
    expect(first.rows[0]).toEqual(['2024-03-01', '消费', '100.00', '12.00']);
    expect(first.rows).toHaveLength(3);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const other = await sampleOf([
      ['2024-05-11', '消费', '80.00', '2.00'],
      ['2024-05-12', '年费', '300.00', '3.00'],
    ]);
    expect(other.fingerprint).toBe(first.fingerprint);
    // another column order is another layout
    const swapped = await sampleOf(
      rows.map(([d, t, a, b]) => [t ?? '', d ?? '', a ?? '', b ?? '']),
    );
    expect(swapped.fingerprint).not.toBe(first.fingerprint);
  });

  it('takes --map and goes on', () => {
    const { lines } = read(table(...rows), 'date=1,amount=4');
    expect(lines.map((l) => l.amount)).toEqual([1200, 1300, 1400]);
  });

  it('the message has no English words apart from the part in brackets', () => {
    const layout = detectLayout(table(...rows), lexicon);
    if (!layout) throw new Error('no layout');
    const message = unsureLayoutError(layout, 'x.csv').message;
    expect(message.replace(/\(.*\)$/, '').replace('x.csv', '')).not.toMatch(/[a-z]{2,}/i);
  });
});

describe('dates without a year, the year in the preamble', () => {
  const header = ['交易时间', '交易类型', '交易金额', '手续费', '结算金额'];
  const body: Cell[][] = [
    ['12-30 10:51', '消费', '100.00', '0.60', '99.40'],
    ['', '消费', '50.00', '0.30', '49.70'],
    ['01-02 09:10', '消费', '200.00', '1.20', '198.80'],
    ['1月3日 14:00', '消费', '300.00', '1.80', '298.20'],
  ];

  it('reads them with the year of the stated period, across the new year', () => {
    const { layout, lines } = read(
      table(['某某支付商户交易明细'], ['账单周期：2023年12月15日至2024年1月20日'], header, ...body),
    );
    expect(layout.period).toEqual({ from: '2023-12-15', to: '2024-01-20' });
    expect(layout.columns.date).toBe(0);
    // the blank date cell still takes the day above
    expect(lines.map((l) => l.date)).toEqual([
      '2023-12-30',
      '2023-12-30',
      '2024-01-02',
      '2024-01-03',
    ]);
  });

  it('takes the period from a label and value in two cells', () => {
    const { lines } = read(
      table(['统计期间', '2023-12-15~2024-01-20'], header, ...body.slice(0, 1)),
    );
    expect(lines.map((l) => l.date)).toEqual(['2023-12-30']);
  });

  it('makes a row outside the period a problem of that row, not a guess', () => {
    const rows = table(['账单周期：2023年12月15日至2024年1月20日'], header, ...body, [
      '03-01 10:00',
      '消费',
      '10.00',
      '0.06',
      '9.94',
    ]);
    const layout = detectLayout(rows, lexicon);
    if (!layout) throw new Error('no layout');
    const interpret = createRowInterpreter(layout, 'f.csv', lexicon);
    const last = interpret(rows.at(-1) as SourceRow);
    expect(last.kind).toBe('problem');
    if (last.kind !== 'problem') return;
    expect(last.problem.message).toMatch(/没有年份，且不在账单周期 2023-12-15 至 2024-01-20 内/);
  });

  it('without a year anywhere stops, saying the dates have no year and what to do', async () => {
    const error: unknown = await audit([['某某支付商户交易明细'], header, ...body]).catch(
      (e: unknown) => e,
    );
    expect(isFeeGuardError(error)).toBe(true);
    if (!isFeeGuardError(error)) return;
    expect(error.code).toBe('FG_ERR_UNSURE_LAYOUT');
    expect(error.message).toMatch(
      /无法确定日期的年份：A 列“交易时间”的日期没有年份（如“12-30 10:51”）/,
    );
    expect(error.details).toMatchObject({
      layout: { questions: [{ role: 'date', yearless: true }] },
    });
    expect(error.message).toMatch(/请重新导出带年份的完整日期/);
    expect(error.hint).toMatch(/no year/);
    expect(error.message.replace(/\([^()]*\)$/, '').replace('x.csv', '')).not.toMatch(/[a-z]{2,}/i);
  });

  it('takes the year from a title that states one span without a label', () => {
    const march = ['03-02 10:51', '消费', '100.00', '0.60', '99.40'];
    for (const title of ['某某支付 2024年3月 商户交易明细', '二〇二四年三月 商户交易明细']) {
      const { layout, lines } = read(table([title], ['商户名称：成都市张记面馆'], header, march));
      expect(layout.period, title).toEqual({ from: '2024-03-01', to: '2024-03-31' });
      expect(lines.map((l) => l.date)).toEqual(['2024-03-02']);
    }
    const { lines } = read(
      table(['2023年度对账单'], header, march, ['3月2日', '消费', '1.00', '0.01', '0.99']),
    );
    expect(lines.map((l) => l.date)).toEqual(['2023-03-02', '2023-03-02']);
  });

  it('still stops when the lines above name two different spans', async () => {
    const error: unknown = await audit([
      ['某某支付 2024年3月 商户交易明细'],
      ['2024年4月'],
      header,
      ...body,
    ]).catch((e: unknown) => e);
    expect(isFeeGuardError(error)).toBe(true);
    if (!isFeeGuardError(error)) return;
    expect(error.details).toMatchObject({
      layout: { questions: [{ role: 'date', yearless: true }] },
    });
  });
});

describe('layouts from the red-team corpus (issue 11)', () => {
  it('a total that names itself in the date cell is not a record: 2024-03-05 小计, 2024年03月 合计, 当日小计', async () => {
    const report = await audit(
      [
        ['交易日期', '交易类型', '卡种', '交易金额', '手续费', '清算金额', '摘要'],
        ['2024-03-05', '消费', '贷记卡', '5000.00', '30.00', '4970.00', ''],
        ['2024-03-05', '消费', '贷记卡', '5000.00', '30.00', '4970.00', ''],
        // the sum of the day: its fee is more than 0.6 % of no single sale
        ['2024-03-05 小计', '', '2笔', '10000.00', '60.00', '9940.00', ''],
        ['当日小计', '', '2笔', '10000.00', '60.00', '9940.00', ''],
        ['2024-03-06', '扣费', '', '-99.00', '0.00', '-99.00', '流量费'],
        ['2024年03月 合计', '', '2笔', '10000.00', '60.00', '9940.00', ''],
      ],
      { ...CONTRACT, rates: [{ cardType: 'any', percent: 0.6 }] },
    );
    expect(report.findings.map((f) => [f.row, f.category])).toEqual([[6, 'traffic_fee']]);
    expect(report.statements[0]?.records).toBe(3);
    expect(report.warnings).toEqual([]);
  });

  it('an account ledger: 交易金额 and 手续费 on sales only, every row’s money in 收入/支出', async () => {
    const report = await audit(
      [
        ['记账时间', '业务类型', '交易金额', '手续费', '收入金额', '支出金额', '账户余额', '备注'],
        ['2024-02-01 20:31:06', '刷卡交易', '3433.07', '20.00', '3413.07', '', '3413.07', ''],
        ['2024-02-02 04:57:11', '结算出款', '', '', '', '3413.07', '0.00', '出款至尾号5521'],
        ['2024-02-02 06:46:48', '费用代扣', '', '', '', '199.00', '-199.00', '机具押金'],
        ['2024-02-02 20:11:11', '刷卡交易', '265.98', '1.60', '264.38', '', '65.38', ''],
      ],
      CONTRACT,
    );
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [4, 'deposit', '199.00'],
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('an account ledger: an unsigned 交易金额 paid out is money out, and a sale’s 收入 is what was settled', async () => {
    const rows = [
      [
        '序号',
        '记账时间',
        '业务类型',
        '交易金额',
        '手续费',
        '收入金额',
        '支出金额',
        '账户余额',
        '备注',
      ],
      ['1', '2024-02-01 20:31:06', '消费', '3433.07', '20.00', '3413.07', '', '3913.07', ''],
      [
        '2',
        '2024-02-01 22:08:37',
        '结算出款',
        '3413.07',
        '0.00',
        '',
        '3413.07',
        '500.00',
        '秒到账',
      ],
      ['3', '2024-02-02 06:46:48', '费用代扣', '', '', '', '1.00', '499.00', '垫资费'],
      [
        '4',
        '2024-02-02 20:48:36',
        '插卡消费',
        '453.11',
        '1.72',
        '352.39',
        '',
        '851.39',
        '含软件使用费',
      ],
      ['5', '2024-02-03 10:02:00', '退货', '', '', '', '13.49', '837.90', ''],
    ];
    const { lines } = read(table(...rows));
    expect(brief(lines)).toEqual([
      ['2024-02-01', 343307, 2000, 341307],
      ['2024-02-01', -341307, 0, -341307],
      ['2024-02-02', -100, null, null],
      ['2024-02-02', 45311, 172, 35239],
      ['2024-02-03', -1349, null, null],
    ]);
    const report = await audit(rows, {
      ...CONTRACT,
      agreedCharges: [{ category: 'service_fee', amountYuan: '19.00', every: 'month' }],
    });
    expect(report.findings.map((f) => [f.row, f.category, f.amount, f.overcharge])).toEqual([
      [4, 'instant_settlement_fee', '1.00', '1.00'],
      [5, 'service_fee', '99.00', '80.00'],
    ]);
  });

  it('交易摘要 holding the row kinds beside a 备注: the 备注 naming a fee is read', () => {
    const { layout } = read(
      table(
        ['交易日期', '交易摘要', '交易金额', '手续费', '净额', '备注'],
        ['2024-02-19', 'POS消费', '43.73', '0.26', '43.47', ''],
        ['2024-02-20', 'POS消费', '200.00', '1.20', '139.80', '含SIM卡年费'],
        ['2024-02-21', '资金结算', '-182.47', '0.00', '-182.47', '结算至尾号3300'],
        ['2024-02-21', '退货', '-43.73', '-0.26', '-43.47', ''],
      ),
    );
    expect(layout.columns).toMatchObject({ type: 1, description: 5 });
  });

  it('a list of charges alone (扣费日期 | 费用类型 | 扣费金额): each row is a deduction', async () => {
    const report = await audit(
      [
        ['扣费日期', '费用类型', '扣费金额(元)', '扣费说明'],
        ['2024-01-08', '流量卡服务费', '48.00', '从结算款中扣收'],
        ['2024-02-08', '商户会员月费', '25.00', '从结算款中扣收'],
      ],
      CONTRACT,
    );
    expect(report.findings.map((f) => [f.row, f.category, f.amount, f.verdict])).toEqual([
      [2, 'traffic_fee', '48.00', 'unauthorized'],
      [3, 'service_fee', '25.00', 'unauthorized'],
    ]);
  });

  it('a list of charges: each is money taken, whatever its name (POS流量费 is not a sale); a negative one is given back', async () => {
    const rows = [
      ['扣费日期', '费用类型', '扣费金额(元)', '扣费方式'],
      ['2024-01-07', 'POS流量费', '36.00', '从结算款中扣收'],
      ['2024-01-08', '即时到账费', '3.00', '从结算款中扣收'],
      ['2024-01-09', 'POS流量费退还', '-36.00', '退回结算账户'],
    ];
    expect(brief(read(table(...rows)).lines)).toEqual([
      ['2024-01-07', -3600, null, null],
      ['2024-01-08', -300, null, null],
      ['2024-01-09', 3600, null, null],
    ]);
    const report = await audit(rows, CONTRACT);
    expect(report.findings.map((f) => [f.row, f.category, f.amount, f.verdict])).toEqual([
      [2, 'traffic_fee', '36.00', 'unauthorized'],
      [3, 'instant_settlement_fee', '3.00', 'unauthorized'],
    ]);
  });

  it('dates written into a workbook as numbers (20240305) make the date column', () => {
    const { lines } = read(
      table(
        ['交易时间', '交易类型', '交易金额', '手续费', '结算金额'],
        [20240301, '消费', 445.78, 2.23, 443.55],
        [20240303, '消费', ' 1,941.07 ', ' 11.65 ', ' 1,929.42 '],
        [20240312, '扣费', -39, 0, -39],
      ),
    );
    expect(brief(lines)).toEqual([
      ['2024-03-01', 44578, 223, 44355],
      ['2024-03-03', 194107, 1165, 192942],
      ['2024-03-12', -3900, 0, -3900],
    ]);
  });

  it('交易金额 beside a 扣款金额 filled only on the charge rows: the charges are money out', async () => {
    const rows = [
      ['交易日期', '业务类型', '交易金额', '手续费', '入账金额', '扣款金额', '摘要'],
      ['2024-03-01 16:57:11', '消费', '445.78', '2.23', '443.55', '', ''],
      ['2024-03-03 09:50:04', '消费', '1941.07', '11.65', '1929.42', '', ''],
      ['2024-03-12 06:30:00', '扣费', '', '', '', '39.00', '服务费'],
      ['2024-03-20 06:30:00', '扣费', '', '', '', '99.00', '流量费'],
    ];
    expect(brief(read(table(...rows)).lines)).toEqual([
      ['2024-03-01', 44578, 223, 44355],
      ['2024-03-03', 194107, 1165, 192942],
      ['2024-03-12', -3900, null, null],
      ['2024-03-20', -9900, null, null],
    ]);
    const report = await audit(rows, CONTRACT);
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [4, 'service_fee', '39.00'],
      [5, 'traffic_fee', '99.00'],
    ]);
  });

  it('a charge printed in the fee column of a row whose amount is 0.00', async () => {
    const report = await audit(
      [
        ['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要'],
        ['2024-07-19 13:11:52', '消费', '50.00', '0.30', '49.70', ''],
        ['2024-07-20 00:02:37', '费用', '0.00', '36.00', '-36.00', '流量费'],
        ['2024-07-20 04:58:52', '结算', '-49.70', '0.00', '-49.70', '结算至尾号3737'],
      ],
      CONTRACT,
    );
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [3, 'traffic_fee', '36.00'],
    ]);
  });
});

describe('platform bills (red-team corpus 2, issue 11)', () => {
  it('a WeChat Pay 交易账单: the order amount, not a column of zero vouchers over a column of zeros', async () => {
    const header = [
      '交易时间',
      '特约商户号',
      '交易类型',
      '交易状态',
      '应结订单金额',
      '代金券金额',
      '退款金额',
      '手续费',
      '费率',
      '订单金额',
    ];
    const row = (time: string, amount: string, fee: string, rate: string) => [
      time,
      '0',
      'MICROPAY',
      'SUCCESS',
      amount,
      '0.00',
      '0.00',
      fee,
      rate,
      amount,
    ];
    const rows = [
      header,
      row('2024-03-01 09:12:33', '100.00', '0.38', '0.38%'),
      row('2024-03-01 12:40:02', '58.50', '0.22', '0.38%'),
      row('2024-03-16 10:05:00', '100.00', '0.60', '0.60%'),
      row('2024-03-16 18:30:41', '250.00', '1.50', '0.60%'),
    ];
    const { layout } = read(table(...rows));
    expect(layout.columns.amount).toBe(9);
    expect(layout.columns.balance).toBeUndefined();
    const report = await audit(rows, { ...CONTRACT, rates: [{ cardType: 'any', percent: 0.38 }] });
    expect(report.findings.map((f) => [f.row, f.category, f.overcharge])).toEqual([
      [4, 'rate_overcharge', '0.22'],
      [5, 'rate_overcharge', '0.55'],
    ]);
  });

  it('a WeChat Pay 资金账单: a 业务单号 is no type, the fee is named in 业务名称', async () => {
    const rows = [
      [
        '记账时间',
        '微信支付业务单号',
        '业务名称',
        '业务类型',
        '收支类型',
        '收支金额（元）',
        '账户结余（元）',
        '备注',
      ],
      ['2024-04-01 10:00:00', '4200002101', '交易', '交易', '收入', '99.40', '1099.40', ''],
      [
        '2024-04-01 21:00:00',
        '4200002102',
        '提现',
        '提现',
        '支出',
        '1000.00',
        '99.40',
        '提现至招商银行(尾号4417)',
      ],
      ['2024-04-01 21:00:00', '4200002103', '提现手续费', '提现', '支出', '2.00', '97.40', ''],
      [
        '2024-04-02 10:00:00',
        '4200002104',
        '服务商系统技术服务年费',
        '扣费',
        '支出',
        '36.00',
        '61.40',
        '2024年度',
      ],
    ];
    const { layout } = read(table(...rows));
    expect(layout.columns.type).not.toBe(1);
    const report = await audit(rows, CONTRACT);
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [4, 'instant_settlement_fee', '2.00'],
      [5, 'service_fee', '36.00'],
    ]);
  });

  it('a 结算状态 of 已结算 on every order is no type: the orders stay sales and their rates are checked', async () => {
    const rows = [
      [
        '订单编号',
        '商品名称',
        '核销时间',
        '订单实收(元)',
        '技术服务费(元)',
        '费率',
        '应结算金额(元)',
        '结算状态',
      ],
      ['8812001', '双人套餐', '2024-07-19 12:00:00', '200.00', '5.00', '2.5%', '195.00', '已结算'],
      [
        '8812002',
        '单人午市套餐',
        '2024-07-20 12:30:00',
        '100.00',
        '3.00',
        '3.0%',
        '97.00',
        '已结算',
      ],
      ['8812003', '100元代金券', '2024-07-20 18:00:00', '90.00', '2.70', '3.0%', '87.30', '已结算'],
    ];
    const { layout } = read(table(...rows));
    expect(layout.columns.type).toBeUndefined();
    const report = await audit(rows, { ...CONTRACT, rates: [{ cardType: 'any', percent: 2.5 }] });
    expect(report.findings.map((f) => [f.row, f.category, f.overcharge])).toEqual([
      [3, 'rate_overcharge', '0.50'],
      [4, 'rate_overcharge', '0.45'],
    ]);
  });

  it('a bank’s 摘要 of 代扣 with the fee named in 附言: the 附言 is read with it', async () => {
    const rows = [
      ['交易日期', '摘要', '借方金额', '贷方金额', '余额', '对方户名', '附言'],
      ['2024-09-01', '转账', '', '3500.00', '18500.00', '随行付支付有限公司', 'POS结算款'],
      ['2024-09-04', '代扣', '48.00', '', '18452.00', '随行付支付有限公司', 'POS机流量费'],
      ['2024-09-05', '转账', '', '1200.00', '19652.00', '随行付支付有限公司', 'POS结算款'],
      ['2024-09-15', '转账', '3000.00', '', '16652.00', '东莞市长安五金批发部', '货款'],
    ];
    const { layout, lines } = read(table(...rows));
    expect(layout.remarks).toEqual([6]);
    expect(lines[1]?.description).toBe('代扣 POS机流量费');
    const report = await audit(rows, CONTRACT);
    expect(
      report.findings.filter((f) => f.verdict === 'unauthorized').map((f) => [f.row, f.category]),
    ).toEqual([[3, 'traffic_fee']]);
  });

  it('承前页, 过次页 and 期初余额 lines carry a balance and are not records', async () => {
    const rows = [
      ['记账日期', '摘要', '借方发生额', '贷方发生额', '余额'],
      ['2024-10-01', '期初余额', '', '', '20000.00'],
      ['20241001', 'POS收单结算', '', '3000.00', '23000.00'],
      ['', '过次页', '', '', '23000.00'],
      ['', '承前页', '', '', '23000.00'],
      ['20241003', '代扣终端通讯费', '99.00', '', '22901.00'],
    ];
    const report = await audit(rows, CONTRACT);
    expect(report.warnings).toEqual([]);
    expect(report.statements[0]?.records).toBe(2);
    expect(report.findings.map((f) => [f.row, f.category])).toEqual([[6, 'traffic_fee']]);
  });
});

describe('issue #11 item 6: amounts in 万', () => {
  it('reads 1.2万 only where the amount less the fee is the settled amount in yuan', () => {
    // most amounts are plain, as in a statement that writes only the large ones in 万
    const statement = (...wan: Cell[][]) =>
      table(
        ['交易时间', '交易类型', '交易金额', '手续费', '结算金额'],
        ...wan,
        ['2024-03-06 10:00:00', '消费', '100.00', '0.60', '99.40'],
        ['2024-03-06 11:00:00', '消费', '200.00', '1.20', '198.80'],
        ['2024-03-06 12:00:00', '消费', '300.00', '1.80', '298.20'],
      );
    const rows = statement(
      ['2024-03-05 10:22:33', '消费', '1.158268万', '78.76', '11503.92'],
      ['2024-03-05 22:04:58', '提现', '-1.099132万', '0.00', '-10991.32'],
    );
    expect(brief(read(rows).lines).slice(0, 3)).toEqual([
      ['2024-03-05', 1158268, 7876, 1150392],
      ['2024-03-05', -1099132, 0, -1099132],
      ['2024-03-06', 10000, 60, 9940],
    ]);
    // the same figure whose settled amount does not confirm it: refused, never guessed
    const unconfirmed = statement(['2024-03-05 10:22:33', '消费', '1.2万', '78.76', '1150.00']);
    expect(() => read(unconfirmed)).toThrow(/unreadable amount/u);
  });
});

describe('a card fee under the name 服务费 (支付宝 交易明细)', () => {
  const header = ['业务类型', '创建时间', '订单金额（元）', '商家实收（元）', '服务费（元）'];
  const sales: [string, string][] = [
    ['371.21', '-1.41'],
    ['322.00', '-1.22'],
    ['67.00', '-0.25'],
    ['297.66', '-1.13'],
    ['80.42', '-0.31'],
    ['185.94', '-0.71'],
  ];

  it('is the fee column when it is a rate of each amount, beside a settled amount', () => {
    const { layout, lines } = read(
      table(header, ...sales.map(([a, f], i) => ['交易', `2024-04-0${i + 1} 10:00:00`, a, a, f])),
    );
    expect(layout.columns.fee).toBe(4);
    expect(lines[0]?.fee).toBe(141);
  });

  it('is not when it holds a fixed charge on rows of its own', () => {
    const rows: Cell[][] = sales.map(([a], i) => ['交易', `2024-04-0${i + 1} 10:00:00`, a, a, '']);
    rows.push(['扣费', '2024-04-08 02:00:00', '', '', '-29.00']);
    const layout = detectLayout(table(header, ...rows), lexicon);
    expect(layout?.columns.fee).toBeUndefined();
  });

  it('is not when it is the same fixed sum on every sale', () => {
    const rows = sales.map(([a], i) => ['交易', `2024-04-0${i + 1} 10:00:00`, a, a, '-1.00']);
    const layout = detectLayout(table(header, ...rows), lexicon);
    expect(layout?.columns.fee).toBeUndefined();
  });
});

describe('收入 and 支出 both filled on sales: 支出 is the sale’s fee (red-team corpus 7)', () => {
  const header = ['净额', '收入', '支出', '交易时间', '交易类型', '卡类型', '备注'];
  const rows = [
    header,
    ['588.42', '591.97', '3.55', '2024-09-02 08:47:48', '消费', '贷记卡', ''],
    ['378.70', '380.99', '2.29', '2024-09-02 11:08:05', '消费', '贷记卡', ''],
    // 2.00 over the rate, added to every sale by some terminals
    ['347.64', '351.75', '4.11', '2024-09-02 11:28:32', '消费', '借记卡', ''],
    ['291.76', '293.52', '1.76', '2024-09-02 12:25:12', '消费', '借记卡', ''],
    ['-1606.52', '', '1606.52', '2024-09-03 01:47:52', '结算', '', '结算至尾号6217'],
    ['158.49', '159.45', '0.96', '2024-09-03 16:34:34', '消费', '贷记卡', ''],
    ['-99.00', '', '99.00', '2024-09-03 16:15:48', '扣款', '', '服务费'],
    // 36.50 held back without a word, then 48.00 named in the 备注
    ['548.04', '588.07', '3.53', '2024-09-04 09:00:00', '消费', '贷记卡', ''],
    ['190.59', '240.03', '1.44', '2024-09-04 10:00:00', '消费', '贷记卡', '结算扣除SIM卡流量费'],
    ['6.60', '6.60', '', '2024-09-05 08:00:00', '返还', '', '会员费退款'],
    ['273.82', '275.47', '1.65', '2024-09-05 09:00:00', '消费', '贷记卡', ''],
    ['349.64', '351.75', '2.11', '2024-09-05 10:00:00', '消费', '贷记卡', ''],
    ['291.76', '293.52', '1.76', '2024-09-05 11:00:00', '消费', '贷记卡', ''],
  ];

  it('reads 收入 as the amount and 支出 as its fee where both are filled, 支出 alone as money out', () => {
    const { layout, lines, described } = read(table(...rows));
    expect(layout.outflowFee).toBe(true);
    expect(layout.columns).toMatchObject({ inflow: 1, outflow: 2, net: 0 });
    expect(described.outflowFee).toBe(true);
    expect(brief(lines).slice(0, 7)).toEqual([
      ['2024-09-02', 59197, 355, 58842],
      ['2024-09-02', 38099, 229, 37870],
      ['2024-09-02', 35175, 411, 34764],
      ['2024-09-02', 29352, 176, 29176],
      ['2024-09-03', -160652, null, -160652],
      ['2024-09-03', 15945, 96, 15849],
      ['2024-09-03', -9900, null, -9900],
    ]);
  });

  it('claims the add-on over the rate, the silent shortfall and the fee named in 备注', async () => {
    const report = await audit(rows, { ...CONTRACT, rates: [{ cardType: 'any', percent: 0.6 }] });
    expect(report.findings.map((f) => [f.row, f.category, f.overcharge])).toEqual([
      [4, 'rate_overcharge', '2.00'],
      [8, 'service_fee', '99.00'],
      [9, 'settlement_shortfall', '36.50'],
      [10, 'traffic_fee', '48.00'],
    ]);
  });

  it('keeps 收入/支出 as money in and out when they exclude each other or 支出 is no small part', () => {
    const ledger = [
      ['交易时间', '收入', '支出', '净额', '摘要'],
      ['2024-09-02 08:00:00', '591.97', '', '591.97', '消费'],
      ['2024-09-02 09:00:00', '380.99', '', '380.99', '消费'],
      ['2024-09-02 10:00:00', '', '900.00', '-900.00', '结算'],
      ['2024-09-02 11:00:00', '351.75', '', '351.75', '消费'],
      ['2024-09-02 12:00:00', '', '68.00', '-68.00', '流量费'],
      ['2024-09-02 13:00:00', '293.52', '', '293.52', '消费'],
    ];
    expect(read(table(...ledger)).layout.outflowFee).toBeUndefined();
    // transfers in and out on one line: 支出 as large as 收入 is no fee
    const transfers = [
      ['交易时间', '收入', '支出', '净额', '摘要'],
      ...[
        ['500.00', '400.00'],
        ['300.00', '250.00'],
        ['800.00', '790.00'],
        ['120.00', '100.00'],
        ['640.00', '600.00'],
      ].map(([a = '', o = ''], i) => [
        `2024-09-0${i + 2} 08:00:00`,
        a,
        o,
        ((Number(a) * 100 - Number(o) * 100) / 100).toFixed(2),
        '转账',
      ]),
    ];
    expect(read(table(...transfers)).layout.outflowFee).toBeUndefined();
  });

  it('drops the reading when the user names the columns otherwise', () => {
    const { layout } = read(table(...rows), 'amount=收入');
    expect(layout.outflowFee).not.toBe(true);
  });
});
