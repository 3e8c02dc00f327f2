// One panel's data for the current time range and filters: from its dashboard's streamed request when there
// is one, else asked for on its own.
import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { api, ApiError } from '../api';
import { zoneOffsetMinutes } from '../format';
import type { PanelResult } from '../types';
import type { Filters, TimeRange } from '../url-state';
import { DashboardDataContext, type PanelState } from './dashboard-data';

export type { PanelState };

/** The data a panel draws: the answer, or while a new one is on its way the previous one. */
export function shownData(state: PanelState): PanelResult | undefined {
  return state.status === 'error' ? undefined : state.data;
}

/** What PanelFrame needs to know of the state. */
export function frameState(state: PanelState): { status: PanelState['status']; error?: string; stale: boolean } {
  return { status: state.status, error: state.status === 'error' ? state.message : undefined, stale: state.status === 'loading' && state.data !== undefined };
}

const noop = () => () => {};

/** The panel's state; `reload` asks again. */
export function usePanelData(dashboardId: string, panelId: string, range: TimeRange, filters: Filters): { state: PanelState; reload: () => void } {
  const shared = useContext(DashboardDataContext);
  const fromDashboard = shared && shared.dashboardId === dashboardId ? shared : null;
  const own = useOwnPanelData(fromDashboard ? null : { dashboardId, panelId, range, filters });
  const state = useSyncExternalStore(
    useCallback((l: () => void) => (fromDashboard ? fromDashboard.subscribe(panelId, l) : noop()), [fromDashboard, panelId]),
    () => (fromDashboard ? fromDashboard.get(panelId) : own.state),
  );
  const reload = useCallback(() => (fromDashboard ? fromDashboard.reload(panelId) : own.reload()), [fromDashboard, panelId, own]);
  return { state, reload };
}

/** A panel outside a dashboard page asks the single-panel route itself; `null` does nothing. */
function useOwnPanelData(ask: { dashboardId: string; panelId: string; range: TimeRange; filters: Filters } | null): { state: PanelState; reload: () => void } {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = ask ? JSON.stringify([ask.dashboardId, ask.panelId, ask.range.from, ask.range.to, ask.filters]) : '';
  useEffect(() => {
    if (!key) return;
    const [dashboardId, panelId, from, to, filters] = JSON.parse(key) as [string, string, number, number, Filters];
    const ac = new AbortController();
    setState({ status: 'loading' });
    api<PanelResult>(
      'POST',
      `/api/dashboards/${encodeURIComponent(dashboardId)}/panels/${encodeURIComponent(panelId)}/run`,
      { from: new Date(from).toISOString(), to: new Date(to).toISOString(), filters, tzOffsetMinutes: zoneOffsetMinutes(to) },
      { signal: ac.signal },
    ).then(
      (data) => setState({ status: 'ok', data }),
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setState({ status: 'error', message: e instanceof ApiError ? e.message : String(e) });
      },
    );
    return () => ac.abort();
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, reload };
}
