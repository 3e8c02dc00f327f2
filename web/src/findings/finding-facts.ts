// A finding's "observed vs. usual" from its rule's details: figures to list, and the series or bars to draw.

/** One measure of a finding: what was observed, and its usual value when the rule knows one. */
export interface Fact {
  /** Key of strings.finding.facts. */
  key: string;
  observed: number | string;
  /** Usual value; null when the rule had no history yet; absent when the measure has none. */
  usual?: number | null;
  unit?: 'count' | 'bytes' | 'share' | 'factor';
}

/** A point of a finding's series: an hour (status-spike) or a local day (outbound-burst). */
export interface SeriesPoint {
  /** Start of the hour or day, ms. */
  at: number;
  observed: number;
  expected: number | null;
}

/** A finding's series, the size of its buckets and what its values count. */
export interface FindingSeries {
  points: SeriesPoint[];
  hourly: boolean;
  unit: 'count' | 'bytes';
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const len = (v: unknown): number | undefined => (Array.isArray(v) ? v.length : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Push a fact when its observed value is there. */
function add(out: Fact[], key: string, observed: number | string | undefined, usual?: number | null, unit: Fact['unit'] = 'count'): void {
  if (observed === undefined || observed === '') return;
  out.push(usual === undefined ? { key, observed, unit } : { key, observed, usual, unit });
}

/** The measures of a finding worth showing side by side with their usual values, per rule. */
export function findingFacts(rule: string, details: Record<string, unknown>, count: number): Fact[] {
  const d = details;
  const out: Fact[] = [];
  switch (rule) {
    case 'status-spike':
      add(out, 'rows', num(d.observed), num(d.expected) ?? null);
      add(out, 'factor', num(d.factor), undefined, 'factor');
      break;
    case 'outbound-burst': {
      const seen = obj(d.observed);
      const usual = obj(d.usual);
      for (const k of ['rows', 'offHours', 'newDomains', 'failed']) add(out, k, num(seen[k]), num(usual[k]) ?? null);
      break;
    }
    case 'large-transfer':
      add(out, 'bytes', num(d.bytes), d.usualBytes === null ? null : num(d.usualBytes), 'bytes');
      add(out, 'limitBytes', num(d.limitBytes), undefined, 'bytes');
      add(out, 'messages', num(d.messages));
      break;
    case 'subject-campaign':
      add(out, 'perDay', count, num(d.usualPerDay) ?? null);
      add(out, 'senders', num(d.distinctSenders));
      add(out, 'newSenderDomains', num(d.newSenderDomains) ?? len(d.newSenderDomains));
      add(out, 'deliveredShare', num(d.deliveredShare), undefined, 'share');
      break;
    case 'partner-compromise':
      add(out, 'rows', count);
      add(out, 'newOrigins', len(d.newOrigins) ?? len(d.partners));
      add(out, 'activeDaysBefore', num(d.activeDaysBefore));
      if (Array.isArray(d.usualCountries)) add(out, 'usualCountries', d.usualCountries.map(String).join(', '));
      add(out, 'deliveredShare', num(d.deliveredShare), undefined, 'share');
      break;
    case 'lookalike-domain':
      add(out, 'imitates', typeof d.imitates === 'string' ? d.imitates : undefined);
      add(out, 'editDistance', num(d.editDistance));
      add(out, 'delivered', num(d.delivered));
      break;
    case 'threat-intel-match':
      add(out, 'indicators', len(d.indicators));
      add(out, 'delivered', num(d.delivered));
      add(out, 'blocked', num(d.blocked));
      break;
    case 'embargoed-geo':
      add(out, 'delivered', num(d.delivered));
      add(out, 'blocked', num(d.blocked));
      add(out, 'senders', num(d.distinctSenders));
      break;
    case 'watchlist-correlation':
      add(out, 'messages', num(d.messages));
      add(out, 'newDomains', len(d.newRecipientDomains) ?? num(d.newRecipientDomains));
      add(out, 'windowHours', num(d.windowHours));
      break;
  }
  return out;
}

/** The series of a finding in time order (`{hour|day, observed, expected}` points); no points when it has none. */
export function findingSeries(details: Record<string, unknown>): FindingSeries {
  const points: SeriesPoint[] = [];
  let hourly = true;
  for (const p of Array.isArray(details.series) ? details.series : []) {
    const o = obj(p);
    const start = typeof o.hour === 'string' ? o.hour : typeof o.day === 'string' ? o.day : '';
    if (typeof o.day === 'string') hourly = false;
    const at = Date.parse(start);
    const observed = num(o.observed);
    if (Number.isNaN(at) || observed === undefined) continue;
    points.push({ at, observed, expected: num(o.expected) ?? null });
  }
  return { points: points.sort((a, b) => a.at - b.at), hourly, unit: details.seriesUnit === 'bytes' ? 'bytes' : 'count' };
}
