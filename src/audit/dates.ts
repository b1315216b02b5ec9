import type { Cell, IsoDate } from './model.js';
import { foldWidth } from './money.js';

/**
 * Calendar dates as statements write them. Everything is a calendar date in Asia/Shanghai:
 * statements carry wall-clock times with no zone, and so do spreadsheet cells.
 */

/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers between 1982 and 2064: wide enough for any POS statement, narrow enough to reject ids. */
const SERIAL_MIN = 30_000;
const SERIAL_MAX = 60_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  return day <= daysInMonth(year, month);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromUtcDate(date: Date): IsoDate | null {
  if (Number.isNaN(date.getTime())) return null;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return isValidDate(y, m, d) ? isoDate(y, m, d) : null;
}

export function excelSerialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  return fromUtcDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

/**
 * A number cell of eight digits that is a calendar date (20240305): how many bank and ERP exports
 * write a date into a spreadsheet, as a number. Far above any Excel serial, so never one.
 */
function compactDateNumber(value: number): IsoDate | null {
  if (!Number.isInteger(value) || value < 19_700_101 || value > 20_991_231) return null;
  const y = Math.floor(value / 10_000);
  const m = Math.floor(value / 100) % 100;
  const d = value % 100;
  if (!isValidDate(y, m, d)) return null;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}(?:$|[\sT])/;

const PATTERNS: readonly RegExp[] = [
  // 2025-03-02, 2025/3/2, 2025.3.2, optionally followed by a time
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT日])/u,
  // 2025年3月2日
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?/u,
  // 20250302 or 20250302 10:22:33 or 20250302102233
  /^(\d{4})(\d{2})(\d{2})(?:$|\s|\d{6}$)/u,
  // 25/03/02, 25-3-2, 25.03.02: a two-digit year first, as Chinese exports print it (yy/mm/dd)
  /^(\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|\s)/u,
];

// ---- dates in Chinese numerals: 二〇二四年三月二日, 二零二四年三月, 十二月三十一日 ----------------

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_YEAR = /(?<![〇零○Ｏ一二三四五六七八九])([〇零○Ｏ一二三四五六七八九]{4})(?=\s*年)/gu;
const CN_MONTH_DAY =
  /(?<=[年\d\s]|^)([一二三四五六七八九十]{1,3})(?=\s*月)|(?<=月\s*)([一二三四五六七八九十廿卅]{1,3})(?=\s*[日号])/gu;
/** Starts with, or holds, a Chinese numeral next to 年/月/日: worth rewriting. */
const HAS_CN_DATE = /[〇零○Ｏ一二三四五六七八九十廿卅]\s*[年月日号]/u;

/** 一 … 三十一 (十一, 二十, 廿一, 卅一) as a number; NaN when it is not one. */
function smallNumber(text: string): number {
  const t = text.replace(/^廿/u, '二十').replace(/^卅/u, '三十');
  const ten = t.indexOf('十');
  if (ten < 0) return t.length === 1 ? (DIGIT[t] ?? Number.NaN) : Number.NaN;
  const tens =
    ten === 0 ? 1 : t.length >= 2 && ten === 1 ? (DIGIT[t[0] ?? ''] ?? Number.NaN) : Number.NaN;
  const rest = t.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? (DIGIT[rest] ?? Number.NaN) : Number.NaN;
  return tens * 10 + ones;
}

/**
 * A date written in Chinese numerals, rewritten in Arabic digits (二〇二四年三月二日 → 2024年3月2日,
 * 三月二日 → 3月2日): formal documents, bank receipts and some printed statements write them so.
 * Text without such a date comes back unchanged.
 */
export function arabicDates(text: string): string {
  if (!HAS_CN_DATE.test(text)) return text;
  return text
    .replace(CN_YEAR, (y: string) => y.replace(/./gu, (ch) => String(DIGIT[ch] ?? '')))
    .replace(CN_MONTH_DAY, (whole: string) => {
      const n = smallNumber(whole);
      return Number.isNaN(n) ? whole : String(n);
    });
}

