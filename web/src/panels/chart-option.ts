// ECharts options from query results: time or category x axis, optional series column, status colours, safe labels.
import type { QueryResult } from '../api';
import { seriesColor, STATUS_ORDER } from '../colors';
import type { EChartsOption } from '../components/echart';
import { tooltipNode } from '../components/echart';
import { formatBucket, formatTime, formatValue } from '../format';
import { columnLabel, currentLanguage, valueLabel } from '../i18n';
import { strings } from '../strings';
import { shortText, tooltipText } from '../visible-text';
import { fillTimeBuckets, type BinInfo } from './fill-time-buckets';
import { firstSettlingIndex, inferStep, settlingBarItem, settlingMarkArea } from './settling-area';
import { MARKS_SERIES_ID, spanMarkArea, spanMarks, type SpanMark } from './span-marks';

export type ChartKind = 'stacked-column' | 'column' | 'line' | 'area' | 'bar' | 'pie';

export interface ChartSpec {
  chart: ChartKind;
  x: string;
  y: string;
  series?: string;
  format?: 'count' | 'bytes';
}

/** The time range a time series covers, what bins the API used, and up to when its data is settled. */
export interface ChartTimeline {
  from: number;
  to: number;
  /** With it, every bucket of [from, to) is drawn (0 where the result has no row). */
  bin?: BinInfo;
  /** Rows newer than this (ms) may still arrive; null or absent: everything is settled. */
  settledUntil?: number | null;
  /** Spans to mark (Start, End, Label, Id), e.g. the findings of a detection rule. */
  marks?: QueryResult;
}

/** An option plus what clicks need to map back to raw values. */
export interface BuiltChart {
  option: EChartsOption;
  /** Raw x values, by data index. */
  categories: unknown[];
  /** Raw series values, by series index. */
  seriesValues: string[];
  points: number;
  /** Set when part of the chart is still settling: from this time (ms), at this category index on. */
  settling?: { from: number; index: number };
  /** The marked spans drawn, in the order of the marks series' mark area. */
  marks: SpanMark[];
}

/** Id of the series that carries the settling mark area (it has no data and no legend entry). */
export const SETTLING_SERIES_ID = 'settling';

/** Chart kinds drawn over time buckets. */
const TIME_SERIES_KINDS: readonly ChartKind[] = ['stacked-column', 'column', 'line', 'area'];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** How a series value is named in the legend (statuses and directions in the shown language). */
export function seriesName(value: string): string {
  return shortText(value ? valueLabel(value) : strings.common.empty, 40);
}

/** A category of the x axis or a pie slice as shown. */
const categoryName = (value: string, max: number) => shortText(value ? valueLabel(value) : strings.common.empty, max);

function axisColor(): { text: string; line: string } {
  const s = getComputedStyle(document.documentElement);
  return { text: s.getPropertyValue('--text-muted').trim() || '#555', line: s.getPropertyValue('--border').trim() || '#ddd' };
}

