import type { Lexicon } from '../lexicon/lexicon.js';
import type { Fen, SourceRow, StatementLine } from '../model.js';
import { cellText, HEADER_SEARCH_ROWS, statedPeriod, type TableLayout } from './infer.js';
import { interpretRow, parseMoneyCell, unitAt, type LineResult } from './lines.js';
import { cellKind, isNumeric, profileColumns, type ColumnStats } from './profile.js';

/**
 * A daily sheet on its side: one column a day (the header row holds the dates), one row a figure
 * (交易笔数, 交易金额, 手续费, 流量费, 结算金额 …, the row's label in the first column), as
 * providers print a 日结汇总. It is read by turning it: each day becomes a row whose columns are
 * the labels, and the usual reader finds the date, the day's sales (amount, fee, settled amount,
 * count — a daily summary, whose fee is not a deduction) by words, content and arithmetic. Every
 * other money row (a deduction by its name, a refund, a payout, a credit) is a movement of its
 * own on each day it is filled, placed on the row it is printed on.
 */
export interface TurnedTable {
  /** The lines above the table, then the labels as a header, then one row a day. */
  rows: SourceRow[];
  /** The spreadsheet row of each turned column (the row its label is on); [0] is the header's. */
  labelRows: number[];
}

/** What a turned table adds to its layout: where each figure is printed, and the movements. */
export type Turned = NonNullable<TableLayout['turned']>;

const MIN_DAYS = 3;
/** Movements of unknown way on one day tried together (2^n choices). */
const MAX_OPEN = 8;

/**
 * The table turned, when these rows hold a daily sheet on its side: a header row whose cells
 * after the first are (nearly all) dates, and below it at least two rows of a text label followed
 * by figures. Null otherwise — an ordinary table is never turned.
 */
export function turnWide(rows: readonly SourceRow[], lexicon: Lexicon): TurnedTable | null {
  const period = statedPeriod(rows);
  const kind = (cell: SourceRow['cells'][number] | undefined) => cellKind(cell, lexicon, period);
  for (let h = 0; h < Math.min(rows.length, HEADER_SEARCH_ROWS); h++) {
    const header = rows[h];
    if (!header) continue;
    const first = header.cells.findIndex((c) => cellText(c) !== '');
    if (first < 0 || kind(header.cells[first]) === 'date') continue;
    const dated: number[] = [];
    let other = 0;
    header.cells.forEach((c, j) => {
      if (j <= first || cellText(c) === '') return;
      if (kind(c) === 'date') dated.push(j);
      else other += 1;
    });
    if (dated.length < MIN_DAYS || other > 0.2 * (dated.length + other)) continue;
    // the rows of figures below it, each with its label in the header's first column
    const body: SourceRow[] = [];
    let money = false;
    for (let i = h + 1; i < rows.length; i++) {
      const row = rows[i];
      if (!row) break;
      const label = row.cells[first];
      if (cellText(label) === '' || !['text', 'card', 'direction'].includes(kind(label))) break;
      let figures = 0;
      let filled = 0;
      for (const j of dated) {
        const k = kind(row.cells[j]);
        if (k === 'empty') continue;
        filled += 1;
        if (k === 'money' || k === 'integer') figures += 1;
        if (k === 'money') money = true;
      }
      if (filled > 0 && figures < 0.8 * filled) break;
      body.push(row);
    }
    if (body.length < 2 || !money) continue;
    const sheet = header.sheet;
    const at = (row: SourceRow, cells: SourceRow['cells']): SourceRow =>
      sheet === undefined ? { row: row.row, cells } : { row: row.row, cells, sheet };
    const turned: SourceRow[] = rows.slice(0, h).map((r) => at(r, r.cells));
    turned.push(
      at(header, [cellText(header.cells[first]), ...body.map((b) => b.cells[first] ?? null)]),
    );
    dated.forEach((j, k) => {
      // a day's row has no line of its own in the file: numbered after the header, in order
      turned.push(
        at({ row: header.row + 1 + k, cells: [] }, [
          header.cells[j] ?? null,
          ...body.map((b) => b.cells[j] ?? null),
        ]),
      );
    });
    return { rows: turned, labelRows: [header.row, ...body.map((b) => b.row)] };
  }
  return null;
}

/** The roles a turned table's figures can have; every other money row is a movement. */
const DAY_ROLES = ['date', 'count', 'amount', 'fee', 'net', 'balance'] as const;

/**
 * The layout of a turned table: the day's own figures keep their roles, the other money rows
 * become movements, and which way each unsigned movement went is read from the balance row
 * when there is one (the balance moves by the day's settled sales plus or minus each movement).
 */
export function turnedLayout(
  layout: TableLayout,
  table: TurnedTable,
  lexicon: Lexicon,
): TableLayout {
  const columns: TableLayout['columns'] = {};
  for (const role of DAY_ROLES) {
    const index = layout.columns[role];
    if (index !== undefined) columns[role] = index;
  }
  const days = table.rows.filter((r) => r.row > layout.headerRow);
  const width = Math.max(...table.rows.map((r) => r.cells.length));
  const stats = profileColumns(days, width, lexicon, layout.period);
  const taken = new Set<number>(Object.values(columns));
  const items: Turned['items'] = [];
  const unsigned: ColumnStats[] = [];
  for (const s of stats) {
    if (s.index === 0 || taken.has(s.index) || !isNumeric(s, 0.5, true)) continue;
    items.push({ index: s.index, way: 0 });
    if (s.negatives === 0) unsigned.push(s);
  }
  const reasons = [
    `表格横向排列：每列是一天，各行是项目（${layout.headers.slice(1, 4).join('、')}…），按行读取`,
  ];
  const ways = balanceWays(stats, columns, items, unsigned);
  if (ways) {
    for (const item of items) item.way = ways.get(item.index) ?? 0;
    if (ways.size > 0)
      reasons.push('各项收支方向由余额算术确定：上日余额 + 结算金额 ± 各项 = 当日余额');
  }
  return {
    ...layout,
    columns,
    sign: 'signed',
    // a day's figures are sums: no fee of theirs is a deduction, no rate or payout is checked
    // (its movements are rows of their own, which the payout already lacks)
    summaryRows: true,
    dailyPayout: false,
    confidence: {
      level: layout.confidence?.level ?? 'medium',
      reasons: [...reasons, ...(layout.confidence?.reasons ?? [])],
    },
    turned: { labelRows: table.labelRows, items },
  };
}

