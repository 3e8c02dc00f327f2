// A small React wrapper around ECharts, with resize and an accessible summary. ECharts itself (echarts-core.ts) is
// loaded with the first chart: the element is in the page at once, the chart is drawn in it when ECharts is in.
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { echarts as Core } from './echarts-core';

export type { ECharts };
export type EChartsOption = EChartsCoreOption;

let core: Promise<typeof Core> | undefined;

/**
 * ECharts, loaded once (asked for by first-requests.ts as soon as the first requests have left, so it comes in while
 * their answers are computed). A load that failed (the server restarted with a new build) is tried again by the next.
 */
export function loadECharts(): Promise<typeof Core> {
  core ??= import('./echarts-core').then(
    (m) => m.echarts,
    (error: unknown) => {
      core = undefined;
      throw error;
    },
  );
  return core;
}

// Without ECharts the element stays empty: the panel's menu still offers its numbers as a table and CSV.
const ignore = () => undefined;

const draw = (chart: ECharts, option: EChartsOption) =>
  chart.setOption({ aria: { enabled: true }, animation: false, ...option }, { notMerge: true });

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
  // The option to draw once ECharts has come (the latest, set by the effect below).
  const optionRef = useRef(option);
  useEffect(() => {
    const el = ref.current!;
    let gone = false;
    let ro: ResizeObserver | undefined;
    loadECharts().then((echarts) => {
      if (gone) return;
      const chart = echarts.init(el, undefined, { renderer: 'canvas' });
      chartRef.current = chart;
      onReady?.(chart);
      draw(chart, optionRef.current);
      // Drawn: `data-drawn`, and a handle for browser tests and the devtools console (neither used by the app).
      el.dataset.drawn = '';
      (el as HTMLDivElement & { mailsiftChart?: ECharts }).mailsiftChart = chart;
      // Only a real change of size lays the chart out again: the observer also reports the size it starts with (the
      // size init drew at), and a redraw of every chart then cost as much as drawing them.
      ro = new ResizeObserver(() => {
        if (el.clientWidth !== chart.getWidth() || el.clientHeight !== chart.getHeight()) chart.resize();
      });
      ro.observe(el);
    }, ignore);
    return () => {
      gone = true;
      ro?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
    // The instance lives as long as the element.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    optionRef.current = option;
    if (chartRef.current) draw(chartRef.current, option);
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
