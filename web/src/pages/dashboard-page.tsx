// A dashboard: its panels on a 12-column grid, loaded by one streamed request and drawn as each answer arrives;
// one made in the app is edited in place (layout, visualisation), a built-in one is copied.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { DashboardActions, type DashboardAccess } from '../dashboards/dashboard-actions';
import { PanelSlot } from '../dashboards/layout-editor';
import type { RawPanel } from '../dashboards/visualisation';
import { errorText } from '../error-text';
import { api } from '../api';
import { ChartPanel } from '../panels/chart-panel';
import { DashboardDataProvider } from '../panels/dashboard-data';
import { takeDefinition } from '../panels/head-start';
import { KeywordsPanel } from '../panels/keywords-panel';
import type { PanelProps } from '../panels/panel-props';
import { StatPanel } from '../panels/stat-panel';
import { TablePanel } from '../panels/table-panel';
import { currentLanguage, localText, type LocalText } from '../i18n';
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
type RawDashboard = Omit<DashboardDef, 'title' | 'description' | 'panels'> &
  DashboardAccess & {
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
  const [raw, setRaw] = useState<RawDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [said, setSaid] = useState('');
  // Layout changes are saved one after the other, so the last one is what the server keeps.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    setRaw(null);
    setError(null);
    setEditing(false);
    const ask = new AbortController();
    const asked =
      takeDefinition<RawDashboard>(id) ??
      api<RawDashboard>('GET', `/api/dashboards/${encodeURIComponent(id)}`, undefined, { signal: ask.signal });
    asked.then(
      (d) => setRaw(d),
      (e: unknown) => ask.signal.aborted || setError(errorText(e)),
    );
    return () => ask.abort();
  }, [id]);
  // Kept between renders: new panel objects would make every chart build and draw its option again (60-120 ms on
  // a filter change, before the panels' request could leave).
  const language = currentLanguage();
  const dashboard = useMemo(() => (raw ? inLanguage(raw) : null), [raw, language]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <p role="alert">{error}</p>;
  if (!raw || !dashboard) return <p role="status">{strings.common.loading}</p>;
  const rangeQuery = writeViewState('', range, {});
  const changeLayout = (panels: RawPanel[], sentence: string) => {
    const next = { ...raw, panels: panels as unknown as RawDashboard['panels'] };
    setRaw(next);
    setSaid(sentence);
    const body = { title: raw.title, description: raw.description, panels };
    saving.current = saving.current
      .catch(() => undefined)
      .then(() => api('PUT', `/api/dashboards/${encodeURIComponent(raw.id)}`, body))
      .then(
        () => setSaid(`${sentence} ${strings.saved.layoutSaved}`),
        (e: unknown) => setSaid(`${strings.saved.layoutNotSaved} ${errorText(e)}`),
      );
  };
  const panelIds = dashboard.panels.map((p) => p.id);
  return (
    <div className="dashboard">
      <div className="dashboard-head">
        <h1 className="page-title">{dashboard.title}</h1>
        <DashboardActions dashboard={raw} editing={editing} setEditing={setEditing} />
      </div>
      <p className="page-description">{dashboard.description}</p>
      {editing && (
        <p id="layout-help" className="muted">
          {strings.saved.layoutHelp}
        </p>
      )}
      <p className="sr-only" role="status" aria-live="polite" data-testid="layout-status">
        {said}
      </p>
      {dashboard.panels.length === 0 && (
        <p className="notice" data-testid="empty-dashboard">
          {strings.saved.emptyDashboard}
        </p>
      )}
      <DashboardDataProvider
        dashboardId={dashboard.id}
        // Sorted: moving a panel asks for nothing again.
        panelIds={[...panelIds].sort()}
        range={range}
        filters={filters}
        refreshTick={refreshTick}
      >
        <div className={editing ? 'grid editing' : 'grid'}>
          {dashboard.panels.map((p: PanelDef, i) => {
            const drawn = (
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
            );
            if (!editing) return drawn;
            return (
              <PanelSlot key={p.id} panels={raw.panels as unknown as RawPanel[]} index={i} title={p.title} onChange={changeLayout}>
                {drawn}
              </PanelSlot>
            );
          })}
        </div>
      </DashboardDataProvider>
    </div>
  );
}
