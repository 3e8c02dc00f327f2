import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STATUS, STATUSES, domainOf, normalizeAddress } from '../schema/index.js';
import type { TraceRecord } from '../schema/index.js';
import { collectRows, localParts } from './collect-rows.js';
import type { CollectedRows } from './collect-rows.js';
import { DemoOptionsError, allRanges, generateTenant } from './index.js';
import { rangeContains } from './ip-ranges.js';
import type { DemoTenant } from './types.js';

// June 2026 has no Japanese public holiday: weekdays and weekends are what they seem.
const START = Date.UTC(2026, 5, 1);
const TZ = 'Asia/Tokyo';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function digest(tenant: DemoTenant): string {
  const h = createHash('sha256');
  for (const b of tenant.batches()) {
    for (const r of b.traces) h.update(JSON.stringify(r));
    for (const e of b.events) h.update(JSON.stringify(e));
  }
  h.update(JSON.stringify([tenant.answerKey, tenant.benignTraps, tenant.indicators, tenant.watchlist, tenant.users]));
  return h.digest('hex');
}

let tenant: DemoTenant;
let data: CollectedRows;
let internal: (a: string) => boolean;

beforeAll(() => {
  tenant = generateTenant({ seed: 3, start: START });
  data = collectRows(tenant);
  const accepted = new Set(tenant.organization.acceptedDomains);
  internal = (a) => accepted.has(domainOf(a));
});

