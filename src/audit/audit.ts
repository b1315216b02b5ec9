import { FeeGuardError } from '../errors.js';
import { Auditor, type AuditFinding } from './auditor.js';
import { createClassifier } from './classify/classify.js';
import { compareChargesToSchedule, type ScheduleDeparture } from './compare/schedule.js';
import type { Contract } from './contract.js';
import { decodeStatement, type DecodedStatement } from './decode/index.js';
import { defaultLexicon, type Lexicon } from './lexicon/lexicon.js';
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
import { createRowInterpreter, type LineResult } from './layout/lines.js';
import { interpretMessages } from './layout/sms.js';
import { createTurnedInterpreter, turnedLayout, turnWide } from './layout/wide.js';
import type { InputProblem, IsoDate, SourceMessage, SourceRow, StatementLine } from './model.js';
import { formatFen } from './money.js';
import type { AuditReport, ReportDeparture, StatementSummary } from './report/schema.js';
import { sortVersions, type FeeSchedule } from './schedule.js';

/**
 * The audit pipeline end to end: bytes → rows → lines → verdicts → report. Pure: the caller
 * (CLI, server, benchmark) opens the files and hands over their bytes.
 */
export interface StatementSource {
  /** The name the report shows (usually the file's base name). */
  file: string;
  chunks: AsyncIterable<Uint8Array>;
}

export interface AuditOptions {
  contract: Contract | null;
  assumeNoAgreement?: boolean;
  lexicon?: Lexicon;
  map?: ColumnOverrides;
  /**
   * The provider's published fee schedule versions: the report then lists where deductions
   * depart from them (`scheduleDepartures`), whatever the contract says.
   */
  schedules?: readonly FeeSchedule[];
  /**
   * Today's Beijing date: an SMS dated without a year (03月02日), in a file where no message has
   * a year, is given the nearest past date. Without it such a message is a warning.
   */
  today?: IsoDate;
  /** Called every few thousand rows, for a progress display. */
  onProgress?: (progress: { file: string; rows: number }) => void;
}

const PROGRESS_EVERY = 20_000;

interface StatementRun {
  summary: StatementSummary;
  problems: InputProblem[];
  /** Problems past the first {@link MAX_REPORT_WARNINGS}: counted, not kept. */
  problemsDropped: number;
}

export async function auditStatements(
  sources: readonly StatementSource[],
  options: AuditOptions,
): Promise<AuditReport> {
  if (sources.length === 0) {
    throw new FeeGuardError('FG_ERR_USAGE', '没有要审计的对账单 (no statement given)', {
      hint: 'name one or more CSV, XLSX or SMS text files',
    });
  }
  const decodedSources = (async function* () {
    for (const source of sources)
      yield { file: source.file, decoded: await decodeStatement(source.chunks, source.file) };
  })();
  return auditDecoded(decodedSources, options);
}

