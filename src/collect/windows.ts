/**
 * Which time windows a pass reads: from the checkpoint minus `lookback` (late rows, changed statuses) up to
 * now minus `lag` (rows Microsoft has not published yet), in windows no longer than Microsoft allows.
 */

/** A closed interval of receive times [start, end] in ms, on whole seconds (Microsoft's filter precision). */
export interface TimeWindow {
  start: number;
  end: number;
}

export interface WindowPlanInput {
  now: number;
  lag: number;
  lookback: number;
  initialLookback: number;
  /** End of the last fully stored window, if any. */
  checkpoint?: number;
  maxWindowMs: number;
  /** How far back the service keeps data. */
  maxAgeMs: number;
  /** Kept inside the oldest allowed start, since time passes before the first request goes out (default 1 h). */
  ageMarginMs?: number;
}

/** The windows of one pass, oldest first, and any stretch lost because it is older than the service keeps. */
export interface WindowPlan {
  windows: TimeWindow[];
  /** The end of the last window: what is complete once the pass succeeds. */
  end: number;
  /** Receive times never collected because the checkpoint fell behind the service's retention. */
  gap?: TimeWindow;
}

const SECOND = 1000;
const floorSec = (t: number) => Math.floor(t / SECOND) * SECOND;
const ceilSec = (t: number) => Math.ceil(t / SECOND) * SECOND;

/** Plan the windows of one pass. */
export function planWindows(p: WindowPlanInput): WindowPlan {
  const end = floorSec(p.now - p.lag);
  const oldest = ceilSec(p.now - p.maxAgeMs + Math.min(p.ageMarginMs ?? 3_600_000, p.maxAgeMs / 2));
  let start = ceilSec(p.checkpoint !== undefined ? p.checkpoint - p.lookback : p.now - p.initialLookback);
  let gap: TimeWindow | undefined;
  if (start < oldest) {
    if (p.checkpoint !== undefined && p.checkpoint < oldest) gap = { start: floorSec(p.checkpoint), end: oldest };
    start = oldest;
  }
  if (start >= end) return { windows: [], end, gap };
  const count = Math.ceil((end - start) / p.maxWindowMs);
  const windows: TimeWindow[] = [];
  for (let i = 0; i < count; i++) {
    const ws = i === 0 ? start : windows[i - 1]!.end;
    const we = i === count - 1 ? end : floorSec(start + ((end - start) * (i + 1)) / count);
    windows.push({ start: ws, end: we });
  }
  return { windows, end, gap };
}

/** `YYYY-MM-DDThh:mm:ssZ`, the form Microsoft's filters take. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
