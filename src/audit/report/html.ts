import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { FINDING_CATEGORIES, type FindingCategory } from '../model.js';
import { formatFen, parseYuanToFen } from '../money.js';
import {
  CATEGORY_NAMES,
  claimEntries,
  DEPARTURE_NAMES,
  PERIOD_NAMES,
  VERDICT_NAMES,
} from '../words.js';
import { layoutText } from './layout.js';
import type { AuditReport } from './schema.js';

/**
 * A self-contained page a merchant can open, print or attach to a complaint: no scripts, no
 * external files; the chart is an SVG drawn at render time (ECharts server-side rendering).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const COLORS: Record<FindingCategory, string> = {
  traffic_fee: '#d4380d',
  service_fee: '#d48806',
  deposit: '#531dab',
  instant_settlement_fee: '#0958d9',
  other_deduction: '#8c8c8c',
  rate_overcharge: '#c41d7f',
  settlement_shortfall: '#08979c',
};

/** Deductions per month and category: the picture of how the provider took the money. */
export function deductionsByMonth(report: AuditReport): {
  months: string[];
  series: Map<FindingCategory, number[]>;
} {
  const monthly = new Map<string, Map<FindingCategory, number>>();
  for (const f of report.findings) {
    const month = f.date.slice(0, 7);
    const perCat = monthly.get(month) ?? new Map<FindingCategory, number>();
    perCat.set(f.category, (perCat.get(f.category) ?? 0) + (parseYuanToFen(f.amount) ?? 0));
    monthly.set(month, perCat);
  }
  const months = fillMonths([...monthly.keys()].sort());
  const series = new Map<FindingCategory, number[]>();
  for (const cat of FINDING_CATEGORIES) {
    const values = months.map((m) => monthly.get(m)?.get(cat) ?? 0);
    if (values.some((v) => v > 0)) series.set(cat, values);
  }
  return { months, series };
}

