// Saved searches and the dashboards the server knows (built-in templates and those made in the app).
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { LocalText } from '../i18n';

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  description: string;
  owner: string;
  shared: boolean;
  mine: boolean;
  editable: boolean;
}

export interface DashboardSummary {
  id: string;
  title: LocalText;
  description: LocalText;
  builtIn: boolean;
  owner?: string;
  shared?: boolean;
  editable: boolean;
}

const CHANGED = 'mailsift:dashboards-changed';

/** Tell the navigation (and the dashboards page) that the list of dashboards changed. */
export function dashboardsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The page of a dashboard: built-ins keep their short paths (/overview), the others live under /dashboards/. */
export function dashboardPath(d: { id: string; builtIn: boolean }): string {
  return d.builtIn ? `/${d.id}` : `/dashboards/${encodeURIComponent(d.id)}`;
}

/** Paths of the app's own pages (their first segment): never a built-in dashboard's /<id>. */
const APP_PAGES = new Set(['dashboards', 'findings', 'explorer', 'settings', 'imports', 'message', 'signin']);

/**
 * The dashboard a path shows (dashboardPath the other way): /dashboards/<id>, or /<id> of a built-in one (while the
 * list of dashboards is loading, any /<id> that is not one of the app's pages).
 */
export function dashboardAt(path: string, dashboards: readonly DashboardSummary[] | null): string | undefined {
  if (path.startsWith('/dashboards/')) return decodeURIComponent(path.slice('/dashboards/'.length));
  const id = /^\/([a-z0-9-]+)$/.exec(path)?.[1];
  if (!id || APP_PAGES.has(id)) return undefined;
  if (dashboards === null) return id;
  return dashboards.some((d) => d.builtIn && d.id === id) ? id : undefined;
}

/**
 * The dashboards the signed-in user sees (null while loading), fetched again when they change. `user`: who is
 * signed in (nothing is asked while no one is); the list is asked again for another user.
 */
export function useDashboardList(user: string | null = ''): DashboardSummary[] | null {
  const [list, setList] = useState<DashboardSummary[] | null>(null);
  useEffect(() => {
    setList(null);
    if (user === null) return;
    let ask = new AbortController();
    const load = () => {
      ask.abort();
      ask = new AbortController();
      const signal = ask.signal;
      api<DashboardSummary[]>('GET', '/api/dashboards', undefined, { signal }).then(
        (l) => signal.aborted || setList(l),
        () => signal.aborted || setList((old) => old ?? []),
      );
    };
    load();
    window.addEventListener(CHANGED, load);
    return () => {
      ask.abort();
      window.removeEventListener(CHANGED, load);
    };
  }, [user]);
  return list;
}
