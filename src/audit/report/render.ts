import type { FindingCategory } from '../model.js';
import { formatFen } from '../money.js';
import {
  CATEGORY_NAMES,
  claimEntries,
  DEPARTURE_NAMES,
  PERIOD_NAMES,
  VERDICT_NAMES,
} from '../words.js';
import type { ReportFormat } from './formats.js';
import { renderHtml } from './html.js';
import { renderJsonChunks } from './json.js';
import { layoutText } from './layout.js';
import type { AuditReport } from './schema.js';
import { textTable } from './text.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

/** The same report for scripts (json), terminals (table), documents (md) and people (html). */
export function renderReport(report: AuditReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'table':
      return renderTable(report);
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
  }
}

export function categoryName(category: FindingCategory): string {
  return CATEGORY_NAMES[category].zh;
}

function where(f: {
  file: string;
  sheet?: string | undefined;
  page?: number | undefined;
  row: number;
}): string {
  if (f.page !== undefined) return `${f.file}[第${f.page}页]:${f.row}`;
  return f.sheet === undefined ? `${f.file}:${f.row}` : `${f.file}[${f.sheet}]:${f.row}`;
}

const MAX_WARNINGS_SHOWN = 20;

/** "收费标准 示例支付 2024版（2024-01-01 起）、2025版（2025-01-01 起）" — null when none was compared. */
export function schedulesLine(report: AuditReport): string | null {
  const versions = report.schedules ?? [];
  if (versions.length === 0) return null;
  const providers = [...new Set(versions.map((v) => v.provider))];
  return `对照服务商公布的收费标准 ${providers.join('、')}：${versions.map((v) => `${v.version}（${v.effectiveFrom} 起）`).join('、')}`;
}

/** Sum of the departures in fen, for the section heading. */
function departureTotal(report: AuditReport): number {
  return (report.scheduleDepartures ?? []).reduce((sum, d) => sum + d.differenceFen, 0);
}

function departureHeading(report: AuditReport): string {
  const n = report.scheduleDepartures?.length ?? 0;
  return `与收费标准不符 Departures from the published fee schedule (${String(n)}，差额合计 ¥${formatFen(departureTotal(report))})`;
}

function statementLines(report: AuditReport): string[] {
  return report.statements.flatMap((s) => {
    const period = s.period ? `${s.period.from} 至 ${s.period.to}` : '无记录';
    const enc = s.encoding ? `，${s.encoding}` : '';
    const header = s.headerRow === null ? '' : `，表头第 ${s.headerRow} 行`;
    const layout = layoutText(s);
    return [
      `${s.file}（${s.format}${enc}${header}）：${s.records} 条记录，${period}`,
      ...(layout ? [`  ${layout}`] : []),
    ];
  });
}

/**
 * The report as pieces of text, for writing to a file or a pipe as it is made: the JSON form of a
 * statement of millions of rows holds its findings once (the report) rather than three times
 * (report, one JSON string, its bytes). The pieces join to exactly `renderReport(report, format)`.
 */
export function* renderReportChunks(
  report: AuditReport,
  format: ReportFormat,
): Generator<string, void, undefined> {
  if (format !== 'json') {
    yield renderReport(report, format);
    return;
  }
  yield* renderJsonChunks(report);
}

