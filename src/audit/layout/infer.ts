import { periodOfText, periodOfTitle, type StatedPeriod } from '../dates.js';
import { scoreCategories } from '../classify/classify.js';
import { normalizeTerm, type Lexicon } from '../lexicon/lexicon.js';
import type { Cell, ColumnRole, FeeCategory, SourceRow } from '../model.js';
import { CATEGORY_NAMES } from '../words.js';
import { foldTraditional } from '../lexicon/traditional.js';
import { foldWidth } from '../money.js';
import {
  balanceFitsScaled,
  excludeEachOther,
  feeInOutflow,
  findFeeTriple,
  movementColumn,
  sizeColumn,
  inflowBySales,
  scaled,
  type Movement,
  type Scale,
  type ScaledBalanceFit,
} from './arithmetic.js';
import {
  cellKind,
  columnLetter,
  monthDayShare,
  fitsRole,
  isMoneyRole,
  isNumeric,
  MONEY_ROLES,
  PROFILE_ROWS,
  profileColumns,
  share,
  type CellKind,
  type ColumnStats,
} from './profile.js';

/**
 * The layout reader's decisions: which row is the header, which column is which, the unit and the
 * sign convention, and how sure it is. Three signals, in this order of trust: the statement's own
 * arithmetic, what the values are (profiling), and the header words (the lexicon).
 */
export type ColumnMap = Partial<Record<ColumnRole, number>>;
export type MoneyUnit = 'yuan' | 'fen';
export type SignConvention =
  'signed' | 'parentheses' | 'direction' | 'debitCredit' | 'balance' | 'unsigned';
export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** Something the reader could not decide; it stops unless `--map` settles the role. */
export interface LayoutIssue {
  /** The role in question, or the money unit. */
  role: ColumnRole | 'unit';
  message: string;
  /** Column indexes that could hold the role. */
  candidates: number[];
  /** The dates have no year and the file states no period that gives them one. */
  yearless?: true;
}

export interface TableLayout {
  /** 1-based row number of the header (0 when there is none). */
  headerRow: number;
  /** Header text by column index. */
  headers: string[];
  columns: ColumnMap;
  /** 1-based row number of the first data row, when the table has no header. */
  firstDataRow?: number;
  /** Indexes of the money columns written in fen (the rest are yuan). */
  fenColumns?: number[];
  sign?: SignConvention;
  /** The fee column holds fees as negative numbers. */
  feeNegative?: boolean;
  /**
   * A list of charges alone (扣费日期 | 费用类型 | 扣费金额): each amount, written positive, is money
   * taken from the merchant (a negative one, a charge given back).
   */
  charges?: boolean;
  /**
   * 收入 and 支出 both filled on sale rows, 净额 = 收入 − 支出: on a row with both, 收入 is the
   * sale's amount and 支出 its fee; a row with 支出 alone is money out.
   */
  outflowFee?: boolean;
  /** Every row carrying a fee is a daily (or period) summary: 交易总额, 手续费合计. */
  summaryRows?: boolean;
  /**
   * The daily summaries' payout is their total less their fees on most rows (交易总额 − 手续费合计
   * = 实际结算金额): a day paid out less had money held back, though no rate can be checked on a sum.
   */
  dailyPayout?: boolean;
  confidence?: { level: ConfidenceLevel; reasons: string[] };
  issues?: LayoutIssue[];
  /** The period the preamble states, which gives date cells without a year their year. */
  period?: StatedPeriod;
  /**
   * A daily sheet on its side, read turned (layout/wide.ts): the spreadsheet row of each turned
   * column, and the money rows that are movements of their own (with the way the money went
   * when the sheet prints it unsigned: +1 in, −1 out, 0 as printed).
   */
  turned?: { labelRows: number[]; items: { index: number; way: 1 | -1 | 0 }[] };
  /**
   * Further text columns named like a description (附言, 用途, 备注 beside a 摘要): a bank's 摘要
   * may say only 代扣 while its 附言 names the fee, so each row's description is read with them.
   */
  remarks?: number[];
  /**
   * Fee columns of their own beside the fee column (服务费, 流量费 beside 手续费; 垫资费 on a payout
   * row): each row's value there is a deduction of the category the header names.
   */
  feeColumns?: { index: number; category: FeeCategory }[];
}

/** Headers of text columns that name a party or an account, not what a row is. */
const PARTY = /户名|账号|账户|对方|银行|开户|商户名称|门店|店铺|机构|name$|account|bank|party/iu;

/** How many leading rows may be preamble before we give up looking for a header. */
export const HEADER_SEARCH_ROWS = 60;
/** How many rows the caller buffers before deciding: the header search plus the profiled rows. */
export const LAYOUT_BUFFER_ROWS = HEADER_SEARCH_ROWS + PROFILE_ROWS;

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** A header as its words are matched: half width, simplified characters, lower case, no spaces. */
export function headerKey(text: string): string {
  return foldTraditional(foldWidth(text))
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/【/g, '[')
    .replace(/】/g, ']');
}

export function scoreHeader(text: string, role: ColumnRole, lexicon: Lexicon): number {
  const patterns = lexicon.columns.get(role);
  const key = headerKey(text);
  if (!patterns || key === '' || key.length > 40) return 0;
  let score = 0;
  for (const p of patterns) if (p.regex.test(key)) score += p.weight;
  return score;
}

/** Assigns roles greedily by score, each role and each column at most once. */
function assignByScore(scored: { role: ColumnRole; index: number; score: number }[]): ColumnMap {
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const map: ColumnMap = {};
  const used = new Set<number>();
  for (const { role, index, score } of scored) {
    if (score <= 0 || map[role] !== undefined || used.has(index)) continue;
    map[role] = index;
    used.add(index);
  }
  return map;
}

/** The roles header words alone give (no content): the lexicon's best one-to-one assignment. */
export function assignColumns(headers: readonly string[], lexicon: Lexicon): ColumnMap {
  const scored: { role: ColumnRole; index: number; score: number }[] = [];
  headers.forEach((header, index) => {
    for (const role of lexicon.columns.keys()) {
      const score = scoreHeader(header, role, lexicon);
      if (score > 0) scored.push({ role, index, score });
    }
  });
  return assignByScore(scored);
}

export function isUsable(map: ColumnMap): boolean {
  const hasAmount =
    map.amount !== undefined || map.inflow !== undefined || map.outflow !== undefined;
  return map.date !== undefined && hasAmount;
}

// ---- the header row ------------------------------------------------------------------------------

interface RowShape {
  filled: number;
  labels: number;
  hasDate: boolean;
  numbers: number;
  keyValue: boolean;
}

