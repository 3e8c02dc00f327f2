/**
 * partner-compromise: a partner that has written to us for weeks suddenly sends from a country (or AS) it never
 * used. A stolen mailbox or a botnet replaying a partner's threads sends from the attacker's infrastructure;
 * the partner's own mail keeps coming from its usual servers. Many partners at once on one day is a wave
 * (Emotet-style) and is reported as one finding.
 */
import { z } from 'zod';
import { plural } from '../describe.js';
import { raiseSeverity, type FindingDraft, type Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { defineRule } from '../rule.js';
import { partnerDomains } from './partner-domains.js';
import { newOrigin, originDays, originKey, walkOrigins, type OriginDay } from './sender-origins.js';
import { countJa, listJa } from '../describe-ja.js';

const params = z
  .object({
    /** Days the partner wrote to us (inbound) before the day: its usual origins are known. */
    minActiveDays: z.number().int().min(1).default(8),
    /** Rows from new origins in the day (a partner travelling sends one or two). */
    minMessages: z.number().int().min(1).default(5),
    /** Distinct recipients of those rows. */
    minRecipients: z.number().int().min(1).default(3),
    /** A new AS in a known country counts only when it carries this share of the partner's mail that day (a switch). */
    asSwitchShare: z.number().min(0).max(1).default(0.8),
    /** Rows (or recipients) from which a partner's finding is high. */
    highMessages: z.number().int().min(1).default(20),
    highRecipients: z.number().int().min(1).default(10),
    /** This many partners from new origins on one day are one wave finding... */
    waveDomains: z.number().int().min(2).default(5),
    /** ...counting partners with this many rows from new origins (a wave spreads its mail thin over many partners). */
    waveMinMessages: z.number().int().min(1).default(3),
  })
  .strict();

type Params = z.infer<typeof params>;

/** A partner's mail from new origins on one day. */
interface Flagged {
  domain: string;
  day: number;
  origins: (OriginDay & { kind: 'country' | 'as' })[];
  rows: number;
  recipients: number;
  delivered: number;
  first: number;
  last: number;
  activeDays: number;
  usualCountries: string[];
  usualOrigins: string[];
}

export const partnerCompromise = defineRule({
  id: 'partner-compromise',
  summary: 'A long-standing partner domain suddenly sending from a country or network it never used',
  params,
  async run(ctx, p) {
    const partners = [...(await partnerDomains(ctx)).keys()];
    const days = await originDays(ctx, partners, ctx.historyFrom, ctx.to);
    const fromDay = ctx.clock.day(ctx.from);
    const toDay = ctx.clock.day(ctx.to);
    const flagged: Flagged[] = [];
    walkOrigins(days, (domain, day, today, before) => {
      if (day < fromDay || day > toDay || before.activeDays < p.minActiveDays) return;
      const total = today.reduce((n, o) => n + o.rows, 0);
      const fresh = today.flatMap((o) => {
        const kind = newOrigin(o, before);
        return kind ? [{ ...o, kind }] : [];
      });
      const countries = fresh.filter((o) => o.kind === 'country');
      const asRows = fresh.filter((o) => o.kind === 'as').reduce((n, o) => n + o.rows, 0);
      // A new AS at home counts only as a switch of infrastructure, not a second server next to the usual ones.
      const origins = asRows >= p.asSwitchShare * total ? fresh : countries;
      const rows = origins.reduce((n, o) => n + o.rows, 0);
      const recipients = new Set(origins.flatMap((o) => o.recipientList)).size;
      const recipientsUpTo = Math.max(recipients, ...origins.map((o) => o.recipients));
      if (rows < Math.min(p.minMessages, p.waveMinMessages)) return;
      flagged.push({
        domain,
        day,
        origins,
        rows,
        recipients: recipientsUpTo,
        delivered: origins.reduce((n, o) => n + o.delivered, 0),
        first: Math.min(...origins.map((o) => o.first)),
        last: Math.max(...origins.map((o) => o.last)),
        activeDays: before.activeDays,
        usualCountries: [...before.countries].sort(),
        usualOrigins: [...before.origins].sort(),
      });
    });
    const byDay = new Map<number, Flagged[]>();
    for (const f of flagged) byDay.set(f.day, [...(byDay.get(f.day) ?? []), f]);
    const out: FindingDraft[] = [];
    for (const [day, list] of byDay) {
      const inWave = list.filter((f) => f.rows >= p.waveMinMessages);
      if (inWave.length >= p.waveDomains) out.push(wave(day, inWave));
      else for (const f of list) if (f.rows >= p.minMessages && f.recipients >= p.minRecipients) out.push(single(p, f));
    }
    return out;
  },
});

function severityOf(p: Params, f: Flagged): Severity {
  let s: Severity = f.rows >= p.highMessages || f.recipients >= p.highRecipients ? 'high' : 'medium';
  const onlyAs = f.origins.every((o) => o.kind === 'as');
  if (onlyAs) s = s === 'high' ? 'medium' : 'low';
  if (f.delivered === 0) s = s === 'high' ? 'medium' : 'low';
  return s;
}

/** KQL condition for a partner's rows from the given origins. */
function originCondition(domain: string, origins: readonly OriginDay[]): string {
  const parts = origins.map((o) => `(FromCountry == ${kqlString(o.country)} and FromAsn == ${Math.trunc(o.asn)})`);
  return `(SenderDomain == ${kqlString(domain)} and (${parts.join(' or ')}))`;
}

function describeOrigins(origins: Flagged['origins']): string {
  return [...new Set(origins.map((o) => (o.kind === 'as' ? `AS${o.asn}` : o.country)))].join(', ');
}

function single(p: Params, f: Flagged): FindingDraft {
  const countries = [...new Set(f.origins.map((o) => o.country))];
  const ips = [...new Set(f.origins.flatMap((o) => o.ips))];
  const senders = [...new Set(f.origins.flatMap((o) => o.senders))];
  const recipients = [...new Set(f.origins.flatMap((o) => o.recipientList))];
  return {
    rule: 'partner-compromise',
    severity: severityOf(p, f),
    title: `Partner ${f.domain} sends from ${describeOrigins(f.origins)} for the first time: ${plural(f.rows, 'message')} to ${plural(f.recipients, 'recipient')} (usually ${f.usualCountries.join(', ') || 'unknown'})`,
    titleJa: `取引先 ${f.domain} が初めて ${describeOrigins(f.origins)} から送信: 受信者 ${countJa(f.recipients, '人')}へ ${countJa(f.rows, '通')}（通常は ${listJa(f.usualCountries) || '不明'}）`,
    from: f.first,
    to: f.last,
    count: f.rows,
    entities: {
      senderDomain: f.domain,
      country: countries.length === 1 ? countries[0] : '',
      ip: ips.length === 1 ? ips[0] : '',
      sender: senders.length === 1 ? senders[0] : '',
      recipient: f.recipients === 1 ? recipients[0] : '',
    },
    query: evidenceQuery([kqlBetween(f.first, f.last), 'Direction == "Inbound"', originCondition(f.domain, f.origins)]),
    details: {
      newOrigins: f.origins.map((o) => ({
        country: o.country,
        asn: o.asn,
        asOrg: o.asOrg,
        newIs: o.kind,
        rows: o.rows,
        ips: o.ips,
      })),
      usualCountries: f.usualCountries,
      usualOrigins: f.usualOrigins,
      activeDaysBefore: f.activeDays,
      delivered: f.delivered,
      senders,
      recipients,
    },
    key: [f.domain, String(f.day)],
  };
}

/** Many partners on one day: one finding for the wave. */
function wave(day: number, list: readonly Flagged[]): FindingDraft {
  const rows = list.reduce((n, f) => n + f.rows, 0);
  const delivered = list.reduce((n, f) => n + f.delivered, 0);
  const countries = new Map<string, number>();
  for (const f of list) for (const o of f.origins) countries.set(o.country, (countries.get(o.country) ?? 0) + o.rows);
  const first = Math.min(...list.map((f) => f.first));
  const last = Math.max(...list.map((f) => f.last));
  const top = [...countries].sort((a, b) => b[1] - a[1]);
  let severity: Severity = delivered > 0 ? 'high' : 'medium';
  if (delivered / rows >= 0.5 && list.length >= 10) severity = raiseSeverity(severity);
  return {
    rule: 'partner-compromise',
    severity,
    title: `${list.length} partners send from countries they never used, on one day: ${plural(rows, 'message')} from ${top.map(([c]) => c || '?').join(', ')}`,
    titleJa: `取引先 ${countJa(list.length, '社')}が同じ日に使ったことのない国から送信: ${listJa(top.map(([c]) => c || '?'))} から ${countJa(rows, '通')}`,
    from: first,
    to: last,
    count: rows,
    entities: { country: countries.size === 1 ? top[0]![0] : '' },
    query: evidenceQuery([
      kqlBetween(first, last),
      'Direction == "Inbound"',
      `(${list.map((f) => originCondition(f.domain, f.origins)).join(' or ')})`,
    ]),
    details: {
      partners: list.map((f) => ({
        domain: f.domain,
        rows: f.rows,
        newOrigins: f.origins.map(originKey),
        usualCountries: f.usualCountries,
        activeDaysBefore: f.activeDays,
      })),
      countries: Object.fromEntries(top),
      delivered,
      deliveredShare: Math.round((delivered / rows) * 100) / 100,
    },
    key: ['wave', String(day)],
  };
}