describe('determinism', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = digest(generateTenant({ seed: 11, start: START, days: 7 }));
    const b = digest(generateTenant({ seed: 11, start: START, days: 7 }));
    const c = digest(generateTenant({ seed: 12, start: START, days: 7 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('streams the same rows on every call of batches()', () => {
    const first = tenant.batches()[Symbol.iterator]().next().value!;
    expect(first.traces).toEqual(data.traces.slice(0, first.traces.length));
  });
});

describe('stream', () => {
  it('comes in time order, 10,000 rows a batch, close to the expected row count', () => {
    let backwards = 0;
    for (let i = 1; i < data.traces.length; i++) if (data.traces[i]!.Received < data.traces[i - 1]!.Received) backwards++;
    expect(backwards).toBe(0);
    expect(data.batchSizes.slice(0, -1).every((n) => n === 10_000)).toBe(true);
    expect(Math.abs(data.traces.length / tenant.expectedRows - 1)).toBeLessThan(0.03);
    expect(data.traces[0]!.Received).toBeGreaterThanOrEqual(tenant.start);
    expect(data.traces.at(-1)!.Received).toBeLessThan(tenant.end);
  });

  it('holds only valid rows: lower-case addresses, known statuses, ids and IPs in their shapes', () => {
    const keys = new Set<string>();
    const bad: string[] = [];
    const validIp = (ip: string): boolean =>
      ip === '' ||
      (IPV4.exec(ip)
        ?.slice(1)
        .every((o) => Number(o) <= 255) ??
        false);
    for (const r of data.traces) {
      const problems = [
        r.SenderAddress !== normalizeAddress(r.SenderAddress) && 'sender case',
        r.RecipientAddress !== normalizeAddress(r.RecipientAddress) && 'recipient case',
        !domainOf(r.SenderAddress).includes('.') && 'sender domain',
        !domainOf(r.RecipientAddress).includes('.') && 'recipient domain',
        !(STATUSES as readonly string[]).includes(r.Status) && 'status',
        !GUID.test(r.MessageTraceId) && 'trace id',
        !/^<[^<>\s]+@[^<>\s]+>$/.test(r.MessageId) && 'message id',
        !(Number.isSafeInteger(r.Size) && r.Size > 0) && 'size',
        r.Organization !== 'contoso.onmicrosoft.com' && 'organization',
        r.Source !== 'graph' && 'source',
        !validIp(r.FromIP) && 'from ip',
        !validIp(r.ToIP) && 'to ip',
        keys.has(`${r.MessageTraceId}\n${r.RecipientAddress}`) && 'duplicate key',
      ].filter(Boolean);
      keys.add(`${r.MessageTraceId}\n${r.RecipientAddress}`);
      if (problems.length > 0) bad.push(`${problems.join(', ')}: ${JSON.stringify(r)}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("sets IPs by direction: inbound via its sender's server, internal without IPs, outbound to the partner's server", () => {
    const ranges = allRanges();
    const known = new Map<string, boolean>();
    const inTable = (ip: string): boolean => {
      let v = known.get(ip);
      if (v === undefined) known.set(ip, (v = ranges.some((g) => rangeContains(g, ip))));
      return v;
    };
    const bad: TraceRecord[] = [];
    for (const r of data.traces) {
      const fromInside = internal(r.SenderAddress);
      const toInside = internal(r.RecipientAddress);
      const ok =
        !fromInside && toInside
          ? r.ToIP === '' && inTable(r.FromIP)
          : fromInside && toInside
            ? r.ToIP === '' && (r.FromIP === '' || r.FromIP.startsWith('10.') || inTable(r.FromIP))
            : fromInside && !toInside
              ? inTable(r.ToIP) && (r.FromIP === '' || r.FromIP.startsWith('10.') || inTable(r.FromIP))
              : false;
      if (!ok) bad.push(r);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('gives every recipient row of a message the same ids, sender, subject, time and size', () => {
    const byId = new Map<string, TraceRecord[]>();
    for (const r of data.traces) {
      const list = byId.get(r.MessageTraceId) ?? [];
      list.push(r);
      byId.set(r.MessageTraceId, list);
    }
    let multi = 0;
    let lists = 0;
    const messageIds = new Set<string>();
    const differing: string[] = [];
    for (const rows of byId.values()) {
      const [a] = rows;
      for (const r of rows) {
        if (
          r.MessageId !== a!.MessageId ||
          r.SenderAddress !== a!.SenderAddress ||
          r.Subject !== a!.Subject ||
          r.Received !== a!.Received ||
          r.Size !== a!.Size
        )
          differing.push(r.MessageTraceId);
      }
      if (messageIds.has(a!.MessageId)) differing.push(`reused ${a!.MessageId}`);
      messageIds.add(a!.MessageId);
      if (rows.length > 1) multi++;
      const expanded = rows.filter((r) => r.Status === 'Expanded');
      if (expanded.length > 0) {
        lists++;
        if (expanded.length !== 1 || rows.length <= 5) differing.push(`list ${a!.MessageTraceId}`);
      }
    }
    expect(differing).toEqual([]);
    expect(multi / byId.size).toBeGreaterThan(0.1);
    expect(lists).toBeGreaterThan(20);
  });
});

describe('shape', () => {
  it('is busy on working days and quiet at weekends (~15%), near messagesPerDay on a working day', () => {
    const perDay = new Map<string, number>();
    for (const r of data.traces) {
      const d = localParts(r.Received, TZ).date;
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    const full = [...perDay].filter(([d]) => d > '2026-06-01' && d < '2026-06-30');
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weekday = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();
    const work = mean(full.filter(([d]) => weekday(d) >= 1 && weekday(d) <= 5).map(([, n]) => n));
    const weekend = mean(full.filter(([d]) => weekday(d) === 0 || weekday(d) === 6).map(([, n]) => n));
    expect(work).toBeGreaterThan(4000 * 0.92);
    expect(work).toBeLessThan(4000 * 1.12);
    expect(weekend / work).toBeGreaterThan(0.1);
    expect(weekend / work).toBeLessThan(0.2);
  });

  it('follows office hours in local time: peak 9-16, lunch dip, a trickle at night, Monday morning peak', () => {
    const byHour = new Array<number>(24).fill(0);
    const mornings = new Map<number, number[]>();
    for (const r of data.traces) {
      const { hour, weekday, date } = localParts(r.Received, TZ);
      if (weekday === 0 || weekday === 6 || date === '2026-06-01') continue;
      byHour[hour]!++;
      if (hour >= 8 && hour <= 11) {
        const list = mornings.get(weekday) ?? [];
        list.push(1);
        mornings.set(weekday, list);
      }
    }
    const total = byHour.reduce((a, b) => a + b, 0);
    const share = byHour.map((n) => n / total);
    for (const h of [9, 10, 11, 13, 14, 15, 16]) expect(share[h]).toBeGreaterThan(0.065);
    for (const h of [0, 1, 2, 3, 4]) expect(share[h]).toBeLessThan(0.012);
    expect(share[12]).toBeLessThan(share[11]! * 0.75);
    expect(share[12]).toBeLessThan(share[13]! * 0.75);
    const monday = mornings.get(1)!.length / 4;
    const others = [2, 3, 4, 5].map((w) => mornings.get(w)!.length / 4);
    expect(monday).toBeGreaterThan(Math.max(...others) * 1.15);
  });

  it('has a realistic status mix; Pending only in the last hour', () => {
    const count = new Map<string, number>();
    for (const r of data.traces) count.set(r.Status, (count.get(r.Status) ?? 0) + 1);
    const share = (s: string): number => (count.get(s) ?? 0) / data.traces.length;
    expect(share('Delivered')).toBeGreaterThan(0.86);
    expect(share('Delivered')).toBeLessThan(0.95);
    expect(share('FilteredAsSpam')).toBeGreaterThan(0.02);
    expect(share('FilteredAsSpam')).toBeLessThan(0.08);
    expect(share('Quarantined')).toBeGreaterThan(0.001);
    expect(share('Quarantined')).toBeLessThan(0.015);
    expect(share('Failed')).toBeGreaterThan(0.003);
    expect(share('Failed')).toBeLessThan(0.03);
    for (const s of ['Expanded', 'GettingStatus', 'None', 'Recalled']) expect(share(s)).toBeGreaterThan(0);
    expect(share('Recalled')).toBeLessThan(0.002);
    const lastHour = tenant.end - 3_600_000;
    const pending = data.traces.filter((r) => r.Status === 'Pending');
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.Received >= lastHour)).toBe(true);
  });

  it('has log-normal sizes: mostly tens of KB, some attachments of MBs', () => {
    const sizes = data.traces.map((r) => r.Size).sort((a, b) => a - b);
    const q = (p: number): number => sizes[Math.floor(p * (sizes.length - 1))]!;
    expect(q(0.5)).toBeGreaterThan(15_000);
    expect(q(0.5)).toBeLessThan(80_000);
    expect(q(0.99)).toBeGreaterThan(2_000_000);
    expect(q(1)).toBeLessThanOrEqual(35 * 1024 * 1024);
  });

  it('mixes Japanese and English subjects, replies and forwards', () => {
    const subjects = data.traces.map((r) => r.Subject);
    const has = (re: RegExp): number => subjects.filter((s) => re.test(s)).length / subjects.length;
    expect(has(/[\u3040-\u30ff\u4e00-\u9fff]/)).toBeGreaterThan(0.3);
    expect(has(/^[\x20-\x7e]+$/)).toBeGreaterThan(0.1);
    expect(has(/^(Re|RE|FW|Fwd|転送|返信): /)).toBeGreaterThan(0.1);
    expect(subjects.some((s) => s === '')).toBe(true);
  });

  it('gives sampled messages RECEIVE and a final hop that agrees with the row status', () => {
    const rowByKey = new Map(data.traces.map((r) => [`${r.MessageTraceId}\n${r.RecipientAddress}`, r]));
    const hops = new Map<string, string[]>();
    const bad: string[] = [];
    for (const e of data.events) {
      const key = `${e.MessageTraceId}\n${e.RecipientAddress}`;
      if (!rowByKey.has(key) || !e.ServerHostname.endsWith('.prod.outlook.com')) bad.push(JSON.stringify(e));
      const list = hops.get(key) ?? [];
      list.push(e.Event);
      hops.set(key, list);
    }
    expect(hops.size).toBe(data.traces.length);
    for (const [key, events] of hops) {
      const row = rowByKey.get(key)!;
      const last = events.at(-1)!;
      const ok =
        events[0] === 'RECEIVE' &&
        (events.length > 1
          ? EVENT_STATUS[last] === row.Status || (last === 'DELIVER' && row.Status === 'Recalled')
          : row.Status === 'GettingStatus' || row.Status === 'None');
      if (!ok) bad.push(`${events.join('>')} for ${row.Status}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("follows the tenant's time zone", () => {
    const ny = collectRows(generateTenant({ seed: 3, start: START, days: 7, timeZone: 'America/New_York', incidents: false }));
    const byHour = new Array<number>(24).fill(0);
    for (const r of ny.traces) byHour[localParts(r.Received, 'America/New_York').hour]!++;
    const peak = byHour.indexOf(Math.max(...byHour));
    expect(peak).toBeGreaterThanOrEqual(9);
    expect(peak).toBeLessThanOrEqual(16);
    expect(byHour[3]! * 12).toBeLessThan(byHour[peak]!);
  });
});

describe('options', () => {
  it('rejects options that cannot make a tenant, with a stable code', () => {
    expect(() => generateTenant({ days: 0 })).toThrow(DemoOptionsError);
    expect(() => generateTenant({ start: START + 1 })).toThrow(/UTC midnight/);
    expect(() => generateTenant({ timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    try {
      generateTenant({ messagesPerDay: -1 });
    } catch (err) {
      expect((err as DemoOptionsError).code).toBe('DEMO_OPTIONS');
    }
  });

  it("ends the default window at today's UTC midnight", () => {
    const t = generateTenant({ incidents: false });
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    expect(t.end).toBe(today);
    expect(t.start).toBe(today - 30 * 86_400_000);
  });

  it('plants nothing with incidents: false, but keeps the noise of the side tables', () => {
    const t = generateTenant({ seed: 3, start: START, incidents: false });
    expect(t.answerKey).toEqual([]);
    expect(t.benignTraps).toEqual([]);
    expect(t.indicators.length).toBeGreaterThan(20);
    expect(t.watchlist.length).toBeGreaterThan(0);
    expect(t.users).toHaveLength(306);
    expect(t.users).toContain('k.tanaka@contoso.co.jp');
  });
});
