// The data of a dashboard's panels: one streamed request for all of them, each panel drawn as its answer arrives.
import { createContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { errorText } from '../error-text';
import { api, apiStream, ApiError } from '../api';
import { linkRunKey } from '../explorer/link-run';
import { currentTimeZone } from '../format';
import { strings } from '../strings';
import type { PanelResult } from '../types';
import type { Filters, TimeRange } from '../url-state';

/**
 * `loading` may carry the data of the previous answer, drawn dimmed until the new one is in (a chart is
 * updated, not rebuilt); `refreshing`: auto-refresh is asking again, the panel keeps showing what it has.
 */
export type PanelState =
  | { status: 'loading'; data?: PanelResult }
  | { status: 'ok'; data: PanelResult; refreshing?: boolean }
  | { status: 'error'; message: string };

const LOADING: PanelState = { status: 'loading' };

/** One line of POST /api/dashboards/:id/run. */
interface PanelLine {
  panel: string;
  data?: PanelResult;
  status?: number;
  error?: {
    code?: string;
    message: string;
    line?: number;
    column?: number;
    reason?: string;
    params?: Record<string, string | number>;
  };
}

/** What the panels ask for, in the API's terms. */
function requestBody(range: TimeRange, filters: Filters) {
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    filters,
    timeZone: currentTimeZone(),
  };
}

/** Panel states of one dashboard view, with a listener per panel so an answer redraws only its own panel. */
export class DashboardData {
  private states = new Map<string, PanelState>();
  private listeners = new Map<string, Set<() => void>>();
  private current: AbortController | null = null;
  private body: ReturnType<typeof requestBody> | null = null;
  /** The time range of the last load, which its answers are for. */
  private range: { from: number; to: number } | null = null;
  /** The panels and body of the request running or answered (not cancelled). */
  private asked = '';

  constructor(readonly dashboardId: string) {}

  /** The state of one panel (stable between changes, as useSyncExternalStore wants). */
  get(panelId: string): PanelState {
    return this.states.get(panelId) ?? LOADING;
  }

