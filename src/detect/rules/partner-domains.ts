/** The organisation's partners: external domains it corresponds with both ways on several days, plus configured ones. */
import type { RuleContext } from '../rule.js';
import { kqlBetween } from '../kql-text.js';
import { asNumber } from '../kql-values.js';

/**
 * Partner domains with the days of correspondence (configured partners count as always), most days first and, among
 * equal days, most messages first (then by name): a rule that keeps only the first N keeps the same ones on every
 * engine and every run. Shared by the rules of a run.
 */
export function partnerDomains(ctx: RuleContext): Promise<Map<string, number>> {
  return ctx.shared('partner-domains', async () => {
    const min = Math.trunc(ctx.settings.partnerMinDays);
    const rows = await ctx.kql(`MessageTrace
      | where ${kqlBetween(ctx.historyFrom, ctx.to)} and Direction in ("Inbound", "Outbound")
      | extend Domain = iff(Direction == "Inbound", SenderDomain, RecipientDomain), Day = bin(Received, 1d)
      | where Domain != ""
      | summarize Days = dcount(Day), InDays = dcountif(Day, Direction == "Inbound"), OutDays = dcountif(Day, Direction != "Inbound"), Messages = count() by Domain
      | where InDays >= ${min} and OutDays >= ${min}
      | sort by Days desc, Messages desc, Domain asc
      | project Domain, Days`);
    const personal = new Set(ctx.settings.personalDomains);
    const out = new Map<string, number>();
    for (const [d, days] of rows) if (!personal.has(String(d))) out.set(String(d), asNumber(days));
    for (const d of ctx.settings.partnerDomains) out.set(d, Math.max(out.get(d) ?? 0, Number.MAX_SAFE_INTEGER));
    return out;
  });
}

/** Whether `domain` is a partner or under one. */
export function isPartner(partners: ReadonlyMap<string, number>, domain: string): boolean {
  let d = domain;
  for (;;) {
    if (partners.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}
