/** Mail per value of one column per local day, with the samples a finding shows (senders, recipients, IPs, subjects). */
import type { RuleContext } from '../rule.js';
import { kqlBetween, kqlIn } from '../kql-text.js';
import { asList, asMs, asNumber } from '../kql-values.js';
import { dayOf } from '../time-zone.js';

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
  if (values.length === 0) return [];
  const day = ctx.clock.localDateKql('Received', ctx.from, ctx.to + 1);
  const rows = await ctx.kql(`MessageTrace
    | where ${kqlBetween(ctx.from, ctx.to)}
    | where ${kqlIn(column, values)}
    | summarize count(), min(Received), max(Received), countif(Status in ("Delivered", "Expanded")),
        make_set(SenderAddress, 5), dcount(SenderAddress), make_set(RecipientAddress, ${Math.trunc(samples.recipients)}),
        dcount(RecipientAddress), make_set(FromIP, 5), make_set(Subject, ${Math.trunc(samples.subjects)}), make_set(FromCountry, 5)
        by Value = ${column}, Day = ${day}
    | sort by min_Received asc`);
  return rows.map((r) => {
    const [value, d, count, first, last, delivered, senders, senderCount, recipients, recipientCount, ips, subjects, countries] = r;
    return {
      value: String(value),
      day: dayOf(d),
      count: asNumber(count),
      first: asMs(first),
      last: asMs(last),
      delivered: asNumber(delivered),
      senders: asList(senders),
      senderCount: asNumber(senderCount),
      recipients: asList(recipients),
      recipientCount: asNumber(recipientCount),
      ips: asList(ips),
      subjects: asList(subjects),
      countries: asList(countries),
    };
  });
}
