import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { categoryName, useLang } from '../i18n.js';
import { yuanToFen } from '../money.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

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
    const chart = echarts.init(ref.current);
    const months = [...new Set(monthly.map((m) => m.month))].sort();
    const categories = [...new Set(monthly.map((m) => m.category))];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      // The legend above the bars, scrolling sideways when it does not fit: never over the axis.
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
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
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label={lang === 'zh' ? '每月扣费' : 'Deductions per month'}
    />
  );
}
