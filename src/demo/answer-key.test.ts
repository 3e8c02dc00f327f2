import { beforeAll, describe, expect, it } from 'vitest';
import { domainOf } from '../schema/index.js';
import type { TraceRecord } from '../schema/index.js';
import { collectRows, localParts } from './collect-rows.js';
import { generateTenant } from './index.js';
import { COUNTRY_RANGES, rangeContains } from './ip-ranges.js';
import { PARTNERS } from './names.js';
import { buildPopulation, editDistance } from './population.js';
import type { DemoTenant, PlantedIncident, RuleId } from './types.js';

const START = Date.UTC(2026, 5, 1);
const TZ = 'Asia/Tokyo';
const HOUR = 3_600_000;
const GIB = 2 ** 30;

/** Subject shape as a campaign detection sees it: prefixes gone, tokens with digits as '#'. */
function shape(subject: string): string {
  return subject
    .toLowerCase()
    .replace(/^(\s*(re|fw|fwd|転送|返信)\s*[:：]\s*)+/u, '')
    .replace(/[a-z0-9_.#/-]*[0-9][a-z0-9_.#/-]*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

function within(r: TraceRecord, k: { from: number; to: number }): boolean {
  return r.Received >= k.from && r.Received <= k.to;
}

// June has no holiday; December ends with the year-end closure and spans a month end in local time.
describe.each([
  { seed: 1, start: START },
  { seed: 5, start: Date.UTC(2026, 11, 1) },
])('answer key of seed $seed', ({ seed, start }) => {
  let tenant: DemoTenant;
  let rows: TraceRecord[];
  let internal: (a: string) => boolean;
  const key = (rule: RuleId): PlantedIncident[] => tenant.answerKey.filter((k) => k.rule === rule);

  beforeAll(() => {
    tenant = generateTenant({ seed, start, eventsSample: 0 });
    rows = collectRows(tenant).traces;
    const accepted = new Set(tenant.organization.acceptedDomains);
    internal = (a) => accepted.has(domainOf(a));
  });

  it('plants every rule, inside the window, with as many rows as the key says', () => {
    const rules = new Set(tenant.answerKey.map((k) => k.rule));
    expect([...rules].sort()).toEqual([
      'embargoed-geo',
      'large-transfer',
      'lookalike-domain',
      'outbound-burst',
      'partner-compromise',
      'status-spike',
      'subject-campaign',
      'threat-intel-match',
      'watchlist-correlation',
    ]);
    for (const k of tenant.answerKey) {
      expect(k.from).toBeGreaterThanOrEqual(tenant.start);
      expect(k.to).toBeLessThan(tenant.end);
      expect(k.from).toBeLessThanOrEqual(k.to);
      expect(k.description.length).toBeGreaterThan(10);
    }
  });

  it('status-spike: FilteredAsSpam at 10-20x its usual hourly level for three hours', () => {
    const [spike] = key('status-spike').filter((k) => k.entities.status === 'FilteredAsSpam');
    const perHour = new Map<number, number>();
    for (const r of rows)
      if (r.Status === 'FilteredAsSpam') perHour.set(Math.floor(r.Received / HOUR), (perHour.get(Math.floor(r.Received / HOUR)) ?? 0) + 1);
    const counts = [...perHour.values()].sort((a, b) => a - b);
    const usual = counts[Math.floor(counts.length / 2)]!;
    const spikeHours = [...perHour].filter(([h]) => h * HOUR + HOUR > spike!.from && h * HOUR <= spike!.to);
    expect(spikeHours.length).toBeGreaterThanOrEqual(3);
    expect(spikeHours.length).toBeLessThanOrEqual(4);
    const full = spikeHours.filter(([h]) => h * HOUR >= spike!.from - HOUR && h * HOUR + HOUR <= spike!.to + HOUR).map(([, n]) => n);
    expect(Math.max(...full) / usual).toBeGreaterThan(10);
    expect(Math.min(...spikeHours.slice(0, 3).map(([, n]) => n)) / usual).toBeLessThan(25);
    // Outside the planted spikes no hour comes near.
    const planted = key('status-spike');
    const quiet = [...perHour].filter(([h]) => !planted.some((k) => h * HOUR + HOUR > k.from && h * HOUR <= k.to));
    expect(Math.max(...quiet.map(([, n]) => n)) * 3).toBeLessThan(Math.max(...full));
  });

  it('subject-campaign: one subject shape from many senders to many people in three hours, nowhere else', () => {
    // The reply-chain wave from known senders is checked below.
    const campaigns = key('subject-campaign').filter((k) => !k.description.startsWith('Reply-chain wave from known senders'));
    expect(campaigns).toHaveLength(2);
    for (const k of campaigns) {
      const s = shape(k.entities.subject!);
      const hits = rows.filter((r) => shape(r.Subject) === s && !internal(r.SenderAddress));
      expect(hits.every((r) => within(r, k))).toBe(true);
      expect(hits).toHaveLength(k.count);
      expect(new Set(hits.map((r) => r.SenderAddress)).size).toBeGreaterThanOrEqual(15);
      expect(new Set(hits.map((r) => r.RecipientAddress)).size).toBeGreaterThanOrEqual(40);
      expect(k.to - k.from).toBeLessThanOrEqual(3 * HOUR);
    }
    expect(campaigns.map((k) => k.entities.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Re: 請求書 No\.\d{5}$/), expect.stringMatching(/^RE: Invoice \d{4}-INV$/)]),
    );
  });

  it('subject-campaign and partner-compromise: a reply-chain wave from known senders, from countries they never used', () => {
    const [wave] = key('subject-campaign').filter((k) => k.description.startsWith('Reply-chain wave from known senders'));
    const s = shape(wave!.entities.subject!);
    const hits = rows.filter((r) => shape(r.Subject) === s && !internal(r.SenderAddress));
    expect(hits).toHaveLength(wave!.count);
    expect(hits.every((r) => within(r, wave!))).toBe(true);
    expect(new Set(hits.map((r) => r.Subject)).size).toBeGreaterThan(hits.length / 2);
    const domains = new Set(hits.map((r) => domainOf(r.SenderAddress)));
    expect(domains.size).toBeGreaterThanOrEqual(25);
    // Every sender domain of the wave wrote to us before it, from elsewhere.
    const before = rows.filter((r) => r.Received < wave!.from && domains.has(domainOf(r.SenderAddress)));
    const known = new Set(before.map((r) => domainOf(r.SenderAddress)));
    expect(known.size).toBeGreaterThanOrEqual(PARTNERS.length - 1);
    const usualIps = new Set(before.map((r) => r.FromIP));
    expect(hits.some((r) => usualIps.has(r.FromIP))).toBe(false);
    expect(hits.filter((r) => r.Status === 'Delivered').length / hits.length).toBeGreaterThan(0.6);
    // The partners among them are the wave's partner-compromise entry.
    const partnerRows = hits.filter((r) => PARTNERS.some((p) => domainOf(r.SenderAddress) === p.domain));
    const [pw] = key('partner-compromise').filter((k) => k.description.startsWith('Reply-chain wave'));
    expect(pw!.count).toBe(partnerRows.length);
  });

  it('partner-compromise: one busy partner abused from abroad; the travelling partner and the new server stay small and known', () => {
    const [k] = key('partner-compromise').filter((x) => !x.description.startsWith('Reply-chain wave'));
    const domain = k!.entities.senderDomain!;
    expect(PARTNERS.map((p) => p.domain)).toContain(domain);
    const abused = rows.filter(
      (r) =>
        domainOf(r.SenderAddress) === domain &&
        within(r, k!) &&
        (COUNTRY_RANGES[k!.entities.country!] ?? []).some((g) => rangeContains(g, r.FromIP)),
    );
    expect(abused).toHaveLength(k!.count);
    expect(new Set(abused.map((r) => r.RecipientAddress)).size).toBeGreaterThanOrEqual(5);
    const earlier = rows.filter((r) => domainOf(r.SenderAddress) === domain && r.Received < k!.from);
    expect(new Set(earlier.map((r) => localParts(r.Received, TZ).date)).size).toBeGreaterThanOrEqual(8);
    expect(earlier.some((r) => abused.some((a) => a.FromIP === r.FromIP))).toBe(false);
    const travel = tenant.benignTraps.find((t) => t.kind === 'partner-travel')!;
    expect(
      rows.filter((r) => domainOf(r.SenderAddress) === travel.entities.senderDomain && within(r, travel) && r.Subject.includes('出張')),
    ).toHaveLength(2);
    const host = tenant.benignTraps.find((t) => t.kind === 'shared-hosting')!;
    expect(rows.filter((r) => domainOf(r.SenderAddress) === host.entities.senderDomain && within(r, host)).length).toBeGreaterThanOrEqual(
      12,
    );
  });

  it('outbound-burst: 300+ messages at 2-4 AM local to 100+ domains never seen before, many failing', () => {
    const [k] = key('outbound-burst');
    expect(k!.entities).toEqual({ sender: 'k.tanaka@contoso.co.jp' });
    const burst = rows.filter((r) => r.SenderAddress === k!.entities.sender && within(r, k!) && !internal(r.RecipientAddress));
    expect(burst.length).toBeGreaterThanOrEqual(300);
    expect(burst.every((r) => [2, 3].includes(localParts(r.Received, TZ).hour))).toBe(true);
    const domains = new Set(burst.map((r) => domainOf(r.RecipientAddress)));
    expect(domains.size).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => domains.has(domainOf(r.RecipientAddress)) || domains.has(domainOf(r.SenderAddress))).length).toBe(
      burst.length,
    );
    expect(burst.filter((r) => r.Status === 'Failed').length / burst.length).toBeGreaterThan(0.3);
    // Its bounces are a status spike of their own, in the key too.
    const failed = key('status-spike').find((x) => x.entities.status === 'Failed');
    expect(failed!.from).toBeGreaterThanOrEqual(k!.from);
    expect(failed!.to).toBeLessThanOrEqual(k!.to);
    // Nobody else sends more than a few dozen external messages in an hour.
    const perSenderHour = new Map<string, number>();
    for (const r of rows) {
      if (!internal(r.SenderAddress) || internal(r.RecipientAddress) || r.SenderAddress === k!.entities.sender) continue;
      const id = `${r.SenderAddress} ${Math.floor(r.Received / HOUR)}`;
      perSenderHour.set(id, (perSenderHour.get(id) ?? 0) + 1);
    }
    expect(Math.max(...perSenderHour.values())).toBeLessThan(40);
  });

  it("lookalike-domain: our own and a partner's look-alikes write to finance; no other look-alike in the data", () => {
    const fakes = key('lookalike-domain').map((k) => k.entities.senderDomain!);
    expect(fakes.sort()).toEqual(['c0ntoso.co.jp', 'contoso-co.jp', 'contoso.co.jp.secure-login.com', 'fabrikarn.co.jp']);
    const finance = new Set<string>([
      'keiri@contoso.co.jp',
      ...buildPopulation(tenant.organization, seed)
        .byDepartment.get('finance')!
        .map((p) => p.address),
    ]);
    for (const k of key('lookalike-domain')) {
      const hits = rows.filter((r) => domainOf(r.SenderAddress) === k.entities.senderDomain);
      expect(hits).toHaveLength(k.count);
      expect(hits.every((r) => within(r, k))).toBe(true);
      expect(hits.filter((r) => !finance.has(r.RecipientAddress))).toEqual([]);
    }
    const protectedLabels = ['contoso', ...PARTNERS.map((p) => p.domain.split('.')[0]!)];
    const genuine = new Set([...tenant.organization.acceptedDomains, ...PARTNERS.map((p) => p.domain)]);
    const suspicious = new Set<string>();
    for (const r of rows) {
      const d = domainOf(r.SenderAddress);
      if (genuine.has(d) || [...genuine].some((g) => d.endsWith(`.${g}`)) || suspicious.has(d)) continue;
      const label = d.split('.')[0]!;
      if (protectedLabels.some((l) => d.includes(l) || editDistance(label, l, 2) <= 2)) suspicious.add(d);
    }
    expect([...suspicious].sort()).toEqual(fakes.sort());
  });

  it('threat-intel-match: every match between the feed and the mail is in the key', () => {
    const live = tenant.indicators.filter((i) => (i.ValidUntil ?? Infinity) > tenant.start);
    const matches = new Map<string, TraceRecord[]>();
    for (const r of rows) {
      for (const i of live) {
        const hit =
          i.Type === 'email'
            ? r.SenderAddress === i.Indicator
            : i.Type === 'domain'
              ? domainOf(r.SenderAddress) === i.Indicator
              : i.Type === 'ip'
                ? r.FromIP === i.Indicator || r.ToIP === i.Indicator
                : rangeContains({ cidr: i.Indicator, country: '', owner: '' }, r.FromIP);
        if (hit) matches.set(i.Indicator, [...(matches.get(i.Indicator) ?? []), r]);
      }
    }
    const planted = key('threat-intel-match');
    expect(planted).toHaveLength(3);
    expect([...matches.keys()].sort()).toEqual(planted.map((k) => k.entities.sender ?? k.entities.ip ?? k.entities.senderDomain).sort());
    for (const k of planted) {
      const indicator = (k.entities.sender ?? k.entities.ip ?? k.entities.senderDomain)!;
      expect(matches.get(indicator)).toHaveLength(k.count);
      expect(matches.get(indicator)!.every((r) => within(r, k))).toBe(true);
      const row = tenant.indicators.find((i) => i.Indicator === indicator)!;
      expect(row.Actor).not.toBe('');
      expect(row.Confidence).toBeGreaterThanOrEqual(70);
    }
    expect(tenant.indicators.length).toBeGreaterThan(planted.length + 30);
  });

  it('embargoed-geo: the only mail from embargoed countries is the planted mail', () => {
    const planted = key('embargoed-geo');
    expect(planted.map((k) => k.entities.country).sort()).toEqual(['IR', 'KP']);
    const embargoed = tenant.organization.embargoedCountries.flatMap((c) => COUNTRY_RANGES[c] ?? []);
    const hits = rows.filter((r) => embargoed.some((g) => rangeContains(g, r.FromIP) || rangeContains(g, r.ToIP)));
    expect(hits).toHaveLength(planted.reduce((n, k) => n + k.count, 0));
    for (const k of planted) {
      const mine = hits.filter((r) => r.FromIP === k.entities.ip);
      expect(mine).toHaveLength(k.count);
      expect(mine.every((r) => within(r, k))).toBe(true);
      expect((COUNTRY_RANGES[k.entities.country!] ?? []).some((g) => rangeContains(g, k.entities.ip!))).toBe(true);
    }
  });

  it('large-transfer: 2+ GiB to a private address in a day; nobody else moves 1 GiB to one address in a day', () => {
    const [k] = key('large-transfer');
    const perPairDay = new Map<string, number>();
    for (const r of rows) {
      if (!internal(r.SenderAddress) || internal(r.RecipientAddress)) continue;
      const id = `${r.SenderAddress} ${r.RecipientAddress} ${localParts(r.Received, TZ).date}`;
      perPairDay.set(id, (perPairDay.get(id) ?? 0) + r.Size);
    }
    const big = [...perPairDay].filter(([, bytes]) => bytes >= GIB);
    expect(big).toHaveLength(1);
    expect(big[0]![0].startsWith(`${k!.entities.sender} ${k!.entities.recipient} `)).toBe(true);
    expect(big[0]![1]).toBeGreaterThanOrEqual(2 * GIB);
    expect(domainOf(k!.entities.recipient!)).toBe('gmail.com');
    const trap = tenant.benignTraps.find((t) => t.kind === 'partner-large-transfer')!;
    const legit = rows.filter(
      (r) => r.SenderAddress === trap.entities.sender && r.RecipientAddress === trap.entities.recipient && within(r, trap),
    );
    const bytes = legit.reduce((n, r) => n + r.Size, 0);
    expect(bytes).toBeGreaterThan(0.4 * GIB);
    expect(bytes).toBeLessThan(GIB);
  });

  it('watchlist-correlation: an EDR alert, then unusual external mail from that user within hours', () => {
    const [k] = key('watchlist-correlation');
    const alert = tenant.watchlist.find((w) => w.User === k!.entities.sender && w.Timestamp === k!.from)!;
    expect(alert.Severity).toBe('High');
    expect(alert.Detection).toMatch(/keylogger/i);
    const after = rows.filter((r) => r.SenderAddress === k!.entities.sender && !internal(r.RecipientAddress) && within(r, k!));
    expect(after.length).toBeGreaterThanOrEqual(10);
    expect(new Set(after.map((r) => r.RecipientAddress)).size).toBeGreaterThanOrEqual(8);
    expect(k!.to - k!.from).toBeLessThan(6 * HOUR);
    // The other watchlist entries are about people who never write outside the company.
    const others = new Set(tenant.watchlist.filter((w) => w !== alert).map((w) => w.User));
    expect(others.size).toBeGreaterThan(3);
    expect(rows.some((r) => others.has(r.SenderAddress) && !internal(r.RecipientAddress))).toBe(false);
  });

  it('benign traps: a 200-recipient daily newsletter from one sender, month-end invoices from many partners', () => {
    const news = tenant.benignTraps.find((t) => t.kind === 'newsletter')!;
    const letters = rows.filter((r) => r.SenderAddress === news.entities.sender);
    const perDay = new Map<string, TraceRecord[]>();
    for (const r of letters) perDay.set(localParts(r.Received, TZ).date, [...(perDay.get(localParts(r.Received, TZ).date) ?? []), r]);
    expect(perDay.size).toBeGreaterThanOrEqual(18);
    for (const day of perDay.values()) {
      expect(day).toHaveLength(200);
      expect(new Set(day.map((r) => r.MessageTraceId)).size).toBe(200);
      expect(new Set(day.map((r) => r.Subject)).size).toBe(1);
      expect(localParts(day[0]!.Received, TZ).hour).toBe(7);
    }
    const invoices = tenant.benignTraps.filter((t) => t.kind === 'month-end-invoices');
    expect(invoices.length).toBeGreaterThanOrEqual(1);
    for (const t of invoices) {
      const senders = rows.filter(
        (r) => r.RecipientAddress === t.entities.recipient && within(r, t) && PARTNERS.some((p) => domainOf(r.SenderAddress) === p.domain),
      );
      expect(new Set(senders.map((r) => domainOf(r.SenderAddress))).size).toBeGreaterThanOrEqual(10);
    }
    expect(tenant.benignTraps.map((t) => t.kind)).toEqual(expect.arrayContaining(['weekend-dip', 'monday-peak', 'partner-large-transfer']));
  });
});
