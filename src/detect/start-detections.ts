/** Scheduled detections for `serve`: a run at start, then one every interval; runs never overlap. */
import { parseDuration } from '../config/index.js';
import type { Store } from '../store/index.js';
import { DetectConfigError } from './errors.js';
import type { Finding } from './finding.js';
import { runDetections, type RunDetectionsOptions } from './run-detections.js';
import { DAY_MS } from './time-zone.js';

/** Options of startDetections. */
export interface StartDetectionsOptions {
  store: Store;
  config: RunDetectionsOptions['config'];
  /** Between runs: ms, or text such as '15m', '1h' (default 15 minutes). */
  interval?: number | string;
  /** Each run looks at this many days back from now (default 2; baselines still use their history). */
  windowDays?: number;
  /** Called after each run with its findings. */
  onFindings?: (findings: Finding[]) => void | Promise<void>;
  /** Called when a run fails (the schedule goes on). */
  onError?: (error: unknown) => void;
  /** The clock (tests). */
  now?: () => number;
}

/** A running schedule. */
export interface DetectionSchedule {
  /** Run now (waits for a run in progress first); resolves with its findings. */
  runNow(): Promise<Finding[]>;
  /** Stop the schedule and wait for a run in progress. */
  stop(): Promise<void>;
}

/** Start periodic detections; the first run starts at once. */
export function startDetections(options: StartDetectionsOptions): DetectionSchedule {
  const interval = parseInterval(options.interval ?? 15 * 60_000);
  const clock = options.now ?? Date.now;
  let running: Promise<Finding[]> = Promise.resolve([]);
  let stopped = false;
  const once = async (): Promise<Finding[]> => {
    const now = clock();
    const findings = await runDetections({
      store: options.store,
      config: options.config,
      now,
      to: now,
      from: now - (options.windowDays ?? 2) * DAY_MS,
    });
    await options.onFindings?.(findings);
    return findings;
  };
  const runNow = () => {
    running = running.catch(() => []).then(once);
    return running;
  };
  const tick = () => {
    if (stopped) return;
    runNow().catch((e: unknown) => options.onError?.(e));
  };
  const timer = setInterval(tick, interval);
  timer.unref?.();
  tick();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}

function parseInterval(v: number | string): number {
  if (typeof v === 'number') {
    if (v >= 1000) return v;
    throw new DetectConfigError(`detection interval must be at least 1 s, got ${v} ms`);
  }
  const ms = parseDuration(v);
  if (Number.isNaN(ms)) throw new DetectConfigError(`detection interval '${v}' is not a duration such as 15m or 1h`);
  return parseInterval(ms);
}
