/** Planted inbound incidents: spam wave, reply-chain campaigns, look-alikes, threat intel, embargoed senders. */
import type { Status, TraceRecord } from '../schema/index.js';
import { genericMessageId, guid } from './ids.js';
import { SPAM_WORDS, SURNAMES } from './names.js';
import type { Planter } from './planter.js';
import { SPAM_SHARE } from './traffic.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Inbound message from outside: one row per recipient, no ToIP. */
export function inbound(
  p: Planter,
  t: number,
  sender: string,
  recipients: readonly string[],
  subject: string,
  size: number,
  fromIp: string,
  status: Status | ((r: string) => Status),
): TraceRecord[] {
  const domain = sender.slice(sender.indexOf('@') + 1);
  return p.mail({
    t,
    sender,
    recipients,
    subject,
    size,
    fromIp,
    toIp: '',
    status,
    messageId: genericMessageId(p.rng, domain, t),
    traceId: guid(p.rng),
  });
}

function financeStaff(p: Planter): string[] {
  const home = p.world.org.acceptedDomains[0]!;
  return [...(p.world.pop.byDepartment.get('finance') ?? []).map((x) => x.address), `keiri@${home}`];
}

/** 1. A three-hour wave of FilteredAsSpam, ~15x the usual hourly level, from a handful of domains. */
export function plantStatusSpike(p: Planter): void {
  const { rng, world } = p;
  const day = p.days.statusSpike;
  const from = p.at(day, 13);
  const usual = ((world.messagesPerDay * SPAM_SHARE) / 24) * 0.8;
  const perHour = Math.max(60, Math.round(usual * 14));
  const sources = Array.from({ length: 5 }, () => {
    const country = rng.pick(['RU', 'CN', 'BR', 'VN']);
    return { country, domain: world.pop.freshDomain(rng, country, SPAM_WORDS) };
  });
  const people = world.pop.people.map((x) => x.address);
  const rows: TraceRecord[] = [];
  const subjects = ['【重要】お支払い情報の更新が必要です', '【緊急】アカウント停止のお知らせ', 'ご利用料金のお支払いについて'];
  for (let h = 0; h < 3; h++) {
    let planted = 0;
    while (planted < perHour) {
      const { country, domain } = rng.pick(sources);
      const t = from + h * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
      const recipients = rng.sample(people, rng.int(1, 6));
      const out = inbound(
        p,
        t,
        `${rng.pick(['info', 'support', 'billing', 'notice'])}${rng.int(1, 99)}@${domain}`,
        recipients,
        rng.pick(subjects),
        rng.int(8_000, 30_000),
        world.pop.freshIp(rng, country),
        () => (rng.chance(0.97) ? 'FilteredAsSpam' : 'Delivered'),
      );
      rows.push(...out);
      planted += out.length;
    }
  }
  const filtered = rows.filter((r) => r.Status === 'FilteredAsSpam');
  p.incident(
    'status-spike',
    filtered,
    { status: 'FilteredAsSpam' },
    `Spam wave: ${filtered.length} FilteredAsSpam rows in 3 hours (~15x the usual level) from ${sources.map((x) => x.domain).join(', ')}`,
  );
}

