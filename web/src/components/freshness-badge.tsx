// How fresh the collected data is: "complete up to 14:05 JST (12 min ago)", amber when the collectors lag, red with the
// error when one fails.
import { formatAgo, formatMoment, formatUtc } from '../format';
import { useFreshness } from '../freshness';
import { collectorFailureText } from '../../../src/collect/failure-kind';
import { currentLanguage } from '../i18n';
import { strings } from '../strings';
import { visibleText } from '../visible-text';
import type { TimeRange } from '../url-state';

/** Older than this, the collectors are lagging (a collector runs every few minutes and re-reads its window). */
const LAGGING_MS = 2 * 3_600_000;

export function FreshnessBadge({ range }: { range: TimeRange }) {
  const freshness = useFreshness(range);
  // Data imported from files has no collector: nothing to say.
  if (!freshness || freshness.collectors.length === 0) return null;
  // A failing collector is said first, in red with its error: never hidden behind "first pass" or an old time.
  const failing = freshness.collectors.filter((c) => c.lastError);
  if (failing.length > 0) {
    return (
      <span className="freshness freshness-failing" data-testid="freshness" role="status">
        <span className="freshness-dot" aria-hidden="true" />
        <span className="freshness-errors">
          {failing.map((c) => (
            <span key={c.name} title={`${formatUtc(c.lastError!.at)}`}>
              {strings.manage.collectors.failing(
                visibleText(c.name),
                visibleText(collectorFailureText(c.lastError!.message, c.lastError!.code, currentLanguage())),
              )}
            </span>
          ))}
        </span>
      </span>
    );
  }
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
