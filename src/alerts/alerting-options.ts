/** What the alert runner needs: the store, the configuration, and a clock, sleep and randomness that tests can replace. */
import type { Store } from '../store/index.js';
import { organizationLanguage, organizationTimeZone, type Language } from '../config/index.js';
import { loadAlertCatalog } from './alert-catalog.js';
import { linkBase, type AlertsConfig } from './alert-config.js';
import { storeSources, type AlertSources } from './alert-sources.js';
import { DeliveryLog } from './delivery-log.js';
import type { DeliveryDeps } from './delivery.js';
import { MAILSIFT_VERSION } from './version.js';

/** Lines for the operator's log (pino's `info`/`warn` fit). Messages never hold a secret. */
export interface AlertLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface AlertingOptions {
  store: Store;
  /** The loaded configuration; only `alerts` and `server` are read. */
  config: {
    alerts?: unknown;
    server?: { publicUrl?: string | undefined; host?: string; port?: number };
    organization?: { timeZone?: string; language?: Language };
  };
  /** Current time in ms (default Date.now). */
  now?: () => number;
  /** Waiting (backoff, the scheduler's pauses); must resolve early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Randomness of the backoff jitter, in [0, 1). */
  random?: () => number;
  /** Where rules read findings and run KQL (default: the store). */
  sources?: AlertSources;
  log?: AlertLogger;
  /** At most this many alerts per rule and run (default 20); the rest wait for the next run. */
  maxAlertsPerRun?: number;
  /** First retry delay in ms (default 1000). */
  baseDelayMs?: number;
}

/** Sleep that wakes up early on abort. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Everything resolved once per run or scheduler. */
export interface AlertingRuntime {
  alerts: AlertsConfig;
  sources: AlertSources;
  linkBase: string;
  /** organization.timeZone (else the server's): times in alert texts. */
  timeZone: string;
  /** organization.language (else English): the language of alert texts. */
  language: Language;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  log: AlertLogger | undefined;
  maxAlertsPerRun: number;
  delivery: (signal?: AbortSignal) => DeliveryDeps;
}

/** The rules and destinations that run: the file's, and those made in the web app (see alert-catalog.ts). Throws AlertConfigError for a wrong `alerts:` section. */
export async function loadEffectiveAlerts(o: Pick<AlertingOptions, 'store' | 'config'>): Promise<AlertsConfig> {
  return (await loadAlertCatalog(o.store, o.config.alerts)).effective;
}

/** Fill in the defaults around the rules and destinations that run. */
export function resolveRuntime(o: AlertingOptions, alerts: AlertsConfig): AlertingRuntime {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  const log = new DeliveryLog(o.store);
  return {
    alerts,
    sources: o.sources ?? storeSources(o.store),
    linkBase: linkBase(o.config.server),
    timeZone: organizationTimeZone(o.config),
    language: organizationLanguage(o.config),
    now,
    sleep,
    log: o.log,
    maxAlertsPerRun: o.maxAlertsPerRun ?? 20,
    delivery: (signal) => ({
      log,
      version: MAILSIFT_VERSION,
      now,
      sleep,
      random,
      ...(signal ? { signal } : {}),
      ...(o.baseDelayMs === undefined ? {} : { baseDelayMs: o.baseDelayMs }),
    }),
  };
}
