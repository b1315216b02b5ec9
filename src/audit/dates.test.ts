import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addMonths,
  dateInPeriod,
  excelSerialToDate,
  parseDateCell,
  parseMonthDay,
  periodOfText,
  periodOfTitle,
  arabicDates,
} from './dates.js';

describe('parseDateCell', () => {
  it.each([
    ['2025-03-02 10:22:33', '2025-03-02'],
    ['2025-03-02', '2025-03-02'],
    ['2025/3/2', '2025-03-02'],
    ['2025/03/02 08:00', '2025-03-02'],
    ['2025.3.2', '2025-03-02'],
    ['20250302', '2025-03-02'],
    ['20250302 10:22:33', '2025-03-02'],
    ['20250302102233', '2025-03-02'],
    ['2025年3月2日', '2025-03-02'],
    ['2025年03月02日 10:22', '2025-03-02'],
    ['２０２５－０３－０２', '2025-03-02'],
    ['2025-03-02T10:22:33', '2025-03-02'],
    ['45717', '2025-03-01'],
    ['25/03/02', '2025-03-02'],
    ['25-3-2 10:22', '2025-03-02'],
    // English month names, as English and bilingual exports print them
    ['05-Mar-2024', '2024-03-05'],
    ['5 Mar 2024 14:22:05', '2024-03-05'],
    ['05/MAR/24', '2024-03-05'],
    ['Mar 5, 2024', '2024-03-05'],
    ['March 5, 2024 3:05 PM', '2024-03-05'],
    ['Tue, 05 Mar 2024', '2024-03-05'],
    ['Sept 30, 2024', '2024-09-30'],
    // an instant in another zone is taken to its Beijing day (UTC+8)
    ['2024-03-04T16:40:00Z', '2024-03-05'],
    ['2024-03-04T15:59:59Z', '2024-03-04'],
    ['2024-06-30T16:30:00+00:00', '2024-07-01'],
    ['2024-06-30 16:30:00 UTC', '2024-07-01'],
    ['2024-03-01T01:00:00-05:00', '2024-03-01'],
    ['2024-03-01T20:00:00-05:00', '2024-03-02'],
    ['2024-03-05T00:40:00+08:00', '2024-03-05'],
    ['2024-03-31T17:00:00.000Z', '2024-04-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateCell(text)).toBe(iso);
  });

  it.each([
    '',
    'abc',
    '2025-02-30',
    '2025-13-01',
    '1899-01-01',
    '123',
    '12345678901',
    '25/13/02',
    '31-Feb-2024',
    'Mar 2024',
    'Sale 5 items',
  ])('rejects %j', (text) => {
    expect(parseDateCell(text)).toBeNull();
  });

  it('reads spreadsheet date cells by their wall-clock (UTC) fields', () => {
    expect(parseDateCell(new Date(Date.UTC(2025, 2, 1, 23, 59)))).toBe('2025-03-01');
  });

  it('reads an eight-digit number cell that is a calendar date (20240305), never as a serial', () => {
    expect(parseDateCell(20240305)).toBe('2024-03-05');
    expect(parseDateCell(20241231)).toBe('2024-12-31');
    expect(parseDateCell(20240230)).toBeNull();
    expect(parseDateCell(12345678)).toBeNull();
  });

  it('reads Excel serial numbers', () => {
    expect(parseDateCell(45717)).toBe('2025-03-01');
    expect(parseDateCell(45717.75)).toBe('2025-03-01');
    expect(excelSerialToDate(12)).toBeNull();
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-02', 12, '2025-03-02'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, result) => {
    expect(addMonths(date, months)).toBe(result);
  });
  it('adds days across month and year ends', () => {
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('dates without a year, read within the stated period', () => {
  it.each([
    ['账单周期：2023年1月1日至2023年5月17日', '2023-01-01', '2023-05-17'],
    ['统计期间: 2023-01-01~2023-05-17', '2023-01-01', '2023-05-17'],
    ['查询期间 2023.01.01-2023.05.17', '2023-01-01', '2023-05-17'],
    ['起止日期：2023/12/15 至 2024/01/20', '2023-12-15', '2024-01-20'],
    ['账单月份：2023年2月', '2023-02-01', '2023-02-28'],
    ['对账日期：2023-05-17', '2022-05-18', '2023-05-17'],
    ['账单周期：２０２３年１月１日～２０２３年５月１７日', '2023-01-01', '2023-05-17'],
  ])('reads the period of %s', (text, from, to) => {
    expect(periodOfText(text)).toEqual({ from, to });
  });

  it.each([
    '商户名称：成都市张记面馆',
    '汇通宝支付有限公司商户交易明细',
    '账单周期：2023年5月17日至2023年1月1日',
    '账单周期：2023年13月1日至2023年14月1日',
  ])('finds no period in %s', (text) => {
    expect(periodOfText(text)).toBeNull();
  });

  it.each([
    ['01-02 10:51', { month: 1, day: 2 }],
    ['1/2', { month: 1, day: 2 }],
    ['12月31日 23:59', { month: 12, day: 31 }],
    ['１２－３１', { month: 12, day: 31 }],
    ['02-29', { month: 2, day: 29 }],
  ])('reads %s as a month and a day', (text, md) => {
    expect(parseMonthDay(text)).toEqual(md);
  });

  it.each(['2023-01-02', '13-01', '02-30', '1.5', '25/03/02', '10:51', '消费'])(
    'does not take %s for a month and a day',
    (text) => {
      expect(parseMonthDay(text)).toBeNull();
    },
  );

  const spring = { from: '2023-01-01', to: '2023-05-17' };
  const winter = { from: '2023-12-15', to: '2024-01-20' };

  it('gives a month-day the year that puts it inside the period', () => {
    expect(parseDateCell('03-02 10:22', spring)).toBe('2023-03-02');
    expect(parseDateCell('5月17日', spring)).toBe('2023-05-17');
    // across a new year: December is the first year, January the second
    expect(parseDateCell('12-31', winter)).toBe('2023-12-31');
    expect(parseDateCell('01-05 08:00', winter)).toBe('2024-01-05');
  });

  it('does not guess a year for a month-day outside the period, or without one', () => {
    expect(parseDateCell('06-01', spring)).toBeNull();
    expect(parseDateCell('12-01', winter)).toBeNull();
    expect(parseDateCell('02-29', spring)).toBeNull();
    expect(parseDateCell('03-02 10:22')).toBeNull();
    expect(parseDateCell('03-02 10:22', null)).toBeNull();
  });

  it('leaves a month-day two years of a long period could hold undecided', () => {
    expect(dateInPeriod(3, 1, { from: '2022-01-01', to: '2023-12-31' })).toBeNull();
    expect(dateInPeriod(2, 29, { from: '2023-06-01', to: '2024-05-31' })).toBe('2024-02-29');
  });

  it('still reads dates with a year as they are, whatever the period', () => {
    expect(parseDateCell('2025-03-02', spring)).toBe('2025-03-02');
    expect(parseDateCell('25/03/02', spring)).toBe('2025-03-02');
  });
});

describe('dates in Chinese numerals', () => {
  it.each([
    ['二〇二四年三月二日', '2024-03-02'],
    ['二零二四年三月二日 10:22:33', '2024-03-02'],
    ['二〇二四年十二月三十一日', '2024-12-31'],
    ['二〇二四年十月一日', '2024-10-01'],
    ['二〇二四年二月廿九日', '2024-02-29'],
    ['二〇二五年十一月二十日', '2025-11-20'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateCell(text)).toBe(iso);
  });

  it('reads a month and a day in Chinese numerals within the period', () => {
    expect(parseMonthDay('三月二日')).toEqual({ month: 3, day: 2 });
    expect(parseMonthDay('十二月三十一日 23:59')).toEqual({ month: 12, day: 31 });
    expect(parseDateCell('三月二日', { from: '2024-03-01', to: '2024-03-31' })).toBe('2024-03-02');
  });

  it('leaves text that only starts with a numeral alone', () => {
    expect(arabicDates('一次性服务费')).toBe('一次性服务费');
    expect(arabicDates('三月流量费')).toBe('3月流量费');
    expect(parseDateCell('一次性服务费')).toBeNull();
    expect(parseDateCell('二〇二四年十三月一日')).toBeNull();
  });

  it('reads a period in Chinese numerals', () => {
    expect(periodOfText('账单周期：二〇二四年三月一日至二〇二四年三月三十一日')).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
    });
  });
});

describe('the period of a title without a label', () => {
  it.each([
    [['某某支付 2024年3月 商户交易明细'], '2024-03-01', '2024-03-31'],
    [['2024年度对账单'], '2024-01-01', '2024-12-31'],
    [['二零二四年三月', '商户名称：成都市张记面馆'], '2024-03-01', '2024-03-31'],
    [['二〇二四年度 商户对账单'], '2024-01-01', '2024-12-31'],
    [['2023年12月—2024年2月交易明细'], '2023-12-01', '2024-02-29'],
    [['鑫联支付 2024年3月 商户交易明细', '商户编号：898123456789012'], '2024-03-01', '2024-03-31'],
    [['2024-03 交易明细'], '2024-03-01', '2024-03-31'],
    [['2024年3月 交易明细', '制表 2024-03-31'], '2024-03-01', '2024-03-31'],
    [['2024年3月2日 交易明细'], '2023-03-03', '2024-03-02'],
  ])('reads %j', (lines, from, to) => {
    expect(periodOfTitle(lines)).toEqual({ from, to });
  });

  it.each([
    [['2024年3月', '2024年4月']],
    [['2023年度', '2024年度']],
    [['2024年3月 交易明细', '制表 2024-05-02']],
    [['商户交易明细', '商户编号：898123456789012', '客服 400-641-1359']],
    [['第2024号']],
  ])('finds none, or two, in %j: no guess', (lines) => {
    expect(periodOfTitle(lines)).toBeNull();
  });
});
