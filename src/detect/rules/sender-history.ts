/** Per internal sender and local day: outbound mail, bytes, recipient domains, failures and off-hours share. */
import type { RuleContext } from '../rule.js';
import { SqlBuilder, receivedBetween } from '../sql-builder.js';
import { DAY_MS, HOUR_MS } from '../time-zone.js';

/** One sender's outbound mail on one local day. */
export interface SenderDay {
  sender: string;
  day: number;
  rows: number;
  bytes: number;
  /** Bytes to recipient domains that are not partners (see partner-domains). */
  bytesToStrangers: number;
  domains: number;
  /** Recipient domains this sender had not written to before in the history. */
  newDomains: number;
  failed: number;
  /** Rows sent outside business hours or on a weekend (local time). */
  offHours: number;
}

/** Outbound mail per sender and local day over the history and window (shared by the rules of a run). */
export function senderDays(
  ctx: RuleContext,
  partners: readonly string[],
  businessHours: readonly [number, number],
): Promise<Map<string, Map<number, SenderDay>>> {
  return ctx.shared(`sender-days:${businessHours.join('-')}`, async () => {
    const sql = new SqlBuilder();
    const local = ctx.clock.localMsSql(sql, 'epoch_ms("Received")', ctx.historyFrom, ctx.to + 1);
    const partnerList = sql.list(partners);
    const [open, close] = [sql.param(businessHours[0]), sql.param(businessHours[1])];
    const rows = await ctx.rows(
      sql,
      `
      WITH o AS (
        SELECT "SenderAddress" AS s, "RecipientDomain" AS rd, "Size" AS size, "Status" AS status, ${local} AS lt
        FROM "MessageTrace" WHERE ${receivedBetween(sql, ctx.historyFrom, ctx.to)} AND "Direction" = 'Outbound'),
      firsts AS (SELECT s, rd, min(lt // ${DAY_MS}) AS fd FROM o GROUP BY 1, 2),
      fresh AS (SELECT s, fd, count(*) AS n FROM firsts GROUP BY 1, 2)
      SELECT o.s, o.lt // ${DAY_MS} AS d, count(*), sum(o.size), sum(o.size) FILTER (WHERE o.rd NOT IN ${partnerList}),
        count(DISTINCT o.rd), any_value(fresh.n), count(*) FILTER (WHERE o.status = 'Failed'),
        count(*) FILTER (WHERE (o.lt // ${HOUR_MS}) % 24 < ${open} OR (o.lt // ${HOUR_MS}) % 24 >= ${close} OR ((o.lt // ${DAY_MS}) + 4) % 7 IN (0, 6))
      FROM o LEFT JOIN fresh ON fresh.s = o.s AND fresh.fd = o.lt // ${DAY_MS}
      GROUP BY 1, 2`,
    );
    const out = new Map<string, Map<number, SenderDay>>();
    for (const r of rows) {
      const [sender, day, n, bytes, strangers, domains, fresh, failed, off] = r as number[] as unknown as [
        string,
        number,
        number,
        number,
        number | null,
        number,
        number | null,
        number,
        number,
      ];
      let m = out.get(sender);
      if (!m) out.set(sender, (m = new Map()));
      m.set(Number(day), {
        sender,
        day: Number(day),
        rows: n,
        bytes: Number(bytes),
        bytesToStrangers: Number(strangers ?? 0),
        domains,
        newDomains: Number(fresh ?? 0),
        failed,
        offHours: off,
      });
    }
    return out;
  });
}

/** First local day with any mail in the store's history (baselines start there). */
export function firstDataDay(ctx: RuleContext): Promise<number | undefined> {
  return ctx.shared('first-data-day', async () => {
    const sql = new SqlBuilder();
    const [row] = await ctx.rows(
      sql,
      `SELECT epoch_ms(min("Received")) FROM "MessageTrace" WHERE ${receivedBetween(sql, ctx.historyFrom, ctx.to)}`,
    );
    const v = row?.[0];
    return v == null ? undefined : ctx.clock.day(Number(v));
  });
}

/** The prior days' values of one sender (zeros for days without mail), from the first data day on. */
export function priorValues(
  days: ReadonlyMap<number, SenderDay>,
  day: number,
  firstDay: number,
  count: number,
  pick: (d: SenderDay) => number,
): number[] {
  const out: number[] = [];
  for (let k = 1; k <= count && day - k >= firstDay; k++) {
    const d = days.get(day - k);
    out.push(d ? pick(d) : 0);
  }
  return out;
}

/** The q-quantile (0..1) of values, 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
