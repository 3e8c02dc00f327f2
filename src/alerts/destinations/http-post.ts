/** One HTTP POST for the web-hook style destinations, with failures classified for the retry policy. */
import { deliveryFailure } from '../delivery-failure.js';
import { DeliveryError } from '../errors.js';
import { visible } from '../text-safety.js';
import type { SendContext, SendResult } from './destination.js';

/** Parse `Retry-After` (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** POST `body` to `url`. Messages name the host only: paths of web-hook URLs are secrets (Slack, Teams). */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  ctx: SendContext,
  timeoutMs: number,
): Promise<SendResult> {
  const host = new URL(url).host;
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': `mailsift/${ctx.version}`, ...headers },
      body,
      redirect: 'manual',
      signal,
    });
  } catch (cause) {
    const failure =
      cause instanceof Error && cause.name === 'TimeoutError'
        ? deliveryFailure('post-timeout', { host, ms: timeoutMs })
        : deliveryFailure('post-network', { host, detail: networkReason(cause) });
    throw new DeliveryError(failure, { retryable: true, cause });
  }
  const text = await readSome(response);
  const status = response.status;
  if (status >= 200 && status < 300) return { detail: `HTTP ${status}` };
  if (status >= 300 && status < 400)
    throw new DeliveryError(deliveryFailure('http-redirect', { host, status }), { retryable: false, status });
  // A 4xx other than 429 means the request itself is wrong: sending it again will not help.
  const retryable = status === 429 || status >= 500;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), ctx.now());
  throw new DeliveryError(deliveryFailure('http-status', { host, status, body: text ? visible(text, 120) : '' }), {
    retryable,
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

async function readSome(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 500);
  } catch {
    return '';
  }
}

function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
  if (inner?.code) return inner.code;
  // undici wraps the reason: "fetch failed" with the cause (e.g. "bad port") inside.
  if (inner?.message) return inner.message;
  return cause instanceof Error ? cause.message : String(cause);
}