/** The audit of statements already decoded into rows or messages (the server and tests use it). */
export async function auditDecoded(
  statements: AsyncIterable<{ file: string; decoded: DecodedStatement }>,
  options: AuditOptions,
): Promise<AuditReport> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const auditor = new Auditor({
    contract: options.contract,
    assumeNoAgreement: options.assumeNoAgreement ?? false,
    ...(options.schedules === undefined ? {} : { schedules: options.schedules }),
  });
  const runs: StatementRun[] = [];
  for await (const { file, decoded } of statements) {
    runs.push(await auditOne(file, decoded, lexicon, auditor, options));
  }
  const outcome = auditor.finish();
  // the spec names the sheet only for workbooks with more than one
  const singleSheet = new Set(
    runs.filter((r) => (r.summary.sheets?.length ?? 0) === 1).map((r) => r.summary.file),
  );
  const placed = <T extends { file: string; sheet?: string }>(item: T): T =>
    item.sheet !== undefined && singleSheet.has(item.file) ? { ...item, sheet: undefined } : item;
  const warnings = [
    ...runs.flatMap((r) => r.problems),
    ...outcome.duplicates.map((d) => ({
      file: d.file,
      row: d.row,
      ...(d.sheet === undefined ? {} : { sheet: d.sheet }),
      message: `与 ${d.duplicateOf} 中的同一笔记录重复，未重复计算 (duplicate of a record in ${d.duplicateOf}; counted once)`,
    })),
    ...outcome.warnings,
  ]
    .map(placed)
    .map((p) => ({
      file: p.file,
      ...(p.row === undefined ? {} : { row: p.row }),
      ...(p.sheet === undefined ? {} : { sheet: p.sheet }),
      ...('page' in p && p.page !== undefined ? { page: p.page } : {}),
      message: p.message,
    }));
  const schedules = sortVersions(options.schedules ?? []);
  const departures =
    schedules.length === 0
      ? []
      : [...outcome.rateDepartures, ...compareChargesToSchedule(outcome.findings, schedules)]
          .sort((a, b) => a.seq - b.seq)
          .map(toReportDeparture)
          .map(placed);
  return {
    schemaVersion: 1,
    statements: runs.map((r) => r.summary),
    findings: outcome.findings.map(toReportFinding).map(placed),
    recurring: outcome.recurring.map((r) => ({
      category: r.category,
      amount: formatFen(r.amount),
      every: r.every,
      dates: r.dates,
      next: r.next,
    })),
    claim: {
      total: formatFen(outcome.claimTotal),
      currency: 'CNY',
      byCategory: Object.fromEntries(
        Object.entries(outcome.claimByCategory)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, formatFen(v)]),
      ),
    },
    counts: outcome.counts,
    contract: options.contract
      ? {
          ...(options.contract.provider === undefined
            ? {}
            : { provider: options.contract.provider }),
          ...(options.contract.providerType === undefined
            ? {}
            : { providerType: options.contract.providerType }),
        }
      : null,
    warnings: capWarnings(
      warnings,
      MAX_REPORT_WARNINGS,
      runs.reduce((n, r) => n + r.problemsDropped, 0),
    ),
    ...(schedules.length === 0
      ? {}
      : {
          schedules: schedules.map((v) => ({
            provider: v.provider,
            version: v.version,
            effectiveFrom: v.effectiveFrom,
          })),
          scheduleDepartures: departures,
        }),
  };
}

/**
 * At most this many warnings are listed in a report; the rest are counted in one last warning.
 * A statement of five million broken lines would otherwise carry five million warnings — a report
 * many times the size of the file, for the server to store and send.
 */
export const MAX_REPORT_WARNINGS = 200;

/** The first {@link MAX_REPORT_WARNINGS} warnings, then one saying how many more there were. */
export function capWarnings<T extends { file: string; message: string }>(
  warnings: readonly T[],
  max = MAX_REPORT_WARNINGS,
  /** Warnings already dropped while reading, past the ones given. */
  dropped = 0,
): (T | { file: string; message: string })[] {
  const total = warnings.length + dropped;
  if (total <= max) return [...warnings];
  const rest = total - max;
  const last = warnings[max] ?? warnings.at(-1);
  return [
    ...warnings.slice(0, max),
    {
      file: last?.file ?? '',
      message: `另有 ${String(rest)} 条同类问题未逐条列出 (${String(rest)} more warnings not listed)`,
    },
  ];
}

/** A departure as the report shows it: yuan strings, with the difference in fen for scripts. */
export function toReportDeparture(d: ScheduleDeparture): ReportDeparture {
  return {
    kind: d.kind,
    file: d.file,
    row: d.row,
    ...(d.sheet === undefined ? {} : { sheet: d.sheet }),
    ...(d.page === undefined ? {} : { page: d.page }),
    date: d.date,
    category: d.category,
    provider: d.provider,
    scheduleVersion: d.scheduleVersion,
    scheduleEffectiveFrom: d.scheduleEffectiveFrom,
    ...(d.chargeName === undefined ? {} : { chargeName: d.chargeName }),
    scheduled: d.scheduled,
    scheduledEn: d.scheduledEn,
    taken: formatFen(d.taken),
    allowed: formatFen(d.allowed),
    difference: formatFen(d.difference),
    differenceFen: d.difference,
  };
}

/**
 * Built property by property, in the report's key order: conditional spreads made each of
 * 90,000 findings take microseconds.
 */
