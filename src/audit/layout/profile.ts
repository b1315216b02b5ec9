import {
  arabicDates,
  dateInPeriod,
  parseDateCell,
  parseMonthDay,
  type StatedPeriod,
} from '../dates.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Cell, ColumnRole, Fen, SourceRow } from '../model.js';
import { foldWidth, numberToFen, parseYuanToFen } from '../money.js';

/**
 * Column profiling: what the values of each column ARE (dates, money with two decimals, whole
 * numbers, identifiers, card-type words, direction words, free text), measured once over the first
 * rows of a table. The layout reader combines this with the header words and the statement's own
 * arithmetic (layout/arithmetic.ts) to decide which column is which. Nothing here runs per row of
 * the whole file: profiling is bounded by PROFILE_ROWS.
 */
export type CellKind =
  'empty' | 'date' | 'time' | 'money' | 'integer' | 'id' | 'card' | 'direction' | 'text';

/** How many data rows below the header are profiled. */
export const PROFILE_ROWS = 200;

// 14:22:05, and on a 12-hour clock 3:05 PM, 下午 3:05:12
const TIME =
  /^(?:(?:上午|下午|中午|晚上|凌晨|am|pm)\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?$/iu;
const DATE_TEXT =
  /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|^\d{8}(?:$|\s|\d{6}$)|^\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:$|\s)|^(?:[a-z]{3,9}\.?,?\s*)?\d{1,2}[-\s/.]?[a-z]{3,9}\.?[-\s/.,]*\d{2,4}|^(?:[a-z]{3,9}\.?,?\s*)?[a-z]{3,9}\.?\s*\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/iu;
const CURRENCY = /[¥￥元]|rmb|cny/iu;
const ALNUM_ID = /^[a-z0-9_-]{6,}$/i;
const CN_NUMERAL_START = /^[〇零○Ｏ一二三四五六七八九十]/u;

export function isBlankText(text: string): boolean {
  return text === '' || text === '-' || text === '--' || text === '—';
}

/** The amount a cell holds read as yuan, in fen; null when empty or not an amount. */
export function moneyValue(cell: Cell | undefined): Fen | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return numberToFen(cell);
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (isBlankText(text)) return null;
  return parseYuanToFen(text);
}

/**
 * What kind of value one cell holds. A date without a year (01-02 10:51) is a date only inside
 * the period the statement states; without one it is text, as no year can be given to it.
 */
export function cellKind(
  cell: Cell | undefined,
  lexicon: Lexicon,
  period?: StatedPeriod | null,
): CellKind {
  if (cell === null || cell === undefined) return 'empty';
  if (cell instanceof Date) return 'date';
  if (typeof cell === 'boolean') return 'text';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return 'text';
    if (!Number.isInteger(cell)) return 'money';
    return Math.abs(cell) >= 1e9 ? 'id' : 'integer';
  }
  let text = foldWidth(cell).trim().replace(/\s+/g, ' ');
  if (isBlankText(text)) return 'empty';
  // 二〇二四年三月二日: a date in Chinese numerals is read as its Arabic twin
  if (CN_NUMERAL_START.test(text)) text = arabicDates(text);
  if (TIME.test(text)) return 'time';
  if (DATE_TEXT.test(text) && parseDateCell(text) !== null) return 'date';
  if (period) {
    const md = parseMonthDay(text);
    if (md && dateInPeriod(md.month, md.day, period) !== null) return 'date';
  }
  const compact = text.replace(/\s/g, '');
  if (parseYuanToFen(compact) !== null) {
    if (/\.\d/.test(compact) || CURRENCY.test(compact)) return 'money';
    const digits = compact.replace(/\D/g, '');
    if (
      digits.length >= 10 ||
      (digits.length >= 2 && digits.startsWith('0') && !/[.,]/.test(compact))
    )
      return 'id';
    return 'integer';
  }
  if (ALNUM_ID.test(compact) && /[a-z]/i.test(compact) && /\d/.test(compact)) return 'id';
  if (/^\d{10,}$/.test(compact)) return 'id';
  const lower = compact.toLowerCase();
  if (lower.length <= 4 && (lexicon.directionIn.test(lower) || lexicon.directionOut.test(lower)))
    return 'direction';
  if (lower.length <= 12 && (lexicon.credit.test(lower) || lexicon.debit.test(lower)))
    return 'card';
  return 'text';
}

export interface ColumnStats {
  index: number;
  nonEmpty: number;
  kinds: Record<CellKind, number>;
  /** Each profiled row's value read as yuan, in fen (null: empty or not money). */
  values: (Fen | null)[];
  /** Every money value is a whole number (so the column could be in fen). */
  allInteger: boolean;
  negatives: number;
  parentheses: number;
  distinct: number;
  /** Cells that could be Excel date serial numbers (30000–60000, i.e. 1982–2064). */
  serials: number;
}

const emptyKinds = (): Record<CellKind, number> => ({
  empty: 0,
  date: 0,
  time: 0,
  money: 0,
  integer: 0,
  id: 0,
  card: 0,
  direction: 0,
  text: 0,
});

