/**
 * HTTP for feeds, the one way every feed type fetches: timeouts, redirects followed without carrying the
 * configured headers to another origin, bounded retries on 429/503, errors mapped to the module's named errors.
 */
import { readFile } from 'node:fs/promises';
import { FeedAuthError, FeedConfigError, FeedFetchError, FeedFormatError, FeedRateLimitError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { checkScheme, fetchFollowing } from './follow-redirects.js';
import type { FeedConfigBase } from './types.js';

/** How one request is made. */
export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  /** Retries after 429/503 (default 3). */
  retries?: number;
  /** Longest wait honoured from Retry-After, in ms (default 60,000). */
  maxRetryWaitMs?: number;
}

/** URL without credentials or query, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Milliseconds to wait from Retry-After (seconds or HTTP date) or CrowdStrike's X-RateLimit-RetryAfter (epoch seconds). */
function retryWaitMs(res: Response, attempt: number): number {
  const after = res.headers.get('retry-after');
  if (after) {
    const secs = Number(after);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(after);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  // CrowdStrike: epoch seconds when the rate-limit window resets (Falcon API docs, "Rate limiting").
  const reset = Number(res.headers.get('x-ratelimit-retryafter'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return 1000 * 2 ** attempt;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Performs a request; 2xx answers are returned, anything else becomes a named error. */
export async function request(url: string, opts: RequestOptions = {}): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedConfigError(feedFailure('not-a-url', { url }));
  }
  checkScheme(parsed, redactUrl(url));
  const retries = opts.retries ?? 3;
  const maxWait = opts.maxRetryWaitMs ?? 60_000;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetchFollowing(parsed, {
        method: opts.method ?? 'GET',
        headers: opts.headers,
        body: opts.body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        shown: redactUrl(url),
      });
    } catch (err) {
      if (err instanceof FeedFetchError || err instanceof FeedConfigError) throw err;
      throw new FeedFetchError(feedFailure('unreachable', { url: redactUrl(url), detail: (err as Error).message }), { cause: err });
    }
    if (res.ok) return res;
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new FeedAuthError(feedFailure('credentials-refused', { url: redactUrl(url), status: res.status }));
    }
    if ((res.status === 429 || res.status === 503) && attempt < retries) {
      const wait = retryWaitMs(res, attempt);
      await res.body?.cancel();
      if (wait > maxWait)
        throw new FeedRateLimitError(
          feedFailure('rate-limit-wait', { url: redactUrl(url), seconds: Math.ceil(wait / 1000), status: res.status }),
        );
      await sleep(wait);
      continue;
    }
    const text = await res.text().catch(() => '');
    if (res.status === 429) throw new FeedRateLimitError(feedFailure('rate-limited', { url: redactUrl(url), retries }));
    throw new FeedFetchError(feedFailure('http-status', { url: redactUrl(url), status: res.status, body: text.slice(0, 200) }), {
      status: res.status,
    });
  }
}

/** Parses a response body as JSON, naming the URL when it is not. */
export async function responseJson(res: Response, url: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new FeedFormatError(feedFailure('not-json', { url: redactUrl(url) }), { cause: err });
  }
}

/** The text of a feed's `path` or `url`. */
export async function readSourceText(config: FeedConfigBase): Promise<string> {
  if (config.path !== undefined && config.url !== undefined)
    throw new FeedConfigError(feedFailure('path-and-url', { feed: config.name, other: 'url' }));
  if (config.path !== undefined) {
    try {
      return await readFile(config.path, 'utf8');
    } catch (err) {
      const detail = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new FeedFetchError(feedFailure('cannot-read-file', { feed: config.name, path: config.path, detail }), { cause: err });
    }
  }
  if (config.url !== undefined) {
    const res = await request(config.url, { headers: config.headers, timeoutMs: config.timeoutMs });
    return res.text();
  }
  throw new FeedConfigError(feedFailure('needs-path-or-url', { feed: config.name }));
}

/** Parses JSON text of a feed, with a one-line error naming the feed. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new FeedFormatError(feedFailure('invalid-json', { what, detail: (err as Error).message }), { cause: err });
  }
}
