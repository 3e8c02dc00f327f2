/** Small HTTP helpers of the collectors: fetch with a timeout, backoff with jitter, Retry-After, one-line errors. */

/** `fetch` (undici, built into Node) that gives up after `timeoutMs` or when `signal` aborts. */
export function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  return fetch(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
}

/** Whether `e` comes from the caller's own `signal` (a stop), as opposed to a timeout or a network fault. */
export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true && (e === signal.reason || (e instanceof Error && e.name === 'AbortError'));
}

/** Exponential backoff with full jitter: about 1 s, 2 s, 4 s ... at most 60 s. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1000 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The first line of an error (with its cause, for fetch's "fetch failed"), cut to 200 characters. */
export function oneLine(e: unknown): string {
  let text = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause === 'object') text += ` (${String(cause.code ?? cause.message ?? '')})`;
  if (e instanceof Error && e.name === 'TimeoutError') text = 'timed out';
  const line = text.split(/\r?\n/)[0]!.trim();
  return line.length > 200 ? line.slice(0, 200) + '...' : line;
}
