import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface ChartSeries {
  name: string;
  values: number[];
  type?: 'bar' | 'line';
  /** 1: the right-hand axis (money beside counts). */
  axis?: 0 | 1;
}

export interface ChartSpec {
  /** bar: categories along the bottom; ranking: horizontal bars, first on top; pie: shares. */
  kind: 'bar' | 'ranking' | 'pie';
  labels: string[];
  series: ChartSeries[];
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
  /** Values are shares 0..1, shown as percent. */
  percent?: boolean;
}

const COLORS = ['#0958d9', '#d4380d', '#389e0d', '#d48806', '#531dab', '#08979c'];

function optionOf(spec: ChartSpec, narrow: boolean) {
  const fmt = (v: number) => (spec.percent ? `${String(Math.round(v * 1000) / 10)}%` : String(v));
  if (spec.kind === 'pie') {
    const values = spec.series[0]?.values ?? [];
    return {
      color: COLORS,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: narrow ? ['30%', '58%'] : ['35%', '65%'],
          center: ['50%', '45%'],
          // On a phone the names go to the legend; the slices show their counts.
          label: narrow ? { position: 'inside', formatter: '{c}' } : { formatter: '{b}: {c}' },
          data: spec.labels
            .map((name, i) => ({ name, value: values[i] ?? 0 }))
            .filter((d) => d.value > 0),
        },
      ],
    };
  }
  const horizontal = spec.kind === 'ranking';
  const labels = horizontal ? [...spec.labels].reverse() : spec.labels;
  const twoAxes = spec.series.some((s) => s.axis === 1);
  const categoryAxis = {
    type: 'category',
    data: labels,
    axisLabel: {
      width: narrow ? 90 : 160,
      overflow: 'truncate',
      ...(horizontal ? {} : { hideOverlap: true }),
    },
  };
  const valueAxis = (i: number) => ({
    type: 'value',
    position: i === 1 ? 'right' : 'left',
    splitLine: { show: i === 0 },
    axisLabel: { formatter: fmt },
    ...(spec.percent ? { max: 1 } : {}),
  });
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    // One legend row that scrolls sideways when the names do not fit: it never wraps onto the
    // axis labels or the bars, in any language.
    legend: spec.series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid: {
      left: 8,
      right: twoAxes ? 8 : 16,
      top: spec.series.length > 1 ? 40 : 16,
      bottom: 8,
      containLabel: true,
    },
    xAxis: horizontal ? valueAxis(0) : categoryAxis,
    yAxis: horizontal ? categoryAxis : twoAxes ? [valueAxis(0), valueAxis(1)] : valueAxis(0),
    series: spec.series.map((s) => ({
      name: s.name,
      type: s.type ?? 'bar',
      yAxisIndex: horizontal ? 0 : (s.axis ?? 0),
      data: horizontal ? [...s.values].reverse() : s.values,
      barMaxWidth: 28,
      label: horizontal
        ? { show: true, position: 'right', formatter: (p: { value: number }) => fmt(p.value) }
        : undefined,
    })),
  };
}

/** One public figure as an ECharts chart: loaded only when a figure is on screen. */
export default function StatsChart({ spec }: { spec: ChartSpec }) {
  // Horizontal bars take the room their rows need; the others a fixed height.
  const height = spec.kind === 'ranking' ? Math.max(140, 60 + 40 * spec.labels.length) : 300;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element);
    const draw = () => {
      chart.setOption(optionOf(spec, element.clientWidth < 480), true);
    };
    draw();
    const resize = () => {
      chart.resize();
      draw();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [spec]);
  return (
    <div
      ref={ref}
      data-testid="public-chart"
      role="img"
      aria-label={spec.label}
      style={{ width: '100%', height }}
    />
  );
}
