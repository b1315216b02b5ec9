import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8RecordSplitter } from '../decode/records.js';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell } from '../model.js';
import { detectLayout } from './columns.js';
import { createRowInterpreter, interpretRow } from './lines.js';

const lexicon = defaultLexicon();

function read(header: string[], cells: Cell[]) {
  const layout = detectLayout([{ row: 1, cells: header }], lexicon);
  if (!layout) throw new Error('no layout');
  return interpretRow({ row: 2, cells }, layout, 'f.csv', lexicon);
}

const header = [
  '交易时间',
  '交易类型',
  '卡类型',
  '交易金额',
  '手续费',
  '结算金额',
  '摘要',
  '流水号',
];

describe('rows → statement lines', () => {
  it('a fee named 节假日结算费 or 当日结算费 is a charge, not a day’s total (日结算 is not 日结)', () => {
    for (const name of ['代扣节假日结算费', '当日结算费']) {
      const r = read(header, [
        '2024-05-26 03:38:08',
        '费用',
        '',
        '0.00',
        '3.00',
        '-3.00',
        name,
        '1',
      ]);
      expect(r).toMatchObject({ kind: 'line', line: { amount: 0, fee: 300, net: -300 } });
    }
    const total = read(header, ['2024-05-26', '日结', '', '1200.00', '7.20', '1192.80', '', '']);
    expect(total).toMatchObject({ kind: 'line', line: { amount: 120000, fee: null, net: null } });
  });

  it('parses a sale', () => {
    const r = read(header, [
      '2024-02-01 09:10:12',
      '刷卡消费',
      '借记卡',
      '1022.00',
      '5.11',
      '1016.89',
      '',
      '894146189751',
    ]);
    expect(r).toEqual({
      kind: 'line',
      line: {
        file: 'f.csv',
        row: 2,
        date: '2024-02-01',
        amount: 102200,
        fee: 511,
        net: 101689,
        type: '刷卡消费',
        description: '',
        cardType: 'debit',
        reference: '894146189751',
      },
    });
  });

  it('reads spreadsheet numbers and date cells', () => {
    const r = read(header, [
      new Date(Date.UTC(2025, 2, 1)),
      '消费',
      '贷记卡',
      1022.1,
      6.13,
      1015.97,
      '',
      1,
    ]);
    expect(r.kind === 'line' && r.line).toMatchObject({
      date: '2025-03-01',
      amount: 102210,
      fee: 613,
      net: 101597,
      cardType: 'credit',
    });
  });

  it.each([
    [['', '', ''], 'blank'],
    [['合计', '', '', '3412.53'], 'summary'],
    [['笔数：1276'], 'summary'],
    [['说明：本对账单仅供参考'], 'note'],
    [['以上数据由系统导出'], 'note'],
    [header, 'header'],
  ])('%j is not a record (%s)', (cells, why) => {
    expect(read(header, cells)).toEqual({ kind: 'skip', why });
  });

  it.each([
    [['2024-02-30', '消费', '', '1.00', '0', '1.00'], /无法解析的日期/],
    [['2024-02-01', '消费', '', '12,3.4', '0', '1.00'], /无法解析的金额: '12,3.4'/],
    [['2024-02-01', '消费', '', '', '0', '1.00'], /金额为空/],
    [['2024-02-01', '消费', '', '1.00', 'x', '1.00'], /手续费/],
  ])('%j becomes a warning with its row', (cells, message) => {
    const r = read(header, cells);
    expect(r.kind).toBe('problem');
    if (r.kind === 'problem') {
      expect(r.problem.row).toBe(2);
      expect(r.problem.message).toMatch(message);
    }
  });

  it('a charge printed only in the fee column (交易金额 empty) is read as a 0.00 amount with its fee', () => {
    const h = ['清算日期', '交易类型', '卡类型', '交易金额', '手续费', '清算金额', '费用名称'];
    const r = read(h, ['2024-02-12', '其他费用', '', '', '25.00', '-25.00', '会员服务费']);
    expect(r.kind === 'line' && [r.line.amount, r.line.fee]).toEqual([0, 2500]);
    const noNet = read(h, ['2024-02-12', '扣费', '', '', '25.00', '', 'SIM卡年费']);
    expect(noNet.kind === 'line' && [noNet.line.amount, noNet.line.fee]).toEqual([0, 2500]);
    // a settled amount that is not the fee says other money moved: not read as a charge
    const other = read(h, ['2024-02-12', '其他费用', '', '', '25.00', '100.00', '会员服务费']);
    expect(other.kind === 'problem' && other.problem.message).toMatch(/金额为空/);
  });

  it('uses a direction column and separate in/out columns', () => {
    const d = read(['日期', '摘要', '金额', '收/支'], ['2024-01-01', '流量费', '99.00', '支出']);
    expect(d.kind === 'line' && d.line.amount).toBe(-9900);
    const io = read(['记账日期', '摘要', '收入', '支出'], ['2024-01-01', '流量费', '', '99.00']);
    expect(io.kind === 'line' && io.line.amount).toBe(-9900);
    const bad = read(['日期', '摘要', '金额', '收/支'], ['2024-01-01', '流量费', '99.00', '?']);
    expect(bad.kind).toBe('problem');
  });
});

