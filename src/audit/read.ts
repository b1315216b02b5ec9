import { FeeGuardError } from '../errors.js';
import type { DecodedStatement } from './decode/index.js';
import {
  detectLayout,
  describeColumns,
  describeLayout,
  isReadable,
  LAYOUT_BUFFER_ROWS,
  layoutSample,
  unsureLayoutError,
  type ColumnOverrides,
  type TableLayout,
} from './layout/columns.js';
import { createRowInterpreter, type LineResult, type RowInterpreter } from './layout/lines.js';
import { interpretMessages } from './layout/sms.js';
import { createTurnedInterpreter, turnedLayout, turnWide } from './layout/wide.js';
import type { InputProblem, IsoDate, SourceMessage, SourceRow, StatementLine } from './model.js';
import type { Lexicon } from './lexicon/lexicon.js';
import type { StatementSummary } from './report/schema.js';

/**
 * Reading a statement: decoded rows or messages → statement lines, the layout found on the way.
 * The audit (audit.ts) gives each line its verdict; the two can run on different threads
 * (pipeline/).
 */
export interface ReadOptions {
  map?: ColumnOverrides;
  /** Today's Beijing date, for SMS dated without a year (see AuditOptions.today). */
  today?: IsoDate;
  /** Called every few thousand rows, for a progress display. */
  onProgress?: (progress: { file: string; rows: number }) => void;
}

/** What reading one statement gives besides its lines. */
export interface StatementRun {
  summary: StatementSummary;
  problems: InputProblem[];
  /** Problems past the first {@link MAX_REPORT_WARNINGS}: counted, not kept. */
  problemsDropped: number;
}

/**
 * At most this many warnings are listed in a report; the rest are counted in one last warning.
 * A statement of five million broken lines would otherwise carry five million warnings — a report
 * many times the size of the file, for the server to store and send.
 */
export const MAX_REPORT_WARNINGS = 200;

export const PROGRESS_EVERY = 20_000;

/** At most this many rows of a sheet of day totals are held back (see readStatement). */
const MAX_DAY_ROWS = 4000;

class Period {
  from: IsoDate | null = null;
  to: IsoDate | null = null;
  /** The date added last: a day's rows come together, with the very same string. */
  private last: IsoDate | null = null;
  add(date: IsoDate): void {
    if (date === this.last) return;
    this.last = date;
    if (this.from === null || date < this.from) this.from = date;
    if (this.to === null || date > this.to) this.to = date;
  }
  value(): { from: IsoDate; to: IsoDate } | null {
    return this.from === null || this.to === null ? null : { from: this.from, to: this.to };
  }
}

/**
 * Reads one statement into lines, handing each to `take` in file order: everything of the audit
 * but the verdicts. The layout is found in the first rows; problems are collected (the first
 * {@link MAX_REPORT_WARNINGS}, the rest counted) and returned with the statement's summary.
 * A line is `take`'s during the call only: the same object may come again, filled anew (see
 * RowInterpreter.record); what is kept is copied.
 */
