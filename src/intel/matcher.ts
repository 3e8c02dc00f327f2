/** Matching of addresses, domains and IPs against the indicators valid at a given time. */
import { domainToASCII } from 'node:url';
import { getDomain } from 'tldts';
import type { IndicatorRow } from '../schema/index.js';
import { IpRangeIndex, ipInterval, ipKey, parseV4 } from './ip-ranges.js';

/** An indicator as the matcher takes it: a stored row, optionally flagged revoked. */
export type MatchableIndicator = IndicatorRow & { Revoked?: boolean };

/** Answers which indicators match a value. Every method returns all matching indicators ([] for none). */
export interface Matcher {
  /** Indicators of type email equal to the address (case-insensitive). */
  matchEmail(address: string): readonly IndicatorRow[];
  /** Indicators of type domain on the host or a parent, up to its registrable domain and never beyond. */
  matchDomain(host: string): readonly IndicatorRow[];
  /** Indicators of type ip or cidr holding the address (IPv4, IPv6, IPv4-mapped IPv6). */
  matchIp(ip: string): readonly IndicatorRow[];
  /** Indicators in use (valid at `now`, not revoked). */
  readonly size: number;
  /** Indicators in use per kind of value they match. */
  readonly counts: { readonly email: number; readonly domain: number; readonly ip: number };
  /** The time validity was judged at (ms). */
  readonly now: number;
}

const NONE: readonly IndicatorRow[] = Object.freeze([]);

/** Whether an indicator is in force at `now`: not revoked, ValidFrom <= now (or none), ValidUntil >= now (or none). */
export function isActive(i: MatchableIndicator, now: number): boolean {
  if (i.Revoked) return false;
  if (i.ValidFrom !== null && i.ValidFrom > now) return false;
  if (i.ValidUntil !== null && i.ValidUntil < now) return false;
  return true;
}

function push<K>(map: Map<K, IndicatorRow[]>, key: K, row: IndicatorRow): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/** Host in the form indicators are stored in: lower-case ASCII, no trailing dot. */
function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (/[^\x00-\x7f]/.test(h)) h = domainToASCII(h) || h;
  return h;
}

/** Builds a matcher over the indicators in force at `now` (default: the current time). */
export function createMatcher(indicators: readonly MatchableIndicator[], now: number = Date.now()): Matcher {
  const emails = new Map<string, IndicatorRow[]>();
  const domains = new Map<string, IndicatorRow[]>();
  const ranges: { v: 4 | 6; first: bigint; last: bigint; payload: IndicatorRow }[] = [];
  let size = 0;
  const counts = { email: 0, domain: 0, ip: 0 };
  for (const i of indicators) {
    if (!isActive(i, now)) continue;
    const value = i.Indicator.trim();
    if (i.Type === 'email') {
      push(emails, value.toLowerCase(), i);
      counts.email++;
    } else if (i.Type === 'domain') {
      push(domains, normalizeHost(value), i);
      counts.domain++;
    } else {
      const iv = ipInterval(value);
      if (!iv) continue;
      ranges.push({ ...iv, payload: i });
      counts.ip++;
    }
    size++;
  }
  const ipIndex = new IpRangeIndex(ranges);
  return {
    size,
    counts,
    now,
    matchEmail(address) {
      return emails.get(address.trim().toLowerCase()) ?? NONE;
    },
    matchDomain(raw) {
      if (domains.size === 0) return NONE;
      const host = normalizeHost(raw);
      if (host === '') return NONE;
      let out: readonly IndicatorRow[] = domains.get(host) ?? NONE;
      // Parents count only up to the registrable domain, with private suffixes (a blogspot.com or a cloud
      // provider's tenant subdomain belongs to someone else than its parent). The public-suffix look-up is
      // the costly part, so it runs only when a parent is listed at all.
      let registrable: string | null | undefined;
      for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
        const parent = host.slice(dot + 1);
        const hit = domains.get(parent);
        if (!hit) continue;
        if (registrable === undefined) registrable = getDomain(host, { allowPrivateDomains: true });
        if (!registrable || parent.length < registrable.length) break;
        out = out.length ? [...out, ...hit] : hit;
      }
      return out;
    },
    matchIp(ip) {
      if (ip === '') return NONE;
      const n = parseV4(ip);
      if (n >= 0) return ipIndex.lookupV4(n) ?? NONE;
      const key = ipKey(ip);
      return (key && ipIndex.lookup(key)) || NONE;
    },
  };
}