function fillMonths(sorted: string[]): string[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last || out.length > 240) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * ECharts is loaded on the first chart, not with the module: the JSON and table reports (and the
 * CLI's start) do not pay its 0.35 s and 40 MB.
 */
const loaded: { echarts?: typeof Echarts } = {};
function echartsModule(): typeof Echarts {
  loaded.echarts ??= createRequire(import.meta.url)('echarts') as typeof Echarts;
  return loaded.echarts;
}

export function renderChartSvg(report: AuditReport, width = 860, height = 320): string | null {
  const { months, series } = deductionsByMonth(report);
  if (months.length === 0) return null;
  const chart = echartsModule().init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    title: { text: '每月被扣费用（元）Deductions per month', left: 8, textStyle: { fontSize: 14 } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 56, right: 16, top: 44, bottom: 56 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: [...series].map(([cat, values]) => ({
      name: CATEGORY_NAMES[cat].zh,
      type: 'bar',
      stack: 'total',
      itemStyle: { color: COLORS[cat] },
      data: values.map((fen) => Number(formatFen(fen))),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1f1f1f;background:#fff;line-height:1.6}
main{max-width:1040px;margin:0 auto;padding:16px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #eee;padding-bottom:4px}
.claim{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid #eee;border-radius:8px;padding:10px 14px;min-width:140px}
.card b{display:block;font-size:22px}.card.main b{color:#cf1322;font-size:28px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #f0f0f0;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#fafafa}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.v-unauthorized{color:#cf1322;font-weight:600}.v-needs_review{color:#d46b08}.v-authorized{color:#389e0d}
.muted{color:#8c8c8c;font-size:12px}.chart{overflow-x:auto}.chart svg{max-width:100%;height:auto}
.table-wrap{overflow-x:auto}td.nowrap{white-space:nowrap}
@media (max-width:640px){main{padding:12px}.card{flex:1 1 40%;min-width:0}.chart svg{max-width:none}
table.cards thead{display:none}table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}
table.cards tr{border:1px solid #eee;border-radius:8px;margin:0 0 10px;padding:6px 10px}
table.cards td{border:0;padding:2px 0;text-align:left}table.cards td::before{content:attr(data-label)"：";color:#8c8c8c}}
@media print{main{max-width:none}.chart svg{max-width:100%}a{color:inherit}}
`;

export function renderHtml(report: AuditReport): string {
  const e = escapeHtml;
  const c = report.counts;
  const cards = claimEntries(report.claim.byCategory)
    .map(
      ([cat, amount]) =>
        `<div class="card"><span>${e(CATEGORY_NAMES[cat].zh)}</span><b>¥${e(amount)}</b></div>`,
    )
    .join('');
  const statements = report.statements
    .map(
      (s) =>
        `<li>${e(s.file)} — ${s.records} 条记录${s.period ? `，${e(s.period.from)} 至 ${e(s.period.to)}` : ''}${s.encoding ? `（${e(s.encoding)}）` : ''}${layoutText(s) ? `<br><small>${e(layoutText(s) ?? '')}</small>` : ''}</li>`,
    )
    .join('');
  const findings = report.findings
    .map(
      (f) =>
        `<tr><td data-label="位置">${e(f.file)}${f.sheet ? `[${e(f.sheet)}]` : ''}${f.page ? `[第${f.page}页]` : ''}:${f.row}</td><td class="nowrap" data-label="日期">${e(f.date)}</td><td data-label="类别">${e(CATEGORY_NAMES[f.category].zh)}</td><td class="num" data-label="金额">${e(f.amount)}</td><td class="nowrap v-${f.verdict}" data-label="结论">${e(VERDICT_NAMES[f.verdict].zh)}</td><td class="num" data-label="应退">${e(f.overcharge)}</td><td data-label="摘要">${e(f.text)}</td><td data-label="原因">${e(f.reason)}</td></tr>`,
    )
    .join('\n');
  const recurring = report.recurring
    .map(
      (r) =>
        `<tr><td>${e(CATEGORY_NAMES[r.category].zh)}</td><td class="num">${e(r.amount)}</td><td>${e(PERIOD_NAMES[r.every].zh)}</td><td>${e(r.dates.join('、'))}</td><td>${e(r.next)}</td></tr>`,
    )
    .join('\n');
  const warnings = report.warnings
    .map((w) => `<li>${e(w.file)}${w.row === undefined ? '' : `:${w.row}`} ${e(w.message)}</li>`)
    .join('');
  const svg = renderChartSvg(report);
  const departures = (report.scheduleDepartures ?? [])
    .map(
      (d) =>
        `<tr><td data-label="位置">${e(d.file)}${d.sheet ? `[${e(d.sheet)}]` : ''}${d.page ? `[第${d.page}页]` : ''}:${d.row}</td><td class="nowrap" data-label="日期">${e(d.date)}</td><td data-label="不符">${e(DEPARTURE_NAMES[d.kind].zh)}</td><td class="num" data-label="实收">${e(d.taken)}</td><td class="num" data-label="标准">${e(d.allowed)}</td><td class="num" data-label="差额">${e(d.difference)}</td><td data-label="收费标准">${e(d.scheduled)}</td></tr>`,
    )
    .join('\n');
  const versions = report.schedules ?? [];
  const scheduleSection =
    versions.length === 0
      ? ''
      : `<h2>与收费标准不符 Departures from the published fee schedule</h2>
<p class="muted">对照服务商公布的收费标准：${e([...new Set(versions.map((v) => v.provider))].join('、'))} ${e(versions.map((v) => `${v.version}（${v.effectiveFrom} 起）`).join('、'))}</p>
${
  departures
    ? `<div class="table-wrap"><table class="cards"><thead><tr><th>位置</th><th>日期</th><th>不符</th><th>实收(元)</th><th>标准(元)</th><th>差额(元)</th><th>收费标准</th></tr></thead><tbody>
${departures}
</tbody></table></div>`
    : '<p>没有与收费标准不符的扣费。</p>'
}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>对账审计报告 · 扣费卫士 FeeGuard</title><style>${STYLE}</style></head>
<body><main>
<h1>对账审计报告 <span class="muted">Statement audit · 扣费卫士 FeeGuard</span></h1>
<ul class="muted">${statements}</ul>
<div class="claim"><div class="card main"><span>应追回金额 Claim</span><b>¥${e(report.claim.total)}</b></div>${cards}</div>
${c ? `<p>未经同意 <b class="v-unauthorized">${c.unauthorized}</b> 笔 · 需核实 <b class="v-needs_review">${c.needs_review}</b> 笔 · 已约定 <b class="v-authorized">${c.authorized}</b> 笔</p>` : ''}
${svg ? `<h2>扣费走势 Deductions over time</h2><div class="chart" role="img" aria-label="每月被扣费用柱状图">${svg}</div>` : ''}
<h2>扣款明细 Findings</h2>
${
  report.findings.length === 0
    ? '<p>没有发现费用扣款。</p>'
    : `<div class="table-wrap"><table class="cards"><thead><tr><th>位置</th><th>日期</th><th>类别</th><th>金额(元)</th><th>结论</th><th>应退(元)</th><th>摘要</th><th>原因</th></tr></thead><tbody>
${findings}
</tbody></table></div>`
}
${scheduleSection}
${recurring ? `<h2>周期性扣费 Recurring charges</h2><div class="table-wrap"><table><thead><tr><th>类别</th><th>金额(元)</th><th>周期</th><th>已扣日期</th><th>下次预计</th></tr></thead><tbody>${recurring}</tbody></table></div>` : ''}
${warnings ? `<h2>警告 Warnings (${report.warnings.length})</h2><ul>${warnings}</ul>` : ''}
<p class="muted">金额单位：元。“应退”为未经同意多扣的部分，合计即投诉要求退还的金额。本报告由扣费卫士根据您提供的对账单和合同自动生成。</p>
</main></body></html>
`;
}
