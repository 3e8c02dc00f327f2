// How fresh the collected data is: "complete up to 14:05 JST (12 min ago)", amber when the collectors lag.
import { formatAgo, formatMoment, formatUtc } from '../format';
import { useFreshness } from '../freshness';
import { strings } from '../strings';
import type { TimeRange } from '../url-state';

/** Older than this, the collectors are lagging (a collector runs every few minutes and re-reads its window). */
const LAGGING_MS = 2 * 3_600_000;

export function FreshnessBadge({ range }: { range: TimeRange }) {
  const freshness = useFreshness(range);
  // Data imported from files has no collector: nothing to say.
  if (!freshness || freshness.collectors.length === 0) return null;
  const until = freshness.settledUntil ? Date.parse(freshness.settledUntil) : NaN;
  const detail = freshness.collectors
    .map((c) => strings.freshness.collector(c.name, c.completeUpTo ? formatUtc(c.completeUpTo) : strings.freshness.never))
    .join('\n');
  if (Number.isNaN(until)) {
    return (
      <span className="freshness freshness-lagging" data-testid="freshness" title={detail}>
        {strings.freshness.firstPass}
      </span>
    );
  }
  const lagging = Date.now() - until > LAGGING_MS;
  return (
    <span
      className={lagging ? 'freshness freshness-lagging' : 'freshness'}
      data-testid="freshness"
      title={`${strings.freshness.utc(formatUtc(until))}\n${detail}`}
    >
      <span className="freshness-dot" aria-hidden="true" />
      {strings.freshness.completeUpTo(formatMoment(until), formatAgo(until))}
    </span>
  );
}
