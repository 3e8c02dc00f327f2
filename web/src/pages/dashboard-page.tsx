// A dashboard: its panels on a 12-column grid, loaded by one streamed request and drawn as each answer arrives.
import { lazy, Suspense, useEffect, useState } from 'react';
import { errorText } from '../error-text';
import { api } from '../api';
import { ChartPanel } from '../panels/chart-panel';
import { DashboardDataProvider } from '../panels/dashboard-data';
import { KeywordsPanel } from '../panels/keywords-panel';
import type { PanelProps } from '../panels/panel-props';
import { StatPanel } from '../panels/stat-panel';
import { TablePanel } from '../panels/table-panel';
import { localText, type LocalText } from '../i18n';
import { useMe } from '../session';
import { strings } from '../strings';
import type { DashboardDef, PanelDef } from '../types';
import { REFRESH_MS, useViewState, writeViewState } from '../url-state';

// The world map (geometry and country codes) loads with the first map panel.
const MapPanel = lazy(() => import('../panels/map-panel').then((m) => ({ default: m.MapPanel })));

function Panel(props: PanelProps) {
  const p = props.panel;
  switch (p.kind) {
    case 'stat':
      return <StatPanel {...props} panel={p} />;
    case 'chart':
      return <ChartPanel {...props} panel={p} />;
    case 'map':
      return (
        <Suspense fallback={<section className="panel" style={{ gridColumn: `span ${p.width}` }} aria-busy="true" />}>
          <MapPanel {...props} panel={p} />
        </Suspense>
      );
    case 'keywords':
      return <KeywordsPanel {...props} panel={p} />;
    case 'table':
    case 'intel-matches':
      return <TablePanel {...props} panel={p} />;
  }
}

/** A counter that goes up every `ms` while the tab is visible (and once on coming back after a missed tick); null: off. */
function useRefreshTick(ms: number | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (ms === null) return;
    let due = false;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
      else due = true;
    }, ms);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && due) {
        due = false;
        setTick((t) => t + 1);
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ms]);
  return tick;
}

/** A dashboard as the API sends it: titles and descriptions per language. */
type RawDashboard = Omit<DashboardDef, 'title' | 'description' | 'panels'> & {
  title: LocalText;
  description: LocalText;
  panels: (Omit<PanelDef, 'title' | 'description'> & { title: LocalText; description: LocalText })[];
};

/** The dashboard with its texts in the shown language. */
function inLanguage(d: RawDashboard): DashboardDef {
  return {
    ...d,
    title: localText(d.title),
    description: localText(d.description),
    panels: d.panels.map((p) => ({ ...p, title: localText(p.title), description: localText(p.description) }) as PanelDef),
  };
}

export function DashboardPage({ id }: { id: string }) {
  const me = useMe();
  const { range, filters, addFilter, refresh } = useViewState();
  const refreshTick = useRefreshTick(refresh ? REFRESH_MS[refresh] : null);
  const [dashboard, setDashboard] = useState<DashboardDef | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDashboard(null);
    const ask = new AbortController();
    api<RawDashboard>('GET', `/api/dashboards/${encodeURIComponent(id)}`, undefined, { signal: ask.signal }).then(
      (d) => setDashboard(inLanguage(d)),
      (e: unknown) => ask.signal.aborted || setError(errorText(e)),
    );
    return () => ask.abort();
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!dashboard) return <p role="status">{strings.common.loading}</p>;
  const rangeQuery = writeViewState('', range, {});
  return (
    <div className="dashboard">
      <h1 className="page-title">{dashboard.title}</h1>
      <p className="page-description">{dashboard.description}</p>
      <DashboardDataProvider
        dashboardId={dashboard.id}
        panelIds={dashboard.panels.map((p) => p.id)}
        range={range}
        filters={filters}
        refreshTick={refreshTick}
      >
        <div className="grid">
          {dashboard.panels.map((p: PanelDef) => (
            <Panel
              key={p.id}
              dashboardId={dashboard.id}
              panel={p}
              range={range}
              filters={filters}
              addFilter={addFilter}
              me={me}
              rangeQuery={rangeQuery}
            />
          ))}
        </div>
      </DashboardDataProvider>
    </div>
  );
}
