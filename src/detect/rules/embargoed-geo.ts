/** embargoed-geo: mail from or to a country under embargo; optionally mail from abroad to sensitive recipients. */
import { z } from 'zod';
import type { FindingDraft, Severity } from '../finding.js';
import { countryName, plural } from '../describe.js';
import { evidenceQuery, kqlBetween, kqlIn, kqlString } from '../kql-text.js';
import { asList, asMs, asNumber } from '../kql-values.js';
import { defineRule, type RuleContext } from '../rule.js';
import { dayOf } from '../time-zone.js';
import { countJa, countryNameJa } from '../describe-ja.js';

const params = z
  .object({
    /** Report mail received from an embargoed country (FromCountry). */
    inbound: z.boolean().default(true),
    /** Report mail sent to a server in an embargoed country (ToCountry). */
    outbound: z.boolean().default(true),
    /**
     * Recipients (addresses, or `@domain`) for whom mail from any country outside
     * organization.homeCountries is reported too (low severity). Empty: off.
     */
    sensitiveRecipients: z.array(z.string().transform((s) => s.trim().toLowerCase())).default([]),
  })
  .strict();

type Params = z.infer<typeof params>;
type Side = 'From' | 'To';

export const embargoedGeo = defineRule({
  id: 'embargoed-geo',
  summary: 'Mail from or to a country in organization.embargoedCountries',
  params,
  async run(ctx, p) {
    const out: FindingDraft[] = [];
    const embargoed = ctx.organization.embargoedCountries;
    if (embargoed.length > 0) {
      if (p.inbound) out.push(...(await bySide(ctx, 'From', embargoed)));
      if (p.outbound) out.push(...(await bySide(ctx, 'To', embargoed)));
    }
    if (p.sensitiveRecipients.length > 0 && ctx.organization.homeCountries.length > 0) out.push(...(await sensitive(ctx, p)));
    return out;
  },
});

/** Groups by country, IP and local day: one finding per source (or destination) a day. */
async function bySide(ctx: RuleContext, side: Side, countries: readonly string[]): Promise<FindingDraft[]> {
  const day = ctx.clock.localDateKql('Received', ctx.from, ctx.to + 1);
  const rows = await ctx.kql(`MessageTrace
    | where ${kqlBetween(ctx.from, ctx.to)} and ${kqlIn(`${side}Country`, countries)}
    | summarize count(), min(Received), max(Received), dcount(SenderAddress), make_set(SenderAddress, 5),
        dcount(RecipientAddress), make_set(RecipientAddress, 5), countif(Status in ("Delivered", "Expanded", "Pending", "GettingStatus")),
        make_set(Subject, 3)
        by Country = ${side}Country, IP = ${side}IP, Day = ${day}
    | sort by min_Received asc`);
  return rows.map((r) => {
    const [country, ip, d, n, first, last] = groupHead(r);
    const [senders, senderList, recipients, recipientList, delivered, subjects] = [
      asNumber(r[6]),
      asList(r[7]),
      asNumber(r[8]),
      asList(r[9]),
      asNumber(r[10]),
      asList(r[11]),
    ] as const;
    const severity: Severity = side === 'To' ? 'high' : delivered > 0 ? 'high' : 'medium';
    const sender = senders === 1 ? senderList[0]! : '';
    const recipient = recipients === 1 ? recipientList[0]! : '';
    const where = side === 'From' ? `from ${countryName(country)}` : `to ${countryName(country)}`;
    const via = ip ? ` (${ip})` : '';
    return {
      rule: 'embargoed-geo',
      severity,
      title: `${plural(n, 'message')} ${where}${via}, an embargoed country`,
      titleJa: `禁輸対象国 ${countryNameJa(country)} ${side === 'From' ? 'から' : 'へ'}のメール ${countJa(n, '通')}${ip ? `（${ip}）` : ''}`,
      from: first,
      to: last,
      count: n,
      entities: {
        country,
        ip,
        sender,
        senderDomain: sender ? sender.slice(sender.lastIndexOf('@') + 1) : '',
        recipient,
      },
      query: evidenceQuery([kqlBetween(first, last), `${side}Country == ${kqlString(country)}`, kqlIn(`${side}IP`, [ip])]),
      details: {
        direction: side === 'From' ? 'inbound' : 'outbound',
        delivered,
        blocked: n - delivered,
        senders: senderList,
        distinctSenders: senders,
        recipients: recipientList,
        distinctRecipients: recipients,
        subjects,
      },
      key: [side, country, ip, String(d)],
    } satisfies FindingDraft;
  });
}

/** Mail from outside the home countries to the listed sensitive recipients, per recipient and country a day. */
async function sensitive(ctx: RuleContext, p: Params): Promise<FindingDraft[]> {
  const addresses = p.sensitiveRecipients.filter((s) => !s.startsWith('@'));
  const domains = p.sensitiveRecipients.filter((s) => s.startsWith('@')).map((s) => s.slice(1));
  const day = ctx.clock.localDateKql('Received', ctx.from, ctx.to + 1);
  const notIn = (column: string, values: readonly string[]) => (values.length ? ` and not(${kqlIn(column, values)})` : '');
  const recipientCond = [
    addresses.length ? kqlIn('RecipientAddress', addresses) : '',
    domains.length ? kqlIn('RecipientDomain', domains) : '',
  ]
    .filter(Boolean)
    .join(' or ');
  const rows = await ctx.kql(`MessageTrace
    | where ${kqlBetween(ctx.from, ctx.to)} and FromCountry != ""${notIn('FromCountry', ctx.organization.homeCountries)}${notIn('FromCountry', ctx.organization.embargoedCountries)}
    | where ${recipientCond}
    | summarize count(), min(Received), max(Received), make_set(SenderAddress, 5), make_set(FromIP, 5)
        by Recipient = RecipientAddress, Country = FromCountry, Day = ${day}
    | sort by min_Received asc`);
  return rows.map((r) => {
    const [recipient, country, d, n, first, last] = groupHead(r);
    const [senders, ips] = [asList(r[6]), asList(r[7])];
    return {
      rule: 'embargoed-geo',
      severity: 'low',
      title: `${plural(n, 'message')} from ${countryName(country)} to ${recipient}, outside the home countries`,
      titleJa: `本拠国以外の ${countryNameJa(country)} から ${recipient} へのメール ${countJa(n, '通')}`,
      from: first,
      to: last,
      count: n,
      entities: { recipient, country, ip: ips.length === 1 ? ips[0]! : '' },
      query: evidenceQuery([
        kqlBetween(first, last),
        `RecipientAddress == ${kqlString(recipient)}`,
        `FromCountry == ${kqlString(country)}`,
      ]),
      details: { direction: 'inbound', reason: 'sensitive recipient', senders, ips, homeCountries: ctx.organization.homeCountries },
      key: ['sensitive', recipient, country, String(d)],
    } satisfies FindingDraft;
  });
}

/** The two group keys, local day, count, first and last time that both queries start their rows with. */
function groupHead(r: unknown[]): [string, string, number, number, number, number] {
  return [String(r[0]), String(r[1]), dayOf(r[2]), asNumber(r[3]), asMs(r[4]), asMs(r[5])];
}
