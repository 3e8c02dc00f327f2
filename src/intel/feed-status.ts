/** What each threat-intel feed last did (sync or connection test), kept in the store for the web app's Settings. */
import type { Store } from '../store/index.js';
import { readFeed, type AutoFeedConfig } from './read-feed.js';
import type { FeedConfig } from './types.js';

/** The observable state of one feed. Times are ISO 8601; messages never hold a header value or a URL's query. */
export interface FeedStatus {
  name: string;
  lastSuccessAt: string | null;
  /** Indicators the last successful sync stored. */
  indicators: number;
  lastError: { message: string; at: string } | null;
}

/** The outcome of a feed's connection test: a full read, nothing stored. */
export interface FeedTest {
  name: string;
  ok: boolean;
  at: string;
  indicators: number;
  skipped: number;
  detail: string;
}

const statusKey = (name: string) => `intel:status:${name}`;

/** One line of an error, without the values of the feed's headers (API keys) and the query of its URL. */
export function feedErrorText(error: unknown, config: Pick<FeedConfig, 'url' | 'headers'>): string {
  let text = (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0]!;
  const secrets = [...Object.values(config.headers ?? {})];
  if (config.url) {
    try {
      const u = new URL(config.url);
      if (u.search.length > 1) secrets.push(u.search.slice(1));
      if (u.password) secrets.push(u.password);
    } catch {
      // not a URL
    }
  }
  for (const s of secrets.filter((x) => x.length >= 4)) text = text.split(s).join('***');
  return text;
}

/** The recorded status of each of `names` (never synced: empty). */
export async function feedStatus(store: Pick<Store, 'getState'>, names: readonly string[]): Promise<FeedStatus[]> {
  return Promise.all(
    names.map(async (name) => {
      const v = (await store.getState(statusKey(name)))?.value as Partial<FeedStatus> | undefined;
      return { name, lastSuccessAt: v?.lastSuccessAt ?? null, indicators: v?.indicators ?? 0, lastError: v?.lastError ?? null };
    }),
  );
}

/** Record how a sync of the feed `name` went. */
export async function recordFeedSync(
  store: Pick<Store, 'getState' | 'setState'>,
  name: string,
  outcome: { ok: true; indicators: number; at: number } | { ok: false; message: string; at: number },
): Promise<void> {
  const [old] = await feedStatus(store, [name]);
  const at = new Date(outcome.at).toISOString();
  const next: FeedStatus = outcome.ok
    ? { ...old!, lastSuccessAt: at, indicators: outcome.indicators }
    : { ...old!, lastError: { message: outcome.message, at } };
  await store.setState(statusKey(name), next);
}

/** Read the feed once, as a sync would, without storing anything. */
export async function testFeedConnection(config: FeedConfig | AutoFeedConfig, now = Date.now()): Promise<FeedTest> {
  const at = new Date(now).toISOString();
  try {
    const r = await readFeed(config);
    return {
      name: config.name,
      ok: true,
      at,
      indicators: r.indicators.length,
      skipped: r.skipped.length,
      detail: `read ${r.indicators.length} indicators (${r.skipped.length} skipped)`,
    };
  } catch (error) {
    return { name: config.name, ok: false, at, indicators: 0, skipped: 0, detail: feedErrorText(error, config) };
  }
}
