// Calls to the mailsift API: the session cookie goes along by itself; state-changing calls carry the CSRF token.

export interface Me {
  user: string;
  role: 'viewer' | 'analyst' | 'admin';
  via: 'session' | 'token';
  csrf?: string;
}

export interface Column {
  name: string;
  type: string;
}

export interface QueryResult {
  columns: Column[];
  rows: unknown[][];
  stats: { elapsedMs: number; rows: number; truncated: boolean; rowLimit?: number };
  render?: { kind: string; props: Record<string, unknown> };
  message?: string;
}

/** An error answer of the API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

let csrf: string | undefined;

/** Remember the CSRF token of the session (from sign-in or /api/auth/me). */
export function setCsrf(token: string | undefined): void {
  csrf = token;
}

/** Where the app goes when the session has ended. */
export function goToSignIn(): void {
  if (location.pathname === '/signin') return;
  const back = location.pathname + location.search;
  location.assign(`/signin?returnTo=${encodeURIComponent(back)}`);
}

/** Call the API; JSON in, JSON out; throws ApiError. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: { signal?: AbortSignal; noRedirect?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'The server did not answer.');
  }
  if (res.status === 401 && !options.noRedirect) goToSignIn();
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; line?: number; column?: number } } | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP', e?.message ?? `HTTP ${res.status}`, e?.line, e?.column, Number(res.headers.get('retry-after')) || undefined);
  }
  return data as T;
}

/**
 * POST and read an NDJSON answer line by line as it arrives; `onLine` gets each parsed line. Resolves when
 * the answer ends; throws ApiError for an error answer (and sends a signed-out user to sign in).
 */
export async function apiStream(path: string, body: unknown, onLine: (line: unknown) => void, options: { signal?: AbortSignal } = {}): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/x-ndjson', 'content-type': 'application/json' };
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'The server did not answer.');
  }
  if (res.status === 401) goToSignIn();
  if (!res.ok || !res.body) {
    const data = (await res.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
    throw new ApiError(res.status, data?.error?.code ?? 'HTTP', data?.error?.message ?? `HTTP ${res.status}`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += value;
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        const line = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        if (line.trim()) onLine(JSON.parse(line));
      }
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'The connection to the server broke off.');
  }
  if (rest.trim()) onLine(JSON.parse(rest));
}
