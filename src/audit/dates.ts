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

/** Parses a date cell: a `Date`, an Excel serial number, or text in any of the spec's formats. */
export function parseDateCell(cell: Cell): IsoDate | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (cell instanceof Date) return fromUtcDate(cell);
  if (typeof cell === 'number') return excelSerialToDate(cell);
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
    return isValidDate(y, m, d) ? cell.slice(0, 10) : null;
  }
  const text = foldWidth(cell).trim();
  if (text === '') return null;
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
