import { parseDateCell, parseMonthDay } from '../dates.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { CardType, Cell, Fen, InputProblem, SourceRow, StatementLine } from '../model.js';
import { foldWidth, numberToFen, parseYuanToFen } from '../money.js';
import { detach } from '../strings.js';
import { cellText, type MoneyUnit, type TableLayout } from './columns.js';

/**
 * One table row → one statement line, or a reason it is not a record (blank, summary, note),
 * or a problem the merchant is told about. Nothing is dropped without being counted.
 */
export type LineResult =
  | { kind: 'line'; line: StatementLine }
  | { kind: 'skip'; why: 'blank' | 'summary' | 'note' | 'header' }
  | { kind: 'problem'; problem: InputProblem };

export function parseMoneyCell(
  cell: Cell | undefined,
  unit: MoneyUnit = 'yuan',
): Fen | null | 'invalid' {
  if (cell === null || cell === undefined) return null;
  let fen: Fen | null;
  if (typeof cell === 'number') fen = numberToFen(cell);
  else if (typeof cell !== 'string') return 'invalid';
  else {
    const text = cell.trim();
    if (text === '' || text === '-' || text === '--') return null;
    fen = parseYuanToFen(unit === 'fen' ? text.replace(/分$/u, '') : text);
  }
  if (fen === null) return 'invalid';
  if (unit === 'yuan') return fen;
  // a fen column holds whole numbers: read as yuan they are multiples of 100
  return fen % 100 === 0 ? fen / 100 : 'invalid';
}

export function unitAt(layout: TableLayout, index: number | undefined): MoneyUnit {
  return index !== undefined && layout.fenColumns?.includes(index) ? 'fen' : 'yuan';
}

function cardTypeOf(text: string, lexicon: Lexicon): CardType {
  if (text === '') return 'unknown';
  if (lexicon.credit.test(text)) return 'credit';
  if (lexicon.debit.test(text)) return 'debit';
  return 'unknown';
}

/** A text test that remembers its answers for the first thousand distinct texts. */
function remembered(test: (text: string) => boolean): (text: string) => boolean {
  const answers = new Map<string, boolean>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = test(text);
      // detached: a long slice would keep its whole chunk of the statement alive
      if (answers.size < 1000) answers.set(detach(text), answer);
    }
    return answer;
  };
}

/**
 * A row reader for one layout: column positions resolved once, card-type answers remembered
 * (a statement has two or three distinct values), nothing allocated for a good row but its line.
 */
export function createRowInterpreter(
  layout: TableLayout,
  file: string,
  lexicon: Lexicon,
): (row: SourceRow) => LineResult {
  const cards = new Map<string, CardType>();
  const cardOf = (text: string): CardType => {
    let card = cards.get(text);
    if (card === undefined) {
      card = cardTypeOf(text, lexicon);
      if (cards.size < 1000) cards.set(detach(text), card);
    }
    return card;
  };
  // rows come in time order, so most share the previous row's day: compare its first 10 characters
  let lastText = '';
  let lastDate: string | null = null;
  const dateOf = (cell: Cell): string | null => {
    if (
      typeof cell === 'string' &&
      lastDate !== null &&
      cell.length >= 10 &&
      cell.startsWith(lastText)
    ) {
      lastSeen = lastDate;
      return lastDate;
    }
    const date = parseDateCell(cell, layout.period);
    if (
      typeof cell === 'string' &&
      date !== null &&
      cell.length >= 10 &&
      /^\d{4}-\d{2}-\d{2}/.test(cell)
    ) {
      lastText = cell.slice(0, 10);
      lastDate = date;
    }
    if (date !== null) lastSeen = date;
    return date;
  };
  // a report that prints the date once a day (or merges it down over the day's rows) leaves the
  // date cell of the day's later rows blank: they are of the day above
  let lastSeen: string | null = null;
  // totals are told by their type or description text, of which a statement has few
  const isDailyTotal = remembered((text) => lexicon.dailySummary?.test(text) ?? false);
  const isSummary = remembered((text) => lexicon.summaryRow.test(text));
  const read = (row: SourceRow) =>
    interpretRow(
      row,
      layout,
      file,
      lexicon,
      cardOf,
      dateOf,
      () => lastSeen,
      isDailyTotal,
      isSummary,
    );
  const balanceColumn = layout.columns.balance;
  if (layout.sign !== 'balance' || balanceColumn === undefined) return read;
  // an unsigned amount with a running balance: the balance going down or up gives the direction
  const unit = unitAt(layout, balanceColumn);
  let previous: Fen | null = null;
  return (row) => {
    const result = read(row);
    if (result.kind !== 'line') return result;
    const balance = parseMoneyCell(row.cells[balanceColumn], unit);
    if (typeof balance !== 'number') return result;
    const { line } = result;
    if (previous !== null && line.amount !== 0) {
      const size = Math.abs(line.amount);
      if (previous - size === balance) line.amount = -size;
      else if (previous + size === balance) line.amount = size;
    }
    previous = balance;
    return result;
  };
}