/** 2. Emotet-style reply-chain campaigns: many external senders, one subject pattern, many recipients. */
export function plantCampaigns(p: Planter): void {
  const { rng, world } = p;
  const campaign = (dayStart: number, senders: number, recipients: number, subject: () => string, lang: string): void => {
    const countries = ['JP', 'JP', 'JP', 'BR', 'IN', 'VN', 'DE', 'US', 'KR', 'TW', 'FR', 'AU', 'GB', 'NL'];
    const sources = Array.from({ length: senders }, () => {
      const country = rng.pick(countries);
      const domain = world.pop.freshDomain(rng, country);
      const local = rng.pick([
        'info',
        'keiri',
        'office',
        'admin',
        `${rng.pick(SURNAMES)}`,
        `${rng.pick(['k', 'm', 't', 'y'])}.${rng.pick(SURNAMES)}`,
      ]);
      return { sender: `${local}@${domain}`, ip: world.pop.freshIp(rng, country) };
    });
    const targets = rng.sample(
      [...new Set(Array.from({ length: recipients * 4 }, () => world.pop.pickExternalSender.pick(rng).address))],
      recipients,
    );
    const rows: TraceRecord[] = [];
    const times = p.times(Math.round(recipients * 1.3), dayStart, dayStart + 3 * HOUR_MS);
    times.forEach((t, i) => {
      const src = sources[i % sources.length]!;
      const to = [targets[i % targets.length]!];
      if (rng.chance(0.2)) to.push(rng.pick(targets));
      rows.push(
        ...inbound(p, t, src.sender, [...new Set(to)], subject(), rng.int(90_000, 400_000), src.ip, () =>
          rng.chance(0.85) ? 'Delivered' : 'FilteredAsSpam',
        ),
      );
    });
    // The subjects differ only in their numbers: the key names the first one.
    const first = rows[0]!.Subject;
    p.incident(
      'subject-campaign',
      rows,
      { subject: first },
      `${lang} reply-chain malspam (Emotet style) like "${first}" from ${senders} compromised senders to ${recipients} people in 3 hours`,
    );
  };
  campaign(p.at(p.days.campaignJa, 9, 10), 20, 60, () => `Re: 請求書 No.${rng.int(10000, 99999)}`, 'Japanese');
  campaign(p.at(p.days.campaignEn, 14), 15, 40, () => `RE: Invoice ${rng.int(1000, 9999)}-INV`, 'English');
}

/** 4. Look-alikes of our own domain and of a partner's, writing to finance staff. */
export function plantLookalikes(p: Planter): void {
  const { rng, world } = p;
  const finance = financeStaff(p);
  const home = world.org.acceptedDomains[0]!;
  const homoglyph = home.replace(/[oile]/, (c) => ({ o: '0', i: '1', l: '1', e: '3' })[c]!);
  const partner = p.world.pop.partners.find((x) => x.domain === 'fabrikam.co.jp')!;
  const partnerLocal = partner.contacts[0]!.split('@')[0]!;
  const fakes = [
    {
      sender: `keiri@${home.replace('.', '-')}`,
      country: 'JP',
      subjects: ['【至急】振込先口座変更のお知らせ', 'Re: 今月のお支払いについて'],
    },
    {
      sender: `ceo-office@${homoglyph === home ? `x${home}` : homoglyph}`,
      country: 'US',
      subjects: ['至急対応のお願い（社外秘）', '【極秘】送金のお願い'],
    },
    {
      sender: `it-support@${home}.secure-login.com`,
      country: 'NL',
      subjects: ['パスワードの有効期限が近づいています', 'Microsoft 365 サインインの確認'],
    },
    { sender: `${partnerLocal}@fabrikarn.co.jp`, country: 'JP', subjects: ['【重要】お振込先変更のご連絡', '請求書再送のお願い'] },
  ];
  fakes.forEach((f, i) => {
    const day = p.days.lookalike[i % p.days.lookalike.length]!;
    const ip = world.pop.freshIp(rng, f.country);
    const rows: TraceRecord[] = [];
    for (const t of p.times(rng.int(2, 5), p.at(day, 9), p.at(day, 18))) {
      rows.push(
        ...inbound(p, t, f.sender, rng.sample(finance, rng.int(1, 2)), rng.pick(f.subjects), rng.int(12_000, 180_000), ip, 'Delivered'),
      );
    }
    const domain = f.sender.slice(f.sender.indexOf('@') + 1);
    p.incident('lookalike-domain', rows, { senderDomain: domain }, `Look-alike domain ${domain} writing to finance staff`);
  });
}

