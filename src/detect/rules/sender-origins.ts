/**
 * Where external sender domains send from: per domain and local day, each origin (FromCountry, FromAsn) with
 * its counts. Walking a domain's days in order tells which origins are new for it and how long it has been
 * writing to us; partner-compromise and subject-campaign both judge "unusual infrastructure" from this.
 */
import type { RuleContext } from '../rule.js';
import { kqlBetween, kqlIn } from '../kql-text.js';
import { asList, asMs, asNumber } from '../kql-values.js';
import { dayOf } from '../time-zone.js';

/** One origin of one sender domain on one local day. */
export interface OriginDay {
  domain: string;
  day: number;
  country: string;
  asn: number;
  asOrg: string;
  rows: number;
  recipients: number;
  delivered: number;
  first: number;
  last: number;
  ips: string[];
  senders: string[];
  recipientList: string[];
}

/** An origin is its country and AS ("JP/AS2516"). */
export function originKey(o: { country: string; asn: number }): string {
  return `${o.country}/AS${o.asn}`;
}

/** Per-day origins of the given inbound sender domains over [from, to]. */
export async function originDays(ctx: RuleContext, domains: readonly string[], from: number, to: number): Promise<OriginDay[]> {
  if (domains.length === 0) return [];
  const out: OriginDay[] = [];
  for (let i = 0; i < domains.length; i += 200) {
    const batch = domains.slice(i, i + 200);
    const rows = await ctx.kql(`MessageTrace
      | where ${kqlBetween(from, to)} and Direction == "Inbound" and ${kqlIn('SenderDomain', batch)}
      | extend Day = ${ctx.clock.localDateKql('Received', from, to + 1)}
      | summarize Rows = count(), Recipients = dcount(RecipientAddress), Delivered = countif(Status in ("Delivered", "Expanded")),
          First = min(Received), Last = max(Received), Ips = make_set(FromIP, 5), Senders = make_set(SenderAddress, 10),
          RecipientList = make_set(RecipientAddress, 10), AsOrg = take_any(FromAsOrg) by SenderDomain, Day, FromCountry, FromAsn`);
    for (const [domain, day, country, asn, n, recipients, delivered, first, last, ips, senders, rl, asOrg] of rows) {
      out.push({
        domain: String(domain),
        day: dayOf(day),
        rows: asNumber(n),
        recipients: asNumber(recipients),
        delivered: asNumber(delivered),
        first: asMs(first),
        last: asMs(last),
        ips: asList(ips),
        senders: asList(senders),
        recipientList: asList(rl),
        asOrg: asOrg == null ? '' : String(asOrg),
        country: country == null ? '' : String(country),
        asn: asNumber(asn),
      });
    }
  }
  // In a fixed order, so that what is built from them (a wave's partners, its top countries) is the same on every engine.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => cmp(a.domain, b.domain) || a.day - b.day || cmp(a.country, b.country) || a.asn - b.asn);
}

/** A domain's history before a day: the days it wrote, and the countries and origins it wrote from. */
export interface OriginHistory {
  activeDays: number;
  countries: Set<string>;
  origins: Set<string>;
}

/** Walks each domain's days in order and calls `visit` for every day with the history before it. */
export function walkOrigins(
  days: readonly OriginDay[],
  visit: (domain: string, day: number, today: OriginDay[], before: OriginHistory) => void,
): void {
  const byDomain = new Map<string, Map<number, OriginDay[]>>();
  for (const o of days) {
    let m = byDomain.get(o.domain);
    if (!m) byDomain.set(o.domain, (m = new Map()));
    const list = m.get(o.day) ?? [];
    list.push(o);
    m.set(o.day, list);
  }
  for (const [domain, m] of byDomain) {
    const history: OriginHistory = { activeDays: 0, countries: new Set(), origins: new Set() };
    for (const day of [...m.keys()].sort((a, b) => a - b)) {
      const today = m.get(day)!;
      visit(domain, day, today, history);
      history.activeDays++;
      for (const o of today) {
        if (o.country) history.countries.add(o.country);
        history.origins.add(originKey(o));
      }
    }
  }
}

/** Each domain's whole history over the given days. */
export function originHistories(days: readonly OriginDay[]): Map<string, OriginHistory> {
  const out = new Map<string, OriginHistory>();
  const seen = new Set<string>();
  for (const o of days) {
    let h = out.get(o.domain);
    if (!h) out.set(o.domain, (h = { activeDays: 0, countries: new Set(), origins: new Set() }));
    if (!seen.has(`${o.domain} ${o.day}`)) {
      seen.add(`${o.domain} ${o.day}`);
      h.activeDays++;
    }
    if (o.country) h.countries.add(o.country);
    h.origins.add(originKey(o));
  }
  return out;
}

/** Whether an origin is new for a domain: a country it never used (when known), else an AS it never used. */
export function newOrigin(o: { country: string; asn: number }, before: OriginHistory): 'country' | 'as' | undefined {
  if (o.country && !before.countries.has(o.country)) return 'country';
  if (o.asn > 0 && !before.origins.has(originKey(o))) return 'as';
  return undefined;
}
