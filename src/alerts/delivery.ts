/** Sending one alert to one destination: retries with exponential backoff and jitter, Retry-After honoured, every attempt recorded. */
import { alertIn, type Alert } from './alert.js';
import type { ConfiguredDestination } from './alert-config.js';
import type { DeliveryLog } from './delivery-log.js';
import { deliveryFailure, type DeliveryFailureJson } from './delivery-failure.js';
import { DeliveryError } from './errors.js';
import { redact } from './redact.js';
import { visible } from './text-safety.js';

/** How a delivery ended. */
export interface DeliveryOutcome {
  destination: string;
  type: string;
  status: 'delivered' | 'failed';
  attempts: number;
  /** `HTTP 200` / `250 OK` on success; the reason of the last failure otherwise (in English). Never a secret. */
  detail: string;
  /** Why it failed, as a code and parameters each reader words in its language (redacted like `detail`). */
  failure?: DeliveryFailureJson;
}

/** What a delivery needs from its surroundings (clock, sleep and randomness are injected in tests). */
export interface DeliveryDeps {
  log: DeliveryLog;
  version: string;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  signal?: AbortSignal;
  /** First backoff delay (default 1 s); doubles each attempt. */
  baseDelayMs?: number;
  /** Longest backoff delay (default 60 s). */
  maxDelayMs?: number;
  /** A Retry-After longer than this (default 5 min) ends the delivery instead of blocking the scheduler. */
  maxRetryAfterMs?: number;
}

/** The wait before attempt `attempt + 1`: half the exponential delay, plus a random part of the other half. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, maxMs = 60_000): number {
  const full = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}

/** Deliver `alert` to `dest`, trying up to `dest.attempts` times. Never throws: the outcome says how it went. */
export async function deliver(original: Alert, dest: ConfiguredDestination, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  // A destination with a language of its own gets the alert's texts in that language.
  const alert = alertIn(original, dest.language);
  const secrets = safeSecrets(dest);
  // Redact before cutting: a secret cut in two by the length limit would no longer be found.
  const clean = (s: string) => visible(redact(s, secrets), 500);
  const title = visible(`${alert.title}: ${alert.sentence}`, 300);
  let detail = '';
  let failure: DeliveryFailureJson | undefined;
  for (let attempt = 1; attempt <= dest.attempts; attempt++) {
    const started = deps.now();
    try {
      const result = await dest.type.send(alert, dest.config, {
        version: deps.version,
        now: deps.now,
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      detail = clean(result.detail);
      await record(deps, { alert, dest, title, attempt, outcome: 'delivered', detail, durationMs: deps.now() - started });
      return { destination: dest.name, type: dest.type.type, status: 'delivered', attempts: attempt, detail };
    } catch (error) {
      const e =
        error instanceof DeliveryError
          ? error
          : new DeliveryError(deliveryFailure('other', { detail: error instanceof Error ? error.message : String(error) }), {
              retryable: false,
              cause: error,
            });
      failure = cleanFailure(e.failure, clean);
      detail = clean(e.message);
      let wait = e.retryAfterMs ?? backoffDelay(attempt, deps.random, deps.baseDelayMs, deps.maxDelayMs);
      let again = e.retryable && attempt < dest.attempts && !deps.signal?.aborted;
      if (again && e.retryAfterMs !== undefined && e.retryAfterMs > (deps.maxRetryAfterMs ?? 300_000)) {
        failure = { ...failure, retryAfterS: Math.round(e.retryAfterMs / 1000) };
        detail += ` (asked to retry after ${failure.retryAfterS} s: giving up for now)`;
        again = false;
      }
      await record(deps, {
        alert,
        dest,
        title,
        attempt,
        outcome: again ? 'retrying' : 'failed',
        detail,
        failure,
        durationMs: deps.now() - started,
        ...(e.status === undefined ? {} : { status: e.status }),
      });
      if (!again) return { destination: dest.name, type: dest.type.type, status: 'failed', attempts: attempt, detail, failure };
      wait = Math.max(0, wait);
      await deps.sleep(wait, deps.signal);
    }
  }
  return {
    destination: dest.name,
    type: dest.type.type,
    status: 'failed',
    attempts: dest.attempts,
    detail,
    ...(failure ? { failure } : {}),
  };
}

/** `f` with each text parameter cleaned as the detail is (secrets redacted, made visible, cut). */
function cleanFailure(f: DeliveryFailureJson, clean: (s: string) => string): DeliveryFailureJson {
  const params = Object.fromEntries(Object.entries(f.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v]));
  return { ...f, params };
}

function safeSecrets(dest: ConfiguredDestination): string[] {
  try {
    return dest.type.secrets(dest.config);
  } catch {
    return [];
  }
}

async function record(
  deps: DeliveryDeps,
  a: {
    alert: Alert;
    dest: ConfiguredDestination;
    title: string;
    attempt: number;
    outcome: 'delivered' | 'retrying' | 'failed';
    detail: string;
    failure?: DeliveryFailureJson;
    durationMs: number;
    status?: number;
  },
): Promise<void> {
  try {
    await deps.log.record({
      at: new Date(deps.now()).toISOString(),
      rule: a.alert.rule,
      alertId: a.alert.id,
      title: a.title,
      severity: a.alert.severity,
      destination: a.dest.name,
      type: a.dest.type.type,
      attempt: a.attempt,
      outcome: a.outcome,
      detail: a.detail,
      ...(a.failure ? { failure: a.failure } : {}),
      ...(a.status === undefined ? {} : { status: a.status }),
      durationMs: a.durationMs,
    });
  } catch {
    // The history is for people looking back; a store hiccup must not stop the alert itself.
  }
}