const LABEL_KINDS: ReadonlySet<CellKind> = new Set(['text', 'card', 'direction']);

/**
 * The period the lines above the table state (账单周期：2023年1月1日至2023年5月17日), read from the
 * title and info lines only: the search stops at the first row as wide as a header or a record.
 */
export function statedPeriod(rows: readonly SourceRow[]): StatedPeriod | null {
  const lines: string[] = [];
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const texts = row.cells.map(cellText).filter((t) => t !== '');
    if (texts.length >= 4) break;
    if (texts.length === 0) continue;
    const line = texts.join(' ');
    const period = periodOfText(line);
    if (period) return period;
    // a narrow table's header and records are not title lines
    if (texts.length >= 2 && texts.some((t) => /^[-+(]?[\d,]+(?:\.\d+)?\)?$/.test(t))) break;
    lines.push(line);
  }
  // no line names the period: a title that states one year or month without a label will do
  return periodOfTitle(lines);
}

function shapeOf(row: SourceRow, lexicon: Lexicon, period: StatedPeriod | null): RowShape {
  let filled = 0;
  let labels = 0;
  let numbers = 0;
  let hasDate = false;
  let keyValue = false;
  for (const cell of row.cells) {
    const kind = cellKind(cell, lexicon, period);
    if (kind === 'empty') continue;
    filled += 1;
    if (LABEL_KINDS.has(kind)) labels += 1;
    if (kind === 'date') hasDate = true;
    if (kind === 'money' || kind === 'integer') numbers += 1;
    if (typeof cell === 'string' && /[:：]\s*\S/u.test(cell) && !/^\d/.test(cell)) keyValue = true;
  }
  return { filled, labels, hasDate, numbers, keyValue };
}

const isLabelRow = (s: RowShape) =>
  s.filled >= 2 && s.labels >= 0.7 * s.filled && !s.hasDate && s.numbers <= 0.2 * s.filled;
const isDataRow = (s: RowShape) => s.hasDate && s.numbers >= 1;

export interface HeaderChoice {
  /** Index (into the rows) of the header row, or null for a table without one. */
  header: number | null;
  /** Index of a label row above the header that belongs to it (a two-row header). */
  upper: number | null;
  /** Index of the first row below the header (or the first data row). */
  dataFrom: number;
}

/**
 * The header is a row of text labels followed by rows of typed data (a date and money), chosen by
 * how well the rows below it look like data and how many of its words the lexicon knows. Titles,
 * preambles (商户名称：…) and blank rows above it are passed over; a table without any header
 * starts at its first data row.
 */
export function chooseHeader(
  rows: readonly SourceRow[],
  lexicon: Lexicon,
  period: StatedPeriod | null = null,
): HeaderChoice | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS + 12);
  const shapes = rows.slice(0, limit).map((r) => shapeOf(r, lexicon, period));
  const windowAfter = (i: number) => {
    const below: RowShape[] = [];
    for (let j = i + 1; j < shapes.length && below.length < 10; j++) {
      const s = shapes[j];
      if (s && s.filled > 0) below.push(s);
    }
    const data = below.filter(isDataRow);
    const filled = data.map((s) => s.filled).sort((a, b) => a - b);
    return {
      dataShare: below.length === 0 ? 0 : data.length / below.length,
      typicalFilled: filled[Math.floor(filled.length / 2)] ?? 0,
    };
  };
  let best: { index: number; score: number } | null = null;
  for (let i = 0; i < Math.min(shapes.length, HEADER_SEARCH_ROWS); i++) {
    const shape = shapes[i];
    const row = rows[i];
    if (!shape || !row || !isLabelRow(shape)) continue;
    const lexMap = assignColumns(row.cells.map(cellText), lexicon);
    const roles = Object.keys(lexMap).length;
    const { dataShare, typicalFilled } = windowAfter(i);
    let score = 0;
    if (dataShare >= 0.5 && shape.filled >= Math.max(2, typicalFilled / 2))
      score = 10 * dataShare + roles;
    else if (isUsable(lexMap)) score = roles;
    if (score > (best?.score ?? 0)) best = { index: i, score };
  }
  if (best) {
    // a second label row right below, with the data under it: a two-row header ending there
    const below = shapes[best.index + 1];
    if (
      below &&
      isLabelRow(below) &&
      !below.keyValue &&
      windowAfter(best.index + 1).dataShare >= 0.8
    )
      return { header: best.index + 1, upper: best.index, dataFrom: best.index + 2 };
    const above = best.index - 1;
    const up = shapes[above];
    const upper = up && isLabelRow(up) && !up.keyValue ? above : null;
    return { header: best.index, upper, dataFrom: best.index + 1 };
  }
  for (let i = 0; i < Math.min(shapes.length, HEADER_SEARCH_ROWS); i++) {
    const shape = shapes[i];
    if (shape && isDataRow(shape) && (i === 0 || windowAfter(i - 1).dataShare >= 0.6))
      return { header: null, upper: null, dataFrom: i };
  }
  return null;
}

// ---- roles from content, words and arithmetic ----------------------------------------------------

const FEN_WORD =
  /[([]\s*(?:单位[:：]?\s*)?(?:人民币)?分\s*[)\]]|单位[:：]?\s*(?:人民币)?分(?:$|[^a-z\u4e00-\u9fff])|金额分$|\((?:fen|cents?)\)|in(?:fen|cents?)$/iu;

/** Whether a header or preamble text says amounts are in fen (交易金额(分), 单位：分, Amount (fen)). */
export function saysFen(text: string): boolean {
  return FEN_WORD.test(headerKey(text));
}

/** Columns whose header says fen, when there is no data to check them against. */
function numericFenWords(headers: readonly string[]): number[] {
  return headers.flatMap((h, i) => (saysFen(h) ? [i] : []));
}

export interface InferInput {
  rows: readonly SourceRow[];
  choice: HeaderChoice;
  lexicon: Lexicon;
  /** The period the preamble states (statedPeriod), for date cells without a year. */
  period?: StatedPeriod | null;
}

const DESCRIBE: Record<ColumnRole, string> = {
  date: '日期',
  amount: '金额',
  inflow: '收入（贷方）',
  outflow: '支出（借方）',
  fee: '手续费',
  net: '结算金额',
  type: '类型',
  description: '摘要',
  cardType: '卡类型',
  reference: '流水号',
  direction: '收支方向',
  balance: '余额',
  count: '笔数',
  terminal: '终端号',
  status: '状态',
};

export function roleName(role: ColumnRole): string {
  return DESCRIBE[role];
}

