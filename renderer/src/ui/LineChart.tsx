import { LineChart as Lines } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([Lines, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

const COLORS = ['#1f4e8c', '#b3541e', '#2f7d32', '#6b3fa0'];

/** Lines over categories (years), SVG; `description` is the text alternative (the figures in words). */
export function LineChart(props: { categories: string[]; series: { name: string; values: (number | null)[] }[]; min?: number; max?: number; description: string; testId: string; format: (n: number) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { categories, series, description, format } = props;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description } },
      legend: { top: 0, textStyle: { color: '#1f2933' } },
      grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { color: '#1f2933' } },
      yAxis: { type: 'value', min: props.min ?? 'dataMin', max: props.max ?? 100, axisLabel: { formatter: format } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? format(v) : '—') },
      series: series.map((s, i) => ({ type: 'line', name: s.name, data: s.values, connectNulls: true, symbolSize: 8, itemStyle: { color: COLORS[i % COLORS.length] }, label: { show: true, formatter: (p: { value: number }) => format(p.value) } })),
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [categories, series, description, format, props.min, props.max]);
  return <div ref={ref} className="bar-chart" role="img" aria-label={description} data-testid={props.testId} style={{ height: 280 }} />;
}
