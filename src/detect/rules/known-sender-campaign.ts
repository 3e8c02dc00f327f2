/**
 * subject-campaign from KNOWN senders (Emotet-style reply-chain waves): a new or suddenly common subject shape
 * from many sender domains that already wrote to us, within hours or from countries those domains never used.
 * The senders are real partners whose threads were stolen, so "new sender" says nothing; what gives the wave
 * away is the shape arriving from many of them at once, from someone else's infrastructure.
 */
import type { CampaignStats } from '../../store/index.js';
import { kqlBetween, kqlIn, kqlString } from '../kql-text.js';
import { asMs, asNumber } from '../kql-values.js';
import type { RuleContext } from '../rule.js';
import { subjectShapeKql } from '../subject-shape.js';
import { newOrigin, originDays, originHistories } from './sender-origins.js';

/** How the campaign's rows sit against their senders' history. */
export interface KnownSenderOrigins {
  /** Sender domains of the campaign with rows from a country (or AS) they never used before that day. */
  unusualDomains: string[];
  /** Per sender country: rows, sender domains, and how many of those domains never sent from it before. */
  countries: Record<string, { rows: number; domains: number; newForDomains: number }>;
  /** Known sender domains with the days they wrote before (up to 20, most rows first). */
  knownDomains: { domain: string; rows: number; daysBefore: number; usualCountries: string[] }[];
  /** Most sender domains in any `windowHours` of the day. */
  peakDomains: number;
}

/** Measures a candidate's origins against its senders' history (two KQL queries). */
export async function knownSenderOrigins(
  ctx: RuleContext,
  q: {
    shapes: readonly string[];
    directions: readonly string[];
    day: number;
    stats: CampaignStats;
    knownFrom: number;
    windowHours: number;
  },
): Promise<KnownSenderOrigins> {
  const { stats } = q;
  const rows = await ctx.kql(`MessageTrace
    | where ${kqlBetween(stats.first, stats.last)} and ${kqlIn('Direction', q.directions)}
    | extend SubjectShape = ${subjectShapeKql('Subject', kqlString)}
    | where ${kqlIn('SubjectShape', q.shapes)}
    | summarize Rows = count() by SenderDomain, FromCountry, FromAsn, Hour = bin(Received, 1h)`);
  const campaign = rows.map(([d, c, a, h, n]) => ({
    domain: String(d),
    country: c == null ? '' : String(c),
    asn: asNumber(a),
    hour: Math.floor(asMs(h) / 3_600_000),
    rows: asNumber(n),
  }));
  const domains = [...new Set(campaign.map((r) => r.domain))];
  const history = originHistories(await originDays(ctx, domains, q.knownFrom, ctx.clock.dayStart(q.day) - 1));
  const unusual = new Set<string>();
  const countries: KnownSenderOrigins['countries'] = {};
  const perCountryDomains = new Map<string, { all: Set<string>; fresh: Set<string> }>();
  const perDomainRows = new Map<string, number>();
  for (const r of campaign) {
    perDomainRows.set(r.domain, (perDomainRows.get(r.domain) ?? 0) + r.rows);
    const before = history.get(r.domain);
    const c = (countries[r.country || '?'] ??= { rows: 0, domains: 0, newForDomains: 0 });
    c.rows += r.rows;
    const sets = perCountryDomains.get(r.country || '?') ?? { all: new Set<string>(), fresh: new Set<string>() };
    perCountryDomains.set(r.country || '?', sets);
    sets.all.add(r.domain);
    if (before && newOrigin(r, before)) {
      unusual.add(r.domain);
      sets.fresh.add(r.domain);
    }
  }
  for (const [c, s] of perCountryDomains) {
    countries[c]!.domains = s.all.size;
    countries[c]!.newForDomains = s.fresh.size;
  }
  const knownDomains = [...history]
    .map(([domain, h]) => ({
      domain,
      rows: perDomainRows.get(domain) ?? 0,
      daysBefore: h.activeDays,
      usualCountries: [...h.countries].sort(),
    }))
    .sort((a, b) => b.rows - a.rows);
  // Distinct sender domains in any window of `windowHours` hours.
  const byHour = new Map<number, Set<string>>();
  for (const r of campaign) byHour.set(r.hour, (byHour.get(r.hour) ?? new Set()).add(r.domain));
  let peakDomains = 0;
  for (const h of byHour.keys()) {
    const seen = new Set<string>();
    for (let k = 0; k < q.windowHours; k++) for (const d of byHour.get(h + k) ?? []) seen.add(d);
    peakDomains = Math.max(peakDomains, seen.size);
  }
  return { unusualDomains: [...unusual].sort(), countries, knownDomains: knownDomains.slice(0, 20), peakDomains };
}

/** Known sender domains of a candidate (those with mail in its history window). */
export function knownCount(stats: CampaignStats): number {
  return stats.senderDomains - stats.newSenderDomains;
}
