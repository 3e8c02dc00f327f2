// A single value with its change against the previous period and a sparkline; the number leads to its rows.
import { useMemo } from 'react';
import type { QueryResult } from '../api';
import { formatChange, formatValue } from '../format';
import { useSettledUntil } from '../freshness';
import { canAnalyse } from '../session';
import { strings } from '../strings';
import type { PanelDef, PanelResult } from '../types';
import { navigate, type TimeRange } from '../url-state';
import { fillTimeBuckets } from './fill-time-buckets';
import { PanelFrame } from './panel-frame';
import { explorerHref, panelCsvHref } from './panel-links';
import type { PanelProps } from './panel-props';
import { firstSettlingIndex, inferStep, SETTLING_OPACITY } from './settling-area';
import { frameState, shownData, usePanelData } from './use-panel-data';

/** The sparkline's values in time order, every bucket of the range present, and where its settling part starts. */
function sparkSeries(
  sparkline: QueryResult | undefined,
  bin: PanelResult['bin'],
  range: Pick<TimeRange, 'from' | 'to'>,
  settledUntil: number | null | undefined,
): { values: number[]; settlingAt?: number } {
  if (!sparkline) return { values: [] };
  const last = sparkline.columns.length - 1;
  const time = sparkline.columns.findIndex((c) => c.type === 'datetime');
  if (time < 0 || time === last) return { values: sparkline.rows.map((r) => Number(r[last] ?? 0)) };
  const columns = { x: sparkline.columns[time]!.name, y: sparkline.columns[last]!.name };
  // Filling sorts by time too; without bins the rows are only sorted.
  const table = fillTimeBuckets(sparkline, columns, bin ?? { stepMs: 0, originMs: 0 }, range.from, range.to);
  const times = table.rows.map((r) => Date.parse(String(r[time])));
  return {
    values: table.rows.map((r) => Number(r[last] ?? 0)),
    settlingAt: firstSettlingIndex(times, bin?.stepMs ?? inferStep(times), settledUntil),
  };
}

function Sparkline({ values, settlingAt }: { values: number[]; settlingAt?: number }) {
  if (values.length < 2) return null;
  const max = Math.max(...values, 1);
  const w = 120;
  const h = 32;
  const points = values.map((v, i) => `${((i / (values.length - 1)) * w).toFixed(1)},${(h - (v / max) * (h - 2) - 1).toFixed(1)}`);
  // The settling part, from the last settled point on, is drawn lighter and dashed.
  const at = settlingAt ?? points.length;
  const settled = points.slice(0, at);
  const settling = at < points.length ? points.slice(Math.max(0, at - 1)) : [];
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" preserveAspectRatio="none">
      {settled.length > 1 && <polyline points={settled.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />}
      {settling.length > 1 && (
        <polyline
          className="sparkline-settling"
          points={settling.join(' ')}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeDasharray="3 2"
          opacity={SETTLING_OPACITY}
        />
      )}
    </svg>
  );
}

export function StatPanel({ dashboardId, panel, range, filters, me, rangeQuery }: PanelProps<Extract<PanelDef, { kind: 'stat' }>>) {
  const { state, reload } = usePanelData(dashboardId, panel.id);
  const settledUntil = useSettledUntil(range);
  const data = shownData(state);
  const value = Number(data?.result.rows[0]?.[0] ?? 0);
  const previous = data?.previous === undefined || data.previous === null ? undefined : Number(data.previous);
  const change = previous === undefined ? undefined : formatChange(value, previous);
  const worse = previous !== undefined && (panel.higherIsWorse ? value > previous : value < previous);
  // On the range of its answer, as a chart is (chart-panel.tsx).
  const spark = useMemo(
    () => sparkSeries(data?.sparkline, data?.bin, data?.range ?? range, settledUntil),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, settledUntil],
  );
  const analyst = canAnalyse(me);
  const href = data && analyst ? explorerHref(data.kql, rangeQuery) : undefined;
  const menu = [
    ...(href ? [{ label: strings.panel.openInExplorer, href }] : []),
    { label: strings.panel.exportCsv, href: panelCsvHref(dashboardId, panel.id, range, filters), download: true },
  ];
  const text = formatValue(value, panel.format);
  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      width={panel.width}
      menu={menu}
      {...frameState(state)}
      onRetry={reload}
      testId={`panel-${panel.id}`}
    >
      <div className="stat">
        {href ? (
          <a
            className="stat-value"
            href={href}
            onClick={(e) => {
              e.preventDefault();
              navigate(href);
            }}
          >
            {text}
          </a>
        ) : (
          <span className="stat-value">{text}</span>
        )}
        <div className="stat-foot">
          <span className={`stat-change${change ? (worse ? ' worse' : ' better') : ''}`}>
            {change ? (
              <>
                <span aria-hidden="true">{value >= (previous ?? 0) ? '▲' : '▼'}</span> {change}{' '}
                <span className="muted">{strings.panel.vsPrevious}</span>
              </>
            ) : (
              <span className="muted">{strings.panel.noPrevious}</span>
            )}
          </span>
          <Sparkline values={spark.values} settlingAt={spark.settlingAt} />
        </div>
      </div>
    </PanelFrame>
  );
}
