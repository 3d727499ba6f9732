import { BarChart as Bars } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the charts use (tree-shaken), drawn as SVG: sharp at any zoom, text a screen reader finds.
use([Bars, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar and in the tooltip ("8,50 / 12,00"). */
  text: string;
}

/**
 * Horizontal bars on a 0–`max` axis (Apache ECharts, SVG), one per row, in the given order top to
 * bottom. `description` is the chart's text alternative (the figures in words).
 */
export function BarChart({ bars, max, description, testId, axisFormat }: { bars: Bar[]; max: number; description: string; testId: string; axisFormat: (n: number) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    const rows = [...bars].reverse(); // ECharts draws a category axis bottom-up
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description } },
      grid: { left: 8, right: 90, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max, axisLabel: { formatter: axisFormat } },
      yAxis: { type: 'category', data: rows.map((b) => b.label), axisLabel: { width: 260, overflow: 'truncate', color: '#1f2933' } },
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex]!.label}: ${rows[p.dataIndex]!.text}` },
      series: [{ type: 'bar', data: rows.map((b) => b.value), itemStyle: { color: '#1f4e8c' }, barMaxWidth: 18, label: { show: true, position: 'right', color: '#1f2933', formatter: (p: { dataIndex: number }) => rows[p.dataIndex]!.text } }],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [bars, max, description, axisFormat]);
  return <div ref={ref} className="bar-chart" role="img" aria-label={description} data-testid={testId} style={{ height: 40 + bars.length * 30 }} />;
}
