import { formatFenGrouped, parseYuanToFen } from '../audit/money.js';
import type { AuditReport } from '../audit/report/schema.js';
import { CATEGORY_NAMES, PERIOD_NAMES, VERDICT_NAMES, claimEntries } from '../audit/words.js';
import type { Block, DocumentModel } from '../documents/model.js';
import type { Language } from './case-facts.js';

/**
 * The audit report as a printable document, for the PDF in the evidence package: the same
 * findings, verdicts and reasons as the JSON and HTML reports, laid out for paper.
 */
export function reportDocument(report: AuditReport, lang: Language, date: string): DocumentModel {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const money = (yuan: string) => formatFenGrouped(parseYuanToFen(yuan) ?? 0);
  const counts = report.counts;
  const blocks: Block[] = [
    {
      kind: 'fields',
      fields: [
        ...report.statements.map((s) => ({
          label: t('对账单', 'Statement'),
          value: `${s.file} — ${String(s.records)} ${t('条记录', 'records')}${s.period ? `, ${s.period.from} ~ ${s.period.to}` : ''}${s.sha256 ? ` — SHA-256 ${s.sha256}` : ''}`,
        })),
        {
          label: t('应追回金额', 'Claim'),
          value: `${money(report.claim.total)} ${t('元', 'yuan')}`,
        },
        ...(counts
          ? [
              {
                label: t('扣款笔数', 'Deductions'),
                value: t(
                  `未经同意 ${String(counts.unauthorized)} 笔 · 需核实 ${String(counts.needs_review)} 笔 · 已约定 ${String(counts.authorized)} 笔`,
                  `${String(counts.unauthorized)} unauthorized · ${String(counts.needs_review)} need review · ${String(counts.authorized)} authorized`,
                ),
              },
            ]
          : []),
      ],
    },
    { kind: 'heading', text: t('应追回金额（按类别）', 'Claim by category') },
    {
      kind: 'table',
      columns: [
        { title: t('类别', 'Category'), weight: 2 },
        { title: t('金额（元）', 'Amount (yuan)'), align: 'right', weight: 1 },
      ],
      rows: claimEntries(report.claim.byCategory).map(([category, amount]) => [
        CATEGORY_NAMES[category][lang],
        money(amount),
      ]),
      footer: [t('合计', 'Total'), money(report.claim.total)],
    },
    { kind: 'heading', text: t('每一笔扣款', 'Every deduction') },
    {
      kind: 'table',
      columns: [
        { title: t('位置', 'Where'), weight: 2 },
        { title: t('日期', 'Date'), weight: 1.3 },
        { title: t('类别', 'Category'), weight: 1.3 },
        { title: t('金额', 'Amount'), align: 'right', weight: 1 },
        { title: t('结论', 'Verdict'), weight: 1 },
        { title: t('应退', 'Refund'), align: 'right', weight: 1 },
        { title: t('原因', 'Reason'), weight: 2.8 },
      ],
      rows: report.findings.map((f) => [
        `${f.file}${f.sheet ? `:${f.sheet}` : ''}:${String(f.row)}`,
        f.date,
        CATEGORY_NAMES[f.category][lang],
        money(f.amount),
        VERDICT_NAMES[f.verdict][lang],
        money(f.overcharge),
        `${f.text} — ${lang === 'zh' ? f.reason : (f.reasonEn ?? f.reason)}`,
      ]),
      footer: ['', '', '', '', t('合计', 'Total'), money(report.claim.total), ''],
    },
  ];
  if (report.recurring.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('周期性扣费', 'Recurring charges') },
      {
        kind: 'table',
        columns: [
          { title: t('类别', 'Category'), weight: 1.5 },
          { title: t('金额', 'Amount'), align: 'right', weight: 1 },
          { title: t('周期', 'Every'), weight: 1 },
          { title: t('已扣', 'Taken'), weight: 2 },
          { title: t('下次预计', 'Next expected'), weight: 1.3 },
        ],
        rows: report.recurring.map((r) => [
          CATEGORY_NAMES[r.category][lang],
          money(r.amount),
          PERIOD_NAMES[r.every][lang],
          t(
            `${r.dates[0] ?? ''} 起 ${String(r.dates.length)} 次`,
            `${String(r.dates.length)} times from ${r.dates[0] ?? ''}`,
          ),
          r.next,
        ]),
      },
    );
  }
  if (report.warnings.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('读取时的提示', 'Warnings while reading') },
      {
        kind: 'list',
        ordered: false,
        items: report.warnings.map(
          (w) => `${w.file}${w.row === undefined ? '' : `:${String(w.row)}`} ${w.message}`,
        ),
      },
    );
  }
  blocks.push({
    kind: 'note',
    text: t(
      '本报告由扣费卫士根据原始对账单逐笔核对生成；原始文件及其 SHA-256 校验值见证据包。',
      'FeeGuard produced this report by checking every line of the original statements; the files and their SHA-256 digests are in the evidence package.',
    ),
  });
  return {
    title: t('扣费卫士对账审计报告', 'FeeGuard audit report'),
    subtitle: date,
    blocks,
    language: lang === 'zh' ? 'zh-CN' : 'en',
    meta: { subject: t('对账审计报告', 'Audit report') },
  };
}
