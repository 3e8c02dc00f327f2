/** What each threat-intel feed last did (sync or connection test), kept in the store for the web app's Settings. */
import type { Store } from '../store/index.js';
import { readFeed, type AutoFeedConfig } from './read-feed.js';
import type { FeedConfig } from './types.js';
import { isFeedFailureCode, type FeedFailureCode, type FeedFailureJson } from './feed-failure.js';

/** The observable state of one feed. Times are ISO 8601; messages never hold a header value or a URL's query. */
export interface FeedStatus {
  name: string;
  lastSuccessAt: string | null;
  /** Indicators the last successful sync stored. */
  indicators: number;
  /** `message` is the English text; `code` and `params` (feed-failure.ts) give it in the reader's language. */
  lastError: { message: string; at: string; code?: string; params?: FeedFailureJson['params'] } | null;
}

/** The outcome of a feed's connection test: a full read, nothing stored. */
export interface FeedTest {
  name: string;
  ok: boolean;
  at: string;
  indicators: number;
  skipped: number;
  detail: string;
  /** Why it failed, as code and parameters (feed-failure.ts); `detail` is its English text. */
  failure?: FeedFailureJson;
}

const statusKey = (name: string) => `intel:status:${name}`;

/** `text` without the values of the feed's headers (API keys) and the query and password of its URL. */
function redact(text: string, config: Pick<FeedConfig, 'url' | 'headers'>): string {
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

/** One line of an error, without the values of the feed's headers (API keys) and the query of its URL. */
export function feedErrorText(error: unknown, config: Pick<FeedConfig, 'url' | 'headers'>): string {
  return redact((error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0]!, config);
}

const KIND_BY_ERROR: Record<string, FeedFailureCode> = {
  INTEL_FEED_CONFIG: 'config',
  INTEL_FEED_FETCH: 'fetch',
  INTEL_FEED_AUTH: 'auth',
  INTEL_FEED_RATE_LIMIT: 'rate-limit',
  INTEL_FEED_FORMAT: 'format',
};

/**
 * The failure of `error` as code and parameters, redacted like feedErrorText: the error's own failure, else its kind
 * with the English message as `detail`.
 */
export function feedFailureOf(error: unknown, feed: object): FeedFailureJson {
  const config = feed as Pick<FeedConfig, 'url' | 'headers'>;
  const own = (error as { failure?: FeedFailureJson } | null)?.failure;
  if (own && isFeedFailureCode(own.code)) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(own.params ?? {})) params[k] = typeof v === 'string' ? redact(v.split(/\r?\n/)[0]!, config) : v;
    return { code: own.code, params };
  }
  const code = KIND_BY_ERROR[String((error as { code?: unknown } | null)?.code)] ?? 'other';
  return { code, params: { detail: feedErrorText(error, config) } };
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
  outcome: { ok: true; indicators: number; at: number } | { ok: false; message: string; failure?: FeedFailureJson; at: number },
): Promise<void> {
  const [old] = await feedStatus(store, [name]);
  const at = new Date(outcome.at).toISOString();
  const next: FeedStatus = outcome.ok
    ? { ...old!, lastSuccessAt: at, indicators: outcome.indicators }
    : {
        ...old!,
        lastError: {
          message: outcome.message,
          at,
          ...(outcome.failure ? { code: outcome.failure.code, params: outcome.failure.params ?? {} } : {}),
        },
      };
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
    const failure = feedFailureOf(error, config);
    return { name: config.name, ok: false, at, indicators: 0, skipped: 0, detail: feedErrorText(error, config), failure };
  }
}
