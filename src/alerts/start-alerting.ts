/**
 * The alert scheduler of `serve` and `mailsift alerts run`: each rule on its interval or cron schedule until
 * stopped. Rules and destinations are read again before every run and at least once a minute, so those made or
 * changed in the web app take effect without a restart (at once when the app calls `reload`).
 */
import { parseAlertsConfig, type AlertRule } from './alert-config.js';
import { loadEffectiveAlerts, resolveRuntime, type AlertingOptions, type AlertingRuntime } from './alerting-options.js';
import { runRules, type AlertRunReport } from './run-rules.js';
import { nextRunTime } from './schedule.js';

/** A running scheduler. */
export interface AlertingHandle {
  /** Stop: no new runs start, waits and retries are cut short; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Read the rules and destinations again now (after a change in the web app). */
  reload(): void;
  /** Resolves when the loop has ended. */
  readonly done: Promise<void>;
}

// Longest single wait, so a changed clock (or a suspended laptop), and rules changed elsewhere, are noticed within a minute.
const MAX_WAIT_MS = 60_000;

/** A rule keeps its planned time while its name and schedule stay the same. */
const planKey = (r: AlertRule) => `${r.name}\u0000${r.schedule.text}`;

/** Start running the enabled rules on their schedules; interval rules run at once, cron rules at their next time. Throws AlertConfigError for a wrong configuration file. */
export function startAlerting(
  options: AlertingOptions & {
    onRun?: (report: AlertRunReport) => void;
    /** Told when the rules could not be read again or a run failed (else a log line), for a reader that words it. */
    onError?: (what: 'rules-unreadable' | 'run-failed', error: unknown) => void;
  },
): AlertingHandle {
  // A wrong file stops `serve` at start, as before; app-made entries that no longer fit are skipped (the web app says why).
  parseAlertsConfig(options.config.alerts);
  const controller = new AbortController();
  const signal = controller.signal;
  let wake = new AbortController();
  const next = new Map<string, number>();
  let rt: AlertingRuntime | undefined;
  let rules: AlertRule[] = [];

  const refresh = async () => {
    try {
      rt = resolveRuntime(options, await loadEffectiveAlerts(options));
    } catch (error) {
      // Keep the rules of the last good read.
      if (options.onError) options.onError('rules-unreadable', error);
      else options.log?.warn(`alert rules could not be read: ${error instanceof Error ? error.message : String(error)}`);
      rt ??= resolveRuntime(options, parseAlertsConfig(options.config.alerts));
    }
    rules = rt.alerts.rules.filter((r) => r.enabled);
    const now = rt.now();
    const keys = new Set(rules.map(planKey));
    for (const k of next.keys()) if (!keys.has(k)) next.delete(k);
    for (const r of rules) {
      if (!next.has(planKey(r))) next.set(planKey(r), r.schedule.kind === 'interval' ? now : nextRunTime(r.schedule, now));
    }
  };

  const loop = async () => {
    while (!signal.aborted) {
      await refresh();
      if (signal.aborted) break;
      const runtime = rt!;
      const t = runtime.now();
      const due = rules.filter((r) => next.get(planKey(r))! <= t);
      if (due.length === 0) {
        const wakeAt = Math.min(t + MAX_WAIT_MS, ...next.values());
        if (wake.signal.aborted) wake = new AbortController();
        await runtime.sleep(Math.min(MAX_WAIT_MS, Math.max(0, wakeAt - t)), AbortSignal.any([signal, wake.signal]));
        continue;
      }
      try {
        const report = await runRules(options.store, runtime, due, signal);
        options.onRun?.(report);
      } catch (error) {
        if (options.onError) options.onError('run-failed', error);
        else runtime.log?.warn(`alert run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const after = runtime.now();
      for (const r of due) {
        const planned = next.get(planKey(r))!;
        // An interval keeps its rhythm; after a run that overran, it starts again from now.
        const n = r.schedule.kind === 'interval' ? nextRunTime(r.schedule, planned) : nextRunTime(r.schedule, after);
        next.set(planKey(r), n > after ? n : nextRunTime(r.schedule, after));
      }
    }
  };
  const done = loop();
  return {
    done,
    reload() {
      wake.abort();
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}