/** Profiles every column over the given data rows. */
export function profileColumns(
  rows: readonly SourceRow[],
  width: number,
  lexicon: Lexicon,
  period?: StatedPeriod | null,
): ColumnStats[] {
  const stats: ColumnStats[] = [];
  for (let index = 0; index < width; index++) {
    const kinds = emptyKinds();
    const values: (Fen | null)[] = [];
    const seen = new Set<string>();
    let nonEmpty = 0;
    let allInteger = true;
    let negatives = 0;
    let parentheses = 0;
    let serials = 0;
    for (const row of rows) {
      const cell = row.cells[index];
      const kind = cellKind(cell, lexicon, period);
      if ((kind === 'integer' || kind === 'money') && parseDateCell(cell ?? null) !== null)
        serials += 1;
      kinds[kind] += 1;
      if (kind !== 'empty') {
        nonEmpty += 1;
        if (seen.size < 1000) seen.add(String(cell));
      }
      const value = kind === 'money' || kind === 'integer' ? moneyValue(cell) : null;
      values.push(value);
      if (value !== null) {
        if (value % 100 !== 0) allInteger = false;
        if (typeof cell === 'string' && /\.\d/.test(cell)) allInteger = false;
        if (value < 0) negatives += 1;
        if (typeof cell === 'string' && /^\s*[(（]/.test(cell)) parentheses += 1;
      }
    }
    stats.push({
      index,
      nonEmpty,
      kinds,
      values,
      allInteger,
      negatives,
      parentheses,
      distinct: seen.size,
      serials,
    });
  }
  return stats;
}

/** How many of the column's profiled cells are dates without a year (01-02, 1月2日). */
export function monthDayShare(rows: readonly SourceRow[], index: number): number {
  let filled = 0;
  let monthDays = 0;
  for (const row of rows) {
    const cell = row.cells[index];
    if (cell === null || cell === undefined || cell === '') continue;
    filled += 1;
    if (parseMonthDay(cell) !== null) monthDays += 1;
  }
  return filled === 0 ? 0 : monthDays / filled;
}

export const share = (s: ColumnStats, ...kinds: CellKind[]): number =>
  s.nonEmpty === 0 ? 0 : kinds.reduce((sum, k) => sum + s.kinds[k], 0) / s.nonEmpty;

export const isNumeric = (s: ColumnStats, least = 0.8, named = false): boolean =>
  s.nonEmpty > 0 && share(s, 'money', 'integer') >= least && (named || !looksLikeIds(s));

/** Whole numbers that repeat and are too large to be amounts: terminal or merchant numbers. */
function looksLikeIds(s: ColumnStats): boolean {
  if (share(s, 'money') > 0 || !s.allInteger) return false;
  const raw = s.values.filter((v): v is Fen => v !== null).map((v) => Math.abs(v / 100));
  return (
    raw.length > 0 && raw.every((v) => v >= 1_000_000) && s.distinct <= Math.max(3, s.nonEmpty / 5)
  );
}

/** At least half of the column's amounts are not zero. */
function mostlyNonZero(s: ColumnStats): boolean {
  let amounts = 0;
  let nonZero = 0;
  for (const v of s.values) {
    if (v === null) continue;
    amounts += 1;
    if (v !== 0) nonZero += 1;
  }
  return amounts === 0 || nonZero * 2 >= amounts;
}

/**
 * Whether a column's content fits a role. `named`: the header word already says so, and then half
 * of the values agreeing is enough (a short file may have unreadable cells); from content alone,
 * four in five must.
 */
export function fitsRole(role: ColumnRole, s: ColumnStats | undefined, named = false): boolean {
  if (s === undefined || s.nonEmpty === 0) return role !== 'date';
  const least = named ? 0.5 : 0.8;
  switch (role) {
    case 'date':
      // a column named as a date may hold Excel serial numbers (45352 = 2024-03-01)
      return share(s, 'date') >= least || (named && s.serials >= 0.8 * s.nonEmpty);
    case 'amount':
      // a column of zeros (代金券金额, 充值券退款金额 beside the order amount) moves no money
      return isNumeric(s, least, named) && mostlyNonZero(s);
    case 'fee':
    case 'net':
    case 'inflow':
    case 'outflow':
    case 'balance':
      return isNumeric(s, least, named);
    case 'count':
      return share(s, 'integer') >= 0.9 && s.kinds.money === 0;
    case 'reference':
    case 'terminal':
      return share(s, 'date', 'money', 'time') < 0.5;
    case 'cardType':
      // 借/贷 under a card-type header are 借记卡/贷记卡 written short
      return (
        share(s, 'card') >= 0.3 ||
        share(s, 'text') >= 0.5 ||
        (named && share(s, 'direction') >= 0.8)
      );
    case 'direction':
      return share(s, 'direction') >= 0.8;
    case 'type':
    case 'description':
      return share(s, 'text', 'card', 'direction', 'id') >= 0.5;
    case 'status':
      return share(s, 'text') >= 0.8;
  }
}

/** A spreadsheet column letter: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const MONEY_ROLES = ['amount', 'fee', 'net', 'inflow', 'outflow', 'balance'] as const;
export type MoneyRole = (typeof MONEY_ROLES)[number];
export const isMoneyRole = (role: ColumnRole): role is MoneyRole =>
  (MONEY_ROLES as readonly string[]).includes(role);
