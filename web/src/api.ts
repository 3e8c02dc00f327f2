// Calls to the mailsift API: the session cookie goes along by itself; state-changing calls carry the CSRF token.
import { strings } from './strings';

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
  stats: { elapsedMs: number; rows: number; truncated: boolean; truncatedBy?: 'rows' | 'bytes'; rowLimit?: number };
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
    /** The exact mistake (a KQL reason such as `unknown-column`, or an API reason) and the values its text names. */
    readonly reason?: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

let csrf: string | undefined;

/** Remember the CSRF token of the session (from sign-in or /api/auth/me). */
export function setCsrf(token: string | undefined): void {
  csrf = token;
}

/** The session's CSRF token, for requests not sent through api() (uploads with progress). */
export function csrfToken(): string | undefined {
  return csrf;
}

/** Where the app goes when the session has ended. */
export function goToSignIn(): void {
  if (location.pathname === '/signin') return;
  const back = location.pathname + location.search;
  location.assign(`/signin?returnTo=${encodeURIComponent(back)}`);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Send a request with the session's cookie and CSRF token; a network failure is an ApiError, a 401 goes to sign-in. */
async function send(
  method: Method,
  path: string,
  body: unknown,
  accept: string,
  options: { signal?: AbortSignal; noRedirect?: boolean },
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', strings.errors.network);
  }
  if (res.status === 401 && !options.noRedirect) goToSignIn();
  return res;
}

/** The ApiError of an error answer (its JSON body `{error: {code, message, ...}}` when it has one). */
function errorOf(res: Response, data: unknown): ApiError {
  const e = (
    data as
      | {
          error?: {
            code: string;
            message: string;
            line?: number;
            column?: number;
            reason?: string;
            params?: Record<string, string | number>;
          };
        }
      | undefined
  )?.error;
  return new ApiError(
    res.status,
    e?.code ?? 'HTTP',
    e?.message ?? `HTTP ${res.status}`,
    e?.line,
    e?.column,
    Number(res.headers.get('retry-after')) || undefined,
    e?.reason,
    e?.params,
  );
}

/** Call the API; JSON in, JSON out; throws ApiError. */
export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: { signal?: AbortSignal; noRedirect?: boolean } = {},
): Promise<T> {
  const res = await send(method, path, body, 'application/json', options);
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw errorOf(res, data);
  return data as T;
}

/**
 * POST and read an NDJSON answer line by line as it arrives; `onLine` gets each parsed line. Resolves when
 * the answer ends; throws ApiError for an error answer (and sends a signed-out user to sign in).
 */
export async function apiStream(
  path: string,
  body: unknown,
  onLine: (line: unknown) => void,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const res = await send('POST', path, body, 'application/x-ndjson', options);
  if (!res.ok || !res.body) throw errorOf(res, await res.json().catch(() => undefined));
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
    throw new ApiError(0, 'NETWORK', strings.errors.brokeOff);
  }
  if (rest.trim()) onLine(JSON.parse(rest));
}
