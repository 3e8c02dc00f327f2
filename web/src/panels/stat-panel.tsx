// A single value with its change against the previous period and a sparkline; the number leads to its rows.
import { formatChange, formatValue } from '../format';
import { canAnalyse } from '../session';
import { strings } from '../strings';
import type { PanelDef } from '../types';
import { navigate } from '../url-state';
import { PanelFrame } from './panel-frame';
import { explorerHref, panelCsvHref } from './panel-links';
import type { PanelProps } from './panel-props';
import { usePanelData } from './use-panel-data';

function Sparkline({ values }: { values: number[] }) {
  if (values.length < 2) return null;
  const max = Math.max(...values, 1);
  const w = 120;
  const h = 32;
  const points = values.map((v, i) => `${((i / (values.length - 1)) * w).toFixed(1)},${(h - (v / max) * (h - 2) - 1).toFixed(1)}`).join(' ');
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" preserveAspectRatio="none">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function StatPanel({ dashboardId, panel, range, filters, me, rangeQuery }: PanelProps<Extract<PanelDef, { kind: 'stat' }>>) {
  const { state, reload } = usePanelData(dashboardId, panel.id, range, filters);
  const data = state.status === 'ok' ? state.data : undefined;
  const value = Number(data?.result.rows[0]?.[0] ?? 0);
  const previous = data?.previous === undefined || data.previous === null ? undefined : Number(data.previous);
  const change = previous === undefined ? undefined : formatChange(value, previous);
  const worse = previous !== undefined && (panel.higherIsWorse ? value > previous : value < previous);
  const spark = (data?.sparkline?.rows ?? []).map((r) => Number(r[r.length - 1] ?? 0));
  const analyst = canAnalyse(me);
  const href = data && analyst ? explorerHref(data.kql, rangeQuery) : undefined;
  const menu = [
    ...(href ? [{ label: strings.panel.openInExplorer, href }] : []),
    { label: strings.panel.exportCsv, href: panelCsvHref(dashboardId, panel.id, range, filters), download: true },
  ];
  const text = formatValue(value, panel.format);
  return (
    <PanelFrame title={panel.title} description={panel.description} width={panel.width} menu={menu} status={state.status} error={state.status === 'error' ? state.message : undefined} onRetry={reload} testId={`panel-${panel.id}`}>
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
                <span aria-hidden="true">{value >= (previous ?? 0) ? '▲' : '▼'}</span> {change} <span className="muted">{strings.panel.vsPrevious}</span>
              </>
            ) : (
              <span className="muted">{strings.panel.noPrevious}</span>
            )}
          </span>
          <Sparkline values={spark} />
        </div>
      </div>
    </PanelFrame>
  );
}
