import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useLang } from '../../i18n.js';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface AlertChartProps {
  readonly baseline: readonly { readonly week: string; readonly complaints: number }[];
  readonly week: string;
  readonly count: number;
  /** The smoothed weekly rate the test compared against. */
  readonly expected: number;
}

/** The weekly complaints of the baseline and the week tested, with the expected level: lazy. */
export default function AlertChart({ baseline, week, count, expected }: AlertChartProps) {
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const weeks = [...baseline.map((b) => b.week), week];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 44, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: weeks.map((w) => w.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: lang === 'zh' ? '投诉' : 'Complaints',
          type: 'bar',
          data: [
            ...baseline.map((b) => ({ value: b.complaints, itemStyle: { color: '#8c8c8c' } })),
            { value: count, itemStyle: { color: '#a8071a' } },
          ],
          markLine: {
            symbol: 'none',
            label: { formatter: lang === 'zh' ? '平常' : 'usual' },
            lineStyle: { color: '#0958d9', type: 'dashed' },
            data: [{ yAxis: Math.round(expected * 10) / 10 }],
          },
        },
      ],
    });
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [baseline, week, count, expected, lang]);
  const label =
    lang === 'zh'
      ? `每周投诉：此前 ${String(baseline.length)} 周和 ${week} 这一周（${String(count)} 起）`
      : `Complaints per week: the ${String(baseline.length)} weeks before and the week of ${week} (${String(count)})`;
  return <div ref={ref} style={{ width: '100%', height: 200 }} role="img" aria-label={label} />;
}
