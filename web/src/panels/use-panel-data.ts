// One panel's data for the current time range and filters, from its dashboard's streamed request.
import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { PanelResult } from '../types';
import { DashboardDataContext, type PanelState } from './dashboard-data';

export type { PanelState };

/** The data a panel draws: the answer, or while a new one is on its way the previous one. */
export function shownData(state: PanelState): PanelResult | undefined {
  return state.status === 'error' ? undefined : state.data;
}

/** What PanelFrame needs to know of the state. */
export function frameState(state: PanelState): { status: PanelState['status']; error?: string; stale: boolean; unfiltered: string[] } {
  return {
    unfiltered: state.status === 'error' ? [] : (state.data?.unfiltered ?? []),
    status: state.status,
    error: state.status === 'error' ? state.message : undefined,
    stale: state.status === 'loading' && state.data !== undefined,
  };
}

/** The panel's state (redrawn only when its own answer changes); `reload` asks again for this panel alone. */
export function usePanelData(dashboardId: string, panelId: string): { state: PanelState; reload: () => void } {
  const data = useContext(DashboardDataContext);
  if (!data || data.dashboardId !== dashboardId)
    throw new Error(`panel ${panelId} is drawn outside the DashboardDataProvider of ${dashboardId}`);
  const state = useSyncExternalStore(
    useCallback((listener: () => void) => data.subscribe(panelId, listener), [data, panelId]),
    () => data.get(panelId),
  );
  const reload = useCallback(() => data.reload(panelId), [data, panelId]);
  return { state, reload };
}