describe('a date printed once a day (or merged down over the day’s rows)', () => {
  const layout = detectLayout([{ row: 1, cells: header }], lexicon);
  if (!layout) throw new Error('no layout');
  const row = (n: number, date: string, amount: string, type = '消费') => ({
    row: n,
    cells: [date, type, '借记卡', amount, '0.10', amount, '', `00000000000${String(n)}`],
  });

  it('gives a record with a blank date cell the date of the row above', () => {
    const read = createRowInterpreter(layout, 'f.xlsx', lexicon);
    expect(read(row(2, '2024-02-01', '20.00'))).toMatchObject({ line: { date: '2024-02-01' } });
    expect(read(row(3, '', '30.00'))).toMatchObject({ kind: 'line', line: { date: '2024-02-01' } });
  });

  it('does not carry a day over to a time in another zone that starts with the same day', () => {
    const read = createRowInterpreter(layout, 'f.csv', lexicon);
    expect(read(row(2, '2024-03-04T01:00:00Z', '20.00'))).toMatchObject({
      line: { date: '2024-03-04' },
    });
    // 16:40 UTC is 00:40 on the next day in Beijing
    expect(read(row(3, '2024-03-04T16:40:00Z', '30.00'))).toMatchObject({
      line: { date: '2024-03-05' },
    });
    expect(read(row(4, '2024-03-04 09:00:00', '30.00'))).toMatchObject({
      line: { date: '2024-03-04' },
    });
  });

  it('still skips a total and reports a record with no date anywhere above it', () => {
    const read = createRowInterpreter(layout, 'f.xlsx', lexicon);
    expect(read({ row: 2, cells: ['合计', '', '', '50.00'] })).toEqual({
      kind: 'skip',
      why: 'summary',
    });
    expect(read(row(3, '', '30.00'))).toMatchObject({ kind: 'problem' });
    expect(read(row(4, '昨天', '30.00'))).toMatchObject({ kind: 'problem' });
  });
});

describe('a CSV record read from its bytes', () => {
  const encoder = new TextEncoder();
  const dates = fc.constantFrom(
    '2024-02-01 09:10:12',
    '2024-02-01 23:59:59',
    '2024-02-01',
    '2024-02-02 00:00:01',
    '2024-02-0',
    '2024/02/03 10:00',
    '',
    ' 2024-02-01 09:00:00',
    '"2024-02-01 08:00:00"',
    '2024-02-01　上午',
    '合计',
    '2024-02-01 小计',
    '2024-02-01 total',
    '2024-02-01T10:00:00',
    '2024-02-01T23:30:00Z',
    '2024-02-01 23:30:00+00:00',
    '2024-02-01 23:30:00-0800',
    '2024-02-01 23:30:00.120',
    '`2024-02-01 09:00:00',
    "'2024-02-01",
  );
  const money = fc.constantFrom(
    '1022.00',
    '-39.00',
    '0.5',
    '-0.00',
    '7',
    '',
    '-',
    '--',
    ' 5.11',
    '1,234.50',
    '"2,000.00"',
    '¥12.00',
    '(45.00)',
    '99.00-',
    '１２.００',
    '12.345',
    '12.',
    '.5',
    'abc',
    '12345678901234567',
    '"3.10"',
    '`100.00',
    "'5.11",
    '`',
  );
  const texts = fc.constantFrom(
    '',
    '刷卡消费',
    '消费',
    '扣费',
    '合计',
    '小计',
    '当日汇总',
    ' 流量费 ',
    '"押金, 年付"',
    '"服务""费"""',
    'T0提现',
    '`消费',
    "'押金",
    '当日小计',
  );
  const cards = fc.constantFrom('', '借记卡', '贷记卡', 'credit', ' 借记 ');
  const record = fc
    .tuple(
      dates,
      texts,
      cards,
      money,
      money,
      money,
      texts,
      fc.constantFrom('', '894146189751', ' 7 '),
    )
    .chain((fields) =>
      // rows cut short or longer than the header
      fc.nat({ max: 9 }).map((width) => (width === 9 ? fields : fields.slice(0, width)).join(',')),
    );
  const layouts = fc.record({
    feeNegative: fc.boolean(),
    summaryRows: fc.boolean(),
    headerRow: fc.constantFrom(0, 1),
    charges: fc.constantFrom(undefined, false, true),
    remarks: fc.constantFrom(undefined, [], [7]),
  });

  it('gives the line the cells give, row after row', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), layouts, (lines, options) => {
        const found = detectLayout([{ row: 1, cells: header }], lexicon);
        if (!found) throw new Error('no layout');
        const { charges, remarks, ...rest } = options;
        const layout = {
          ...found,
          ...rest,
          ...(charges === undefined ? {} : { charges }),
          ...(remarks === undefined ? {} : { remarks: [...remarks] }),
        };
        const splitter = new Utf8RecordSplitter(',', 1 << 20);
        const batch = splitter.push(encoder.encode(`${lines.join('\n')}\n`), true);
        const fromBytes = createRowInterpreter(layout, 'f.csv', lexicon);
        const fromCells = createRowInterpreter(layout, 'f.csv', lexicon);
        for (let r = 0; r < batch.count; r++)
          expect(fromBytes.record(batch, r)).toEqual(fromCells(batch.unmarkedRow(r)));
      }),
      { numRuns: 2000 },
    );
  });
});