const CN_START = /^[〇零○Ｏ一二三四五六七八九十]/u;

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?`;
/** 05-Mar-2024, 5 Mar 2024, 05/Mar/24, 05MAR2024 — a day, an English month, a year. */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})[-\s/.]?${MONTH}[-\s/.,]*(\d{4}|\d{2})(?=$|[\sT,:])`,
  'iu',
);
/** Mar 5, 2024, March 05 2024, Mar. 5th, 2024 — an English month, a day, a year. */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^${WEEKDAY}${MONTH}\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?=$|[\sT,])`,
  'iu',
);

/**
 * A date written with an English month name, as English and bilingual exports and notices print
 * it: `05-Mar-2024`, `5 Mar 2024`, `Mar 5, 2024`, `Tue, 05 Mar 2024`. The name makes it
 * unambiguous, unlike `3/5/2024`, which is not read.
 */
export function parseEnglishDate(text: string): IsoDate | null {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(text);
  const match = dmy ?? mdy;
  if (!match) return null;
  const monthName = ((dmy ? match[2] : match[1]) ?? '').toLowerCase().slice(0, 3);
  const month = MONTH_NAMES.indexOf(monthName) + 1;
  const day = Number(dmy ? match[1] : match[2]);
  const yearText = match[3] ?? '';
  const year = Number(yearText) + (yearText.length === 2 ? 2000 : 0);
  return month > 0 && isValidDate(year, month, day) ? isoDate(year, month, day) : null;
}

/** Beijing is UTC+8 all year (no daylight saving since 1991). */
const BEIJING_OFFSET_MINUTES = 8 * 60;
/** An ISO date-time that names its zone: `2024-03-04T16:40:00Z`, `…+00:00`, `… +0530`. */
const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:(Z|UTC|GMT)|([+-])(\d{2}):?(\d{2}))$/iu;

const ZONE_AT_END = /(?:z|utc|gmt|[+-]\d{2}:?\d{2})\s*$/iu;

/** Whether a date-time text ends with a time zone (…Z, …+00:00), which may change its day. */
export function namesZone(text: string): boolean {
  return text.length > 16 && ZONE_AT_END.test(text);
}

/**
 * The Beijing calendar date of a date-time that names its time zone. A provider's API or an
 * international export writes instants in UTC (`2024-03-04T16:40:00Z`): that is 00:40 on 5 March
 * in Beijing, and the spec counts days in Asia/Shanghai — a charge there belongs to 5 March.
 */
function zonedToBeijing(text: string): IsoDate | null {
  const m = ZONED.exec(text);
  if (!m) return null;
  const [, y, mo, d, hh, mi, , utc, sign, oh, om] = m;
  const offset = utc ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (offset === BEIJING_OFFSET_MINUTES) return null;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi));
  if (!isValidDate(Number(y), Number(mo), Number(d))) return null;
  return fromUtcDate(new Date(wall + (BEIJING_OFFSET_MINUTES - offset) * 60_000));
}

/**
 * Parses a date cell: a `Date`, an Excel serial number, or text in any of the spec's formats. With
 * the period the statement states, a cell without a year (01-02 10:51) is read within it. A
 * date-time in another time zone (`…Z`, `…+00:00`) is taken to Beijing first.
 */
export function parseDateCell(cell: Cell, period?: StatedPeriod | null): IsoDate | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (cell instanceof Date) return fromUtcDate(cell);
  if (typeof cell === 'number') return compactDateNumber(cell) ?? excelSerialToDate(cell);
  // fast path for the commonest form, `2025-03-02` with or without a time
  if (
    cell.length >= 10 &&
    cell.charCodeAt(4) === 45 &&
    cell.charCodeAt(7) === 45 &&
    ISO_PREFIX.test(cell)
  ) {
    const y = Number(cell.slice(0, 4));
    const m = Number(cell.slice(5, 7));
    const d = Number(cell.slice(8, 10));
    if (!isValidDate(y, m, d)) return null;
    // a zone after the time (…Z, …+00:00) may move the instant to another Beijing day
    if (namesZone(cell)) {
      const zoned = zonedToBeijing(cell.trim());
      if (zoned !== null) return zoned;
    }
    return cell.slice(0, 10);
  }
  let text = foldWidth(cell).trim();
  if (text === '') return null;
  if (CN_START.test(text)) text = arabicDates(text);
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      const y = Number(match[1]) + ((match[1] ?? '').length === 2 ? 2000 : 0);
      const m = Number(match[2]);
      const d = Number(match[3]);
      return isValidDate(y, m, d) ? isoDate(y, m, d) : null;
    }
  }
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  if (/[a-z]/iu.test(text)) {
    const english = parseEnglishDate(text);
    if (english !== null) return english;
  }
  if (period) {
    const md = parseMonthDay(text);
    if (md) return dateInPeriod(md.month, md.day, period);
  }
  return null;
}

export function parseIso(date: IsoDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Adds calendar months, clamping to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIso(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIso(date);
  return fromUtcDate(new Date(Date.UTC(year, month - 1, day) + days * DAY_MS)) ?? date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIso(from);
  const b = parseIso(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS,
  );
}

/**
 * The span a statement's preamble says it covers (账单周期：2023年1月1日至2023年5月17日). A table
 * whose date cells carry no year (01-02 10:51) takes its years from this span, never from a guess.
 */
export interface StatedPeriod {
  from: IsoDate;
  to: IsoDate;
}

// 01-02, 1/2, 01-02 10:51, 1月2日, 1月2日 10:51 — a month and a day, with nothing before them
const MONTH_DAY = /^(\d{1,2})(?:[-/](\d{1,2})|月(\d{1,2})日?)(?:$|\s)/u;

/** The month and day of a year-less date cell, or null when the cell is not one. */
export function parseMonthDay(cell: Cell): { month: number; day: number } | null {
  if (typeof cell !== 'string' || cell.length > 24) return null;
  let text = foldWidth(cell).trim();
  if (CN_START.test(text)) text = arabicDates(text);
  const match = MONTH_DAY.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2] ?? match[3]);
  // 2000 is a leap year: 02-29 is a month-day, whether the period's year has it is decided later
  return isValidDate(2000, month, day) ? { month, day } : null;
}

/**
 * The date of a month-day within a period: the one year that puts it inside (a period across a new
 * year gives December the first year and January the second). Null when no year does, or when a
 * period longer than a year leaves two — both are the merchant's to settle, not ours to guess.
 */
export function dateInPeriod(month: number, day: number, period: StatedPeriod): IsoDate | null {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  let found: IsoDate | null = null;
  for (let year = first; year <= last; year++) {
    if (!isValidDate(year, month, day)) continue;
    const date = isoDate(year, month, day);
    if (date < period.from || date > period.to) continue;
    if (found !== null) return null;
    found = date;
  }
  return found;
}

const YMD = String.raw`(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日?)?|[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)`;
const PERIOD_WORDS =
  /(?:账单|对账|结算|统计|查询|交易|起止|账务|清算)?(?:周期|期间|日期|时间|月份|区间|范围)|账期|period|statement date/iu;
const RANGE = new RegExp(`${YMD}\\s*(?:至|到|~|～|—|–|-{1,2}|to)\\s*${YMD}`, 'iu');
const SINGLE = new RegExp(YMD, 'u');

type YmdMatch = { year: number; month: number; day: number | null } | null;

function ymd(groups: (string | undefined)[]): YmdMatch {
  const [y, cm, cd, sm, sd] = groups;
  const year = Number(y);
  const month = Number(cm ?? sm);
  const dayText = cd ?? sd;
  const day = dayText === undefined ? null : Number(dayText);
  if (!isValidDate(year, month, day ?? 1)) return null;
  return { year, month, day };
}

/**
 * The period one preamble line states, when it names one (账单周期/统计期间/查询期间/起止日期/
 * 对账日期 …) and gives it with a year: 2023年1月1日至2023年5月17日, 2023-01-01~2023-05-17,
 * 2023.01.01-2023.05.17, 2023年1月 (the whole month). A single day (对账日期：2023-05-17) is the end
 * of the statement: the year up to it.
 */
export function periodOfText(text: string): StatedPeriod | null {
  const folded = arabicDates(foldWidth(text));
  const words = PERIOD_WORDS.exec(folded);
  if (!words) return null;
  const rest = folded.slice(words.index + words[0].length);
  const range = RANGE.exec(rest);
  if (range) {
    const a = ymd(range.slice(1, 6));
    const b = ymd(range.slice(6, 11));
    if (!a || !b) return null;
    const from = isoDate(a.year, a.month, a.day ?? 1);
    const to = isoDate(b.year, b.month, b.day ?? daysInMonth(b.year, b.month));
    return from <= to ? { from, to } : null;
  }
  const single = SINGLE.exec(rest);
  if (!single) return null;
  const one = ymd(single.slice(1, 6));
  if (!one) return null;
  if (one.day === null)
    return {
      from: isoDate(one.year, one.month, 1),
      to: isoDate(one.year, one.month, daysInMonth(one.year, one.month)),
    };
  const to = isoDate(one.year, one.month, one.day);
  return { from: addDaysIso(addMonths(to, -12), 1), to };
}

// a year, a year and month, or a day, with no digit around it (not a part of a merchant number)
const TITLE_YMD = String.raw`(?<!\d)(\d{4})\s*(?:年\s*(?:度|(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号]?)?)?|[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)(?!\d)`;
const TITLE_RANGE = new RegExp(
  `${TITLE_YMD}\\s*(?:至|到|~|～|—|–|-{1,2}|to)\\s*${TITLE_YMD}`,
  'giu',
);
const TITLE_SINGLE = new RegExp(TITLE_YMD, 'gu');

function titleSpan(groups: (string | undefined)[]): StatedPeriod | null {
  const [y, cm, cd, sm, sd] = groups;
  const year = Number(y);
  const monthText = cm ?? sm;
  const dayText = cd ?? sd;
  if (monthText === undefined) {
    if (!isValidDate(year, 1, 1)) return null;
    return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
  }
  const month = Number(monthText);
  const day = dayText === undefined ? null : Number(dayText);
  if (!isValidDate(year, month, day ?? 1)) return null;
  if (day === null)
    return {
      from: isoDate(year, month, 1),
      to: isoDate(year, month, daysInMonth(year, month)),
    };
  return { from: isoDate(year, month, day), to: isoDate(year, month, day) };
}

/**
 * The period of a statement whose title states it without a label — `某某支付 2024年3月 商户交易明细`,
 * `2024年度对账单`, `二〇二四年三月`, `2023年12月—2024年2月交易明细` — read from the lines above the
 * table. Only when it is unambiguous: every year, month or range those lines mention must be one
 * and the same span (a day, such as a print date, must lie within it); two different ones, and
 * nothing is guessed. A day alone is the statement's end, as in a 对账日期 line.
 */
export function periodOfTitle(lines: readonly string[]): StatedPeriod | null {
  const spans: StatedPeriod[] = [];
  const days: StatedPeriod[] = [];
  for (const line of lines) {
    let text = arabicDates(foldWidth(line));
    for (const m of text.matchAll(TITLE_RANGE)) {
      const a = titleSpan(m.slice(1, 6));
      const b = titleSpan(m.slice(6, 11));
      if (!a || !b || a.from > b.to) return null;
      spans.push({ from: a.from, to: b.to });
    }
    text = text.replace(TITLE_RANGE, ' ');
    for (const m of text.matchAll(TITLE_SINGLE)) {
      const span = titleSpan(m.slice(1, 6));
      if (!span) continue;
      (span.from === span.to ? days : spans).push(span);
    }
  }
  const first = spans[0];
  if (first === undefined) {
    const day = days[0];
    if (day === undefined || days.some((d) => d.to !== day.to)) return null;
    return { from: addDaysIso(addMonths(day.to, -12), 1), to: day.to };
  }
  if (spans.some((s) => s.from !== first.from || s.to !== first.to)) return null;
  if (days.some((d) => d.to < first.from || d.to > first.to)) return null;
  return first;
}
