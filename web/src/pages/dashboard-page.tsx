// A dashboard: its panels on a 12-column grid, each loading on its own.
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { ChartPanel } from '../panels/chart-panel';
import { KeywordsPanel } from '../panels/keywords-panel';
import type { PanelProps } from '../panels/panel-props';
import { StatPanel } from '../panels/stat-panel';
import { TablePanel } from '../panels/table-panel';
import { useMe } from '../session';
import { strings } from '../strings';
import type { DashboardDef, PanelDef } from '../types';
import { useViewState, writeViewState } from '../url-state';

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

export function DashboardPage({ id }: { id: string }) {
  const me = useMe();
  const { range, filters, addFilter } = useViewState();
  const [dashboard, setDashboard] = useState<DashboardDef | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDashboard(null);
    api<DashboardDef>('GET', `/api/dashboards/${encodeURIComponent(id)}`).then(setDashboard, (e: unknown) => setError(e instanceof ApiError ? e.message : strings.errors.generic));
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!dashboard) return <p role="status">{strings.common.loading}</p>;
  const rangeQuery = writeViewState('', range, {});
  return (
    <div className="dashboard">
      <h1 className="page-title">{dashboard.title}</h1>
      <p className="page-description">{dashboard.description}</p>
      <div className="grid">
        {dashboard.panels.map((p: PanelDef) => (
          <Panel key={p.id} dashboardId={dashboard.id} panel={p} range={range} filters={filters} addFilter={addFilter} me={me} rangeQuery={rangeQuery} />
        ))}
      </div>
    </div>
  );
}