export async function readStatement(
  file: string,
  decoded: DecodedStatement,
  lexicon: Lexicon,
  options: ReadOptions,
  take: (line: StatementLine) => void,
  /** Told each table's layout once it is known, before the table's first line. */
  onLayout?: (layout: TableLayout) => void,
): Promise<StatementRun> {
  const source = { file };
  const period = new Period();
  let records = 0;
  let rows = 0;
  const tick = () => {
    rows += 1;
    if (options.onProgress && rows % PROGRESS_EVERY === 0)
      options.onProgress({ file: source.file, rows });
  };
  const record = (line: StatementLine) => {
    records += 1;
    period.add(line.date);
    take(line);
  };
  const problems: InputProblem[] = [];
  // Only as many problems are kept as a report can list; the rest are counted.
  let problemsDropped = 0;
  const problem = (p: InputProblem) => {
    if (problems.length < MAX_REPORT_WARNINGS) problems.push(p);
    else problemsDropped += 1;
  };

  if (decoded.kind === 'sms') {
    // pasted messages are few; a date without a year takes it from the other messages
    const messages: SourceMessage[] = [];
    for await (const batch of decoded.batches) messages.push(...batch);
    for (const result of interpretMessages(messages, source.file, options.today)) {
      tick();
      if (result.kind === 'line') {
        record(result.line);
        for (const more of result.also ?? []) take(more);
      } else if (result.kind === 'problem') {
        records += 1;
        problem(result.problem);
      } else records += 1;
    }
    problems.unshift(...decoded.problems);
    return {
      summary: {
        file: source.file,
        format: 'sms',
        encoding: decoded.meta.encoding,
        headerRow: null,
        records,
        columns: {},
        period: period.value(),
      },
      problems,
      problemsDropped,
    };
  }

  // each worksheet has its own header; a cover or summary sheet may have none
  const layouts: TableLayout[] = [];
  interface Sheet {
    name: string | undefined;
    /** A PDF's second or later table (`SourceRow.table`). */
    table?: number | undefined;
    layout: TableLayout | null;
    buffer: SourceRow[];
    gaveUp: boolean;
    /** The lines of a sheet that may be a day-by-day summary of another's detail, held back. */
    held?: StatementLine[];
  }
  // a workbook's sheet of day totals (日汇总: a date, 笔数, 交易金额, 手续费合计 — one row a day)
  // sums the detail another sheet lists: read as records, its totals are deductions read twice and
  // use up the periods of agreed charges before the detail's own rows come. Such a sheet's lines
  // are held until the workbook is read; they are its records only when no other sheet has any.
  // (a workbook's sheets are listed as they come: whether there is another is known at the end)
  const workbook = decoded.meta.sheets !== undefined;
  const daySheets: { name: string | undefined; lines: StatementLine[] }[] = [];
  const closeSheet = (current: Sheet) => {
    const held = current.held;
    if (held === undefined) return;
    current.held = undefined;
    if (held.length >= 2 && new Set(held.map((l) => l.date)).size >= 0.9 * held.length)
      daySheets.push({ name: current.name, lines: held });
    else for (const line of held) record(line);
  };
  // (typed so: it is set by `onRow`, which the checker does not follow)
  let sheet = null as Sheet | null;
  const readers = new Map<TableLayout, RowInterpreter>();
  const readerFor = (layout: TableLayout): RowInterpreter => {
    let read = readers.get(layout);
    if (!read) {
      read = createRowInterpreter(layout, source.file, lexicon);
      readers.set(layout, read);
    }
    return read;
  };
  const pdf = decoded.meta.format === 'pdf';
  let pdfRecords = 0;
  const turnedReaders = new Map<TableLayout, (row: SourceRow) => LineResult[]>();
  const consume = (row: SourceRow, layout: TableLayout) => {
    if (row.row <= layout.headerRow || row.row < (layout.firstDataRow ?? 0)) return;
    if (layout.turned) {
      // a daily sheet on its side: one day's figures make several lines
      let read = turnedReaders.get(layout);
      if (!read) {
        read = createTurnedInterpreter(layout, source.file, lexicon);
        turnedReaders.set(layout, read);
      }
      for (const result of read(row)) {
        if (result.kind === 'line') record(result.line);
        else if (result.kind === 'problem') problem(result.problem);
      }
      return;
    }
    const result = readerFor(layout)(row);
    if (result.kind === 'skip') return;
    if (result.kind === 'line' && sheet?.held !== undefined) {
      sheet.held.push(result.line);
      // a day a row for eleven years at most: a longer sheet is no summary of days, and its
      // lines are not kept waiting
      if (sheet.held.length > MAX_DAY_ROWS) {
        for (const line of sheet.held) record(line);
        sheet.held = undefined;
      }
      return;
    }
    if (pdf) {
      // a PDF's rows are its records in reading order, headers and totals not counted (spec §3)
      pdfRecords += 1;
      const placed = { row: pdfRecords, ...(row.page === undefined ? {} : { page: row.page }) };
      if (result.kind === 'line') Object.assign(result.line, placed);
      else Object.assign(result.problem, placed);
    }
    if (result.kind === 'line') record(result.line);
    else problem(result.problem);
  };
  /** Where a table is, for a warning: its worksheet, or a PDF's second or later table. */
  const place = (current: Sheet) =>
    current.table === undefined || current.name !== undefined
      ? `工作表“${current.name ?? ''}”`
      : `第${current.table}个表格`;
  const settle = (current: Sheet, required: boolean) => {
    // a daily sheet on its side (one column a day) is read turned, a day to a row
    const turned = turnWide(current.buffer, lexicon);
    if (turned) current.buffer = turned.rows;
    current.layout = required
      ? requireLayout(current.buffer, lexicon, options.map, source.file)
      : detectLayout(current.buffer, lexicon, options.map);
    if (turned && current.layout && isReadable(current.layout))
      current.layout = turnedLayout(current.layout, turned, lexicon);
    if (
      current.layout &&
      (current.layout.confidence?.level === 'low' || !isReadable(current.layout))
    ) {
      // one sheet among several that the reader is not sure of: said, not guessed
      if (isReadable(current.layout))
        problems.push({
          file: source.file,
          ...(current.name === undefined ? {} : { sheet: current.name }),
          message: `${place(current)}${unsureLayoutError(current.layout, '').message.replace(/^: /, '：')}，已跳过`,
        });
      current.layout = null;
    }
    if (current.layout) {
      if (workbook && current.layout.columns.count !== undefined && !current.layout.turned)
        current.held = [];
      layouts.push(current.layout);
      onLayout?.(current.layout);
      for (const r of current.buffer) consume(r, current.layout);
    } else if (
      current.buffer.some((r) => r.cells.filter((c) => c !== null && c !== '').length >= 3)
    ) {
      problems.push({
        file: source.file,
        ...(current.name === undefined ? {} : { sheet: current.name }),
        message:
          current.table === undefined || current.name !== undefined
            ? `工作表“${current.name ?? ''}”中没有带日期和金额列的表格，已跳过 (no table with a date and an amount column; sheet skipped)`
            : `第${current.table}个表格中找不到日期列或金额列，已跳过 (table ${current.table} has no date or no amount column; skipped)`,
      });
    }
    current.buffer = [];
    current.gaveUp = current.layout === null;
  };
  let lastLayout: TableLayout | null = null;
  let lastReader: RowInterpreter | null = null;
  // a PDF's tables take turns page by page: each goes on with its own columns when it comes again
  // (its rows before the turn are read then, so the records keep their reading order)
  const tables = new Map<number | undefined, Sheet>();
  const onRow = (row: SourceRow) => {
    tick();
    if (sheet === null || row.sheet !== sheet.name || row.table !== sheet.table) {
      if (sheet !== null && sheet.layout === null && !sheet.gaveUp) settle(sheet, false);
      if (sheet !== null) closeSheet(sheet);
      const again = pdf ? tables.get(row.table) : undefined;
      sheet = again ?? {
        name: row.sheet,
        table: row.table,
        layout: null,
        buffer: [],
        gaveUp: false,
      };
      if (pdf) tables.set(row.table, sheet);
    }
    if (sheet.layout) {
      consume(row, sheet.layout);
      return;
    }
    // no header in the first rows: this sheet holds no statement table (reported once)
    if (sheet.gaveUp) return;
    sheet.buffer.push(row);
    if (sheet.buffer.length >= LAYOUT_BUFFER_ROWS)
      settle(sheet, layouts.length === 0 && (decoded.meta.sheets?.length ?? 1) <= 1);
  };
  if (decoded.records) {
    // a UTF-8 CSV: one table, no sheets; rows are made of the first records only, until the
    // layout is known, and of those the fast reader leaves (see createRowInterpreter)
    for await (const batch of decoded.records)
      for (let r = 0; r < batch.count; r++) {
        const layout = sheet === null ? null : sheet.layout;
        if (layout === null || layout.turned) {
          onRow(batch.unmarkedRow(r));
          continue;
        }
        tick();
        const row = batch.rows[r] ?? 0;
        if (row <= layout.headerRow || row < (layout.firstDataRow ?? 0)) continue;
        if (layout !== lastLayout) {
          lastLayout = layout;
          lastReader = readerFor(layout);
        }
        const result = (lastReader ?? readerFor(layout)).record(batch, r);
        if (result.kind === 'line') record(result.line);
        else if (result.kind === 'problem') problem(result.problem);
      }
  } else {
    for await (const batch of decoded.batches) for (const row of batch) onRow(row);
  }
  if (sheet !== null && sheet.layout === null && !sheet.gaveUp) {
    settle(sheet, layouts.length === 0 && (decoded.meta.sheets?.length ?? 1) <= 1);
  }
  if (sheet !== null) closeSheet(sheet);
  // (what the other sheets read is the detail: lines recorded so far)
  const detail = records;
  for (const day of daySheets) {
    if (detail === 0) {
      for (const line of day.lines) record(line);
      continue;
    }
    problems.push({
      file: source.file,
      ...(day.name === undefined ? {} : { sheet: day.name }),
      message: `工作表“${day.name ?? ''}”是逐日汇总（每天一行，带笔数），明细在其他工作表中，这 ${day.lines.length} 行不再重复计入 (a sheet of daily totals of another sheet's detail; its ${day.lines.length} rows are not read as records)`,
    });
  }
  const first = layouts[0] ?? requireLayout([], lexicon, options.map, source.file);
  problems.unshift(...decoded.problems);
  return {
    summary: {
      file: source.file,
      format: decoded.meta.format,
      encoding: decoded.meta.encoding,
      headerRow: first.headerRow === 0 ? null : first.headerRow,
      records,
      columns: describeColumns(first),
      layout: describeLayout(first),
      ...(decoded.meta.sheets === undefined ? {} : { sheets: decoded.meta.sheets }),
      period: period.value(),
    },
    problems,
    problemsDropped,
  };
}

function requireLayout(
  rows: readonly SourceRow[],
  lexicon: Lexicon,
  map: ColumnOverrides | undefined,
  file: string,
): TableLayout {
  const layout = detectLayout(rows, lexicon, map);
  if (!layout) {
    throw new FeeGuardError(
      'FG_ERR_NO_HEADER',
      `${file}: 找不到表头，无法确定日期和金额列 (no header row with a date and an amount column)`,
      {
        hint: 'name the columns with --map, e.g. --map date=交易时间,amount=交易金额 (or column numbers: --map date=1,amount=4)',
      },
    );
  }
  if (layout.confidence?.level === 'low' && (layout.issues?.length ?? 0) > 0)
    throw unsureLayoutError(layout, file, layoutSample(rows, layout, lexicon));
  if (!isReadable(layout)) {
    const missing = layout.columns.date === undefined ? 'date' : 'amount';
    throw new FeeGuardError(
      'FG_ERR_MISSING_COLUMN',
      `${file}: 缺少${missing === 'date' ? '日期' : '金额'}列 (no ${missing} column)`,
      {
        hint: `name it with --map ${missing}=<header or column number>`,
      },
    );
  }
  return layout;
}
