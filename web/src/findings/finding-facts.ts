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

/** An hourly point of a series (status-spike's `series`). */
export interface SeriesPoint {
  hour: number;
  observed: number;
  expected: number | null;
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

/** The hourly series of a finding (status-spike), oldest first; empty when its details have none. */
export function findingSeries(details: Record<string, unknown>): SeriesPoint[] {
  if (!Array.isArray(details.series)) return [];
  const out: SeriesPoint[] = [];
  for (const p of details.series) {
    const o = obj(p);
    const hour = typeof o.hour === 'string' ? Date.parse(o.hour) : NaN;
    const observed = num(o.observed);
    if (Number.isNaN(hour) || observed === undefined) continue;
    out.push({ hour, observed, expected: num(o.expected) ?? null });
  }
  return out.sort((a, b) => a.hour - b.hour);
}
