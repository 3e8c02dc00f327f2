// Data that is still settling (newer than the collectors' "complete up to"): which buckets, and how a chart marks them. Pure (no DOM).

/** Fill of the settling part of the plot: light enough for both themes. */
export const SETTLING_FILL = 'rgba(128, 128, 128, 0.14)';

/** Hatching drawn over bars that are still settling (an ECharts decal). */
export const SETTLING_DECAL = {
  symbol: 'rect',
  symbolSize: 1,
  color: 'rgba(255, 255, 255, 0.55)',
  dashArrayX: [1, 0],
  dashArrayY: [3, 4],
  rotation: -Math.PI / 4,
} as const;

/** Opacity of settling bars and of the settling part of a sparkline. */
export const SETTLING_OPACITY = 0.55;

/**
 * Index of the first bucket (starts ascending, each `stepMs` long) that holds time after `settledUntil`;
 * undefined when all of them are settled or nothing is known.
 */
export function firstSettlingIndex(starts: readonly number[], stepMs: number, settledUntil: number | null | undefined): number | undefined {
  if (settledUntil === null || settledUntil === undefined || !Number.isFinite(settledUntil)) return undefined;
  const i = starts.findIndex((t) => t + Math.max(0, stepMs) > settledUntil);
  return i < 0 ? undefined : i;
}

/** The shortest gap between consecutive bucket starts (the bucket width when the API did not say); 0 for one bucket. */
export function inferStep(starts: readonly number[]): number {
  let step = 0;
  for (let i = 1; i < starts.length; i++) {
    const d = starts[i]! - starts[i - 1]!;
    if (d > 0 && (step === 0 || d < step)) step = d;
  }
  return step;
}

/** An ECharts markArea shading categories `first`..`last` (indices of a category axis) over the full plot height. */
export function settlingMarkArea(first: number, last: number): Record<string, unknown> {
  return {
    silent: true,
    itemStyle: { color: SETTLING_FILL, borderWidth: 0 },
    label: { show: false },
    emphasis: { disabled: true },
    data: [[{ xAxis: first }, { xAxis: Math.max(first, last) }]],
  };
}

/** A bar's data item drawn lighter and hatched when it is still settling. */
export function settlingBarItem(value: number): { value: number; itemStyle: Record<string, unknown> } {
  return { value, itemStyle: { opacity: SETTLING_OPACITY, decal: SETTLING_DECAL } };
}
