import { encodeText, toDelimited, type Cell, type TextEncoding } from './containers.js';
import type { Entry, Ledger } from './ledger.js';

/**
 * What every layout module prints alike: money and row kinds, the grid of a table and where each
 * entry landed in it, and the one builder of the usual eight-column set (date, type, card, amount,
 * fee, settled, remark, reference) in whichever words and forms a layout gives it. Layouts differ
 * by their words and forms, not by code written again.
 */

// ---- money -------------------------------------------------------------------------------------

export const plain = (fen: number) => {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
export const grouped = (fen: number) => {
  const [int, dec] = plain(Math.abs(fen)).split('.') as [string, string];
  return `${fen < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec}`;
};
export const withSymbol = (fen: number, symbol: string) =>
  fen < 0 ? `-${symbol}${grouped(-fen)}` : `${symbol}${grouped(fen)}`;
export const parens = (fen: number) => (fen < 0 ? `(${grouped(-fen)})` : grouped(fen));
/** A workbook's number cell. */
export const yuanNumber = (fen: number): Cell => fen / 100;

// ---- entries -------------------------------------------------------------------------------------

/** Money into (+) or out of (−) the merchant's account. */
export const signed = (e: Entry): number =>
  e.kind === 'sale' || e.kind === 'credit' ? e.amount : -e.amount;
export const feeOf = (e: Entry) => (e.kind === 'sale' ? e.fee : 0);
export const netOf = (e: Entry) => (e.kind === 'sale' ? e.net : signed(e));
export const isSubsidy = (text: string) => /补贴|返现|奖励|红包/u.test(text);
export const cardOf = (e: Entry, debit = '借记卡', credit = '贷记卡') =>
  e.kind === 'sale' ? (e.card === 'debit' ? debit : credit) : '';
/** A row's kind in a statement's words; sales and refunds by their own type unless words are given. */
export interface KindWords {
  sale?: string;
  refund?: string;
  payout: string;
  fee: string;
  credit: string;
  /** A credit that is a subsidy or cash back, where the statement words it apart. */
  subsidy?: string;
}
export const kindWord = (
  e: Entry,
  words: KindWords = { payout: '结算', fee: '扣费', credit: '返还' },
): string => {
  switch (e.kind) {
    case 'sale':
      return words.sale ?? e.type;
    case 'refund':
      return words.refund ?? e.type;
    case 'payout':
      return words.payout;
    case 'fee':
      return words.fee;
    case 'credit':
      return words.subsidy !== undefined && isSubsidy(e.text) ? words.subsidy : words.credit;
  }
};
export const sum = (entries: readonly Entry[], f: (e: Entry) => number) =>
  entries.reduce((s, e) => s + f(e), 0);

// ---- grids ---------------------------------------------------------------------------------------

export interface Position {
  row: number;
  sheet?: string;
  page?: number;
}

export interface Grid {
  rows: Cell[][];
  /** Ledger seq of each grid row, or null for rows that are not records. */
  seqs: (number | null)[];
  headerRow: number;
}

export function positionsOf(grid: Grid, sheet?: string): Map<number, Position> {
  const positions = new Map<number, Position>();
  grid.seqs.forEach((seq, i) => {
    if (seq !== null) positions.set(seq, { row: i + 1, ...(sheet ? { sheet } : {}) });
  });
  return positions;
}

export const recordsOf = (grid: Grid) => grid.seqs.filter((s) => s !== null).length;

/** The grid as delimited text, with what the expected answer says of it. */
export function delimited(
  grid: Grid,
  encoding: TextEncoding,
  options: { delimiter?: string; eol?: '\n' | '\r\n'; quoteAll?: boolean } = {},
) {
  return {
    bytes: encodeText(
      toDelimited(grid.rows, {
        delimiter: options.delimiter ?? ',',
        eol: options.eol ?? '\n',
        ...(options.quoteAll ? { quoteAll: true } : {}),
      }),
      encoding,
    ),
    positions: positionsOf(grid),
    format: 'csv',
    encoding: encoding === 'gbk' ? 'gb18030' : encoding,
    headerRow: grid.headerRow,
    records: recordsOf(grid),
  };
}

// ---- the usual columns ---------------------------------------------------------------------------

export interface Column {
  h: string;
  v: (e: Entry, ledger: Ledger) => Cell;
}

/** The headers of the usual set; a layout leaves out a column by giving it no word. */
export interface Words {
  date: string;
  type: string;
  card?: string;
  amount: string;
  fee: string;
  net: string;
  text: string;
  ref?: string;
}

export const CHINESE_WORDS: Words = {
  date: '交易时间',
  type: '交易类型',
  card: '卡类型',
  amount: '交易金额',
  fee: '手续费',
  net: '结算金额',
  text: '摘要',
  ref: '流水号',
};

export interface Forms {
  date: (e: Entry) => Cell;
  type: (e: Entry) => string;
  text: (e: Entry, ledger: Ledger) => string;
  /** How money is printed; `fee` and `net` default to it. */
  money: (fen: number) => Cell;
  fee?: (fen: number) => Cell;
  net?: (fen: number) => Cell;
  /** The words for a debit and a credit card. */
  cards?: readonly [string, string];
  /** Columns after the date (a time column). */
  afterDate?: Column[];
}

/** The usual set of columns in a layout's words and forms. */
export function usualColumns(words: Words, forms: Forms): Column[] {
  const [debit, credit] = forms.cards ?? ['借记卡', '贷记卡'];
  const columns: (Column | null)[] = [
    { h: words.date, v: forms.date },
    ...(forms.afterDate ?? []),
    { h: words.type, v: forms.type },
    words.card === undefined ? null : { h: words.card, v: (e) => cardOf(e, debit, credit) },
    { h: words.amount, v: (e) => forms.money(signed(e)) },
    { h: words.fee, v: (e) => (forms.fee ?? forms.money)(feeOf(e)) },
    { h: words.net, v: (e) => (forms.net ?? forms.money)(netOf(e)) },
    { h: words.text, v: forms.text },
    words.ref === undefined ? null : { h: words.ref, v: (e) => e.ref },
  ];
  return columns.filter((c): c is Column => c !== null);
}
