/**
 * Fetch that follows redirects itself, so that a feed's configured headers (API keys, Authorization) never
 * reach an origin other than the one they were configured for.
 */
import { FeedConfigError, FeedFetchError } from './errors.js';
import { feedFailure } from './feed-failure.js';

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One request as `fetchFollowing` makes it. */
export interface FollowOptions {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The URL as configured, for messages (no credentials or query). */
  shown: string;
}

/** Only http(s): a feed URL or redirect naming file:, data: or anything else is refused. */
export function checkScheme(url: URL, shown: string, redirectFrom = false): void {
  if (url.protocol === 'http:' || url.protocol === 'https:') return;
  throw new FeedConfigError(
    feedFailure(redirectFrom ? 'redirect-unsupported-scheme' : 'unsupported-scheme', { scheme: url.protocol, url: shown }),
  );
}

/**
 * GET/POST `url`, following up to MAX_REDIRECTS redirects. On a hop to another origin (scheme, host or
 * port) every configured header is dropped for the rest of the way, and a request body is never resent
 * there; 303 (and 301/302 of a POST) continue as a GET without the body, as browsers do.
 */
export async function fetchFollowing(url: URL, opts: FollowOptions): Promise<Response> {
  let current = url;
  let method = opts.method;
  let headers = opts.headers;
  let body = opts.body;
  for (let hop = 0; ; hop++) {
    const res = await fetch(current, { method, headers, body, redirect: 'manual', signal: opts.signal });
    if (!REDIRECTS.has(res.status)) return res;
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (!location)
      throw new FeedFetchError(feedFailure('redirect-no-location', { url: opts.shown, status: res.status }), { status: res.status });
    if (hop >= MAX_REDIRECTS) throw new FeedFetchError(feedFailure('too-many-redirects', { url: opts.shown, max: MAX_REDIRECTS }));
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new FeedFetchError(feedFailure('redirect-invalid-url', { url: opts.shown }));
    }
    checkScheme(next, opts.shown, true);
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    if (next.origin !== current.origin) {
      if (body !== undefined) throw new FeedFetchError(feedFailure('redirect-body-other-origin', { url: opts.shown, origin: next.origin }));
      headers = undefined;
    }
    current = next;
  }
}
