/** Threat-intel matches over stored mail: distinct senders, sender domains, FromIPs and recipients against indicators. */
import type { IndicatorRow } from '../schema/index.js';
import type { EntityColumn, Store, TimeWindow } from '../store/index.js';
import { IntelInputError } from './errors.js';
import { confidenceBand, UNASSIGNED_ACTOR, type ConfidenceBand } from './confidence.js';
import { loadIndicators } from './indicator-store.js';
import { createMatcher, type Matcher } from './matcher.js';

/** Which column of MessageTrace a match was found in. */
export type MatchEntityType = 'sender' | 'senderDomain' | 'fromIP' | 'recipient';

/** One matched indicator for one value seen in mail (a row of `mailsift intel matches` / `GET /api/intel/matches`). */
export interface IntelMatch {
  /** The address, domain or IP as stored in MessageTrace. */
  entity: string;
  type: MatchEntityType;
  /** The indicator value that matched (a parent domain or a CIDR may match a more specific entity). */
  indicator: string;
  indicatorType: IndicatorRow['Type'];
  confidence: number;
  band: ConfidenceBand;
  /** The indicator's actor, or "Unassigned". */
  actor: string;
  feed: string;
  labels: string[];
  /** First and last time the entity was seen (ISO). */
  firstSeen: string;
  lastSeen: string;
  /** Distinct messages (MessageTraceId) with the entity. */
  messages: number;
}

/** Limits of a computation. */
export interface ComputeMatchesOptions {
  /** Only mail received at or after / before these times (ms or ISO). */
  from?: number | string;
  to?: number | string;
  /** Time indicator validity is judged at, when the matcher is built here (default now). */
  now?: number;
  /** Leave out matches below this confidence. */
  minConfidence?: number;
  /** Interrupts the store's work. */
  signal?: AbortSignal;
}

const ENTITIES: readonly { type: MatchEntityType; column: EntityColumn; kind: 'email' | 'domain' | 'ip' }[] = [
  { type: 'sender', column: 'SenderAddress', kind: 'email' },
  { type: 'senderDomain', column: 'SenderDomain', kind: 'domain' },
  { type: 'fromIP', column: 'FromIP', kind: 'ip' },
  { type: 'recipient', column: 'RecipientAddress', kind: 'email' },
];

function ms(t: number | string): number {
  const v = typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(v) || Number.isNaN(new Date(t).getTime())) throw new IntelInputError(`not a time: ${String(t)}`);
  return v;
}

function isMatcher(x: unknown): x is Matcher {
  return !!x && typeof (x as Matcher).matchEmail === 'function';
}

/**
 * Matches the distinct values of MessageTrace (aggregated in SQL) against indicators: a matcher, a list of
 * indicators, or by default the store's Indicators table. Sorted by confidence, then messages.
 */
export async function computeMatches(
  store: Pick<Store, 'dialect' | 'query' | 'distinctValues' | 'entityValueStats'>,
  source?: Matcher | readonly IndicatorRow[],
  options: ComputeMatchesOptions = {},
): Promise<IntelMatch[]> {
  const now = options.now ?? Date.now();
  const matcher = isMatcher(source) ? source : createMatcher(source ?? (await loadIndicators(store)), now);
  const window: TimeWindow = {};
  if (options.from !== undefined) window.from = ms(options.from);
  if (options.to !== undefined) window.to = ms(options.to);
  const minConfidence = options.minConfidence ?? 0;
  const out: IntelMatch[] = [];
  for (const e of ENTITIES) {
    if (matcher.counts[e.kind] === 0) continue;
    const match = e.kind === 'email' ? matcher.matchEmail : e.kind === 'domain' ? matcher.matchDomain : matcher.matchIp;
    // First the distinct values only (moving rows out of the engine is the costly part), matched here...
    const hits = new Map<string, readonly IndicatorRow[]>();
    for (const entity of await store.distinctValues(e.column, window, { signal: options.signal })) {
      const found = match(entity).filter((i) => i.Confidence >= minConfidence);
      if (found.length) hits.set(entity, found);
    }
    // ...then counts and first/last seen for the matched values alone.
    for (const stats of await store.entityValueStats(e.column, [...hits.keys()], window, { signal: options.signal })) {
      for (const i of hits.get(stats.value) ?? []) {
        out.push({
          entity: stats.value,
          type: e.type,
          indicator: i.Indicator,
          indicatorType: i.Type,
          confidence: i.Confidence,
          band: confidenceBand(i.Confidence),
          actor: i.Actor || UNASSIGNED_ACTOR,
          feed: i.Feed,
          labels: [...i.Labels],
          firstSeen: stats.first,
          lastSeen: stats.last,
          messages: stats.messages,
        });
      }
    }
  }
  return out.sort(
    (a, b) => b.confidence - a.confidence || b.messages - a.messages || a.entity.localeCompare(b.entity) || a.feed.localeCompare(b.feed),
  );
}
