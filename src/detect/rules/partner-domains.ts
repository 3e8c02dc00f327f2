/** The organisation's partners: external domains it corresponds with both ways on several days, plus configured ones. */
import type { RuleContext } from '../rule.js';
import { SqlBuilder, receivedBetween } from '../sql-builder.js';
import { DAY_MS } from '../time-zone.js';

/** Partner domains with the days of correspondence (configured partners count as always). Shared by the rules of a run. */
export function partnerDomains(ctx: RuleContext): Promise<Map<string, number>> {
  return ctx.shared('partner-domains', async () => {
    const sql = new SqlBuilder();
    const min = sql.param(ctx.settings.partnerMinDays);
    const rows = await ctx.rows(
      sql,
      `
      SELECT d, count(DISTINCT day) FROM (
        SELECT CASE WHEN "Direction" = 'Inbound' THEN "SenderDomain" ELSE "RecipientDomain" END AS d,
          "Direction" = 'Inbound' AS inbound, epoch_ms("Received") // ${DAY_MS} AS day
        FROM "MessageTrace" WHERE ${receivedBetween(sql, ctx.historyFrom, ctx.to)} AND "Direction" IN ('Inbound', 'Outbound'))
      WHERE d <> ''
      GROUP BY d
      HAVING count(DISTINCT day) FILTER (WHERE inbound) >= ${min} AND count(DISTINCT day) FILTER (WHERE NOT inbound) >= ${min}`,
    );
    const personal = new Set(ctx.settings.personalDomains);
    const out = new Map<string, number>();
    for (const [d, days] of rows as [string, number][]) if (!personal.has(d)) out.set(d, Number(days));
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