/** The share of a column's filled cells that name a kind of row (消费, 退货, 结算, 扣费, 返还 …). */
function rowKindShare(data: readonly SourceRow[], index: number, lexicon: Lexicon): number {
  let filled = 0;
  let kinds = 0;
  for (const row of data) {
    const text = foldWidth(cellText(row.cells[index])).toLowerCase();
    if (text === '') continue;
    filled += 1;
    if (
      [
        lexicon.transaction,
        lexicon.reversal,
        lexicon.settlement,
        lexicon.deduction,
        lexicon.refundWords,
        lexicon.subsidy,
      ].some((re) => re.test(text))
    )
      kinds += 1;
  }
  return filled === 0 ? 0 : kinds / filled;
}

/** `C 列“交易金额”` — how a column is named in messages. */
export function columnName(layout: Pick<TableLayout, 'headers'>, index: number): string {
  const header = layout.headers[index] ?? '';
  return header === '' ? `${columnLetter(index)} 列` : `${columnLetter(index)} 列“${header}”`;
}

/** The signed movement of a debit/credit pair (in − out), at a scale. */
const pairMovement =
  (inCol: ColumnStats, outCol: ColumnStats) =>
  (scale: Scale): Movement =>
  (i) => {
    const a = scaled(inCol, scale)(i);
    const o = scaled(outCol, scale)(i);
    if (a === null && o === null) return null;
    return Math.abs(a ?? 0) - Math.abs(o ?? 0);
  };

/** A movement less the fee of its row (the fee reduces money in, or adds to money out). */
const withFee =
  (move: (scale: Scale) => Movement, fee: ColumnStats | null) =>
  (scale: Scale): Movement =>
  (i) => {
    const m = move(scale)(i);
    if (m === null || fee === null) return m;
    return m - Math.abs(scaled(fee, scale)(i) ?? 0);
  };

/** A header that names the money a row had taken from it: 扣款金额, 扣费金额(元). */
const CHARGE_AMOUNT = /^(扣款|扣费|扣除)(金额|额)?(\((元|分)\))?$/u;

/**
 * 交易金额 beside a 扣款金额 filled only where 交易金额 is empty: the second is the money out of
 * the charge rows, not a rival amount (both name an amount, so one was left unread and every
 * charge read as an empty amount).
 */
function chargesBesideAmount(
  columns: ColumnMap,
  headers: readonly string[],
  data: readonly SourceRow[],
  stats: readonly (ColumnStats | undefined)[],
): void {
  const amount = columns.amount;
  if (amount === undefined || columns.outflow !== undefined || columns.inflow !== undefined) return;
  const used = new Set<number | undefined>(Object.values(columns));
  const filled = (row: SourceRow, index: number) => cellText(row.cells[index] ?? null) !== '';
  for (let index = 0; index < headers.length; index++) {
    if (used.has(index) || !CHARGE_AMOUNT.test(foldWidth(headers[index] ?? '').replace(/\s/gu, '')))
      continue;
    if (!fitsRole('outflow', stats[index], true)) continue;
    const rows = data.filter((row) => filled(row, index));
    if (rows.length === 0 || rows.some((row) => filled(row, amount))) continue;
    columns.outflow = index;
    return;
  }
}

/**
 * A column that is each transaction's card fee, not a fixed charge of the same name: filled on
 * (nearly) every row that has an amount, at most 5 % of it, about the same share of it on nine rows
 * in ten (a rate, give or take a fen of rounding; a fixed 1.00 on sales of 10 and of 3000 is no
 * rate), and the settled amount either the amount less this fee or the amount itself (the fee
 * taken separately).
 */
function feeOfRate(amount: ColumnStats, fee: ColumnStats, net: ColumnStats): boolean {
  const ratios: number[] = [];
  const pairs: [number, number][] = [];
  let withAmount = 0;
  let settled = 0;
  for (let i = 0; i < amount.values.length; i++) {
    const a = amount.values[i];
    if (a === null || a === undefined || a === 0) continue;
    withAmount += 1;
    const f = fee.values[i];
    if (f === null || f === undefined || f === 0) continue;
    const size = Math.abs(a);
    const charge = Math.abs(f);
    if (charge * 20 > size) return false;
    ratios.push(charge / size);
    pairs.push([size, charge]);
    const n = net.values[i];
    if (n !== null && n !== undefined && (Math.abs(n) === size || Math.abs(n) === size - charge))
      settled += 1;
  }
  if (pairs.length < 5 || pairs.length < 0.8 * withAmount || settled < 0.8 * pairs.length)
    return false;
  const rate = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)] ?? 0;
  const near = pairs.filter(
    ([size, charge]) => charge >= (size * rate) / 2 - 1 && charge <= size * rate * 2 + 1,
  ).length;
  const spread = new Set(pairs.map(([size]) => size)).size;
  return near >= 0.9 * pairs.length && spread >= 3;
}

/** The map without the roles that were taken back (set to undefined). */
function assigned(columns: ColumnMap): ColumnMap {
  const out: ColumnMap = {};
  for (const role of Object.keys(columns) as ColumnRole[]) {
    const index = columns[role];
    if (index !== undefined) out[role] = index;
  }
  return out;
}

