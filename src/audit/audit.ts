import { FeeGuardError } from '../errors.js';
import { Auditor, type AuditFinding } from './auditor.js';
import { createClassifier } from './classify/classify.js';
import { compareChargesToSchedule, type ScheduleDeparture } from './compare/schedule.js';
import type { Contract } from './contract.js';
import { decodeStatement, type DecodedStatement, type RecordSplitter } from './decode/index.js';
import { defaultLexicon, type Lexicon } from './lexicon/lexicon.js';
import type { ColumnOverrides } from './layout/columns.js';
import type { IsoDate } from './model.js';
import { formatFen } from './money.js';
import { MAX_REPORT_WARNINGS, readStatement, type ReadOptions, type StatementRun } from './read.js';
import type { AuditReport, ReportDeparture } from './report/schema.js';
import { sortVersions, type FeeSchedule } from './schedule.js';

export { MAX_REPORT_WARNINGS } from './read.js';

/**
 * The audit pipeline end to end: bytes → rows → lines → verdicts → report. Pure: the caller
 * (CLI, server, benchmark) opens the files and hands over their bytes.
 */
export interface StatementSource {
  /** The name the report shows (usually the file's base name). */
  file: string;
  chunks: AsyncIterable<Uint8Array>;
  /**
   * Splits a UTF-8 CSV into records elsewhere (the CLI splits a large file on a second thread);
   * by default on this thread.
   */
  splitter?: RecordSplitter;
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
    for (const source of sources) {
      const decoded = await decodeStatement(
        source.chunks,
        source.file,
        undefined,
        source.splitter === undefined ? {} : { splitter: source.splitter },
      );
      yield { file: source.file, decoded };
    }
  })();
  return auditDecoded(decodedSources, options, sources.length === 1);
}

/** The audit of statements already decoded into rows or messages (the server and tests use it). */
export async function auditDecoded(
  statements: AsyncIterable<{ file: string; decoded: DecodedStatement }>,
  options: AuditOptions,
  /** The statements are one file: records are not looked up in other files (Auditor). */
  singleFile = false,
): Promise<AuditReport> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const auditor = new Auditor({
    contract: options.contract,
    singleFile,
    assumeNoAgreement: options.assumeNoAgreement ?? false,
    ...(options.schedules === undefined ? {} : { schedules: options.schedules }),
  });
  const runs: StatementRun[] = [];
  for await (const { file, decoded } of statements) {
    if (decoded.kind === 'sms') auditor.noticeFile(file);
    const classify = createClassifier(lexicon);
    const readOptions: ReadOptions = {
      ...(options.map === undefined ? {} : { map: options.map }),
      ...(options.today === undefined ? {} : { today: options.today }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    };
    runs.push(
      await readStatement(
        file,
        decoded,
        lexicon,
        readOptions,
        (line) => {
          auditor.add(line, classify(line));
        },
        (layout) => {
          // only a sign the file printed (−99.00, (99.00), 借/贷, 收入/支出) says a row went the other way
          const sign = layout.sign;
          auditor.signsPrinted(
            file,
            layout.turned === undefined &&
              (sign === 'signed' ||
                sign === 'parentheses' ||
                sign === 'direction' ||
                sign === 'debitCredit'),
            layout.columns.balance !== undefined,
          );
        },
      ),
    );
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
