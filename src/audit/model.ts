/**
 * The plain data that flows through the audit pipeline:
 * decode (bytes → rows) → layout (rows → statement lines) → classify → compare → claim → report.
 *
 * Money is integer fen (分) everywhere inside; yuan strings exist only in the report.
 * Dates are calendar dates in Asia/Shanghai written `YYYY-MM-DD`.
 */

/** Integer number of fen. Always a safe integer. */
export type Fen = number;

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai). */
export type IsoDate = string;

/**
 * One cell as a decoder produced it. A `Date` comes from a spreadsheet date cell and carries the
 * wall-clock value in its UTC fields (Excel stores no time zone).
 */
export type Cell = string | number | boolean | Date | null;

/** One row of a table file, numbered as a spreadsheet shows it. */
export interface SourceRow {
  /** 1-based row number: the file's first line is row 1 (preamble and header included). */
  row: number;
  /** Worksheet name for workbooks. */
  sheet?: string;
  /** 1-based page of a PDF statement. */
  page?: number;
  /**
   * A PDF's second or later table (its own header and columns: 二、费用明细 under the 交易明细),
   * numbered from 2; the first table's rows carry none. A change of table is read like a change of
   * sheet, and a table met again goes on with its own columns.
   */
  table?: number;
  cells: Cell[];
}

/** One pasted notification message, numbered from 1. */
export interface SourceMessage {
  row: number;
  text: string;
}

/**
 * The container a statement came in: `xls` is a legacy BIFF workbook, `html` a web page table and
 * `spreadsheetml` an XML Spreadsheet 2003 (both usually saved with an `.xls` name); `xlsb` is
 * Excel's binary workbook and `ods` an OpenDocument spreadsheet (zips, like `xlsx`).
 */
export const STATEMENT_FORMATS = [
  'csv',
  'xlsx',
  'sms',
  'xls',
  'html',
  'spreadsheetml',
  'pdf',
  'xlsb',
  'ods',
] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** What a decoder learned about the file before any row was read. */
export interface DecodedMeta {
  format: StatementFormat;
  /** `utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`, `utf-16be`; null for binary containers. */
  encoding: string | null;
  /** CSV delimiter, for the record. */
  delimiter?: string;
  /** Worksheet names, for workbooks. */
  sheets?: string[];
}

/** A problem in the user's input: collected, never thrown. The run goes on. */
export interface InputProblem {
  file: string;
  row?: number;
  sheet?: string;
  page?: number;
  /** What the merchant reads (Chinese first). */
  message: string;
  /** Extra detail for developers. */
  detail?: string;
}

export type CardType = 'debit' | 'credit' | 'unknown';

/** The column meanings a statement can have. */
export const COLUMN_ROLES = [
  'date',
  'amount',
  'inflow',
  'outflow',
  'fee',
  'net',
  'type',
  'description',
  'cardType',
  'reference',
  'direction',
  'balance',
  'count',
  'terminal',
  'status',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** What a row is, before fee classification. */
export type LineKind = 'transaction' | 'refund' | 'settlement' | 'fee' | 'credit' | 'other';

/**
 * One statement record with its meaning-bearing fields parsed.
 * Amounts are signed from the merchant's point of view: money in is positive, money out negative.
 */
export interface StatementLine {
  file: string;
  row: number;
  sheet?: string;
  /** PDF page the record is on. */
  page?: number;
  date: IsoDate;
  /** Transaction amount, or the amount moved by a non-transaction row. */
  amount: Fen;
  /** Fee column value, when present (always ≥ 0 as charged). */
  fee: Fen | null;
  /** Settled / paid-out amount column, when present. */
  net: Fen | null;
  /** The type column (交易类型), trimmed; '' when absent. */
  type: string;
  /** The description column (摘要/备注), trimmed; '' when absent. */
  description: string;
  cardType: CardType;
  reference: string;
  /**
   * A status column says the record is still being processed (处理中, PENDING): whether its money
   * moved is not yet known, so it is never claimed.
   */
  pending?: true;
  /**
   * A day's totals (笔数, 交易总额, 手续费合计), not one sale: its fee is a sum of card fees, never a
   * deduction, and no rate can be checked on it. Its `fee` and `net` are kept only when the
   * statement's arithmetic shows a day's payout is its total less its fees.
   */
  daily?: true;
  /**
   * Charges in fee columns of their own beside the fee column (服务费, 流量费, 垫资费): each is a
   * deduction of its category taken from this row's money (a negative one, a charge given back).
   */
  extraFees?: ExtraFee[];
}

/** A charge read from a fee column of its own: its amount (taken: positive), header and category. */
export interface ExtraFee {
  fee: Fen;
  header: string;
  category: FeeCategory;
}

export const FEE_CATEGORIES = [
  'traffic_fee',
  'service_fee',
  'deposit',
  'instant_settlement_fee',
  'other_deduction',
] as const;
export type FeeCategory = (typeof FEE_CATEGORIES)[number];

export const FINDING_CATEGORIES = [
  ...FEE_CATEGORIES,
  'rate_overcharge',
  'settlement_shortfall',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export type Verdict = 'authorized' | 'unauthorized' | 'needs_review';