export function inferLayout({ rows, choice, lexicon, period = null }: InferInput): TableLayout {
  const headerRow = choice.header === null ? null : rows[choice.header];
  const upperRow = choice.upper === null ? null : rows[choice.upper];
  const lower = headerRow ? headerRow.cells.map(cellText) : [];
  const upper = upperRow ? upperRow.cells.map(cellText) : [];
  const width = Math.max(
    lower.length,
    upper.length,
    ...rows.slice(choice.dataFrom, choice.dataFrom + PROFILE_ROWS).map((r) => r.cells.length),
  );
  const headers: string[] = [];
  const hints: string[] = [];
  let carried = '';
  for (let j = 0; j < width; j++) {
    const up = upper[j] ?? '';
    if (up !== '') carried = up;
    const low = lower[j] ?? '';
    headers.push(low !== '' ? low : up);
    hints.push(`${carried}${low}`);
  }

  // the profiled data rows: below the header, not blank, not a total or a note
  const data: SourceRow[] = [];
  for (let i = choice.dataFrom; i < rows.length && data.length < PROFILE_ROWS; i++) {
    const row = rows[i];
    if (!row) continue;
    const texts = row.cells.map(cellText).filter((t) => t !== '');
    if (texts.length === 0) continue;
    const first = foldWidth(texts[0] ?? '');
    if (lexicon.summaryRow.test(first) || lexicon.noteRow.test(first)) continue;
    if (texts.length === 1) continue;
    data.push(row);
  }
  const stats = profileColumns(data, width, lexicon, period);
  const reasons: string[] = [];
  const issues: LayoutIssue[] = [];
  const name = (index: number) => columnName({ headers }, index);

  // 1. header words, where the content agrees with them
  const scored: { role: ColumnRole; index: number; score: number }[] = [];
  for (let index = 0; index < width; index++) {
    const s = stats[index];
    for (const role of lexicon.columns.keys()) {
      let words = scoreHeader(headers[index] ?? '', role, lexicon);
      if (words <= 0 && hints[index] !== headers[index])
        words = scoreHeader(hints[index] ?? '', role, lexicon);
      const fits = data.length === 0 || fitsRole(role, s, words > 0);
      let score = words > 0 && fits ? words : 0;
      if (s && fits && data.length > 0) {
        if (role === 'date' && share(s, 'date') >= 0.8) score += 1;
        if (role === 'cardType' && share(s, 'card') >= 0.5) score += 2;
        // 收入/支出 or 借/贷 values make a direction column, whatever its header (收支类型) says
        // (a direction says which way every movement went: a column of 借/贷 filled on the
        // sales only is their card type, 借记/贷记 written short)
        if (role === 'direction' && share(s, 'direction') >= 0.8 && s.nonEmpty >= 0.9 * data.length)
          score += 4;
      }
      if (words > 0 && !fits && data.length > 0 && (role === 'date' || isMoneyRole(role)))
        reasons.push(`${name(index)}的表头像${roleName(role)}，但内容不像，未采用`);
      if (score > 0) scored.push({ role, index, score });
    }
  }
  const columns = assignByScore(scored);
  chargesBesideAmount(columns, headers, data, stats);
  const byWords = new Set(Object.keys(columns) as ColumnRole[]);
  const taken = () => new Set<number | undefined>(Object.values(columns));

  if (data.length === 0) {
    // a header without data below it (yet): the words are all there is
    return {
      headerRow: headerRow?.row ?? 0,
      headers,
      columns,
      ...(headerRow ? {} : { firstDataRow: rows[choice.dataFrom]?.row ?? 1 }),
      fenColumns: numericFenWords(headers),
      sign: 'signed',
      confidence: {
        level: isUsable(columns) ? 'medium' : 'low',
        reasons: ['只有表头，没有数据行'],
      },
      issues: [],
      ...(period ? { period } : {}),
    };
  }

  // 2. the date: a column of dates (the one the header names, else the first)
  if (columns.date === undefined) {
    const dates = stats.filter((s) => fitsRole('date', s) && !taken().has(s.index));
    if (dates[0]) {
      columns.date = dates[0].index;
      reasons.push(`${name(dates[0].index)}全是日期，作为日期列`);
    } else {
      // dates without a year (01-02 10:51) are read only within a period the file states
      const yearless = stats.find((s) => monthDayShare(data, s.index) >= 0.8);
      issues.push(
        yearless
          ? {
              role: 'date',
              message: period
                ? `${name(yearless.index)}的日期没有年份，且多数不在表前写明的账单周期（${period.from} 至 ${period.to}）内，无法确定年份；请重新导出带年份的完整日期`
                : `${name(yearless.index)}的日期没有年份（如“${cellText(data[0]?.cells[yearless.index])}”），表前也没有写明账单周期，无法确定年份；请重新导出带年份的完整日期，或在表格上方加一行“账单周期：2023年1月1日至2023年5月17日”`,
              candidates: [yearless.index],
              yearless: true,
            }
          : { role: 'date', message: '找不到日期列', candidates: [] },
      );
    }
  }

  // 3. arithmetic over the money columns
  const numeric = stats.filter(
    (s) =>
      isNumeric(s) &&
      s.index !== columns.date &&
      !(['count', 'reference', 'terminal', 'cardType', 'direction'] as ColumnRole[]).some(
        (r) => columns[r] === s.index,
      ),
  );
  const scales: Partial<Record<ColumnRole, Scale>> = {};
  let feeNegative = false;
  let arithmeticConfirmed = false;
  // columns the header already names as in, out or balance are not an amount, fee or settled amount
  const byName = [columns.inflow, columns.outflow, columns.balance];
  const triple = findFeeTriple(numeric.filter((s) => !byName.includes(s.index)));
  if (triple) {
    const assigned: [ColumnRole, ColumnStats, Scale][] = [
      ['amount', triple.amount, triple.scales[0]],
      ['fee', triple.fee, triple.scales[1]],
      ['net', triple.net, triple.scales[2]],
    ];
    for (const [role, s] of assigned) {
      if (columns[role] !== undefined && columns[role] !== s.index)
        reasons.push(
          `表头把${name(columns[role])}当作${roleName(role)}，算术不符，改用${name(s.index)}`,
        );
      for (const other of Object.keys(columns) as ColumnRole[])
        if (columns[other] === s.index && other !== role) columns[other] = undefined;
      columns[role] = s.index;
    }
    for (const [role, , scale] of assigned) if (scale === 100) scales[role] = 100;
    feeNegative = triple.feeNegative;
    arithmeticConfirmed = true;
    reasons.push(
      `算术：${name(triple.amount.index)} − ${name(triple.fee.index)} = ${name(triple.net.index)}，在 ${triple.support} 行上成立${feeNegative ? '（手续费记为负数）' : ''}`,
    );
  }

  const statsOf = (role: ColumnRole) => {
    const index = columns[role];
    return index === undefined ? undefined : stats[index];
  };
  if (!triple) {
    // without a settled column to check against, a fee column written negative still says so
    const fee = statsOf('fee');
    const nonZero = fee ? fee.values.filter((v) => v !== null && v !== 0).length : 0;
    if (fee && nonZero >= 2 && fee.negatives >= 0.8 * nonZero) {
      feeNegative = true;
      reasons.push(`${name(fee.index)}的手续费记为负数`);
    }
  }
  const free = () => numeric.filter((s) => !taken().has(s.index));

  // 借方/贷方 named by their headers beside a column the header also calls an amount (划款金额):
  // the arithmetic says which is the sale amount. When in − out (or, beside a settled column that
  // is never negative, in + out) less the fee is that column on most rows, it is the settled
  // amount, not the transaction amount (a fee compared with it reads as a rate overcharge)
  {
    const inCol = statsOf('inflow');
    const outCol = statsOf('outflow');
    if (!triple && inCol && outCol) {
      const rest = numeric.filter(
        (s) => s !== inCol && s !== outCol && s.index !== columns.balance,
      );
      const unsignedNet = (s: ColumnStats) => s.negatives === 0;
      for (const [movement, op] of [
        [movementColumn(inCol, outCol), ' − '],
        [sizeColumn(inCol, outCol), ' + '],
      ] as const) {
        const fit = findFeeTriple([
          movement,
          ...(movement.negatives === 0 ? rest.filter(unsignedNet) : rest),
        ]);
        if (!fit || fit.amount !== movement) continue;
        if (columns.fee !== undefined && columns.fee !== fit.fee.index) continue;
        if (columns.net !== undefined && columns.net !== fit.net.index) continue;
        if (
          columns.amount !== undefined &&
          columns.amount !== fit.net.index &&
          columns.amount !== fit.fee.index
        )
          continue;
        if (columns.amount !== undefined)
          reasons.push(
            `表头把${name(columns.amount)}当作${roleName('amount')}，算术不符：它是${roleName('net')}`,
          );
        columns.amount = undefined;
        columns.fee = fit.fee.index;
        columns.net = fit.net.index;
        if (fit.scales[0] === 100) scales.inflow = scales.outflow = 100;
        if (fit.scales[1] === 100) scales.fee = 100;
        if (fit.scales[2] === 100) scales.net = 100;
        feeNegative = fit.feeNegative;
        arithmeticConfirmed = true;
        reasons.push(
          `算术：${name(inCol.index)}${op}${name(outCol.index)} − ${name(fit.fee.index)} = ${name(fit.net.index)}，在 ${fit.support} 行上成立`,
        );
        break;
      }
    }
  }

  // a card fee under a word that also names fixed charges (支付宝's 服务费（元）): taken as the fee
  // column only when its values are a card fee's (see feeOfRate)
  const rateAmount = statsOf('amount');
  const rateNet = statsOf('net');
  if (!triple && columns.fee === undefined && rateAmount && rateNet && lexicon.rateFeeColumn) {
    const rateWord = lexicon.rateFeeColumn;
    const fee = free().find(
      (s) => rateWord.test(headerKey(headers[s.index] ?? '')) && feeOfRate(rateAmount, s, rateNet),
    );
    if (fee) {
      columns.fee = fee.index;
      const nonZero = fee.values.filter((v) => v !== null && v !== 0).length;
      feeNegative = fee.negatives >= 0.8 * nonZero;
      arithmeticConfirmed = true;
      reasons.push(
        `${name(fee.index)}在有金额的行上都有，约为金额的固定比例，${name(rateNet.index)}是金额或金额减去它：是每笔交易的手续费${feeNegative ? '（记为负数）' : ''}`,
      );
    }
  }

  // debit and credit in two columns that exclude each other
  if (
    columns.amount === undefined &&
    (columns.inflow === undefined || columns.outflow === undefined)
  ) {
    const pool = [
      ...free(),
      ...[
        statsOf('inflow'),
        statsOf('outflow'),
        // 入账金额/出账金额 without a fee column: the words say settled, the values say in/out
        columns.fee === undefined ? statsOf('net') : undefined,
      ].filter((s): s is ColumnStats => s !== undefined),
    ];
    let pair: [ColumnStats, ColumnStats] | null = null;
    for (let x = 0; x < pool.length && !pair; x++)
      for (let y = x + 1; y < pool.length && !pair; y++) {
        const p = pool[x];
        const q = pool[y];
        if (p && q && excludeEachOther(p, q)) pair = p.index < q.index ? [p, q] : [q, p];
      }
    if (pair) {
      const [p, q] = pair;
      const inWords = (s: ColumnStats) =>
        scoreHeader(headers[s.index] ?? '', 'inflow', lexicon) -
        scoreHeader(headers[s.index] ?? '', 'outflow', lexicon);
      // the balance decides when there is one; otherwise the header words
      const balanceCandidates = [
        ...(statsOf('balance') ? [statsOf('balance') as ColumnStats] : []),
        ...free().filter((s) => s !== p && s !== q),
      ];
      let decided: [ColumnStats, ColumnStats] | null = null;
      // with a fee column, the balance moves by what is settled: in − out less the fee
      const feeOf = (inCol: ColumnStats, outCol: ColumnStats, b: ColumnStats) => {
        const rest = free().filter((s) => s !== p && s !== q && s !== b);
        const fit = findFeeTriple([movementColumn(inCol, outCol), ...rest]);
        return fit && fit.amount.index === -1 ? fit.fee : null;
      };
      for (const b of balanceCandidates) {
        for (const [inCol, outCol] of [
          [p, q],
          [q, p],
        ] as const) {
          const move = withFee(pairMovement(inCol, outCol), feeOf(inCol, outCol, b));
          const fit = balanceFitsScaled(b, move, inCol.allInteger && outCol.allInteger, false);
          if (fit) {
            decided = [inCol, outCol];
            columns.balance = b.index;
            if (fit.movementScale === 100) scales.inflow = scales.outflow = 100;
            if (fit.balanceScale === 100) scales.balance = 100;
            reasons.push(
              `余额算术：上一行余额 + ${name(inCol.index)} − ${name(outCol.index)} = ${name(b.index)}`,
            );
            break;
          }
        }
        if (decided) break;
      }
      if (decided) arithmeticConfirmed = true;
      else if (inWords(p) > inWords(q)) decided = [p, q];
      else if (inWords(q) > inWords(p)) decided = [q, p];
      else {
        // no words either way: the sales decide (amount − fee = settled on the column they fill)
        const others = [statsOf('fee'), statsOf('net'), ...free()].filter(
          (s, i, all): s is ColumnStats =>
            s !== undefined && s !== p && s !== q && all.indexOf(s) === i,
        );
        for (const f of others) {
          for (const n of others) {
            if (f === n) continue;
            const bySales = inflowBySales(p, q, f, n);
            if (!bySales) continue;
            decided = bySales;
            arithmeticConfirmed = true;
            reasons.push(
              `算术：${name(bySales[0].index)} − ${name(f.index)} = ${name(n.index)}，在多数有手续费的行上成立：${name(bySales[0].index)}是收入`,
            );
            break;
          }
          if (decided) break;
        }
      }
      if (decided) {
        for (const s of decided)
          for (const other of Object.keys(columns) as ColumnRole[])
            if (columns[other] === s.index) columns[other] = undefined;
        columns.inflow = decided[0].index;
        columns.outflow = decided[1].index;
        reasons.push(`${name(p.index)}和${name(q.index)}每行只填一列，为收入/支出两列`);
        //收入 − 支出 − 手续费 = 结算金额: the fee and settled columns of a debit/credit table
        const movement = movementColumn(decided[0], decided[1]);
        const rest = free().filter((s) => s !== p && s !== q && s.index !== columns.balance);
        const fit = findFeeTriple([movement, ...rest]);
        if (fit && fit.amount === movement && columns.fee === undefined) {
          columns.fee = fit.fee.index;
          columns.net = fit.net.index;
          feeNegative = fit.feeNegative;
          arithmeticConfirmed = true;
          reasons.push(
            `算术：收入 − 支出 − ${name(fit.fee.index)} = ${name(fit.net.index)}，在 ${fit.support} 行上成立`,
          );
        }
      } else {
        issues.push({
          role: 'inflow',
          message: `${name(p.index)}和${name(q.index)}每行只填一列，但看不出哪一列是收入、哪一列是支出`,
          candidates: [p.index, q.index],
        });
        columns.inflow = p.index;
        columns.outflow = q.index;
      }
    }
  }

  // 收入 and 支出 both filled on the sale rows with 净额 = 收入 − 支出: there 支出 is the sale's fee
  // (a row with 支出 alone is still money out)
  let outflowFee = false;
  {
    const inCol = statsOf('inflow');
    const outCol = statsOf('outflow');
    if (
      inCol &&
      outCol &&
      columns.amount === undefined &&
      columns.fee === undefined &&
      columns.balance === undefined &&
      !excludeEachOther(inCol, outCol)
    ) {
      const named = statsOf('net');
      for (const n of named ? [named] : free()) {
        const support = feeInOutflow(inCol, outCol, n);
        if (support === null) continue;
        columns.net = n.index;
        outflowFee = true;
        arithmeticConfirmed = true;
        reasons.push(
          `算术：${name(inCol.index)} − ${name(outCol.index)} = ${name(n.index)}，两列都有数的 ${support} 行上成立：这些行的${name(outCol.index)}是该笔交易的手续费，只有${name(outCol.index)}的行才是支出`,
        );
        break;
      }
    }
  }

  // in and out named by their headers: a balance that adds up confirms them and pins their unit
  const inStats = statsOf('inflow');
  const outStats = statsOf('outflow');
  if (inStats && outStats && !arithmeticConfirmed) {
    const named = statsOf('balance');
    for (const b of named ? [named] : free()) {
      const move = pairMovement(inStats, outStats);
      const fit = balanceFitsScaled(b, move, inStats.allInteger && outStats.allInteger, false);
      if (fit) {
        columns.balance = b.index;
        arithmeticConfirmed = true;
        if (fit.movementScale === 100) scales.inflow = scales.outflow = 100;
        if (fit.balanceScale === 100) scales.balance = 100;
        reasons.push(`余额算术：上一行余额 + 收入 − 支出 = ${name(b.index)}`);
        break;
      }
    }
  }

  // a list of charges alone (扣费日期 | 费用类型 | 扣费金额): the only money is the charge, and
  // each row's amount is that charge — not a fee on some sale the table does not show — taken from
  // the merchant, however the list writes it (a positive 36.00 named POS流量费 is not a sale)
  let charges = false;
  if (
    columns.amount === undefined &&
    columns.inflow === undefined &&
    columns.outflow === undefined &&
    columns.net === undefined &&
    columns.fee !== undefined &&
    free().length === 0
  ) {
    columns.amount = columns.fee;
    columns.fee = undefined;
    charges = true;
    reasons.push(`${name(columns.amount)}是表中唯一的金额列，每行就是一笔扣费（记为支出）`);
  }
  // the amount: named by the header, or the only money column left, or the one the balance follows
  if (
    columns.amount === undefined &&
    columns.inflow === undefined &&
    columns.outflow === undefined
  ) {
    const left = free();
    const named = statsOf('balance');
    const balances = named ? [named] : left;
    let found: {
      amount: ColumnStats;
      balance: ColumnStats;
      unsigned: boolean;
      fit: ScaledBalanceFit;
    } | null = null;
    for (const a of left)
      for (const b of balances) {
        if (a === b) continue;
        const fit = balanceFitsScaled(
          b,
          (scale) => scaled(a, scale),
          a.allInteger,
          a.negatives === 0,
        );
        if (fit && (!found || !fit.unsigned))
          found = { amount: a, balance: b, unsigned: fit.unsigned, fit };
      }
    if (found) {
      columns.amount = found.amount.index;
      columns.balance = found.balance.index;
      if (found.fit.movementScale === 100) scales.amount = 100;
      if (found.fit.balanceScale === 100) scales.balance = 100;
      arithmeticConfirmed = true;
      reasons.push(
        `余额算术：上一行余额 ${found.unsigned ? '±' : '+'} ${name(found.amount.index)} = ${name(found.balance.index)}`,
      );
    } else if (left.length === 1 && left[0]) {
      columns.amount = left[0].index;
      reasons.push(`${name(left[0].index)}是唯一的金额列`);
    } else if (left.length > 1) {
      issues.push({
        role: 'amount',
        message: `${left.map((s) => name(s.index)).join('、')}都可能是金额列，表头和算术都无法确定`,
        candidates: left.map((s) => s.index),
      });
      const first = left[0];
      if (first) columns.amount = first.index;
    } else {
      issues.push({ role: 'amount', message: '找不到金额列', candidates: [] });
    }
  } else if (columns.balance === undefined && columns.amount !== undefined) {
    // a balance column without a header word: one that adds up with the amount
    const a = statsOf('amount');
    for (const b of free()) {
      if (!a) break;
      const fit = balanceFitsScaled(
        b,
        (scale) => scaled(a, scale),
        a.allInteger,
        a.negatives === 0,
      );
      if (fit) {
        columns.balance = b.index;
        arithmeticConfirmed = true;
        if (fit.movementScale === 100) scales.amount = 100;
        if (fit.balanceScale === 100) scales.balance = 100;
        reasons.push(`余额算术：上一行余额 ${fit.unsigned ? '±' : '+'} 金额 = ${name(b.index)}`);
        break;
      }
    }
  } else if (columns.balance !== undefined && columns.amount !== undefined) {
    const a = statsOf('amount');
    const b = statsOf('balance');
    const fit =
      a && b
        ? balanceFitsScaled(b, (scale) => scaled(a, scale), a.allInteger, a.negatives === 0)
        : null;
    if (fit) {
      if (fit.movementScale === 100) scales.amount = 100;
      if (fit.balanceScale === 100) scales.balance = 100;
      arithmeticConfirmed = true;
      reasons.push(`余额算术：上一行余额加减金额等于本行余额`);
    }
  }

  // 4. text columns without a header word: few distinct values → type, many → description
  // (not a column whose header keeps a type away: a 结算状态 of 已结算 on every row says where a
  // row is in its processing, not what it is — read as the type, every sale would be a payout)
  if (columns.type === undefined || columns.description === undefined) {
    const texts = stats
      .filter(
        (s) =>
          !taken().has(s.index) &&
          share(s, 'text') >= 0.5 &&
          s.nonEmpty > 0 &&
          scoreHeader(headers[s.index] ?? '', 'type', lexicon) >= 0,
      )
      .sort((x, y) => x.distinct / x.nonEmpty - y.distinct / y.nonEmpty);
    if (columns.type === undefined && texts.length >= 2 && texts[0]) {
      columns.type = texts[0].index;
      texts.shift();
    }
    const rest = texts[texts.length - 1];
    if (columns.description === undefined && rest) columns.description = rest.index;
  }
  // two columns named like a description (交易摘要 and 备注), of which the one the words chose holds
  // row kinds (POS消费, 退货, 资金结算): that one is the type and the other the description, so
  // the words of neither are lost — a fee named in 备注 on a sale is a deduction taken from its payout
  if (columns.type === undefined && columns.description !== undefined) {
    const described = columns.description;
    const other = stats
      .filter(
        (s) =>
          !taken().has(s.index) &&
          share(s, 'text') >= 0.5 &&
          s.distinct >= 2 &&
          scoreHeader(headers[s.index] ?? '', 'description', lexicon) > 0,
      )
      .sort((x, y) => y.distinct - x.distinct)[0];
    if (other && rowKindShare(data, described, lexicon) >= 0.8) {
      columns.type = described;
      columns.description = other.index;
      reasons.push(`${name(described)}写的是交易类型，${name(other.index)}作为摘要`);
    }
  }
  // a 附言 or 用途 beside the 摘要: read with it, as a bank prints the fee's name there
  const remarks =
    columns.description === undefined
      ? []
      : stats
          .filter(
            (s) =>
              !taken().has(s.index) &&
              share(s, 'text') >= 0.5 &&
              s.distinct >= 2 &&
              scoreHeader(headers[s.index] ?? '', 'description', lexicon) > 0 &&
              !PARTY.test(headerKey(headers[s.index] ?? '')),
          )
          .map((s) => s.index)
          .slice(0, 2);
  if (columns.cardType === undefined) {
    const card = stats.find((s) => !taken().has(s.index) && share(s, 'card') >= 0.8);
    if (card) columns.cardType = card.index;
  }
  if (columns.direction === undefined) {
    const dir = stats.find(
      (s) =>
        !taken().has(s.index) && share(s, 'direction') >= 0.9 && s.nonEmpty >= 0.9 * data.length,
    );
    if (dir) columns.direction = dir.index;
  }
  if (columns.reference === undefined) {
    const ids = stats
      .filter((s) => !taken().has(s.index) && share(s, 'id') >= 0.8)
      .sort((x, y) => y.distinct - x.distinct);
    if (ids[0]) columns.reference = ids[0].index;
  }

  // 5. the unit of each money column (by column, so that `--map` moving a role keeps it)
  const fen = new Set<number>();
  const wholeColumns = numeric.filter((s) => s.allInteger && share(s, 'money') === 0);
  const preambleFen = rows
    .slice(0, choice.header ?? choice.dataFrom)
    .some((r) => r.cells.some((c) => typeof c === 'string' && saysFen(c)));
  for (const s of stats)
    if (
      isNumeric(s, 0.5, true) &&
      (saysFen(headers[s.index] ?? '') || saysFen(hints[s.index] ?? ''))
    )
      fen.add(s.index);
  if (preambleFen) for (const s of wholeColumns) fen.add(s.index);
  const wordsFen = fen.size > 0;
  if (wordsFen) reasons.push('表头或表前说明写明金额单位为“分”');
  let arithmeticFen = false;
  for (const role of MONEY_ROLES) {
    const index = columns[role];
    if (index !== undefined && scales[role] === 100 && !fen.has(index)) {
      fen.add(index);
      arithmeticFen = true;
    }
  }
  if (arithmeticFen) reasons.push('算术只在把整数列按“分”读取时成立');
  let unitGuess = false;
  const moneyRoles = MONEY_ROLES.filter((r) => columns[r] !== undefined);
  const moneyStats = moneyRoles.map(statsOf).filter((s): s is ColumnStats => s !== undefined);
  const allWhole =
    moneyStats.length > 0 &&
    moneyStats.every((s) => s.allInteger && share(s, 'money') === 0) &&
    moneyStats.some((s) => s.values.some((v) => v !== null && v !== 0));
  if (allWhole && !wordsFen && !arithmeticFen) {
    const fee = statsOf('fee');
    const feeValues = fee ? new Set(fee.values.filter((v) => v !== null && v !== 0)) : new Set();
    const amounts = (statsOf('amount') ?? statsOf('inflow') ?? statsOf('outflow'))?.values
      .filter((v): v is number => v !== null && v !== 0)
      .map((v) => Math.abs(v / 100))
      .sort((x, y) => x - y);
    const median = amounts?.[Math.floor(amounts.length / 2)] ?? 0;
    const roundShare =
      amounts && amounts.length > 0
        ? amounts.filter((v) => v % 100 === 0).length / amounts.length
        : 1;
    if (feeValues.size >= 3) {
      for (const s of wholeColumns) fen.add(s.index);
      reasons.push('金额都是整数，手续费随金额变化却没有小数，只能是以分为单位');
    } else if (median >= 10_000 && roundShare < 0.3) {
      for (const s of wholeColumns) fen.add(s.index);
      unitGuess = true;
      reasons.push('金额都是整数且数值很大、末两位不规整，按“分”读取');
    } else {
      unitGuess = true;
      reasons.push('金额都是整数，按“元”读取');
    }
    // without a header there is not even a word to go by: ask rather than guess a factor of 100
    if (unitGuess && !headerRow)
      issues.push({
        role: 'unit',
        message: '没有表头，金额都是整数，看不出单位是元还是分',
        candidates: moneyStats.map((s) => s.index),
      });
  }

  // a table of daily totals says so in its money headers (交易总额, 手续费合计, Total Fee)
  const totalWord = /合计|总额|汇总|总计|小计|total|sum/iu;
  const summaryRows =
    columns.count === undefined &&
    [columns.amount, columns.fee].some(
      (index) => index !== undefined && totalWord.test(headers[index] ?? ''),
    );
  // … but in a sheet of days (笔数 on nearly every row, not a few totals among sales) whose payout
  // is the day's total less its fees on most rows (the arithmetic above), a day paid out less than
  // that had money held back, as a single sale would
  const countFilled = statsOf('count')?.nonEmpty ?? 0;
  const amountFilled = statsOf('amount')?.nonEmpty ?? 0;
  const dailyPayout =
    triple !== null &&
    (summaryRows || (columns.count !== undefined && countFilled >= 0.9 * amountFilled));
  if (dailyPayout)
    reasons.push(
      '每日汇总行的手续费合计是多笔交易手续费之和，不是扣款，也不能据此核对费率；但每天的到账应等于交易总额减手续费合计，少到账的部分是另扣的钱',
    );
  else if (summaryRows || columns.count !== undefined)
    reasons.push('每日汇总行的手续费合计是多笔交易手续费之和，不是扣款，也不能据此核对费率或到账');

  // 6. the sign convention
  let sign: SignConvention = 'signed';
  const amountStats = statsOf('amount');
  if (columns.direction !== undefined) sign = 'direction';
  else if (columns.inflow !== undefined || columns.outflow !== undefined) sign = 'debitCredit';
  else if (amountStats) {
    if (amountStats.parentheses > 0) sign = 'parentheses';
    else if (amountStats.negatives > 0) sign = 'signed';
    else if (columns.balance !== undefined) sign = 'balance';
    else sign = 'unsigned';
  }
  if (sign === 'unsigned' && !charges)
    reasons.push('金额没有正负号，也没有收支方向或余额：扣款只能从文字判断');
  if (sign === 'balance') reasons.push('金额没有正负号，收支方向由余额的增减确定');

  // 7. how sure
  const wordsAgree =
    byWords.has('date') &&
    (byWords.has('amount') || (byWords.has('inflow') && byWords.has('outflow')));
  const level: ConfidenceLevel =
    issues.length > 0
      ? 'low'
      : (wordsAgree || arithmeticConfirmed) &&
          !unitGuess &&
          headerRow !== undefined &&
          headerRow !== null
        ? 'high'
        : arithmeticConfirmed && !unitGuess
          ? 'high'
          : 'medium';
  const remarkColumns = remarks.filter((i) => !taken().has(i));
  for (const index of remarkColumns) reasons.push(`${name(index)}与摘要一并读取`);
  const feeColumns = charges
    ? []
    : extraFeeColumns(
        numeric.filter((s) => !taken().has(s.index) && !remarkColumns.includes(s.index)),
        columns,
        headers,
        stats,
        fen,
        lexicon,
      );
  for (const { index, category } of feeColumns)
    reasons.push(
      `${name(index)}是单列的扣费（${CATEGORY_NAMES[category].zh}），每行的数额都按扣款核对`,
    );
  if (wordsAgree) reasons.unshift('表头的日期列和金额列与内容相符');
  if (!headerRow) reasons.unshift('没有表头，各列由内容和算术判断');

  return {
    headerRow: headerRow?.row ?? 0,
    headers,
    columns: assigned(columns),
    ...(headerRow ? {} : { firstDataRow: rows[choice.dataFrom]?.row ?? 1 }),
    fenColumns: [...fen].sort((x, y) => x - y),
    sign,
    ...(feeNegative ? { feeNegative } : {}),
    ...(charges ? { charges } : {}),
    ...(outflowFee ? { outflowFee } : {}),
    ...(summaryRows ? { summaryRows } : {}),
    ...(dailyPayout ? { dailyPayout } : {}),
    confidence: { level, reasons },
    issues,
    ...(period ? { period } : {}),
    ...(remarkColumns.length > 0 ? { remarks: remarkColumns } : {}),
    ...(feeColumns.length > 0 ? { feeColumns } : {}),
  };
}

