/** Mail per value of one column per local day, with the samples a finding shows (senders, recipients, IPs, subjects). */
import type { RuleContext } from '../rule.js';
import { SqlBuilder, receivedBetween } from '../sql-builder.js';

/** One value on one local day. */
export interface EntityDay {
  value: string;
  /** Local day number (ctx.clock). */
  day: number;
  count: number;
  first: number;
  last: number;
  /** Rows delivered (Delivered or Expanded). */
  delivered: number;
  senders: string[];
  senderCount: number;
  recipients: string[];
  recipientCount: number;
  ips: string[];
  subjects: string[];
  countries: string[];
}

/**
 * The rows of `column` IN `values` in the rule's window, grouped by value and local day, oldest first; `samples`
 * caps the recipients and subjects listed (senders, IPs and countries: 5).
 */
export async function entityDays(
  ctx: RuleContext,
  column: string,
  values: readonly string[],
  samples: { recipients: number; subjects: number },
): Promise<EntityDay[]> {
  const sql = new SqlBuilder();
  const day = ctx.clock.localDaySql(sql, 'epoch_ms("Received")', ctx.from, ctx.to + 1);
  const rows = await ctx.rows(
    sql,
    `
    SELECT "${column}", ${day}, count(*), epoch_ms(min("Received")), epoch_ms(max("Received")),
      count(*) FILTER (WHERE "Status" IN ('Delivered', 'Expanded')),
      list_slice(list(DISTINCT "SenderAddress"), 1, 5), count(DISTINCT "SenderAddress"),
      list_slice(list(DISTINCT "RecipientAddress"), 1, ${Math.trunc(samples.recipients)}), count(DISTINCT "RecipientAddress"),
      list_slice(list(DISTINCT "FromIP"), 1, 5), list_slice(list(DISTINCT "Subject"), 1, ${Math.trunc(samples.subjects)}),
      list_slice(list(DISTINCT "FromCountry"), 1, 5)
    FROM "MessageTrace" WHERE ${receivedBetween(sql, ctx.from, ctx.to)} AND "${column}" IN ${sql.list([...values])}
    GROUP BY 1, 2 ORDER BY 4`,
  );
  return rows.map((r) => {
    const [value, d, count, first, last, delivered, senders, senderCount, recipients, recipientCount, ips, subjects, countries] = r as [
      string,
      number,
      number,
      number,
      number,
      number,
      string[],
      number,
      string[],
      number,
      string[],
      string[],
      string[],
    ];
    return { value, day: d, count, first, last, delivered, senders, senderCount, recipients, recipientCount, ips, subjects, countries };
  });
}