  /** Be told when one panel's state changes. */
  subscribe(panelId: string, listener: () => void): () => void {
    let set = this.listeners.get(panelId);
    if (!set) this.listeners.set(panelId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private set(panelId: string, state: PanelState): void {
    this.states.set(panelId, state);
    this.listeners.get(panelId)?.forEach((l) => l());
  }

  /**
   * Ask for every panel with this range and filters; a request still running is cancelled (the server stops
   * its queries). `keep` (auto-refresh) leaves the panels showing their data until the new answer is in.
   */
  load(panelIds: readonly string[], range: TimeRange, filters: Filters, keep = false): void {
    const body = requestBody(range, filters);
    // The same panels, range and filters asked already (the head start's request, taken over by the page): go on.
    const asked = JSON.stringify([panelIds, body]);
    if (!keep && asked === this.asked && this.current && !this.current.signal.aborted) return;
    this.asked = asked;
    this.current?.abort();
    const ac = new AbortController();
    this.current = ac;
    this.body = body;
    // The range its answers are for (a chart is drawn on it).
    const answersFor = { from: range.from, to: range.to };
    this.range = answersFor;
    const waiting = new Set(panelIds);
    for (const id of panelIds) {
      const s = this.get(id);
      if (s.status === 'ok') this.set(id, keep ? { ...s, refreshing: true } : { status: 'loading', data: s.data });
      else if (s.status === 'error') this.set(id, LOADING);
    }
    const apiErrorOf = (status: number, e: NonNullable<PanelLine['error']>) =>
      new ApiError(status, e.code ?? 'HTTP', e.message, e.line, e.column, undefined, e.reason, e.params);
    const onLine = (raw: unknown) => {
      if (ac.signal.aborted) return;
      const line = raw as PanelLine;
      if (!waiting.delete(line.panel)) return;
      this.set(
        line.panel,
        line.data
          ? { status: 'ok', data: { ...line.data, range: answersFor } }
          : {
              status: 'error',
              message: line.error ? errorText(apiErrorOf(line.status ?? 500, line.error)) : strings.errors.generic,
            },
      );
    };
    const answered = apiStream(`/api/dashboards/${encodeURIComponent(this.dashboardId)}/run`, { ...body, panels: panelIds }, onLine, {
      signal: ac.signal,
    });
    // The panels' "Open in Explorer" links carry this tab's key; its first read of sessionStorage blocks for up to
    // 150 ms in a new tab: done while the server works, not while the answers are drawn.
    setTimeout(linkRunKey, 0);
    answered.then(
      () => {
        for (const id of waiting) this.set(id, { status: 'error', message: strings.errors.generic });
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        for (const id of waiting) this.set(id, { status: 'error', message: errorText(e) });
      },
    );
  }

  /** Ask again for one panel (its retry button), with the range and filters of the last load. */
  reload(panelId: string): void {
    if (!this.body || !this.range) return;
    const range = this.range;
    const s = this.get(panelId);
    this.set(panelId, s.status === 'error' ? LOADING : { status: 'loading', data: s.data });
    const signal = this.current?.signal;
    api<PanelResult>(
      'POST',
      `/api/dashboards/${encodeURIComponent(this.dashboardId)}/panels/${encodeURIComponent(panelId)}/run`,
      this.body,
      { signal },
    ).then(
      (data) => this.set(panelId, { status: 'ok', data: { ...data, range } }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') this.set(panelId, { status: 'error', message: errorText(e) });
      },
    );
  }

  /** Stop whatever is running (the page is going away). */
  close(): void {
    this.current?.abort();
  }
}

export const DashboardDataContext = createContext<DashboardData | null>(null);

/** A dashboard's data asked for before its page was drawn (head-start.ts), until the page takes it over. */
let ahead: DashboardData | undefined;

/** Ask for the panels of dashboard `id` before its page is drawn: its DashboardDataProvider takes the request over. */
export function loadAhead(id: string, panelIds: readonly string[], range: TimeRange, filters: Filters): void {
  ahead?.close();
  ahead = new DashboardData(id);
  ahead.load(panelIds, range, filters);
}

/** The data asked ahead for dashboard `id`, once; asked for another, it is cancelled. */
function takeAhead(id: string): DashboardData | undefined {
  const taken = ahead;
  ahead = undefined;
  if (taken?.dashboardId === id) return taken;
  taken?.close();
  return undefined;
}

/**
 * Loads all `panelIds` of the dashboard whenever the range or filters change, and again at each `refreshTick`
 * (auto-refresh: panels keep their data until the new answer is in).
 */
export function DashboardDataProvider({
  dashboardId,
  panelIds,
  range,
  filters,
  refreshTick,
  children,
}: {
  dashboardId: string;
  panelIds: readonly string[];
  range: TimeRange;
  filters: Filters;
  refreshTick: number;
  children: ReactNode;
}) {
  const data = useMemo(() => takeAhead(dashboardId) ?? new DashboardData(dashboardId), [dashboardId]);
  const idsKey = panelIds.join('\n');
  const filterKey = JSON.stringify(filters);
  const lastTick = useRef(refreshTick);
  useEffect(() => () => data.close(), [data]);
  // A layout effect: the request leaves before the panels' own effects (drawing charts) run.
  useLayoutEffect(() => {
    // A tick of auto-refresh (a preset range moves with it) keeps the panels drawn; anything else shows loading.
    const keep = lastTick.current !== refreshTick;
    lastTick.current = refreshTick;
    data.load(idsKey.split('\n'), range, JSON.parse(filterKey) as Filters, keep);
  }, [data, idsKey, range.from, range.to, filterKey, refreshTick]); // eslint-disable-line react-hooks/exhaustive-deps
  return <DashboardDataContext.Provider value={data}>{children}</DashboardDataContext.Provider>;
}