/** Share of the rows with a charge in the extra fee columns on which amount − fees = settled. */
const EXTRA_FEE_ARITHMETIC = 0.8;

/**
 * Money columns no role took whose header names a fee of a category (服务费, 流量费, 垫资费 beside
 * 手续费): charges printed in columns of their own. Not a header that says a rate, a refund or a
 * name (服务费率, 流量费退还, 费用名称), nor a total. With a settled column, the money must add up on
 * the rows that carry such a charge (|amount| − |fee| − the charges = |settled|); without one, a
 * column filled on most rows is a per-sale figure, not a charge, and is left alone.
 */
export function extraFeeColumns(
  candidates: readonly ColumnStats[],
  columns: ColumnMap,
  headers: readonly string[],
  stats: readonly ColumnStats[],
  fen: ReadonlySet<number>,
  lexicon: Lexicon,
): { index: number; category: FeeCategory }[] {
  const named: { index: number; category: FeeCategory }[] = [];
  for (const s of candidates) {
    const header = headers[s.index] ?? '';
    if (header === '' || !isNumeric(s, 0.8, true)) continue;
    if (
      scoreHeader(header, 'fee', lexicon) < 0 ||
      /合计|总额|汇总|总计|小计|total|sum/iu.test(header)
    )
      continue;
    const found = scoreCategories(normalizeTerm(header), lexicon);
    if (found === null || !found.specific || found.category === 'other_deduction') continue;
    named.push({ index: s.index, category: found.category });
  }
  if (named.length === 0) return [];
  const valueOf = (index: number | undefined, row: number): number => {
    if (index === undefined) return 0;
    const v = stats[index]?.values[row] ?? null;
    if (v === null) return 0;
    return fen.has(index) ? v / 100 : v;
  };
  const yuanOf = (index: number | undefined, row: number) => Math.abs(valueOf(index, row));
  const net = columns.net;
  const amount = columns.amount;
  const rows = stats[named[0]?.index ?? 0]?.values.length ?? 0;
  let charged = 0;
  let adds = 0;
  let filled = 0;
  for (let r = 0; r < rows; r++) {
    const extras = named.reduce((sum, n) => sum + yuanOf(n.index, r), 0);
    if (extras === 0) continue;
    charged += 1;
    if (amount === undefined || net === undefined) continue;
    if (stats[net]?.values[r] === null) continue;
    filled += 1;
    // signed (a sale of 99.18 with a 99.00 charge settles −0.42) or unsigned (a payout's size)
    const fees = yuanOf(columns.fee, r) + extras;
    if (
      Math.abs(valueOf(amount, r) - fees - valueOf(net, r)) <= 1 ||
      Math.abs(yuanOf(amount, r) - fees - yuanOf(net, r)) <= 1
    )
      adds += 1;
  }
  if (net !== undefined && amount !== undefined) {
    if (filled > 0 && adds < EXTRA_FEE_ARITHMETIC * filled) return [];
  } else if (charged > rows / 2) return [];
  return named;
}