/**
 * The text of a cell after a leading date, month or period word, where a total names itself:
 * `2024-03-05 小计`, `2024年01月 合计`, `当日小计`, `本月合计` → `小计`, `合计`.
 */
function afterDate(text: string): string {
  return text
    .replace(/^[\d\s\-/.:年月日号T]+/u, '')
    .replace(/^(当日|本日|当天|每日|本月|当月|本页|本期|本年|全月|全年)\s*/u, '');
}

export function interpretRow(
  row: SourceRow,
  layout: TableLayout,
  file: string,
  lexicon: Lexicon,
  cardOf: (text: string) => CardType = (text) => cardTypeOf(text, lexicon),
  dates: (cell: Cell) => string | null = (cell) => parseDateCell(cell, layout.period),
  /** The date of the nearest dated row above, for a record whose date cell is blank. */
  above: () => string | null = () => null,
  isDailyTotal: (text: string) => boolean = (text) => lexicon.dailySummary?.test(text) ?? false,
  isSummary: (text: string) => boolean = (text) => lexicon.summaryRow.test(text),
): LineResult {
  const { cells } = row;
  const c = layout.columns;
  const at = (index: number | undefined): Cell | undefined =>
    index === undefined ? undefined : cells[index];
  const problem = (message: string): LineResult => ({
    kind: 'problem',
    problem: {
      file,
      row: row.row,
      ...(row.sheet === undefined ? {} : { sheet: row.sheet }),
      message,
    },
  });

  const dateCell = at(c.date);
  let date = dates(dateCell ?? null);
  if (date === null) {
    // only rows without a date can be blank, summary, note or repeated-header rows
    const texts = cells.map(cellText);
    const filled = texts.filter((t) => t !== '');
    if (filled.length === 0) return { kind: 'skip', why: 'blank' };
    const first = foldWidth(filled[0] ?? '');
    if (lexicon.summaryRow.test(first) || lexicon.summaryRow.test(afterDate(first)))
      return { kind: 'skip', why: 'summary' };
    if (lexicon.noteRow.test(first)) return { kind: 'skip', why: 'note' };
    // a repeated header (exports that print one per page) is not a record
    if (layout.headers.length > 0 && texts.every((t, i) => t === (layout.headers[i] ?? ''))) {
      return { kind: 'skip', why: 'header' };
    }
    // a lone line of text below or inside the table is a remark, not a record
    if (filled.length === 1) return { kind: 'skip', why: 'note' };
    const carried = cellText(dateCell) === '' ? above() : null;
    if (carried === null) {
      const { period } = layout;
      // a date without a year outside the stated period: which year it is, is not ours to guess
      if (period && parseMonthDay(dateCell ?? null) !== null)
        return problem(
          `日期 '${cellText(dateCell)}' 没有年份，且不在账单周期 ${period.from} 至 ${period.to} 内，无法确定是哪一年；请核对这一行，或重新导出带年份的完整日期 (date without a year outside the statement period)`,
        );
      return problem(`无法解析的日期: '${cellText(dateCell)}' (unreadable date)`);
    }
    date = carried;
  }

  let amount: Fen;
  // an account ledger may print a 交易金额 (with its fee) on sales only, and the money in or out of
  // every row in 收入/支出 columns: a row without a 交易金额 is read from those
  const twoColumns = c.inflow !== undefined || c.outflow !== undefined;
  const amountCell = at(c.amount);
  /** What the row moved in or out of the account (收入 − 支出), when the table has those columns. */
  let movement: Fen | null = null;
  if (twoColumns) {
    const inflow = parseMoneyCell(at(c.inflow), unitAt(layout, c.inflow));
    const outflow = parseMoneyCell(at(c.outflow), unitAt(layout, c.outflow));
    if (inflow === 'invalid') return problem(`无法解析的收入金额: '${cellText(at(c.inflow))}'`);
    if (outflow === 'invalid') return problem(`无法解析的支出金额: '${cellText(at(c.outflow))}'`);
    if (inflow !== null || outflow !== null)
      movement = Math.abs(inflow ?? 0) - Math.abs(outflow ?? 0);
  }
  if (c.amount !== undefined && (!twoColumns || cellText(amountCell) !== '')) {
    const parsed = parseMoneyCell(amountCell, unitAt(layout, c.amount));
    if (parsed === 'invalid')
      return problem(`无法解析的金额: '${cellText(amountCell)}' (unreadable amount)`);
    if (parsed === null) return problem(`金额为空 (empty amount)`);
    // an unsigned 交易金额 on a row whose money went out (支出: a payout, a refund) is money out
    amount = movement !== null && movement < 0 && parsed > 0 ? -parsed : parsed;
  } else {
    if (movement === null) return problem('收入和支出金额都为空 (no amount)');
    amount = movement;
  }

  // a list of charges: what it lists was taken
  if (layout.charges) amount = -amount;

  const direction = foldWidth(cellText(at(c.direction))).toLowerCase();
  if (direction !== '') {
    if (lexicon.directionOut.test(direction)) amount = -Math.abs(amount);
    else if (lexicon.directionIn.test(direction)) amount = Math.abs(amount);
    else return problem(`无法识别的收支方向: '${direction}' (unknown direction)`);
  }

  let fee = parseMoneyCell(at(c.fee), unitAt(layout, c.fee));
  if (fee === 'invalid')
    return problem(`无法解析的手续费: '${cellText(at(c.fee))}' (unreadable fee)`);
  if (layout.feeNegative && fee !== null && fee !== 0) fee = -fee;
  let net = parseMoneyCell(at(c.net), unitAt(layout, c.net));
  if (net === 'invalid')
    return problem(`无法解析的结算金额: '${cellText(at(c.net))}' (unreadable settled amount)`);
  // beside a 交易金额, what the row put into the account (收入) is what was settled for it: a sale
  // of 453.11 with a fee of 1.72 and 收入 352.39 had 99.00 held back
  if (net === null && c.net === undefined && movement !== null && cellText(amountCell) !== '')
    net = movement;

  const type = cellText(at(c.type));
  // a total printed with a date (2024-07-31 合计 …) is still a total, whether the word stands in
  // the type column or in the date cell itself (`2024-03-05 小计`)
  if (type !== '' && isSummary(type)) return { kind: 'skip', why: 'summary' };
  if (typeof dateCell === 'string' && isSummary(afterDate(foldWidth(dateCell))))
    return { kind: 'skip', why: 'summary' };
  // a daily summary (笔数 filled): its fee is the sum of many transaction fees, not a deduction,
  // and neither a rate nor a payout can be checked on a sum, so only the day and total are kept
  const description = cellText(at(c.description));
  // a daily total among the transactions (当日汇总, 小计) carries a sum of fees, not a deduction
  const totalText =
    lexicon.dailySummary !== null &&
    fee !== null &&
    fee !== 0 &&
    (isDailyTotal(type) || isDailyTotal(description));
  const counted = totalText || (c.count !== undefined && cellText(at(c.count)) !== '');
  if (counted && amount < 0) return { kind: 'skip', why: 'summary' };
  if (counted || (layout.summaryRows && fee !== null && fee !== 0)) {
    fee = null;
    net = null;
  }
  const line: StatementLine = {
    file,
    row: row.row,
    date,
    amount,
    fee,
    net,
    type,
    description,
    cardType: cardOf(cellText(at(c.cardType))),
    reference: cellText(at(c.reference)),
  };
  if (row.sheet !== undefined) line.sheet = row.sheet;
  return { kind: 'line', line };
}
