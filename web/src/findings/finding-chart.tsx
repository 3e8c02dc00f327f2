// The finding's chart: its hourly series against the usual level (a spike over its baseline), or its measures
// side by side with their usual values. Labels are set as text (tooltips built from DOM text nodes).
import { useMemo } from 'react';
import { SERIES_COLORS, statusColor } from '../colors';
import { EChart, tooltipNode, type EChartsOption } from '../components/echart';
import { formatBucket, formatBytes, formatCount, formatDecimal } from '../format';
import { strings } from '../strings';
import type { Fact, FindingSeries, SeriesPoint } from './finding-facts';

const USUAL_COLOR = '#555555';

function seriesOption({ points, hourly, unit }: FindingSeries, status: string): EChartsOption {
  const observedColor = status ? statusColor(status).color : SERIES_COLORS[0]!;
  const value = (n: number) => (unit === 'bytes' ? formatBytes(n) : formatDecimal(n));
  const labels = points.map((p) => formatBucket(p.at, hourly));
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 48 },
    legend: { top: 0, data: [strings.finding.observed, strings.finding.usual] },
    tooltip: {
      trigger: 'axis',
      formatter: (items: unknown) => {
        const list = items as { dataIndex: number }[];
        const p = points[list[0]?.dataIndex ?? 0]!;
        return tooltipNode(labels[list[0]?.dataIndex ?? 0] ?? '', [
          { color: observedColor, label: strings.finding.observed, value: value(p.observed) },
          { color: USUAL_COLOR, label: strings.finding.usual, value: p.expected === null ? strings.finding.noUsual : value(p.expected) },
        ]);
      },
    },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => (unit === 'bytes' ? formatBytes(v) : formatCount(v)) } },
    series: [
      {
        id: 'observed',
        name: strings.finding.observed,
        type: 'bar',
        data: points.map((p) => p.observed),
        itemStyle: { color: observedColor },
      },
      {
        id: 'usual',
        name: strings.finding.usual,
        type: 'line',
        data: points.map((p) => p.expected),
        connectNulls: false,
        symbol: 'none',
        lineStyle: { color: USUAL_COLOR, type: 'dashed', width: 2 },
        itemStyle: { color: USUAL_COLOR },
      },
    ],
  };
}

function factsOption(facts: readonly Fact[], format: (f: Fact, v: number) => string): EChartsOption {
  const labels = facts.map((f) => strings.finding.facts[f.key] ?? f.key);
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 32, containLabel: true },
    legend: { top: 0, data: [strings.finding.observed, strings.finding.usual] },
    tooltip: {
      trigger: 'axis',
      formatter: (items: unknown) => {
        const i = (items as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const f = facts[i]!;
        return tooltipNode(labels[i] ?? '', [
          { color: SERIES_COLORS[0], label: strings.finding.observed, value: format(f, Number(f.observed)) },
          { color: USUAL_COLOR, label: strings.finding.usual, value: f.usual == null ? strings.finding.noUsual : format(f, f.usual) },
        ]);
      },
    },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value' },
    series: [
      {
        id: 'observed',
        name: strings.finding.observed,
        type: 'bar',
        data: facts.map((f) => Number(f.observed)),
        itemStyle: { color: SERIES_COLORS[0] },
      },
      { id: 'usual', name: strings.finding.usual, type: 'bar', data: facts.map((f) => f.usual ?? 0), itemStyle: { color: USUAL_COLOR } },
    ],
  };
}

/** The chart of a finding, or nothing when it has neither a series nor measures with usual values. */
export function FindingChart({
  series,
  facts,
  status,
  format,
}: {
  series: FindingSeries;
  facts: readonly Fact[];
  status: string;
  format: (f: Fact, v: number) => string;
}) {
  // Bars only for counts with a usual value: a byte count beside a message count would hide the smaller one.
  const comparable = useMemo(() => facts.filter((f) => typeof f.observed === 'number' && f.usual != null && f.unit === 'count'), [facts]);
  const option = useMemo(
    () => (series.points.length > 0 ? seriesOption(series, status) : comparable.length > 0 ? factsOption(comparable, format) : null),
    [series, status, comparable, format],
  );
  if (!option) return null;
  const peak = series.points.reduce<SeriesPoint | undefined>((m, p) => (!m || p.observed > m.observed ? p : m), undefined);
  const shown = (n: number) => (series.unit === 'bytes' ? formatBytes(n) : formatCount(n));
  const summary = peak
    ? strings.finding.seriesSummary(shown(peak.observed), peak.expected === null ? strings.finding.noUsual : shown(peak.expected))
    : strings.finding.factsSummary(formatCount(comparable.length));
  return (
    <div className="finding-chart" data-testid="finding-chart" data-kind={series.points.length > 0 ? 'series' : 'facts'}>
      <EChart option={option} height={240} label={strings.finding.chartLabel(summary)} />
    </div>
  );
}