/** 5. Senders, an IP and a domain that the threat-intel feed lists. */
export function plantThreatIntel(p: Planter): void {
  const { rng, world } = p;
  const [dayA, dayB] = [p.days.threatIntel[0]!, p.days.threatIntel[1] ?? p.days.threatIntel[0]!];
  const validFrom = world.cal.start - 20 * DAY_MS;
  const validUntil = world.cal.end + 60 * DAY_MS;
  const people = world.pop.people.map((x) => x.address);

  const email = 'accounting@ledger-update.com';
  p.indicators.push({
    Indicator: email,
    Type: 'email',
    Confidence: 85,
    Actor: 'TA542',
    Labels: ['emotet', 'malspam'],
    Feed: 'demo-intel',
    ValidFrom: validFrom,
    ValidUntil: validUntil,
  });
  const emailIp = world.pop.freshIp(rng, 'BR');
  let rows: TraceRecord[] = [];
  for (const t of p.times(3, p.at(dayA, 10), p.at(dayA, 12))) {
    rows.push(
      ...inbound(
        p,
        t,
        email,
        rng.sample(financeStaff(p), 1),
        `Remittance advice ${rng.int(100000, 999999)}`,
        rng.int(60_000, 250_000),
        emailIp,
        'Delivered',
      ),
    );
  }
  p.incident('threat-intel-match', rows, { sender: email }, `Sender ${email} is a known TA542 (Emotet) malspam address`);

  const ip = world.pop.freshIp(rng, 'RU');
  p.indicators.push({
    Indicator: ip,
    Type: 'ip',
    Confidence: 70,
    Actor: 'TA505',
    Labels: ['spam-source', 'botnet'],
    Feed: 'demo-intel',
    ValidFrom: validFrom,
    ValidUntil: validUntil,
  });
  rows = [];
  for (const t of p.times(4, p.at(dayA, 14), p.at(dayA, 17))) {
    const domain = world.pop.freshDomain(rng, 'RU', SPAM_WORDS);
    rows.push(
      ...inbound(
        p,
        t,
        `news@${domain}`,
        rng.sample(people, 1),
        'Your shipment is waiting: confirm delivery',
        rng.int(15_000, 60_000),
        ip,
        () => (rng.chance(0.5) ? 'FilteredAsSpam' : 'Delivered'),
      ),
    );
  }
  p.incident('threat-intel-match', rows, { ip }, `Mail from ${ip}, a known TA505 spam source`);

  const domain = 'mailbox-quota-alert.com';
  p.indicators.push({
    Indicator: domain,
    Type: 'domain',
    Confidence: 90,
    Actor: 'Storm-1167',
    Labels: ['phishing', 'credential-harvest', 'aitm'],
    Feed: 'demo-intel',
    ValidFrom: validFrom,
    ValidUntil: validUntil,
  });
  rows = [];
  const domainIp = world.pop.freshIp(rng, 'US');
  for (const t of p.times(5, p.at(dayB, 9), p.at(dayB, 16))) {
    rows.push(
      ...inbound(
        p,
        t,
        `${rng.pick(['admin', 'it-helpdesk', 'no-reply'])}@${domain}`,
        rng.sample(people, 1),
        'メールボックスの容量が上限に達しました',
        rng.int(20_000, 50_000),
        domainIp,
        'Delivered',
      ),
    );
  }
  p.incident(
    'threat-intel-match',
    rows,
    { senderDomain: domain },
    `Phishing from ${domain}, a known adversary-in-the-middle credential phishing domain`,
  );
}

/** 6. A few messages from North Korean and Iranian addresses. */
export function plantEmbargoed(p: Planter): void {
  const { rng, world } = p;
  const sales = (world.pop.byDepartment.get('sales') ?? []).map((x) => x.address);
  const plant = (day: typeof p.days.embargoKp, country: string, senders: string[], subject: string, n: number): void => {
    const ip = world.pop.freshIp(rng, country);
    const rows: TraceRecord[] = [];
    for (const t of p.times(n, p.at(day, 10), p.at(day, 17))) {
      rows.push(...inbound(p, t, rng.pick(senders), rng.sample(sales, 1), subject, rng.int(20_000, 900_000), ip, 'Delivered'));
    }
    p.incident('embargoed-geo', rows, { country, ip }, `${rows.length} messages from ${ip} in embargoed country ${country}`);
  };
  plant(p.days.embargoKp, 'KP', ['export@pyongtrade.com.kp', 'info@pyongtrade.com.kp'], 'Business proposal - trading cooperation', 3);
  plant(p.days.embargoIr, 'IR', ['sales@parsian-petro.ir'], 'Quotation for petrochemical products', 4);
}