function renderTable(report: AuditReport): string {
  const out: string[] = [];
  out.push('扣费卫士 FeeGuard 对账审计报告', '');
  out.push(...statementLines(report), '');
  const c = report.counts;
  out.push(
    `应追回金额 Claim: ¥${report.claim.total}` +
      (c
        ? `   （未经同意 ${c.unauthorized} 笔 · 需核实 ${c.needs_review} 笔 · 已约定 ${c.authorized} 笔）`
        : ''),
  );
  for (const [cat, amount] of claimEntries(report.claim.byCategory)) {
    out.push(`  ${CATEGORY_NAMES[cat].zh}: ¥${amount}`);
  }
  out.push('');
  if (report.findings.length === 0) {
    out.push('没有发现费用扣款。No fee deductions found.');
  } else {
    out.push(
      textTable(
        [
          { title: '位置' },
          { title: '日期' },
          { title: '类别' },
          { title: '金额', align: 'right' },
          { title: '结论' },
          { title: '应退', align: 'right' },
          { title: '摘要', max: 16 },
          { title: '原因', max: 48 },
        ],
        report.findings.map((f) => [
          where(f),
          f.date,
          CATEGORY_NAMES[f.category].zh,
          f.amount,
          VERDICT_NAMES[f.verdict].zh,
          f.overcharge,
          f.text,
          f.reason,
        ]),
      ),
    );
  }
  const compared = schedulesLine(report);
  if (compared !== null) {
    const departures = report.scheduleDepartures ?? [];
    out.push('', departureHeading(report), compared);
    if (departures.length === 0)
      out.push('没有与收费标准不符的扣费。No departures from the schedule.');
    else
      out.push(
        textTable(
          [
            { title: '位置' },
            { title: '日期' },
            { title: '不符' },
            { title: '实收', align: 'right' },
            { title: '标准', align: 'right' },
            { title: '差额', align: 'right' },
            { title: '收费标准', max: 72 },
          ],
          departures.map((d) => [
            where(d),
            d.date,
            DEPARTURE_NAMES[d.kind].zh,
            d.taken,
            d.allowed,
            d.difference,
            d.scheduled,
          ]),
        ),
      );
  }
  if (report.recurring.length > 0) {
    out.push('', '周期性扣费 Recurring charges');
    out.push(
      textTable(
        [
          { title: '类别' },
          { title: '金额', align: 'right' },
          { title: '周期' },
          { title: '已扣' },
          { title: '下次预计' },
        ],
        report.recurring.map((r) => [
          CATEGORY_NAMES[r.category].zh,
          r.amount,
          PERIOD_NAMES[r.every].zh,
          `${r.dates[0] ?? ''} 起 ${r.dates.length} 次`,
          r.next,
        ]),
      ),
    );
  }
  if (report.warnings.length > 0) {
    out.push('', `警告 Warnings (${report.warnings.length})`);
    for (const w of report.warnings.slice(0, MAX_WARNINGS_SHOWN)) {
      out.push(
        `  ${w.file}${w.sheet ? `[${w.sheet}]` : ''}${w.row === undefined ? '' : `:${w.row}`}  ${w.message}`,
      );
    }
    if (report.warnings.length > MAX_WARNINGS_SHOWN) {
      out.push(
        `  … 另有 ${report.warnings.length - MAX_WARNINGS_SHOWN} 条，用 --format json 查看全部 (more in --format json)`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function renderMarkdown(report: AuditReport): string {
  const out: string[] = ['# 对账审计报告 / Statement audit', ''];
  for (const s of statementLines(report))
    out.push(s.startsWith('  ') ? `  - ${s.trim()}` : `- ${s}`);
  out.push('', `## 应追回金额 Claim: ¥${report.claim.total}`, '');
  const cats = claimEntries(report.claim.byCategory);
  if (cats.length > 0) {
    out.push('| 类别 | 金额 (元) |', '|---|---:|');
    for (const [cat, amount] of cats) out.push(`| ${CATEGORY_NAMES[cat].zh} | ${amount} |`);
    out.push('');
  }
  out.push('## 扣款明细 Findings', '');
  if (report.findings.length === 0) out.push('没有发现费用扣款。');
  else {
    out.push(
      '| 位置 | 日期 | 类别 | 金额 | 结论 | 应退 | 摘要 | 原因 |',
      '|---|---|---|---:|---|---:|---|---|',
    );
    for (const f of report.findings) {
      out.push(
        `| ${mdCell(where(f))} | ${f.date} | ${CATEGORY_NAMES[f.category].zh} | ${f.amount} | ${VERDICT_NAMES[f.verdict].zh} | ${f.overcharge} | ${mdCell(f.text)} | ${mdCell(f.reason)} |`,
      );
    }
  }
  const compared = schedulesLine(report);
  if (compared !== null) {
    const departures = report.scheduleDepartures ?? [];
    out.push('', `## ${departureHeading(report)}`, '', compared, '');
    if (departures.length === 0) out.push('没有与收费标准不符的扣费。');
    else {
      out.push(
        '| 位置 | 日期 | 不符 | 实收 | 标准 | 差额 | 收费标准 |',
        '|---|---|---|---:|---:|---:|---|',
      );
      for (const d of departures)
        out.push(
          `| ${mdCell(where(d))} | ${d.date} | ${DEPARTURE_NAMES[d.kind].zh} | ${d.taken} | ${d.allowed} | ${d.difference} | ${mdCell(d.scheduled)} |`,
        );
    }
  }
  if (report.recurring.length > 0) {
    out.push(
      '',
      '## 周期性扣费 Recurring charges',
      '',
      '| 类别 | 金额 | 周期 | 已扣日期 | 下次预计 |',
      '|---|---:|---|---|---|',
    );
    for (const r of report.recurring) {
      out.push(
        `| ${CATEGORY_NAMES[r.category].zh} | ${r.amount} | ${PERIOD_NAMES[r.every].zh} | ${r.dates.join(', ')} | ${r.next} |`,
      );
    }
  }
  if (report.warnings.length > 0) {
    out.push('', `## 警告 Warnings (${report.warnings.length})`, '');
    for (const w of report.warnings)
      out.push(`- ${mdCell(w.file)}${w.row === undefined ? '' : `:${w.row}`} ${mdCell(w.message)}`);
  }
  return `${out.join('\n')}\n`;
}
