// A first visit asks at once, side by side, for what its page needs, instead of one request after the other as the
// app and then the page draw themselves: who is signed in and, on a dashboard's page, the dashboard and up to when
// the data is settled (which the charts mark); once the first two are in, its panels' answers (the very request the
// page makes when it is drawn, 200-300 ms later). The app and the page take these over instead of asking again.
import { api, setCsrf, type Me } from '../api';
import { freshnessFor } from '../freshness';
import { dashboardAt } from '../saved/saved-api';
import { readViewState } from '../url-state';
import { loadAhead } from './dashboard-data';

const askMe = (): Promise<Me | null> =>
  api<Me>('GET', '/api/auth/me', undefined, { noRedirect: true }).then(
    (me) => {
      setCsrf(me.csrf);
      return me;
    },
    () => null,
  );

let me: Promise<Me | null> | undefined;
let early: { id: string; definition?: Promise<{ panels: readonly { id: string }[] }> } | undefined;

/**
 * Start asking, for the page at `path` and `search` (before the app's first render). Settles when everything asked
 * ahead has left: on a dashboard's page, once its panels have been asked for (or cannot be).
 */
export function startHeadStart(path: string, search: string): Promise<void> {
  me = askMe();
  const id = dashboardAt(path, null);
  if (id === undefined) return Promise.resolve();
  const definition = api<{ panels: readonly { id: string }[] }>('GET', `/api/dashboards/${encodeURIComponent(id)}`, undefined, {
    noRedirect: true,
  });
  early = { id, definition };
  const { range, filters } = readViewState(search);
  // Its answer comes long before the panels', so each chart is drawn once, with the settling part marked.
  void freshnessFor(range);
  // Handled before the page's own handler of the same answer, so the data is asked for before the page is drawn.
  return Promise.all([me, definition]).then(
    ([who, d]) => {
      if (who) loadAhead(id, d.panels.map((p) => p.id).sort(), range, filters);
    },
    () => undefined,
  );
}

/** Who is signed in (null: no one): the answer asked at the start, once; later, asked anew. */
export function signedIn(): Promise<Me | null> {
  const asked = me ?? askMe();
  me = undefined;
  return asked;
}

/** The definition of dashboard `id` asked at the start, once (undefined: ask for it). */
export function takeDefinition<T>(id: string): Promise<T> | undefined {
  if (early?.id !== id || !early.definition) return undefined;
  const d = early.definition;
  early.definition = undefined;
  return d as Promise<T>;
}
