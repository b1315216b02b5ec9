import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Finding } from '../api.js';
import { categoryName, useLang } from '../i18n.js';
import { yuanToFen } from '../money.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Deductions per month, stacked by category: loaded only when the findings are shown. */
export default function DeductionChart({ findings }: { findings: readonly Finding[] }) {
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const months = [...new Set(findings.map((f) => f.date.slice(0, 7)))].sort();
    const categories = [...new Set(findings.map((f) => f.category))];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 10, top: 10, bottom: 50 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: categories.map((c) => ({
        name: categoryName(c, lang),
        type: 'bar',
        stack: 'fees',
        data: months.map(
          (m) =>
            findings
              .filter((f) => f.category === c && f.date.startsWith(m))
              .reduce((sum, f) => sum + yuanToFen(f.amount), 0) / 100,
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
  }, [findings, lang]);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 260 }}
      role="img"
      aria-label={lang === 'zh' ? '每月扣费' : 'Deductions per month'}
    />
  );
}
