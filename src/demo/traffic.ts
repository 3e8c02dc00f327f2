/** Background mail of one hour: internal, partners, strangers, private mail and spam. */
import type { Status } from '../schema/index.js';
import type { HourInfo } from './calendar.js';
import { EOP_JP, ipIn } from './ip-ranges.js';
import { bulkMessageId, exoMessageId, genericMessageId, gmailMessageId, guid } from './ids.js';
import type { TraceSink } from './mail.js';
import { freemailIp } from './population.js';
import type { Rng } from './rng.js';
import { automaticSubject, businessSubject, spamSubject } from './subjects.js';
import type { SubjectContext } from './subjects.js';
import { SURNAMES } from './names.js';
import { messageSize } from './world.js';
import type { World } from './world.js';

const HOUR_MS = 3_600_000;
/** Share of a working day's rows that is spam (spam keeps coming at night and on weekends). */
export const SPAM_SHARE = 0.05;
/** Rows per spam message: most spam names one recipient, some a handful. */
const SPAM_ROWS_PER_MESSAGE = 1.75;
const LOCALS = ['info', 'sales', 'support', 'contact', 'noreply', 'eigyo', 'soumu', 'admin', 'office', 'customer'];

/** Expected background rows of an hour (business mail and spam), before random variation. */
export function hourBudget(world: World, hour: HourInfo, businessPerDay: number): { business: number; spam: number } {
  const spam = ((world.messagesPerDay * SPAM_SHARE) / 24) * (hour.workday ? 1 : 0.55);
  return { business: businessPerDay * hour.share, spam };
}

/**
 * Appends the background rows of one hour to the sink. `carry` is how many rows earlier hours went
 * over their budget (a message to a distribution list adds dozens at once); the new carry is returned.
 */
export function backgroundHour(world: World, hour: HourInfo, rng: Rng, sink: TraceSink, businessPerDay: number, carry = 0): number {
  const budget = hourBudget(world, hour, businessPerDay);
  const ctx = world.subjectContext(hour, rng);
  const last = hour.index === world.cal.hours.length - 1;
  const begin = sink.rows.length;
  const wanted = rng.poisson(budget.business);
  const target = begin + wanted - Math.min(carry, Math.floor(wanted / 2));
  while (sink.rows.length < target) businessMessage(world, hour, rng, sink, ctx, last);
  const next = carry + (sink.rows.length - begin) - wanted;
  const spam = rng.poisson(budget.spam / SPAM_ROWS_PER_MESSAGE);
  for (let i = 0; i < spam; i++) spamMessage(world, hour, rng, sink, last);
  return next;
}

/** Final or, in the window's last hour, still-settling status of a delivered row. */
function settle(rng: Rng, status: Status, last: boolean, external: boolean): Status {
  if (!last || status !== 'Delivered') return status;
  const x = rng.next();
  if (x < (external ? 0.35 : 0.08)) return 'Pending';
  if (x < (external ? 0.4 : 0.1)) return 'GettingStatus';
  return status;
}

function internalStatus(rng: Rng): Status {
  const x = rng.next();
  if (x < 0.9925) return 'Delivered';
  if (x < 0.9955) return 'GettingStatus';
  if (x < 0.997) return 'None';
  if (x < 0.9993) return 'Failed';
  return 'Recalled';
}

function inboundStatus(rng: Rng): Status {
  const x = rng.next();
  if (x < 0.975) return 'Delivered';
  if (x < 0.985) return 'FilteredAsSpam';
  if (x < 0.987) return 'Quarantined';
  if (x < 0.997) return 'Failed';
  if (x < 0.999) return 'GettingStatus';
  return 'None';
}

function outboundStatus(rng: Rng): Status {
  const x = rng.next();
  // No Pending here: a deferred message has settled long before anyone reads an older hour's trace.
  if (x < 0.97) return 'Delivered';
  if (x < 0.996) return 'Failed';
  if (x < 0.999) return 'GettingStatus';
  return 'None';
}