/** Build the chart of `result` as `spec` says; a time series over `timeline` gets every bucket and its settling part marked. */
export function buildChart(spec: ChartSpec, source: QueryResult, timeline?: ChartTimeline): BuiltChart {
  const timeSeries = TIME_SERIES_KINDS.includes(spec.chart) && source.columns.find((c) => c.name === spec.x)?.type === 'datetime';
  const result = timeSeries && timeline?.bin ? fillTimeBuckets(source, spec, timeline.bin, timeline.from, timeline.to) : source;
  const idx = (name: string | undefined) => (name === undefined ? -1 : result.columns.findIndex((c) => c.name === name));
  const xi = idx(spec.x);
  const yi = idx(spec.y);
  const si = idx(spec.series);
  const fmt = (v: number) => formatValue(v, spec.format ?? 'count');
  const colors = axisColor();
  const xIsTime = result.columns[xi]?.type === 'datetime';

  if (spec.chart === 'pie') {
    const rows = result.rows.map((r) => ({ raw: text(r[xi]), value: Number(r[yi] ?? 0) }));
    return {
      categories: rows.map((r) => r.raw),
      seriesValues: [spec.y],
      points: rows.length,
      marks: [],
      option: {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: number; color: string; dataIndex: number }) =>
            tooltipNode(tooltipText(valueLabel(rows[p.dataIndex]?.raw ?? '')), [
              { color: p.color, label: columnLabel(spec.y), value: fmt(p.value) },
            ]),
        },
        legend: { type: 'scroll', bottom: 0, textStyle: { color: colors.text } },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            center: ['50%', '45%'],
            label: { show: false },
            data: rows.map((r, i) => ({
              name: categoryName(r.raw, 40),
              value: r.value,
              itemStyle: { color: seriesColor(r.raw, i) },
            })),
          },
        ],
      },
    };
  }

  // Categories in first-seen order (results come sorted), series in first-seen order.
  const categories: unknown[] = [];
  const catIndex = new Map<string, number>();
  const seriesValues: string[] = [];
  const seriesIndex = new Map<string, number>();
  for (const r of result.rows) {
    const c = text(r[xi]);
    if (!catIndex.has(c)) catIndex.set(c, categories.push(r[xi]) - 1);
    const s = si >= 0 ? text(r[si]) : spec.y;
    if (!seriesIndex.has(s)) seriesIndex.set(s, seriesValues.push(s) - 1);
  }
  // Statuses and severities keep one order everywhere (good news first, bad news on top of the stack).
  const order = [...STATUS_ORDER, 'low', 'medium', 'high', 'critical'];
  if (seriesValues.length > 1 && seriesValues.every((s) => order.includes(s))) {
    seriesValues.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    seriesIndex.clear();
    seriesValues.forEach((s, i) => seriesIndex.set(s, i));
  }
  if (xIsTime) {
    const order = categories.map((c, i) => [Date.parse(String(c)), i] as const).sort((a, b) => a[0] - b[0]);
    const sorted = order.map(([, i]) => categories[i]);
    categories.splice(0, categories.length, ...sorted);
    catIndex.clear();
    categories.forEach((c, i) => catIndex.set(text(c), i));
  }
  const data = seriesValues.map(() => new Array<number>(categories.length).fill(0));
  for (const r of result.rows) {
    const s = seriesIndex.get(si >= 0 ? text(r[si]) : spec.y)!;
    const row = data[s]!;
    const c = catIndex.get(text(r[xi]))!;
    row[c] = (row[c] ?? 0) + Number(r[yi] ?? 0);
  }
  const times = xIsTime ? categories.map((c) => Date.parse(String(c))) : [];
  const step = timeline?.bin?.stepMs ?? inferStep(times);
  const hourly = step > 0 && step < 86_400_000;
  const settlingAt = timeSeries ? firstSettlingIndex(times, step, timeline?.settledUntil) : undefined;
  const settling = (i: number) => settlingAt !== undefined && i >= settlingAt;
  const labels = categories.map((c, i) => (xIsTime ? formatBucket(times[i]!, hourly) : categoryName(text(c), 32)));
  const horizontal = spec.chart === 'bar';
  const stacked = spec.chart === 'stacked-column';
  const type = spec.chart === 'line' || spec.chart === 'area' ? 'line' : 'bar';

  const categoryAxis = {
    type: 'category',
    data: labels,
    inverse: horizontal,
    axisLabel: { color: colors.text, hideOverlap: true, ...(horizontal ? { width: 160, overflow: 'truncate' } : {}) },
    axisLine: { lineStyle: { color: colors.line } },
  };
  const valueAxis = {
    type: 'value',
    axisLabel: { color: colors.text, formatter: (v: number) => fmt(v) },
    splitLine: { lineStyle: { color: colors.line } },
  };

  const names = seriesValues.map((s) => (si >= 0 ? seriesName(s) : shortText(columnLabel(s), 40)));
  // One shaded area behind every series, on a series of its own so that hiding series from the legend keeps it.
  // Among bars it shares the first series' stack: it takes no room of its own, and its area spans whole bands.
  const settlingStack = settlingAt === undefined || type !== 'bar' ? undefined : stacked ? 'total' : SETTLING_SERIES_ID;
  const settlingSeries =
    settlingAt === undefined
      ? []
      : [
          {
            id: SETTLING_SERIES_ID,
            type,
            stack: settlingStack,
            data: [],
            silent: true,
            tooltip: { show: false },
            barMaxWidth: 48,
            markArea: settlingMarkArea(settlingAt, categories.length - 1),
          },
        ];
  // Marked spans (findings) likewise on a series of their own, in the same stack so they take no room.
  const marks = timeSeries && timeline?.marks ? spanMarks(timeline.marks.columns, timeline.marks.rows, times, step, currentLanguage()) : [];
  const marksStack = type !== 'bar' ? undefined : stacked ? 'total' : (settlingStack ?? SETTLING_SERIES_ID);
  // z 1: under the bars and lines (z 2), which stay as bright as elsewhere.
  const marksSeries =
    marks.length === 0
      ? []
      : [
          {
            id: MARKS_SERIES_ID,
            type,
            z: 1,
            stack: marksStack,
            data: [],
            tooltip: { show: false },
            barMaxWidth: 48,
            markArea: spanMarkArea(marks, strings.panel.markLabel),
          },
        ];

  return {
    categories,
    seriesValues,
    points: categories.length * seriesValues.length,
    settling: settlingAt === undefined ? undefined : { from: timeline!.settledUntil!, index: settlingAt },
    marks,
    option: {
      grid: { left: horizontal ? 170 : 56, right: 16, top: seriesValues.length > 1 ? 36 : 12, bottom: 28, containLabel: false },
      legend: seriesValues.length > 1 ? { type: 'scroll', top: 0, data: names, textStyle: { color: colors.text } } : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: type === 'line' ? 'line' : 'shadow' },
        formatter: (params: { dataIndex: number; seriesName: string; value: number; color: string; seriesIndex: number }[]) => {
          const list = Array.isArray(params) ? params : [params];
          const i = list[0]?.dataIndex ?? 0;
          const title = xIsTime
            ? `${formatTime(times[i]!)}${settling(i) ? ` (${strings.panel.settlingTip})` : ''}`
            : tooltipText(text(categories[i]) ? valueLabel(text(categories[i])) : strings.common.empty);
          return tooltipNode(
            title,
            list
              .filter((p) => p.value !== 0 || list.length === 1)
              .map((p) => ({ color: p.color, label: names[p.seriesIndex] ?? '', value: fmt(Number(p.value)) })),
          );
        },
      },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [
        ...seriesValues.map((s, i) => ({
          type,
          name: names[i],
          data: type === 'bar' && settlingAt !== undefined ? data[i]!.map((v, j) => (settling(j) ? settlingBarItem(v) : v)) : data[i],
          stack: stacked ? 'total' : i === 0 ? (settlingStack ?? (marks.length > 0 ? marksStack : undefined)) : undefined,
          areaStyle: spec.chart === 'area' ? {} : undefined,
          showSymbol: false,
          emphasis: { focus: 'series' },
          itemStyle: { color: seriesColor(s, i) },
          lineStyle: type === 'line' ? { color: seriesColor(s, i), width: 2 } : undefined,
          barMaxWidth: 48,
        })),
        ...settlingSeries,
        ...marksSeries,
      ],
    },
  };
}
