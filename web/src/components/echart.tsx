// A small React wrapper around ECharts (tree-shaken: bar, line, pie, map), with resize and an accessible summary.
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ECharts = echarts.ECharts;
export type EChartsOption = echarts.EChartsCoreOption;
export { echarts };

/** Draw `option`; `onReady` receives the chart instance (events, PNG export). */
export function EChart({
  option,
  height = 260,
  onReady,
  label,
}: {
  option: EChartsOption;
  height?: number | string;
  onReady?: (chart: ECharts) => void;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  useEffect(() => {
    const el = ref.current!;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // A handle for browser tests and the devtools console; it is not used by the app.
    (el as HTMLDivElement & { mailsiftChart?: ECharts }).mailsiftChart = chart;
    onReady?.(chart);
    // Only a real change of size lays the chart out again: the observer also reports the size it starts with (the
    // size init drew at), and a redraw of every chart then cost as much as drawing them.
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== chart.getWidth() || el.clientHeight !== chart.getHeight()) chart.resize();
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
    // The instance lives as long as the element.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, { notMerge: true });
  }, [option]);
  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} />;
}

/** A tooltip body built from DOM text nodes (ECharts would otherwise take HTML strings). */
export function tooltipNode(title: string, lines: { color?: string; label: string; value: string }[]): HTMLElement {
  const root = document.createElement('div');
  root.className = 'chart-tooltip';
  const head = document.createElement('div');
  head.className = 'chart-tooltip-title';
  head.textContent = title;
  root.appendChild(head);
  for (const l of lines) {
    const row = document.createElement('div');
    row.className = 'chart-tooltip-row';
    if (l.color) {
      const dot = document.createElement('span');
      dot.className = 'chart-tooltip-dot';
      dot.style.backgroundColor = l.color;
      row.appendChild(dot);
    }
    const name = document.createElement('span');
    name.className = 'chart-tooltip-label';
    name.textContent = l.label;
    const value = document.createElement('span');
    value.className = 'chart-tooltip-value';
    value.textContent = l.value;
    row.append(name, value);
    root.appendChild(row);
  }
  return root;
}
