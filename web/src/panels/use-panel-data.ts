// Loads one panel's data for the current time range and filters; each panel loads on its own, all in parallel.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { zoneOffsetMinutes } from '../format';
import type { PanelResult } from '../types';
import type { Filters, TimeRange } from '../url-state';

export type PanelState = { status: 'loading' } | { status: 'ok'; data: PanelResult } | { status: 'error'; message: string };

/** The panel's state; `reload` asks again. */
export function usePanelData(dashboardId: string, panelId: string, range: TimeRange, filters: Filters): { state: PanelState; reload: () => void } {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'loading' });
    api<PanelResult>(
      'POST',
      `/api/dashboards/${encodeURIComponent(dashboardId)}/panels/${encodeURIComponent(panelId)}/run`,
      { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), filters: JSON.parse(filterKey) as Filters, tzOffsetMinutes: zoneOffsetMinutes(range.to) },
      { signal: ac.signal },
    ).then(
      (data) => setState({ status: 'ok', data }),
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setState({ status: 'error', message: e instanceof ApiError ? e.message : String(e) });
      },
    );
    return () => ac.abort();
  }, [dashboardId, panelId, range.from, range.to, filterKey, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, reload };
}
