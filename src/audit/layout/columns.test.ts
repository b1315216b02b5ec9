import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell, SourceRow } from '../model.js';
import { describeColumns, detectLayout, parseMapOption } from './columns.js';

const lexicon = defaultLexicon();
const rows = (...lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));

describe('header detection', () => {
  it.each([
    [
      ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要', '流水号'],
      {
        date: '交易时间',
        type: '交易类型',
        cardType: '卡类型',
        amount: '交易金额',
        fee: '手续费',
        net: '结算金额',
        description: '摘要',
        reference: '流水号',
      },
    ],
    [
      [
        '交易日期',
        '业务类型',
        '借贷记标识',
        '交易金额(元)',
        '手续费(元)',
        '入账金额(元)',
        '备注',
        '参考号',
      ],
      {
        date: '交易日期',
        type: '业务类型',
        cardType: '借贷记标识',
        amount: '交易金额(元)',
        fee: '手续费(元)',
        net: '入账金额(元)',
        description: '备注',
        reference: '参考号',
      },
    ],
    [
      ['清算日期', '扣款类型', '发生额', '手续费金额', '到账金额', '费用名称', '订单号'],
      {
        date: '清算日期',
        type: '扣款类型',
        amount: '发生额',
        fee: '手续费金额',
        net: '到账金额',
        description: '费用名称',
        reference: '订单号',
      },
    ],
    [
      [
        'Transaction Date',
        'Type',
        'Card Type',
        'Amount',
        'Fee',
        'Net Amount',
        'Description',
        'Reference No.',
      ],
      {
        date: 'Transaction Date',
        type: 'Type',
        cardType: 'Card Type',
        amount: 'Amount',
        fee: 'Fee',
        net: 'Net Amount',
        description: 'Description',
        reference: 'Reference No.',
      },
    ],
    [
      ['记账日期', '摘要', '收入', '支出', '余额'],
      { date: '记账日期', description: '摘要', inflow: '收入', outflow: '支出', balance: '余额' },
    ],
    [
      ['日期', '说明', '金额', '收/支'],
      { date: '日期', description: '说明', amount: '金额', direction: '收/支' },
    ],
    [
      ['扣款日期', '交易说明', '金额（元）'],
      { date: '扣款日期', description: '交易说明', amount: '金额（元）' },
    ],
  ])('%j', (header, expected) => {
    const layout = detectLayout(rows(header), lexicon);
    expect(layout).not.toBeNull();
    expect(describeColumns(layout ?? { headerRow: 0, headers: [], columns: {} })).toEqual(expected);
  });

  it('skips a preamble', () => {
    const layout = detectLayout(
      rows(
        ['商户名称：郑州市老王餐馆', '', ''],
        ['商户编号：898324550868511', '', ''],
        ['统计区间：2023-08-01 至 2024-07-31', '', ''],
        [],
        ['交易日期', '交易金额', '手续费'],
        ['2023/8/1', '¥107.00', '¥0.64'],
      ),
      lexicon,
    );
    expect(layout?.headerRow).toBe(5);
  });

  it('reads a file without a header from its content, but not as sure', () => {
    const layout = detectLayout(rows(['2024-01-01', '12.00'], ['2024-01-02', '13.00']), lexicon);
    expect(layout?.headerRow).toBe(0);
    expect(layout?.firstDataRow).toBe(1);
    expect(layout?.columns).toEqual({ date: 0, amount: 1 });
    expect(layout?.confidence?.level).toBe('medium');
  });

  it('finds nothing where there is no table', () => {
    expect(detectLayout(rows(['说明', '没有数据'], ['a', 'b']), lexicon)).toBeNull();
  });

  it('applies --map by header name and by column number', () => {
    const header = ['时间', '款项', '额度', '说明'];
    const layout = detectLayout(
      rows(header),
      lexicon,
      parseMapOption('date=时间,amount=额度,description=4'),
    );
    expect(describeColumns(layout ?? { headerRow: 0, headers: [], columns: {} })).toEqual({
      date: '时间',
      amount: '额度',
      description: '说明',
    });
    const numbered = detectLayout(
      rows(['2024-01-01', '12.00']),
      lexicon,
      parseMapOption('date=1,amount=2'),
    );
    expect(numbered?.headerRow).toBe(0);
    expect(numbered?.columns).toEqual({ date: 0, amount: 1 });
  });

  it('says what is wrong with a bad --map', () => {
    expect(() => parseMapOption('amount')).toThrow(/ROLE=COLUMN/);
    expect(() => parseMapOption('money=金额')).toThrow(/unknown column role/);
    expect(() =>
      detectLayout(rows(['日期', '金额']), lexicon, parseMapOption('amount=交易额')),
    ).toThrow(/交易额/);
  });
});

describe('a status column', () => {
  it('is the 交易状态/Status column, never a 退款状态', () => {
    const layout = detectLayout(
      rows(
        ['交易时间', '交易类型', '交易状态', '交易金额', '退款状态', '手续费'],
        ['2024-03-01 10:00:00', 'MICROPAY', 'SUCCESS', '100.00', '', '0.38'],
        ['2024-03-01 11:00:00', 'MICROPAY', 'REFUND', '50.00', 'SUCCESS', '0.19'],
      ),
      lexicon,
    );
    expect(layout && describeColumns(layout)).toMatchObject({ status: '交易状态' });
  });

  it.each([
    ['失败', true, false],
    ['扣款失败', true, false],
    ['已关闭', true, false],
    ['FAILED', true, false],
    ['cancelled', true, false],
    ['处理中', false, true],
    ['PENDING', false, true],
    ['成功', false, false],
    ['已结算', false, false],
    ['已扣除', false, false],
    ['REFUND', false, false],
  ])('%s: failed %s, pending %s', (word, failed, pending) => {
    const text = word.toLowerCase();
    expect([lexicon.statusFailed.test(text), lexicon.statusPending.test(text)]).toEqual([
      failed,
      pending,
    ]);
  });
});

describe('headers written in traditional characters', () => {
  it('finds the fee, net and date columns by their traditional names', () => {
    const layout = detectLayout(
      rows(
        ['交易時間', '交易類型', '交易金額', '手續費', '結算金額', '摘要'],
        ['2025-07-01 09:30:20', '掃碼消費', '472.09', '2.83', '469.26', ''],
        ['2025-07-01 12:57:00', '消費', '2901.00', '17.41', '2883.59', ''],
        ['2025-07-02 10:00:00', '扣費', '-30.00', '0.00', '-30.00', '服務費'],
      ),
      lexicon,
    );
    expect(layout).not.toBeNull();
    if (layout === null) return;
    expect(describeColumns(layout)).toMatchObject({
      date: '交易時間',
      amount: '交易金額',
      fee: '手續費',
      net: '結算金額',
    });
  });
});
