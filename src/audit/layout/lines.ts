import { namesZone, parseDateCell, parseMonthDay } from '../dates.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { CardType, Cell, Fen, InputProblem, SourceRow, StatementLine } from '../model.js';
import { unmarkCell } from '../decode/markers.js';
import { EMPTY_MONEY, plainMoney, type RecordBatch } from '../decode/records.js';
import { foldWidth, numberToFen, parseWanToFen, parseYuanToFen } from '../money.js';
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

/**
 * An amount in 万 (`1.234567万`) that the row's arithmetic confirms: the amount less the fee is
 * the settled amount printed in yuan beside it. Without that, null: the unit is never guessed.
 */
function wanConfirmed(
  amountCell: Cell | undefined,
  feeCell: Cell | undefined,
  netCell: Cell | undefined,
): Fen | null {
  if (typeof amountCell !== 'string' || (typeof netCell === 'string' && netCell.includes('万')))
    return null;
  const amount = parseWanToFen(amountCell);
  if (amount === null) return null;
  const fee = parseMoneyCell(feeCell);
  const net = parseMoneyCell(netCell);
  if (fee === 'invalid' || typeof net !== 'number') return null;
  return amount - Math.abs(fee ?? 0) === net ? amount : null;
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
  // asked four times a row, mostly of the empty text or of the text asked last (one string, from
  // the table of a statement's texts): those are answered without a lookup, which hashes the text
  const empty = test('');
  let lastText = '';
  let lastAnswer = empty;
  return (text) => {
    if (text === '') return empty;
    if (text === lastText) return lastAnswer;
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = test(text);
      // detached: a long slice would keep its whole chunk of the statement alive
      if (answers.size < 1000) answers.set(detach(text), answer);
    }
    lastText = text;
    lastAnswer = answer;
    return answer;
  };
}

/** What reading a row needs besides the row: the layout and the remembered answers. */
interface ReadContext {
  layout: TableLayout;
  file: string;
  lexicon: Lexicon;
  units: {
    amount: MoneyUnit;
    inflow: MoneyUnit;
    outflow: MoneyUnit;
    fee: MoneyUnit;
    net: MoneyUnit;
  };
  cardOf: (text: string) => CardType;
  dates: (cell: Cell) => string | null;
  /** The date of the nearest dated row above, for a record whose date cell is blank. */
  above: () => string | null;
  isDailyTotal: (text: string) => boolean;
  isSummary: (text: string) => boolean;
}

/**
 * A row reader; `record` reads a CSV record from its bytes (see {@link createRowInterpreter}).
 * The line `record` gives may be the reader's own, filled anew by its next call: a caller keeps
 * what it needs of it, never the line itself.
 */
export type RowInterpreter = ((row: SourceRow) => LineResult) & {
  record: (batch: RecordBatch, r: number) => LineResult;
};

/**
 * A row reader for one layout: column positions resolved once, card-type answers remembered
 * (a statement has two or three distinct values), nothing allocated for a good row but its line.
 *
 * `record` reads a UTF-8 CSV record without making strings of its date and money fields: a row
 * dated the same day as the row above (compared by its first ten bytes) with plain money fields
 * (`-?digits(.d{1,2})?`, or empty) is read from the bytes; any other row is made into cells and
 * read as every other row is. Both give the same line (tested: lines.test.ts).
 */