/**
 * Which way each unsigned movement went, from a balance that adds up: on each day the balance
 * moves by the settled sales plus the movements, each in or out. A day with one movement of
 * unknown way tells it; the answer must then hold on every day, or nothing is concluded.
 */
function balanceWays(
  stats: readonly ColumnStats[],
  columns: TableLayout['columns'],
  items: Turned['items'],
  unsigned: readonly ColumnStats[],
): Map<number, 1 | -1> | null {
  const balance = columns.balance === undefined ? undefined : stats[columns.balance];
  if (!balance || unsigned.length === 0) return null;
  const net = columns.net === undefined ? undefined : stats[columns.net];
  const ways = new Map<number, 1 | -1>();
  const way = (s: ColumnStats): number | undefined => (s.negatives > 0 ? 1 : ways.get(s.index));
  const moving = items.map((i) => stats[i.index]).filter((s): s is ColumnStats => !!s);
  const days = balance.values.length;
  const rest = (d: number): Fen | null => {
    const now = balance.values[d];
    const before = balance.values[d - 1];
    if (now === null || now === undefined || before === null || before === undefined) return null;
    return now - before - (net?.values[d] ?? 0);
  };
  for (let progress = true; progress;) {
    progress = false;
    for (let d = 1; d < days; d++) {
      let r = rest(d);
      if (r === null) continue;
      const open: ColumnStats[] = [];
      for (const s of moving) {
        const v = s.values[d];
        if (v === null || v === undefined || v === 0) continue;
        const w = way(s);
        if (w === undefined) open.push(s);
        else r -= w * v;
      }
      if (open.length === 0 || open.length > MAX_OPEN) continue;
      // the one choice of in or out for each that makes the day add up, if there is just one
      let fit = -1;
      for (let mask = 0; mask < 1 << open.length; mask++) {
        let sum = 0;
        open.forEach((s, k) => {
          sum += (mask & (1 << k) ? 1 : -1) * Math.abs(s.values[d] ?? 0);
        });
        if (sum !== r) continue;
        if (fit >= 0) {
          fit = -2;
          break;
        }
        fit = mask;
      }
      if (fit < 0) continue;
      open.forEach((s, k) => ways.set(s.index, fit & (1 << k) ? 1 : -1));
      progress = true;
    }
  }
  // every day whose movements are all known must add up
  for (let d = 1; d < days; d++) {
    let r = rest(d);
    if (r === null) continue;
    let known = true;
    for (const s of moving) {
      const v = s.values[d];
      if (v === null || v === undefined || v === 0) continue;
      const w = way(s);
      if (w === undefined) known = false;
      else r -= w * v;
    }
    if (known && r !== 0) return null;
  }
  return ways;
}

/**
 * Reads one day of a turned table: its sales as a daily summary line (when the day has any), and
 * one line for each movement filled that day, each on the spreadsheet row its figure is printed on.
 */
export function createTurnedInterpreter(
  layout: TableLayout,
  file: string,
  lexicon: Lexicon,
): (row: SourceRow) => LineResult[] {
  const turned = layout.turned;
  const c = layout.columns;
  const rowOf = (index: number | undefined) =>
    (index === undefined ? undefined : turned?.labelRows[index]) ?? layout.headerRow;
  const place = <T extends { row?: number }>(item: T, index: number | undefined): T => {
    item.row = rowOf(index);
    return item;
  };
  return (row) => {
    const out: LineResult[] = [];
    const sales = c.amount === undefined ? '' : cellText(row.cells[c.amount]);
    const summary = interpretRow(
      sales === '' && c.amount !== undefined
        ? { ...row, cells: row.cells.map((cell, i) => (i === c.amount ? 0 : cell)) }
        : row,
      layout,
      file,
      lexicon,
    );
    if (summary.kind === 'problem')
      return [{ ...summary, problem: place(summary.problem, c.amount) }];
    if (summary.kind === 'skip') return [summary];
    const { date } = summary.line;
    if (sales !== '') out.push({ kind: 'line', line: place(summary.line, c.amount) });
    for (const { index, way } of turned?.items ?? []) {
      const cell = row.cells[index];
      const value = parseMoneyCell(cell, unitAt(layout, index));
      if (value === null || value === 0) continue;
      if (value === 'invalid') {
        const problem: LineResult = {
          kind: 'problem',
          problem: {
            file,
            row: rowOf(index),
            ...(row.sheet === undefined ? {} : { sheet: row.sheet }),
            message: `无法解析的金额: '${cellText(cell)}' (unreadable amount)`,
          },
        };
        out.push(problem);
        continue;
      }
      const line: StatementLine = {
        file,
        row: rowOf(index),
        date,
        amount: way === 0 ? value : way * Math.abs(value),
        fee: null,
        net: null,
        type: '',
        description: layout.headers[index] ?? '',
        cardType: 'unknown',
        reference: '',
      };
      if (row.sheet !== undefined) line.sheet = row.sheet;
      out.push({ kind: 'line', line });
    }
    return out;
  };
}
