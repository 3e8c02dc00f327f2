// The time range and filter chips, kept in the URL so a view can be bookmarked and shared.
import { useCallback, useSyncExternalStore } from 'react';

// One list of filter names for the server and the app.
export { FILTER_NAMES, type FilterName, type Filters } from '../../src/schema/filter-names';
import { FILTER_NAMES, type FilterName, type Filters } from '../../src/schema/filter-names';

export type RangeKey = '1h' | '24h' | '7d' | '30d' | '90d' | 'thisMonth' | 'lastMonth' | 'custom';
type PresetKey = Exclude<RangeKey, 'custom'>;
const RANGE_MS: Record<Exclude<PresetKey, 'thisMonth' | 'lastMonth'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};
const PRESETS: readonly PresetKey[] = ['1h', '24h', '7d', '30d', '90d', 'thisMonth', 'lastMonth'];

/** The span of a preset ending at `end`: a length back from it, or a calendar month in the viewer's zone. */
export function presetRange(key: PresetKey, end: number): { from: number; to: number } {
  const d = new Date(end);
  if (key === 'thisMonth') return { from: new Date(d.getFullYear(), d.getMonth(), 1).getTime(), to: end };
  if (key === 'lastMonth')
    return { from: new Date(d.getFullYear(), d.getMonth() - 1, 1).getTime(), to: new Date(d.getFullYear(), d.getMonth(), 1).getTime() };
  return { from: end - RANGE_MS[key], to: end };
}

/** Auto-refresh intervals a view can ask for (`refresh=5m` in the URL). */
export const REFRESH_MS = { '1m': 60_000, '5m': 300_000, '15m': 900_000 } as const;
export type RefreshKey = keyof typeof REFRESH_MS;

/** The auto-refresh interval of a query string, or null (off). */
export function readRefresh(search: string): RefreshKey | null {
  const v = new URLSearchParams(search).get('refresh');
  return v !== null && v in REFRESH_MS ? (v as RefreshKey) : null;
}

/** Whether the view is on a wall display (`wall=1`): no navigation chrome, large type, refreshing itself. */
export function readWall(search: string): boolean {
  return new URLSearchParams(search).get('wall') === '1';
}

/** The parameters that belong to the screen rather than to what it shows (they follow the user from page to page). */
export function screenParams(search: string): string {
  const q = new URLSearchParams();
  const refresh = readRefresh(search);
  if (refresh) q.set('refresh', refresh);
  if (readWall(search)) q.set('wall', '1');
  return q.toString();
}

/** Change parameters of the current URL in place (no history entry): settings of the screen, not a new view. */
function replaceParams(path: string, change: (q: URLSearchParams) => void): void {
  const q = new URLSearchParams(location.search);
  change(q);
  const s = q.toString();
  navigate(path + (s ? `?${s}` : ''), true);
}

/** The view's time range: a preset relative to now, or a custom span. */
export interface TimeRange {
  key: RangeKey;
  from: number;
  to: number;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Go to a path inside the app (pushes history, no reload). */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  if (!replace) window.scrollTo(0, 0);
}

/** The current location as React state. */
export function useLocation(): { path: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const i = href.indexOf('?');
  return { path: i < 0 ? href : href.slice(0, i), search: i < 0 ? '' : href.slice(i) };
}

// Presets are relative to now, rounded to the minute so every panel of a page asks for the same span.
function nowMinute(): number {
  return Math.floor(Date.now() / 60_000) * 60_000;
}

/** Time range and filters from a query string. */
export function readViewState(search: string): { range: TimeRange; filters: Filters } {
  const q = new URLSearchParams(search);
  const key = (q.get('range') ?? '7d') as RangeKey;
  let range: TimeRange;
  const from = Date.parse(q.get('from') ?? '');
  const to = Date.parse(q.get('to') ?? '');
  if (key === 'custom' && !Number.isNaN(from) && !Number.isNaN(to) && from < to) range = { key, from, to };
  else {
    const k = PRESETS.includes(key as PresetKey) ? (key as PresetKey) : '7d';
    range = { key: k, ...presetRange(k, nowMinute()) };
  }
  const filters: Filters = {};
  for (const n of FILTER_NAMES) {
    const values = q.getAll(n).filter(Boolean);
    if (values.length) filters[n] = values;
  }
  return { range, filters };
}

/** The query string of a view state (keeps other parameters of `search`, such as the Explorer's query). */
export function writeViewState(search: string, range: TimeRange, filters: Filters): string {
  const q = new URLSearchParams(search);
  for (const k of ['range', 'from', 'to', ...FILTER_NAMES]) q.delete(k);
  // `refresh` stays where it is: it belongs to the viewer's screen, not to what is shown.
  q.set('range', range.key);
  if (range.key === 'custom') {
    q.set('from', new Date(range.from).toISOString());
    q.set('to', new Date(range.to).toISOString());
  }
  for (const n of FILTER_NAMES) for (const v of filters[n] ?? []) q.append(n, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The view state of the current URL, and setters that update the URL. */
export function useViewState(): {
  range: TimeRange;
  filters: Filters;
  setRange(range: TimeRange): void;
  setFilters(filters: Filters): void;
  addFilter(name: FilterName, value: string): void;
  viewQuery: string;
  refresh: RefreshKey | null;
  setRefresh(refresh: RefreshKey | null): void;
  wall: boolean;
  /** Enter or leave wall display; entering turns auto-refresh on (5 min) unless it is set. */
  setWall(wall: boolean): void;
} {
  const { path, search } = useLocation();
  const { range, filters } = readViewState(search);
  const setRange = useCallback(
    (r: TimeRange) => navigate(path + writeViewState(location.search, r, readViewState(location.search).filters)),
    [path],
  );
  const setFilters = useCallback(
    (f: Filters) => navigate(path + writeViewState(location.search, readViewState(location.search).range, f)),
    [path],
  );
  const addFilter = useCallback(
    (name: FilterName, value: string) => {
      const cur = readViewState(location.search);
      const values = cur.filters[name] ?? [];
      if (values.includes(value)) return;
      navigate(path + writeViewState(location.search, cur.range, { ...cur.filters, [name]: [...values, value] }));
    },
    [path],
  );
  const setRefresh = useCallback(
    (r: RefreshKey | null) =>
      replaceParams(path, (q) => {
        if (r) q.set('refresh', r);
        else q.delete('refresh');
      }),
    [path],
  );
  const setWall = useCallback(
    (on: boolean) =>
      replaceParams(path, (q) => {
        if (!on) return q.delete('wall');
        q.set('wall', '1');
        if (!readRefresh(q.toString())) q.set('refresh', '5m');
      }),
    [path],
  );
  return {
    range,
    filters,
    setRange,
    setFilters,
    addFilter,
    viewQuery: writeViewState('', range, filters),
    refresh: readRefresh(search),
    setRefresh,
    wall: readWall(search),
    setWall,
  };
}