export function createRowInterpreter(
  layout: TableLayout,
  file: string,
  lexicon: Lexicon,
): RowInterpreter {
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
  // (not for a time in another zone: 2024-03-04T17:00Z is already 5 March in Beijing)
  let lastText = '';
  const lastCodes = new Uint8Array(10);
  let lastDate: string | null = null;
  const dateOf = (cell: Cell): string | null => {
    const zoned = typeof cell === 'string' && namesZone(cell);
    if (
      typeof cell === 'string' &&
      lastDate !== null &&
      cell.length >= 10 &&
      !zoned &&
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
      !zoned &&
      /^\d{4}-\d{2}-\d{2}/.test(cell)
    ) {
      lastText = cell.slice(0, 10);
      for (let i = 0; i < 10; i++) lastCodes[i] = lastText.charCodeAt(i);
      lastDate = date;
    }
    if (date !== null) lastSeen = date;
    return date;
  };
  // a report that prints the date once a day (or merges it down over the day's rows) leaves the
  // date cell of the day's later rows blank: they are of the day above
  let lastSeen: string | null = null;
  const c = layout.columns;
  const context: ReadContext = {
    layout,
    file,
    lexicon,
    units: {
      amount: unitAt(layout, c.amount),
      inflow: unitAt(layout, c.inflow),
      outflow: unitAt(layout, c.outflow),
      fee: unitAt(layout, c.fee),
      net: unitAt(layout, c.net),
    },
    cardOf,
    dates: dateOf,
    above: () => lastSeen,
    // totals are told by their type or description text, of which a statement has few
    isDailyTotal: remembered((text) => lexicon.dailySummary?.test(text) ?? false),
    isSummary: remembered((text) => lexicon.summaryRow.test(text)),
  };
  const read = (row: SourceRow) => readRow(row, context);
  const balanceColumn = c.balance;
  if (layout.sign !== 'balance' || balanceColumn === undefined) {
    const u = context.units;
    // the layouts whose rows can be read from the bytes: one amount column, no direction or
    // count column, money in yuan
    const dateColumn = c.date;
    const amountColumn = c.amount;
    const fast =
      dateColumn !== undefined &&
      amountColumn !== undefined &&
      c.inflow === undefined &&
      c.outflow === undefined &&
      c.direction === undefined &&
      c.count === undefined &&
      c.status === undefined &&
      layout.charges !== true &&
      (layout.remarks?.length ?? 0) === 0 &&
      (layout.feeColumns?.length ?? 0) === 0 &&
      u.amount === 'yuan' &&
      u.fee === 'yuan' &&
      u.net === 'yuan';
    if (!fast)
      return Object.assign(read, {
        record: (b: RecordBatch, r: number) => read(b.unmarkedRow(r)),
      });
    // one line for every record read from the bytes: two million line objects made one after
    // another were a quarter of the audit's garbage (its readers copy what they keep)
    const line: StatementLine = {
      file,
      row: 0,
      date: '',
      amount: 0,
      fee: null,
      net: null,
      type: '',
      description: '',
      cardType: 'unknown',
      reference: '',
    };
    const reused = { line, result: { kind: 'line' as const, line } };
    /** The record's line read from its bytes, or null when only the general reader can read it. */
    const fromBytes = (batch: RecordBatch, r: number): LineResult | null => {
      const first = batch.firsts[r] ?? 0;
      const width = (batch.firsts[r + 1] ?? 0) - first;
      const bytes = batch.bytes;
      // the day of the row above: the first ten bytes of the date field say so, and the rest is
      // a time of day (no zone, which may change the day; no word, which may name a total)
      if (lastDate === null || dateColumn >= width) return null;
      const d = first + dateColumn;
      if (batch.flags[d] !== 0) return null;
      const at = batch.starts[d] ?? 0;
      const end = batch.ends[d] ?? 0;
      if (end - at < 10) return null;
      for (let i = 0; i < 10; i++) if (bytes[at + i] !== lastCodes[i]) return null;
      for (let i = at + 10; i < end; i++) if (TIME_OF_DAY[bytes[i] ?? 0] !== 1) return null;
      const amount = moneyField(batch, first, width, amountColumn);
      if (amount === NOT_PLAIN || amount === null) return null;
      const fee = moneyField(batch, first, width, c.fee);
      if (fee === NOT_PLAIN) return null;
      const net = moneyField(batch, first, width, c.net);
      if (net === NOT_PLAIN) return null;
      lastSeen = lastDate;
      return lineOf(
        context,
        batch.rows[r] ?? 0,
        undefined,
        lastDate,
        amount,
        layout.feeNegative && fee !== null && fee !== 0 ? -fee : fee,
        net,
        textField(batch, first, width, c.type),
        // what is left of the date cell after its date is empty: is '' a total's name? (no)
        context.isSummary(''),
        textField(batch, first, width, c.description),
        false,
        textField(batch, first, width, c.cardType),
        textField(batch, first, width, c.reference),
        reused,
      );
    };
    // no closure made per record for the way out: one was a quarter of the audit's garbage
    const record = (batch: RecordBatch, r: number): LineResult =>
      fromBytes(batch, r) ?? read(batch.unmarkedRow(r));
    return Object.assign(read, { record });
  }
  // an unsigned amount with a running balance: the balance going down or up gives the direction
  const unit = unitAt(layout, balanceColumn);
  let previous: Fen | null = null;
  const signed = (row: SourceRow): LineResult => {
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
  return Object.assign(signed, {
    record: (b: RecordBatch, r: number) => signed(b.unmarkedRow(r)),
  });
}

/** A money field that only the general reader can read (grouped digits, a currency sign …). */
const NOT_PLAIN = -0.5;

/**
 * A money field of a record as `parseMoneyCell` reads it, when its bytes are plain: null when
 * empty (or `-`, `--`, or past the record's end), the fen of `-?digits(.d{1,2})?`, else
 * {@link NOT_PLAIN}.
 */
function moneyField(
  batch: RecordBatch,
  first: number,
  width: number,
  column: number | undefined,
): Fen | null {
  if (column === undefined || column >= width) return null;
  const f = first + column;
  // read ahead on the splitting thread, or now from the bytes
  const fen =
    batch.values !== null
      ? (batch.values.fens[f] ?? NaN)
      : batch.flags[f] !== 0
        ? NaN
        : plainMoney(batch.bytes, batch.starts[f] ?? 0, batch.ends[f] ?? 0);
  if (fen === EMPTY_MONEY) return null;
  if (Number.isNaN(fen)) return NOT_PLAIN;
  // a whole number that fits in 32 bits, as one: V8 keeps it unboxed (a double read from a typed
  // array would become one more object per field)
  return fen === (fen | 0) ? fen | 0 : fen;
}

/** A text field of a record as `cellText` reads its cell (text mark removed, see markers.ts). */
function textField(
  batch: RecordBatch,
  first: number,
  width: number,
  column: number | undefined,
): string {
  if (column === undefined || column >= width) return '';
  return unmarkCell(batch.fieldText(first + column)).trim();
}

/** The bytes of a time of day after a date (`2024-03-05 10:22:33.120`, `…T10:22`): 1. */
const TIME_OF_DAY = new Uint8Array(256);
for (const c of '0123456789 :.T') TIME_OF_DAY[c.charCodeAt(0)] = 1;

/**
 * The text of a cell after a leading date, month or period word, where a total names itself:
 * `2024-03-05 小计`, `2024年01月 合计`, `当日小计`, `本月合计` → `小计`, `合计`.
 */
function afterDate(text: string): string {
  return text
    .replace(/^[\d\s\-/.:年月日号T]+/u, '')
    .replace(/^(当日|本日|当天|每日|本月|当月|本页|本期|本年|全月|全年)\s*/u, '');
}

/** A cell of the row, after its date, names a total, a carry-forward or a balance (承前页, 期初余额). */
function summaryNamed(cells: readonly Cell[], isSummary: (text: string) => boolean): boolean {
  return cells.some((cell) => {
    const text = cellText(cell);
    return text !== '' && isSummary(foldWidth(afterDate(text)).replace(/\s+/gu, '').toLowerCase());
  });
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
  const c = layout.columns;
  return readRow(row, {
    layout,
    file,
    lexicon,
    units: {
      amount: unitAt(layout, c.amount),
      inflow: unitAt(layout, c.inflow),
      outflow: unitAt(layout, c.outflow),
      fee: unitAt(layout, c.fee),
      net: unitAt(layout, c.net),
    },
    cardOf,
    dates,
    above,
    isDailyTotal,
    isSummary,
  });
}

function problemAt(row: SourceRow, file: string, message: string): LineResult {
  return {
    kind: 'problem',
    problem: {
      file,
      row: row.row,
      ...(row.sheet === undefined ? {} : { sheet: row.sheet }),
      message,
    },
  };
}

function readRow(row: SourceRow, context: ReadContext): LineResult {
  const { layout, file, lexicon, units, isSummary } = context;
  const { cells } = row;
  const c = layout.columns;
  const at = (index: number | undefined): Cell | undefined =>
    index === undefined ? undefined : cells[index];

  const dateCell = at(c.date);
  let date = context.dates(dateCell ?? null);
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
    const carried = cellText(dateCell) === '' ? context.above() : null;
    if (carried === null) {
      const { period } = layout;
      // a date without a year outside the stated period: which year it is, is not ours to guess
      if (period && parseMonthDay(dateCell ?? null) !== null)
        return problemAt(
          row,
          file,
          `日期 '${cellText(dateCell)}' 没有年份，且不在账单周期 ${period.from} 至 ${period.to} 内，无法确定是哪一年；请核对这一行，或重新导出带年份的完整日期 (date without a year outside the statement period)`,
        );
      return problemAt(row, file, `无法解析的日期: '${cellText(dateCell)}' (unreadable date)`);
    }
    date = carried;
  }

  // a status column: a record that failed (扣款失败, FAILED, 已关闭) moved no money — a failed
  // deduction is no deduction, and must not use up an agreed charge's period — so it is not read,
  // but said; one still being processed (处理中) is read, and never claimed
  let pending = false;
  if (c.status !== undefined) {
    const status = foldWidth(cellText(at(c.status)))
      .replace(/\s+/gu, '')
      .toLowerCase();
    if (status !== '' && lexicon.statusFailed.test(status))
      return problemAt(
        row,
        file,
        `状态为“${cellText(at(c.status))}”：这一笔没有成功，钱没有动，不计入 (status says failed: no money moved; not counted)`,
      );
    pending = status !== '' && lexicon.statusPending.test(status);
  }

  let amount: Fen;
  // an account ledger may print a 交易金额 (with its fee) on sales only, and the money in or out of
  // every row in 收入/支出 columns: a row without a 交易金额 is read from those
  const twoColumns = c.inflow !== undefined || c.outflow !== undefined;
  const amountCell = at(c.amount);
  /** What the row moved in or out of the account (收入 − 支出), when the table has those columns. */
  let movement: Fen | null = null;
  /** The sale's fee, printed in 支出 beside its 收入 (layout.outflowFee). */
  let outflowFee: Fen | null = null;
  if (twoColumns) {
    const inflow = parseMoneyCell(at(c.inflow), units.inflow);
    const outflow = parseMoneyCell(at(c.outflow), units.outflow);
    if (inflow === 'invalid')
      return problemAt(row, file, `无法解析的收入金额: '${cellText(at(c.inflow))}'`);
    if (outflow === 'invalid')
      return problemAt(row, file, `无法解析的支出金额: '${cellText(at(c.outflow))}'`);
    if (inflow !== null || outflow !== null)
      movement = Math.abs(inflow ?? 0) - Math.abs(outflow ?? 0);
    // a sale with both filled (净额 = 收入 − 支出): 收入 is its amount, 支出 its fee
    if (layout.outflowFee && inflow !== null && inflow !== 0 && outflow !== null && outflow !== 0) {
      movement = Math.abs(inflow);
      outflowFee = Math.abs(outflow);
    }
  }
  if (c.amount !== undefined && (!twoColumns || cellText(amountCell) !== '')) {
    let parsed = parseMoneyCell(amountCell, units.amount);
    if (parsed === 'invalid') parsed = wanConfirmed(amountCell, at(c.fee), at(c.net)) ?? parsed;
    if (parsed === 'invalid')
      return problemAt(row, file, `无法解析的金额: '${cellText(amountCell)}' (unreadable amount)`);
    if (parsed === null) {
      // 期初余额 / 承前页 with a date and only a balance: not a record
      if (summaryNamed(cells, isSummary)) return { kind: 'skip', why: 'summary' };
      // a charge printed in the fee column alone (其他费用 | 交易金额 empty | 手续费 29.00 |
      // 清算金额 -29.00): a row of no sale whose money taken is its fee, read as the 0.00 amount
      // some exports print there (the classifier still wants a fee named or a 扣费 type)
      if (!feeIsTheCharge(row, context)) return problemAt(row, file, `金额为空 (empty amount)`);
      amount = 0;
    } else
      // an unsigned 交易金额 on a row whose money went out (支出: a payout, a refund) is money out
      amount = movement !== null && movement < 0 && parsed > 0 ? -parsed : parsed;
  } else {
    if (movement === null) {
      if (summaryNamed(cells, isSummary)) return { kind: 'skip', why: 'summary' };
      return problemAt(row, file, '收入和支出金额都为空 (no amount)');
    }
    amount = movement;
  }

  // a list of charges: what it lists was taken
  if (layout.charges) amount = -amount;

  const direction = foldWidth(cellText(at(c.direction))).toLowerCase();
  if (direction !== '') {
    if (lexicon.directionOut.test(direction)) amount = -Math.abs(amount);
    else if (lexicon.directionIn.test(direction)) amount = Math.abs(amount);
    else return problemAt(row, file, `无法识别的收支方向: '${direction}' (unknown direction)`);
  }

  let fee = parseMoneyCell(at(c.fee), units.fee);
  if (fee === 'invalid')
    return problemAt(row, file, `无法解析的手续费: '${cellText(at(c.fee))}' (unreadable fee)`);
  if (layout.feeNegative && fee !== null && fee !== 0) fee = -fee;
  if (fee === null && outflowFee !== null) fee = outflowFee;
  let net = parseMoneyCell(at(c.net), units.net);
  if (net === 'invalid')
    return problemAt(
      row,
      file,
      `无法解析的结算金额: '${cellText(at(c.net))}' (unreadable settled amount)`,
    );
  // beside a 交易金额, what the row put into the account (收入) is what was settled for it: a sale
  // of 453.11 with a fee of 1.72 and 收入 352.39 had 99.00 held back
  if (net === null && c.net === undefined && movement !== null && cellText(amountCell) !== '')
    net = movement;

  let description = cellText(at(c.description));
  // a 附言/用途 beside the 摘要 is read with it (摘要 代扣, 附言 POS机流量费)
  if (layout.remarks)
    for (const index of layout.remarks) {
      const remark = cellText(at(index));
      if (remark !== '' && remark !== description)
        description = description === '' ? remark : `${description} ${remark}`;
    }
  const result = lineOf(
    context,
    row.row,
    row.sheet,
    date,
    amount,
    fee,
    net,
    cellText(at(c.type)),
    // a total printed with a date names itself in the date cell too (`2024-03-05 小计`)
    typeof dateCell === 'string' && isSummary(afterDate(foldWidth(dateCell))),
    description,
    c.count !== undefined && cellText(at(c.count)) !== '',
    cellText(at(c.cardType)),
    cellText(at(c.reference)),
  );
  if (pending && result.kind === 'line') result.line.pending = true;
  // charges in fee columns of their own (服务费, 流量费, 垫资费 beside 手续费)
  if (layout.feeColumns && result.kind === 'line') {
    const moneyUnit = unitAt(layout, c.fee ?? c.amount);
    for (const { index, category } of layout.feeColumns) {
      const unit = layout.fenColumns?.includes(index) ? 'fen' : moneyUnit;
      const value = parseMoneyCell(at(index), unit);
      const header = layout.headers[index] ?? '';
      if (value === 'invalid')
        return problemAt(row, file, `无法解析的${header}: '${cellText(at(index))}'`);
      if (value === null || value === 0) continue;
      // written as the fee column writes its fees: a negative one there is taken too
      const fee = layout.feeNegative ? -value : value;
      (result.line.extraFees ??= []).push({ fee, header: detach(header), category });
    }
  }
  return result;
}

