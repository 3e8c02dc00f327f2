/**
 * Planted incidents from KNOWN senders: an Emotet-style reply-chain wave sent in the names of many partners and
 * regular correspondents from infrastructure they never used, and one partner whose mailbox is abused from
 * abroad; plus the benign look-alikes (a partner travelling, a partner's new server at its usual host).
 * Each seed gets its own variant (subject, size, countries, speed), so rules are not tuned to one wave.
 */
import type { Status, TraceRecord } from '../schema/index.js';
import type { LocalDay } from './calendar.js';
import { inbound } from './incidents-inbound.js';
import { COUNTRY_RANGES, ipIn, rangeContains } from './ip-ranges.js';
import { PARTNERS } from './names.js';
import type { Planter } from './planter.js';
import type { Partner } from './population.js';

const HOUR_MS = 3_600_000;

/** The wave variants: subject, known sender domains, messages, hours, countries. */
const WAVES = [
  { subject: (n: number) => `Re: 請求書 No.${n} のご確認`, domains: 45, messages: 320, hours: 2, countries: ['NG', 'EG', 'BR', 'RU'] },
  { subject: (n: number) => `RE: 見積書 No.${n} の件`, domains: 30, messages: 200, hours: 3, countries: ['BR', 'VN', 'IN'] },
  { subject: (n: number) => `Ｒｅ：【ご確認】注文書 ${n}`, domains: 25, messages: 150, hours: 7, countries: ['RU', 'NG', 'EG'] },
  { subject: (n: number) => `RE: Payment advice ${n}`, domains: 35, messages: 240, hours: 5, countries: ['EG', 'BR', 'IN', 'VN'] },
] as const;

/** The abused-partner variants. */
const ABUSES = [
  { messages: 30, recipients: 15, hours: 3, country: 'NG' },
  { messages: 12, recipients: 6, hours: 8, country: 'RU' },
  { messages: 20, recipients: 10, hours: 5, country: 'BR' },
] as const;

const ABUSE_SUBJECTS = ['【至急】お振込先口座変更のご連絡', 'Re: ご請求の件', '請求書送付のご案内（再送）', 'RE: お支払いについて'];

/** Plants the wave, the abused partner and their benign look-alikes (after every other story, on late working days). */
export function plantPartnerIncidents(p: Planter): void {
  const days = lateWorkdays(p);
  if (days.length < 2) return;
  const [waveDay, abuseDay, travelDay, hostDay] = p.rng.sample(days, Math.min(4, days.length));
  const partners = p.world.pop.partners;
  // The busiest partners are the ones an attacker abuses (and the ones with history enough to be judged).
  const busy = partners.filter((x) => (PARTNERS.find((y) => y.domain === x.domain)?.weight ?? 0) >= 4);
  const target = p.rng.pick(busy.length > 0 ? busy : partners);
  plantWave(
    p,
    waveDay!,
    partners.filter((x) => x !== target),
  );
  plantAbuse(p, abuseDay!, target);
  const others = partners.filter((x) => x !== target);
  plantTravel(p, travelDay ?? waveDay!, p.rng.pick(others));
  plantNewServer(p, hostDay ?? abuseDay!, p.rng.pick(others.filter((x) => x.outIps.some((ip) => rangeOf(ip)))));
}

/** Full working days in the second half of the window (partners need weeks of history), but not the last. */
function lateWorkdays(p: Planter): LocalDay[] {
  const full = p.world.cal.fullDays();
  return full.filter((d, i) => d.workday && i >= Math.max(12, Math.floor(full.length / 2)) && i < full.length - 1);
}

/** An inbound message of a usual size for mail with an attachment. */
function inboundFrom(
  p: Planter,
  t: number,
  sender: string,
  recipients: string[],
  subject: string,
  ip: string,
  status: () => Status,
): TraceRecord[] {
  return inbound(p, t, sender, recipients, subject, p.rng.int(60_000, 400_000), ip, status);
}