/** How our own mail leaves: via EOP, from a client on the office network, or with no IP recorded. */
function outboundFromIp(rng: Rng): string {
  const x = rng.next();
  if (x < 0.6) return ipIn(rng.pick(EOP_JP), rng);
  if (x < 0.85) return `10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  return '';
}

function recipientCount(rng: Rng): number {
  const x = rng.next();
  if (x < 0.58) return 1;
  if (x < 0.88) return rng.int(2, 4);
  return rng.int(5, 12);
}

function businessMessage(world: World, hour: HourInfo, rng: Rng, sink: TraceSink, ctx: SubjectContext, last: boolean): void {
  const pop = world.pop;
  const t = hour.utc + Math.floor(rng.next() * HOUR_MS);
  const traceId = guid(rng);
  const size = messageSize(rng);
  const x = rng.next();
  ctx.surname = rng.pick(SURNAMES);
  if (x < 0.5) {
    // Internal mail, sometimes to a distribution list (one Expanded row plus its members).
    const sender = pop.pickSender.pick(rng).address;
    const subject = businessSubject(rng, sender.endsWith(world.org.acceptedDomains[0]!) ? 'ja' : 'en', ctx);
    const messageId = world.internalMessageId(rng, sender);
    if (rng.chance(0.03)) {
      const list = rng.pick(pop.lists);
      sink.row(t, sender, list.address, subject, 'Expanded', '', '', size, messageId, traceId);
      for (const m of list.members)
        if (m !== sender) sink.row(t, sender, m, subject, settle(rng, internalStatus(rng), last, false), '', '', size, messageId, traceId);
      return;
    }
    const n = recipientCount(rng);
    const seen: string[] = [sender];
    for (let i = 0; i < n; i++) {
      const r = pop.pickSender.pick(rng).address;
      if (seen.includes(r)) continue;
      seen.push(r);
      sink.row(t, sender, r, subject, settle(rng, internalStatus(rng), last, false), '', '', size, messageId, traceId);
    }
    return;
  }
  if (x < 0.78) {
    // Inbound from a partner, a stranger, or a private address.
    let sender: string;
    let fromIp: string;
    let messageId: string;
    let lang: 'ja' | 'en' = 'ja';
    const y = rng.next();
    if (y < 0.66) {
      const p = pop.pickPartner.pick(rng);
      sender = rng.pick(p.contacts);
      fromIp = rng.pick(p.outIps);
      lang = p.lang;
      ctx.partner = p.name;
      messageId = p.mailServer ? exoMessageId(rng, p.mailServer, p.region) : genericMessageId(rng, p.domain, t);
    } else if (y < 0.9) {
      const s = rng.pick(pop.strangers);
      sender = `${rng.pick(LOCALS)}@${s.domain}`;
      fromIp = s.ip;
      lang = s.country === 'JP' ? 'ja' : 'en';
      messageId = rng.chance(0.3) ? bulkMessageId(rng, s.domain) : genericMessageId(rng, s.domain, t);
    } else {
      const domain = pop.pickFreemail.pick(rng);
      sender = `${rng.pick(SURNAMES)}${rng.int(1, 9999)}@${domain}`;
      fromIp = freemailIp(domain, rng);
      messageId = domain === 'gmail.com' ? gmailMessageId(rng) : genericMessageId(rng, domain, t);
    }
    const subject = businessSubject(rng, lang, ctx);
    const n = rng.chance(0.75) ? 1 : rng.int(2, 4);
    const seen: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rng.chance(0.06) ? rng.pick(pop.shared) : pop.pickExternalSender.pick(rng).address;
      if (seen.includes(r)) continue;
      seen.push(r);
      sink.row(t, sender, r, subject, settle(rng, inboundStatus(rng), last, true), fromIp, '', size, messageId, traceId);
    }
    return;
  }
  // Outbound to partners, strangers or private addresses; some copy a colleague.
  const person = pop.pickExternalSender.pick(rng);
  const sender = person.address;
  const messageId = world.internalMessageId(rng, sender);
  const fromIp = outboundFromIp(rng);
  const y = rng.next();
  let subject: string;
  const recipients: Array<[string, string]> = [];
  if (y < 0.7) {
    const p = pop.pickPartner.pick(rng);
    ctx.partner = p.name;
    subject = businessSubject(rng, p.lang, ctx);
    const n = rng.chance(0.7) ? 1 : rng.int(2, 3);
    for (let i = 0; i < n; i++) recipients.push([rng.pick(p.contacts), p.inIp]);
  } else if (y < 0.93) {
    const s = rng.pick(pop.strangers);
    subject = businessSubject(rng, s.country === 'JP' ? 'ja' : 'en', ctx);
    recipients.push([`${rng.pick(LOCALS)}@${s.domain}`, s.ip]);
  } else {
    const domain = pop.pickFreemail.pick(rng);
    subject = businessSubject(rng, 'ja', ctx);
    recipients.push([`${rng.pick(SURNAMES)}${rng.int(1, 9999)}@${domain}`, freemailIp(domain, rng)]);
  }
  if (rng.chance(0.01)) subject = automaticSubject(rng, subject);
  const seen: string[] = [];
  for (const [r, ip] of recipients) {
    if (seen.includes(r)) continue;
    seen.push(r);
    sink.row(t, sender, r, subject, settle(rng, outboundStatus(rng), last, true), fromIp, ip, size, messageId, traceId);
  }
  if (rng.chance(0.2)) {
    const cc = pop.pickSender.pick(rng).address;
    if (cc !== sender)
      sink.row(t, sender, cc, subject, settle(rng, internalStatus(rng), last, false), fromIp, '', size, messageId, traceId);
  }
}

function spamMessage(world: World, hour: HourInfo, rng: Rng, sink: TraceSink, last: boolean): void {
  const pop = world.pop;
  const t = hour.utc + Math.floor(rng.next() * HOUR_MS);
  const s = rng.pick(pop.spamDomains);
  const sender = `${rng.pick(LOCALS)}${rng.chance(0.5) ? rng.int(1, 999) : ''}@${s.domain}`;
  const subject = spamSubject(rng);
  const size = Math.round(Math.min(400_000, Math.max(3_000, rng.logNormal(14_000, 0.8))));
  const messageId = genericMessageId(rng, s.domain, t);
  const traceId = guid(rng);
  const n = rng.chance(0.7) ? 1 : rng.int(2, 5);
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.chance(0.1) ? rng.pick(pop.shared) : rng.pick(pop.people).address;
    if (seen.includes(r)) continue;
    seen.push(r);
    const x = rng.next();
    const status: Status = x < 0.8 ? 'FilteredAsSpam' : x < 0.88 ? 'Quarantined' : x < 0.98 ? 'Delivered' : 'Failed';
    sink.row(t, sender, r, subject, settle(rng, status, last, true), s.ip, '', size, messageId, traceId);
  }
}
