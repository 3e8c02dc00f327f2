/** The IntelMatches table: what `intel matches` shows, kept in the store so KQL and dashboards can use it. */
import type { IntelMatchRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { computeMatches, type ComputeMatchesOptions, type IntelMatch } from './compute-matches.js';

/** The table row of a match. */
export function intelMatchRow(m: IntelMatch): IntelMatchRow {
  const ms = (iso: string) => (iso ? Date.parse(iso) : null);
  return {
    Entity: m.entity,
    EntityType: m.type,
    Indicator: m.indicator,
    IndicatorType: m.indicatorType,
    Confidence: m.confidence,
    Band: m.band,
    Actor: m.actor,
    Feed: m.feed,
    Labels: m.labels,
    FirstSeen: ms(m.firstSeen),
    LastSeen: ms(m.lastSeen),
    Messages: m.messages,
  };
}

/** Compute the matches over all stored mail (or take `matches`) and replace the IntelMatches table with them. */
export async function refreshIntelMatches(
  store: Store,
  options: ComputeMatchesOptions & { matches?: IntelMatch[] } = {},
): Promise<IntelMatch[]> {
  const matches = options.matches ?? (await computeMatches(store, undefined, options));
  await store.replaceIntelMatches(matches.map(intelMatchRow));
  return matches;
}
