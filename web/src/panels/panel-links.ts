// Links a panel menu offers: the Explorer with the panel's KQL, and the CSV export of the panel.
import { linkRunKey } from '../explorer/link-run';
import { currentTimeZone } from '../format';
import type { Filters, TimeRange } from '../url-state';
import { FILTER_NAMES } from '../url-state';

/** The Explorer with `kql` and the view's time range, ready to run (this tab's key: it runs without asking). */
export function explorerHref(kql: string, rangeQuery: string): string {
  const q = new URLSearchParams(rangeQuery.replace(/^\?/, ''));
  q.set('q', kql);
  q.set('run', linkRunKey());
  return `/explorer?${q.toString()}`;
}

/** The server-side CSV export of a panel (same filters and range as on screen). */
export function panelCsvHref(dashboardId: string, panelId: string, range: TimeRange, filters: Filters): string {
  const q = new URLSearchParams({
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    timeZone: currentTimeZone(),
  });
  for (const n of FILTER_NAMES) for (const v of filters[n] ?? []) q.append(n, v);
  return `/api/dashboards/${encodeURIComponent(dashboardId)}/panels/${encodeURIComponent(panelId)}/export?${q.toString()}`;
}

/** Save a data URL (a chart PNG) as a file. */
export function downloadDataUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