/**
 * A row with an empty amount whose fee column holds a charge: a fee other than zero, and a
 * settled amount that is empty or that same fee (taken, or given back) — never a row whose
 * settled amount says some other money moved.
 */
function feeIsTheCharge(row: SourceRow, context: ReadContext): boolean {
  const c = context.layout.columns;
  if (c.fee === undefined) return false;
  const fee = parseMoneyCell(row.cells[c.fee], context.units.fee);
  if (typeof fee !== 'number' || fee === 0) return false;
  const net = c.net === undefined ? null : parseMoneyCell(row.cells[c.net], context.units.net);
  return net === null || (typeof net === 'number' && Math.abs(net) === Math.abs(fee));
}

/** The row's line from its values: totals told apart, summary sums kept without their fee. */
function lineOf(
  context: ReadContext,
  rowNumber: number,
  sheet: string | undefined,
  date: string,
  amount: Fen,
  fee: Fen | null,
  net: Fen | null,
  type: string,
  /** The date cell names a total after its date. */
  dateNamesTotal: boolean,
  description: string,
  countFilled: boolean,
  card: string,
  reference: string,
  /** A line and result to fill instead of making new ones (see RowInterpreter.record). */
  into?: { line: StatementLine; result: LineResult & { kind: 'line' } },
): LineResult {
  const { lexicon } = context;
  // a total printed with a date (2024-07-31 合计 …) is still a total, whether the word stands in
  // the type column or in the date cell itself (`2024-03-05 小计`)
  if (type !== '' && context.isSummary(type)) return { kind: 'skip', why: 'summary' };
  if (dateNamesTotal) return { kind: 'skip', why: 'summary' };
  // a daily summary (笔数 filled): its fee is the sum of many transaction fees, not a deduction,
  // and no rate can be checked on a sum; the payout only where the statement's arithmetic says
  // a day's payout is its total less its fees (layout.dailyPayout), else only day and total are kept
  // a daily total among the transactions (当日汇总, 小计) carries a sum of fees, not a deduction
  const totalText =
    lexicon.dailySummary !== null &&
    fee !== null &&
    fee !== 0 &&
    (context.isDailyTotal(type) || context.isDailyTotal(description));
  const counted = totalText || countFilled;
  if (counted && amount < 0) return { kind: 'skip', why: 'summary' };
  // a row of a sheet of daily totals (not a subtotal among the sales it sums) is a day's record
  const daily =
    !totalText &&
    (countFilled || (context.layout.summaryRows === true && fee !== null && fee !== 0));
  if (counted || (context.layout.summaryRows && fee !== null && fee !== 0)) {
    // the day's payout is still its total less its fees when the statement's arithmetic says so
    const payout =
      daily &&
      context.layout.dailyPayout === true &&
      amount > 0 &&
      fee !== null &&
      fee > 0 &&
      net !== null &&
      net > 0;
    if (!payout) {
      fee = null;
      net = null;
    }
  }
  if (into !== undefined) {
    const line = into.line;
    line.row = rowNumber;
    line.date = date;
    line.amount = amount;
    line.fee = fee;
    line.net = net;
    line.type = type;
    line.description = description;
    line.cardType = context.cardOf(card);
    line.reference = reference;
    if (daily) line.daily = true;
    else if (line.daily) delete line.daily;
    return into.result;
  }
  const line: StatementLine = {
    file: context.file,
    row: rowNumber,
    date,
    amount,
    fee,
    net,
    type,
    description,
    cardType: context.cardOf(card),
    reference,
  };
  if (sheet !== undefined) line.sheet = sheet;
  if (daily) line.daily = true;
  return { kind: 'line', line };
}
