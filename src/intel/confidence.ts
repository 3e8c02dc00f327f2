/** Confidence bands of indicator matches, as shown in `intel matches`, the API and findings. */

/** A confidence band. */
export type ConfidenceBand = 'high' | 'medium' | 'low';

/**
 * Lower bounds of the bands: high 75-100, medium 50-74, low 0-49. Feeds' own words land in the band of the
 * same name: CrowdStrike high/medium/low (85/50/15), MISP threat level 1/2/3 (85/50/15).
 */
export const CONFIDENCE_BANDS: Readonly<Record<ConfidenceBand, number>> = { high: 75, medium: 50, low: 0 };

/** The band of a confidence (0-100). */
export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= CONFIDENCE_BANDS.high) return 'high';
  if (confidence >= CONFIDENCE_BANDS.medium) return 'medium';
  return 'low';
}

/** Actor shown when an indicator names none. */
export const UNASSIGNED_ACTOR = 'Unassigned';
