/** The alert scheduler of `serve` and `mailsift alerts run`: each rule on its interval or cron schedule until stopped. */
import type { AlertRule } from './alert-config.js';
import { resolveRuntime, type AlertingOptions } from './alerting-options.js';
import { runRules, type AlertRunReport } from './run-rules.js';
import { nextRunTime } from './schedule.js';

/** A running scheduler. */
export interface AlertingHandle {
  /** Stop: no new runs start, waits and retries are cut short; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Resolves when the loop has ended. */
  readonly done: Promise<void>;
}

// Longest single wait, so a changed clock (or a suspended laptop) is noticed within a minute.
const MAX_WAIT_MS = 60_000;

/** Start running the enabled rules on their schedules; interval rules run at once, cron rules at their next time. Throws AlertConfigError for a wrong configuration. */
export function startAlerting(options: AlertingOptions & { onRun?: (report: AlertRunReport) => void }): AlertingHandle {
  const rt = resolveRuntime(options);
  const controller = new AbortController();
  const signal = controller.signal;
  const rules = rt.alerts.rules.filter((r) => r.enabled);
  const start = rt.now();
  const next = new Map<AlertRule, number>(rules.map((r) => [r, r.schedule.kind === 'interval' ? start : nextRunTime(r.schedule, start)]));

  const loop = async () => {
    while (!signal.aborted && rules.length > 0) {
      const t = rt.now();
      const due = rules.filter((r) => next.get(r)! <= t);
      if (due.length === 0) {
        const wake = Math.min(...next.values());
        await rt.sleep(Math.min(MAX_WAIT_MS, Math.max(0, wake - t)), signal);
        continue;
      }
      try {
        const report = await runRules(options.store, rt, due, signal);
        options.onRun?.(report);
      } catch (error) {
        rt.log?.warn(`alert run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const after = rt.now();
      for (const r of due) {
        const planned = next.get(r)!;
        // An interval keeps its rhythm; after a run that overran, it starts again from now.
        const n = r.schedule.kind === 'interval' ? nextRunTime(r.schedule, planned) : nextRunTime(r.schedule, after);
        next.set(r, n > after ? n : nextRunTime(r.schedule, after));
      }
    }
  };
  const done = loop();
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
