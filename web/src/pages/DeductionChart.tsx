import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { categoryName, useLang } from '../i18n.js';
import { yuanToFen } from '../money.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PLOT_HEIGHT = 270;
const LEGEND_ROW = 24;
const LEGEND_GAP = 10;

/**
 * How many rows ECharts' plain legend takes for these names at this width: its symbol (25 px)
 * and the text at 12 px (a Chinese character about 12 px wide, a Latin one about 7), packed
 * left to right.
 */
function legendRows(names: readonly string[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const wide = name.match(/[^ -\u00ff]/gu)?.length ?? 0;
    const text = wide * 12 + (name.length - wide) * 7;
    const item = 25 + 5 + text;
    if (used > 0 && used + LEGEND_GAP + item > width - 10) {
      rows += 1;
      used = item;
    } else {
      used += (used > 0 ? LEGEND_GAP : 0) + item;
    }
  }
  return rows;
}

/** Deductions per month, stacked by category: loaded only when the findings are shown. */
export default function DeductionChart({
  monthly,
}: {
  monthly: readonly { month: string; category: string; amount: string }[];
}) {
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const months = [...new Set(monthly.map((m) => m.month))].sort();
    const categories = [...new Set(monthly.map((m) => m.category))];
    // Every category's name visible above the bars, on as many rows as it takes (a paged legend
    // hid most of them on a phone); the plot starts below the last row and keeps its height.
    const rows = legendRows(
      categories.map((c) => categoryName(c, lang)),
      ref.current.clientWidth,
    );
    ref.current.style.height = `${String(PLOT_HEIGHT + rows * LEGEND_ROW)}px`;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'plain', itemGap: LEGEND_GAP },
      grid: { left: 8, right: 12, top: rows * LEGEND_ROW + 12, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: categories.map((c) => ({
        name: categoryName(c, lang),
        type: 'bar',
        stack: 'fees',
        data: months.map(
          (month) =>
            monthly
              .filter((m) => m.category === c && m.month === month)
              .reduce((sum, m) => sum + yuanToFen(m.amount), 0) / 100,
        ),
      })),
    });
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [monthly, lang]);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: PLOT_HEIGHT + LEGEND_ROW }}
      role="img"
      aria-label={lang === 'zh' ? '每月扣费' : 'Deductions per month'}
    />
  );
}
