import { BarChart as Bars } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([Bars, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/**
 * Two series of horizontal bars side by side per row (an agency's areas against its group's
 * average), on a 0–`max` axis, SVG; `description` is the text alternative (the figures in words).
 */
export function CompareBars(props: { labels: string[]; series: { name: string; values: (number | null)[]; color: string }[]; max: number; description: string; testId: string; format: (n: number) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { labels, series, max, description, format } = props;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    const order = labels.map((_, i) => labels.length - 1 - i); // top to bottom as given
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description } },
      legend: { top: 0, textStyle: { color: '#1f2933' } },
      grid: { left: 8, right: 60, top: 30, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max, axisLabel: { formatter: format } },
      yAxis: { type: 'category', data: order.map((i) => labels[i]), axisLabel: { width: 240, overflow: 'truncate', color: '#1f2933' } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? format(v) : '—') },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: order.map((i) => s.values[i] ?? null), itemStyle: { color: s.color }, barMaxWidth: 12 })),
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [labels, series, max, description, format]);
  return <div ref={ref} className="bar-chart" role="img" aria-label={description} data-testid={props.testId} style={{ height: 60 + labels.length * 34 }} />;
}
