import type { FindingCategory } from '../model.js';
import { CATEGORY_NAMES, claimEntries, PERIOD_NAMES, VERDICT_NAMES } from '../words.js';
import { renderHtml } from './html.js';
import type { AuditReport, Finding } from './schema.js';
import { textTable } from './text.js';

export const REPORT_FORMATS = ['table', 'json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

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

function where(f: Finding): string {
  return f.sheet === undefined ? `${f.file}:${f.row}` : `${f.file}[${f.sheet}]:${f.row}`;
}

const MAX_WARNINGS_SHOWN = 20;

function statementLines(report: AuditReport): string[] {
  return report.statements.map((s) => {
    const period = s.period ? `${s.period.from} 至 ${s.period.to}` : '无记录';
    const enc = s.encoding ? `，${s.encoding}` : '';
    const header = s.headerRow === null ? '' : `，表头第 ${s.headerRow} 行`;
    return `${s.file}（${s.format}${enc}${header}）：${s.records} 条记录，${period}`;
  });
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
  for (const s of statementLines(report)) out.push(`- ${s}`);
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
