/** Retention: mail older than `retention` (e.g. 400d) is removed, daily by `serve` and on demand by `mailsift maintain`. */
import { parseDuration } from '../../config/index.js';
import type { Store } from '../../store/index.js';

/** What the last retention run did (kept in the store's state, read by `doctor`). */
export interface RetentionRun {
  at: string;
  retention: string;
  cutoff: string;
  /** Rows deleted per table. */
  removed: Record<string, number>;
}

export const RETENTION_STATE = 'retention';
const DAY = 86_400_000;

/** Remove what is older than `retention`; undefined when no retention is configured. */
export async function applyRetention(store: Store, retention: string | undefined, now = Date.now()): Promise<RetentionRun | undefined> {
  if (!retention) return undefined;
  const cutoff = now - parseDuration(retention);
  const removed = await store.deleteOlderThan(cutoff);
  const run: RetentionRun = { at: new Date(now).toISOString(), retention, cutoff: new Date(cutoff).toISOString(), removed };
  await store.setState(RETENTION_STATE, run);
  return run;
}

/** Apply retention now and then once a day until stop(); failures are reported and the schedule carries on. */
export function startRetention(
  store: Store,
  retention: string,
  report: { onRun(run: RetentionRun): void; onError(e: unknown): void },
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = applyRetention(store, retention).then((r) => r && report.onRun(r), report.onError);
  };
  tick();
  const timer = setInterval(tick, DAY);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
