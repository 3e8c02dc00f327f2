/**
 * GET requests to a Microsoft API under the tenant's request budget: token renewal and one retry on 401,
 * Retry-After on 429/503 (no request of the tenant goes out before it has passed), backoff with jitter on
 * other 5xx and dropped connections, and one-line errors for what retrying cannot fix.
 */
import type { Clock } from './clock.js';
import {
  CollectorAuthError,
  CollectorPermissionError,
  CollectorRequestError,
  CollectorResponseError,
  CollectorUnavailableError,
  redact,
} from './errors.js';
import { fetchWithTimeout, isAbort, oneLine, parseRetryAfter, retryDelay } from './http.js';
import type { RequestBudget, RequestPriority } from './request-budget.js';
import type { TokenProvider } from './token-provider.js';

/** How the service is named and what its refusals mean, for error messages. */
export interface ServiceDescription {
  /** e.g. "Microsoft Graph" */
  name: string;
  /** Said when a fresh token is still refused (401). */
  unauthorizedHint: string;
  /** Said on 403. */
  forbiddenHint: string;
  /** Headers every request carries (Graph: the Prefer header that brings evolvable enum members). */
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  service: ServiceDescription;
  tokens: TokenProvider;
  budget: RequestBudget;
  clock: Clock;
  timeoutMs: number;
  /** Give up after this many failed tries of one request (default 8). */
  maxAttempts?: number;
  /** Tries of a request answered 200 with an HTML page instead of JSON (default 3). */
  htmlAttempts?: number;
  /** A Retry-After longer than this fails the request instead of waiting (default 15 minutes). */
  maxRetryAfterMs?: number;
  random?: () => number;
}

/** One tenant's API connection; counts the requests it sends. */
export class ApiClient {
  /** Requests sent so far (every try, including retries). */
  requests = 0;

  constructor(private readonly o: ApiClientOptions) {}

  /** GET `url` and parse the JSON answer; `what` names the request in errors (e.g. the window). */
  async getJson(url: string, what: string, priority: RequestPriority, signal?: AbortSignal): Promise<unknown> {
    const { service, tokens, budget, clock } = this.o;
    const maxAttempts = this.o.maxAttempts ?? 8;
    const scrub = (s: string) => redact(s, tokens.secrets());
    let refreshed = false;
    let lastProblem = '';
    let htmlPages = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const token = await tokens.token(signal);
      await budget.acquire(priority, signal);
      this.requests++;
      let res: Response;
      let body: string;
      try {
        res = await fetchWithTimeout(
          url,
          { headers: { ...service.headers, authorization: `Bearer ${token}`, accept: 'application/json' } },
          this.o.timeoutMs,
          signal,
        );
        body = await res.text();
      } catch (e) {
        if (isAbort(e, signal)) throw e;
        lastProblem = `connection failed: ${scrub(oneLine(e))}`;
        await clock.sleep(retryDelay(attempt, this.o.random), signal);
        continue;
      }
      if (res.status === 200) {
        if (!isHtml(res, body)) return parseJson(res, body, service.name, what);
        // A 200 with an HTML page: a sign-in page or a proxy's error page, often for a moment mid-paging. Retry it
        // like other transient faults; when it persists, this window fails and the next pass tries it again.
        htmlPages++;
        const most = this.o.htmlAttempts ?? 3;
        if (htmlPages >= most) {
          throw new CollectorResponseError(
            `${service.name} answered ${what} with an HTML page instead of JSON ${most} times (a sign-in page or a proxy in between? check the URLs in the configuration); the next pass tries again`,
          );
        }
        lastProblem = 'an HTML page instead of JSON';
        await clock.sleep(retryDelay(htmlPages, this.o.random), signal);
        continue;
      }
      if (res.status === 401) {
        // An expired or revoked token: sign in again once; a fresh token refused too is a setup problem.
        if (!refreshed) {
          refreshed = true;
          tokens.invalidate(token);
          attempt--;
          continue;
        }
        throw new CollectorAuthError(`${service.name} refused a freshly issued token (401) for ${what}: ${service.unauthorizedHint}`);
      }
      if (res.status === 403)
        throw new CollectorPermissionError(
          `${service.name} denied access (403) for ${what}: ${service.forbiddenHint}${detail(body, scrub)}`,
        );
      if (res.status === 429 || res.status === 503) {
        const wait = parseRetryAfter(res.headers.get('retry-after'), clock.now());
        lastProblem = `${res.status === 429 ? 'throttled' : 'unavailable'} (${res.status})`;
        if (wait !== undefined) {
          budget.pauseUntil(clock.now() + wait);
          if (wait > (this.o.maxRetryAfterMs ?? 15 * 60_000)) {
            throw new CollectorUnavailableError(
              `${service.name} is ${lastProblem} for ${what} and asked to wait ${Math.round(wait / 60_000)} minutes; the next pass tries again`,
            );
          }
        } else {
          await clock.sleep(retryDelay(attempt, this.o.random), signal);
        }
        continue;
      }
      if (res.status >= 500) {
        lastProblem = `server error ${res.status}`;
        await clock.sleep(retryDelay(attempt, this.o.random), signal);
        continue;
      }
      throw new CollectorRequestError(`${service.name} rejected the request for ${what} (${res.status})${detail(body, scrub)}`);
    }
    throw new CollectorUnavailableError(
      `${service.name} failed ${maxAttempts} times for ${what}, last: ${lastProblem}; the next pass tries again`,
    );
  }
}

/** An HTML page (a sign-in page, a proxy) rather than the JSON asked for. */
function isHtml(res: Response, body: string): boolean {
  return /html/i.test(res.headers.get('content-type') ?? '') || /^\s*</.test(body);
}

/** JSON of a 200 answer; broken JSON is an error, not data. */
function parseJson(res: Response, body: string, service: string, what: string): unknown {
  const type = res.headers.get('content-type') ?? '';
  try {
    return JSON.parse(body);
  } catch {
    throw new CollectorResponseError(
      `${service} answered ${what} with ${body.length === 0 ? 'an empty body' : 'text that is not JSON'} (content type ${type || 'none'})`,
    );
  }
}

/** Microsoft's own error message from a JSON error body (Graph `error.message`, RWS `Message`), as a suffix. */
function detail(body: string, scrub: (s: string) => string): string {
  let message = '';
  try {
    const j = JSON.parse(body) as { error?: { code?: unknown; message?: unknown }; Message?: unknown; message?: unknown };
    const m = j.error?.message ?? j.Message ?? j.message;
    message = typeof m === 'string' ? m : '';
    if (!message && typeof j.error?.code === 'string') message = j.error.code;
  } catch {
    message = /^\s*</.test(body) ? '' : body;
  }
  message = oneLine(message.trim());
  return message ? `: ${scrub(message)}` : '';
}
