/** Planted outbound incidents: a compromised account's night burst, data theft to freemail, an EDR-flagged user. */
import type { TraceRecord } from '../schema/index.js';
import { guid } from './ids.js';
import { PLANTED_PEOPLE, freemailIp } from './population.js';
import { SURNAMES } from './names.js';
import type { Planter } from './planter.js';

/** Outbound message from an internal sender; ToIP follows the recipient's domain. */
function outbound(
  p: Planter,
  t: number,
  sender: string,
  recipients: readonly string[],
  subject: string,
  size: number,
  fromIp: string,
  toIp: (r: string) => string,
  failed = 0,
): TraceRecord[] {
  return p.mail({
    t,
    sender,
    recipients,
    subject,
    size,
    fromIp,
    toIp,
    status: () => (p.rng.chance(failed) ? 'Failed' : 'Delivered'),
    messageId: p.world.internalMessageId(p.rng, sender),
    traceId: guid(p.rng),
  });
}

function address(p: Planter, local: string): string {
  return `${local}@${p.world.org.acceptedDomains[0]!}`;
}

/** 3. k.tanaka's account, taken over, sends 300+ messages to 100+ new domains at 2-4 AM; many bounce. */
export function plantOutboundBurst(p: Planter): void {
  const { rng, world } = p;
  const sender = address(p, PLANTED_PEOPLE.burst.local);
  const countries = ['US', 'US', 'JP', 'DE', 'GB', 'FR', 'BR', 'IN', 'AU', 'KR', 'TW', 'SG', 'NL'];
  const targets = Array.from({ length: 140 }, () => {
    const country = rng.pick(countries);
    return { domain: world.pop.freshDomain(rng, country), ip: world.pop.freshIp(rng, country) };
  });
  const attackerIp = world.pop.freshIp(rng, 'NG');
  const subjects = [
    'Payment advice - remittance copy',
    'Please review the attached document',
    '【重要】お支払いのご案内',
    'Shared file: Q3 statement.pdf',
  ];
  const day = p.days.outboundBurst;
  const rows: TraceRecord[] = [];
  p.times(330, p.at(day, 2), p.at(day, 4)).forEach((t, i) => {
    const target = i < targets.length ? targets[i]! : rng.pick(targets);
    const recipient = `${rng.pick(['info', 'sales', 'contact', 'accounts', rng.pick(SURNAMES)])}@${target.domain}`;
    rows.push(...outbound(p, t, sender, [recipient], rng.pick(subjects), rng.int(15_000, 45_000), attackerIp, () => target.ip, 0.45));
  });
  p.incident(
    'outbound-burst',
    rows,
    { sender },
    `${sender} sent ${rows.length} messages to ${targets.length} never-seen domains between 02:00 and 04:00 local, from ${attackerIp}`,
  );
  const failed = rows.filter((r) => r.Status === 'Failed');
  p.incident(
    'status-spike',
    failed,
    { status: 'Failed' },
    `${failed.length} Failed rows at night: the bounces of the outbound burst from ${sender}`,
  );
}

/** 7. r.kobayashi sends 2+ GB of large attachments to a private Gmail address over one working day. */
export function plantLargeTransfer(p: Planter): void {
  const { rng } = p;
  const sender = address(p, PLANTED_PEOPLE.exfiltration.local);
  const recipient = 'ryo.kbys.home@gmail.com';
  const day = p.days.largeTransfer;
  const clientIp = `10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const rows: TraceRecord[] = [];
  p.times(80, p.at(day, 9, 30), p.at(day, 18)).forEach((t, i) => {
    const subject = rng.chance(0.3) ? '' : `backup_part${String(i + 1).padStart(2, '0')}.zip`;
    rows.push(
      ...outbound(p, t, sender, [recipient], subject, rng.int(27_000_000, 34_500_000), clientIp, () => freemailIp('gmail.com', rng)),
    );
  });
  const total = rows.reduce((sum, r) => sum + r.Size, 0);
  p.incident(
    'large-transfer',
    rows,
    { sender, recipient },
    `${sender} sent ${(total / 2 ** 30).toFixed(2)} GiB in ${rows.length} messages to the private address ${recipient}`,
  );
}

/** 8. An EDR keylogger alert on s.suzuki's machine, followed within hours by unusual external mail. */
export function plantWatchlistCorrelation(p: Planter): void {
  const { rng, world } = p;
  const user = address(p, PLANTED_PEOPLE.watchlist.local);
  const day = p.days.watchlist;
  const alertAt = p.at(day, 10, 20);
  p.watchlist.push({
    Timestamp: alertAt,
    User: user,
    Product: 'Microsoft Defender for Endpoint',
    Detection: 'Trojan:Win32/AgentTesla!ml (keylogger)',
    Severity: 'High',
    Name: 'edr',
  });
  const clientIp = `10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const strange = Array.from({ length: 7 }, () => {
    const country = rng.pick(['RU', 'VN', 'NG', 'CN', 'BR']);
    return {
      address: `${rng.pick(['drop', 'mail', 'log', 'box'])}${rng.int(1, 99)}@${world.pop.freshDomain(rng, country)}`,
      ip: world.pop.freshIp(rng, country),
    };
  });
  const free = ['gmail.com', 'outlook.com', 'gmail.com'].map((d) => ({
    address: `${rng.pick(SURNAMES)}${rng.int(100, 9999)}@${d}`,
    ip: freemailIp(d, rng),
  }));
  const targets = [...strange, ...free];
  const rows: TraceRecord[] = [];
  p.times(14, alertAt + 30 * 60_000, p.at(day, 14, 30)).forEach((t, i) => {
    const target = i < targets.length ? targets[i]! : rng.pick(targets);
    rows.push(
      ...outbound(
        p,
        t,
        user,
        [target.address],
        rng.pick(['', 'log', `Re: ${user}`, 'doc']),
        rng.int(200_000, 4_000_000),
        clientIp,
        () => target.ip,
      ),
    );
  });
  p.incident(
    'watchlist-correlation',
    rows,
    { sender: user },
    `EDR flagged a keylogger on ${user}'s machine at the start; ${rows.length} messages to ${targets.length} unusual external addresses followed`,
    alertAt,
  );
}