function toReportFinding(f: AuditFinding): AuditReport['findings'][number] {
  const place: Pick<AuditReport['findings'][number], 'file' | 'row' | 'sheet' | 'page'> = {
    file: f.file,
    row: f.row,
  };
  if (f.sheet !== undefined) place.sheet = f.sheet;
  if (f.page !== undefined) place.page = f.page;
  const out: AuditReport['findings'][number] = Object.assign(place, {
    date: f.date,
    category: f.category,
    amount: formatFen(f.amount),
    verdict: f.verdict,
    overcharge: formatFen(f.overcharge),
    text: f.text,
    reason: f.reason,
    reasonEn: f.reasonEn,
    basis: f.basis,
  });
  if (f.refundable !== undefined) out.refundable = f.refundable;
  if (f.reference !== '') out.reference = f.reference;
  return out;
}

class Period {
  from: IsoDate | null = null;
  to: IsoDate | null = null;
  add(date: IsoDate): void {
    if (this.from === null || date < this.from) this.from = date;
    if (this.to === null || date > this.to) this.to = date;
  }
  value(): { from: IsoDate; to: IsoDate } | null {
    return this.from === null || this.to === null ? null : { from: this.from, to: this.to };
  }
}

async function auditOne(
  file: string,
  decoded: DecodedStatement,
  lexicon: Lexicon,
  auditor: Auditor,
  options: AuditOptions,
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
  const classify = createClassifier(lexicon);
  const take = (line: StatementLine) => {
    records += 1;
    period.add(line.date);
    auditor.add(line, classify(line));
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
        take(result.line);
        for (const more of result.also ?? []) auditor.add(more, classify(more));
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
  let sheet: {
    name: string | undefined;
    layout: TableLayout | null;
    buffer: SourceRow[];
    gaveUp: boolean;
  } | null = null;
  const readers = new Map<TableLayout, (row: SourceRow) => LineResult>();
  const turnedReaders = new Map<TableLayout, (row: SourceRow) => LineResult[]>();
  const pdf = decoded.meta.format === 'pdf';
  let pdfRecords = 0;
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
        if (result.kind === 'line') take(result.line);
        else if (result.kind === 'problem') problem(result.problem);
      }
      return;
    }
    let read = readers.get(layout);
    if (!read) {
      read = createRowInterpreter(layout, source.file, lexicon);
      readers.set(layout, read);
    }
    const result = read(row);
    if (result.kind === 'skip') return;
    if (pdf) {
      // a PDF's rows are its records in reading order, headers and totals not counted (spec §3)
      pdfRecords += 1;
      const placed = { row: pdfRecords, ...(row.page === undefined ? {} : { page: row.page }) };
      if (result.kind === 'line') Object.assign(result.line, placed);
      else Object.assign(result.problem, placed);
    }
    if (result.kind === 'line') take(result.line);
    else problem(result.problem);
  };
  const settle = (current: NonNullable<typeof sheet>, required: boolean) => {
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
          message: `工作表“${current.name ?? ''}”${unsureLayoutError(current.layout, '').message.replace(/^: /, '：')}，已跳过`,
        });
      current.layout = null;
    }
    if (current.layout) {
      layouts.push(current.layout);
      for (const r of current.buffer) consume(r, current.layout);
    } else if (
      current.buffer.some((r) => r.cells.filter((c) => c !== null && c !== '').length >= 3)
    ) {
      problems.push({
        file: source.file,
        ...(current.name === undefined ? {} : { sheet: current.name }),
        message: `工作表“${current.name ?? ''}”中没有带日期和金额列的表格，已跳过 (no table with a date and an amount column; sheet skipped)`,
      });
    }
    current.buffer = [];
    current.gaveUp = current.layout === null;
  };
  for await (const batch of decoded.batches)
    for (const row of batch) {
      tick();
      if (sheet === null || row.sheet !== sheet.name) {
        if (sheet !== null && sheet.layout === null && !sheet.gaveUp) settle(sheet, false);
        sheet = { name: row.sheet, layout: null, buffer: [], gaveUp: false };
      }
      if (sheet.layout) {
        consume(row, sheet.layout);
        continue;
      }
      // no header in the first rows: this sheet holds no statement table (reported once)
      if (sheet.gaveUp) continue;
      sheet.buffer.push(row);
      if (sheet.buffer.length >= LAYOUT_BUFFER_ROWS)
        settle(sheet, layouts.length === 0 && (decoded.meta.sheets?.length ?? 1) <= 1);
    }
  if (sheet !== null && sheet.layout === null && !sheet.gaveUp) {
    settle(sheet, layouts.length === 0 && (decoded.meta.sheets?.length ?? 1) <= 1);
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