function plantWave(p: Planter, day: LocalDay, partners: readonly Partner[]): void {
  const { rng, world } = p;
  const v = WAVES[variant(world.seed, WAVES.length)]!;
  // Partners first, then regular correspondents among the strangers, up to the variant's size.
  const strangers = rng.sample(world.pop.strangers, Math.max(0, v.domains - partners.length));
  const senders = [
    ...partners.map((x) => rng.pick(x.contacts)),
    ...strangers.map((x) => `${rng.pick(['info', 'keiri', 'office', 'sales'])}@${x.domain}`),
  ].slice(0, v.domains);
  const ips = senders.map(() => world.pop.freshIp(rng, rng.pick(v.countries)));
  const targets = rng.sample(
    [...new Set(Array.from({ length: 400 }, () => world.pop.pickExternalSender.pick(rng).address))],
    Math.min(150, Math.round(v.messages / 2)),
  );
  // After lunch: the morning peak of the calendar stays the background's own.
  const from = p.at(day, rng.int(13, 14), rng.int(0, 59));
  const rows: TraceRecord[] = [];
  p.times(v.messages, from, from + v.hours * HOUR_MS).forEach((t, i) => {
    const k = i % senders.length;
    rows.push(
      ...inboundFrom(p, t, senders[k]!, [rng.pick(targets)], v.subject(rng.int(10000, 99999)), ips[k]!, () =>
        rng.chance(0.8) ? 'Delivered' : rng.chance(0.5) ? 'FilteredAsSpam' : 'Quarantined',
      ),
    );
  });
  const first = rows[0]!.Subject;
  const description = `Reply-chain wave from known senders like "${first}": ${senders.length} partners and correspondents, ${v.messages} messages in ${v.hours} hours from ${v.countries.join(', ')}`;
  p.incident('subject-campaign', rows, { subject: first }, description);
  p.incident(
    'partner-compromise',
    rows.filter((r) => partners.some((x) => r.SenderAddress.endsWith(`@${x.domain}`))),
    {},
    `${description} (partners sending from countries they never used)`,
  );
}

function plantAbuse(p: Planter, day: LocalDay, partner: Partner): void {
  const { rng, world } = p;
  const v = ABUSES[variant(world.seed, ABUSES.length)]!;
  const ip = world.pop.freshIp(rng, v.country);
  const targets = rng.sample(
    world.pop.people.map((x) => x.address),
    v.recipients,
  );
  const from = p.at(day, rng.int(9, 12));
  const rows: TraceRecord[] = [];
  p.times(v.messages, from, from + v.hours * HOUR_MS).forEach((t, i) => {
    rows.push(
      ...inboundFrom(p, t, rng.pick(partner.contacts), [targets[i % targets.length]!], rng.pick(ABUSE_SUBJECTS), ip, () => 'Delivered'),
    );
  });
  p.incident(
    'partner-compromise',
    rows,
    { senderDomain: partner.domain, country: v.country },
    `Partner ${partner.domain} abused from ${v.country} (${ip}): ${rows.length} messages to ${v.recipients} people in ${v.hours} hours`,
  );
}

/** A partner on a business trip: two messages from a hotel abroad. */
function plantTravel(p: Planter, day: LocalDay, partner: Partner): void {
  const { rng, world } = p;
  const country = partner.country === 'SG' ? 'TW' : 'SG';
  const ip = world.pop.freshIp(rng, country);
  const sender = rng.pick(partner.contacts);
  const rows: TraceRecord[] = [];
  for (const t of p.times(2, p.at(day, 8), p.at(day, 20))) {
    rows.push(
      ...inboundFrom(p, t, sender, [rng.pick(world.pop.people).address], 'Re: 打ち合わせの件（出張先より）', ip, () => 'Delivered'),
    );
  }
  p.trap({
    kind: 'partner-travel',
    from: rows[0]!.Received,
    to: rows[rows.length - 1]!.Received,
    entities: { senderDomain: partner.domain },
    quietRules: ['partner-compromise'],
    description: `${sender} writes twice from a hotel in ${country} on a business trip`,
  });
}

/** A partner's day of mail through a new address at its usual host (same network and country). */
function plantNewServer(p: Planter, day: LocalDay, partner: Partner | undefined): void {
  if (!partner) return;
  const { rng, world } = p;
  const range = partner.outIps.map(rangeOf).find((r) => r)!;
  const ip = ipIn(range, rng);
  const rows: TraceRecord[] = [];
  for (const t of p.times(12, p.at(day, 9), p.at(day, 18))) {
    rows.push(
      ...inboundFrom(
        p,
        t,
        rng.pick(partner.contacts),
        [rng.pick(world.pop.people).address],
        'お打ち合わせ日程のご相談',
        ip,
        () => 'Delivered',
      ),
    );
  }
  p.trap({
    kind: 'shared-hosting',
    from: rows[0]!.Received,
    to: rows[rows.length - 1]!.Received,
    entities: { senderDomain: partner.domain },
    quietRules: ['partner-compromise', 'subject-campaign'],
    description: `${partner.domain} sends a day's mail from ${ip}, a new address at its usual host (${range.owner})`,
  });
}

/** The variant of a seed (consecutive seeds, and seeds 1 and 5, get different ones). */
function variant(seed: number, n: number): number {
  return (((seed + Math.floor(seed / 5)) % n) + n) % n;
}

function rangeOf(ip: string) {
  for (const ranges of Object.values(COUNTRY_RANGES)) for (const r of ranges) if (rangeContains(r, ip)) return r;
  return undefined;
}
