/**
 * IP range index: every indicator's address or CIDR becomes an interval; overlapping intervals are cut into
 * disjoint segments, each knowing all indicators that cover it, so one binary search answers a look-up.
 */
import ipaddr from 'ipaddr.js';

/** A parsed query address: IPv4 as a number, IPv6 as two 64-bit halves. */
export type IpKey = { v: 4; n: number } | { v: 6; hi: bigint; lo: bigint };

const MASK64 = (1n << 64n) - 1n;

function bytesToBig(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** IPv4 dotted-quad text as a number, or -1; hand-rolled because it runs for every distinct FromIP. */
export function parseV4(text: string): number {
  const len = text.length;
  if (len < 7 || len > 15) return -1;
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return -1;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1;
  return n * 256 + part;
}

/** Parses IP text (IPv4-mapped IPv6 becomes IPv4); undefined when it is not an address. */
export function ipKey(text: string): IpKey | undefined {
  const n = parseV4(text);
  if (n >= 0) return { v: 4, n };
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!s.includes(':') || !ipaddr.IPv6.isValid(s)) return undefined;
  try {
    const addr = ipaddr.IPv6.parse(s);
    if (addr.isIPv4MappedAddress()) return ipKey(addr.toIPv4Address().toString());
    const n = bytesToBig(addr.toByteArray());
    return { v: 6, hi: n >> 64n, lo: n & MASK64 };
  } catch {
    return undefined;
  }
}

/** First and last address of an indicator value (address or CIDR), or undefined when it is neither. */
export function ipInterval(value: string): { v: 4 | 6; first: bigint; last: bigint } | undefined {
  const slash = value.indexOf('/');
  const v4 = parseV4(slash < 0 ? value : value.slice(0, slash));
  if (v4 >= 0) {
    const prefix = slash < 0 ? 32 : Number(value.slice(slash + 1));
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
    const size = 2 ** (32 - prefix);
    const first = v4 - (v4 % size);
    return { v: 4, first: BigInt(first), last: BigInt(first + size - 1) };
  }
  try {
    const isCidr = value.includes('/');
    const [addr, bits] = isCidr ? ipaddr.parseCIDR(value) : [ipaddr.parse(value), -1];
    const mapped = addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress();
    const a = mapped ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
    const width = a.kind() === 'ipv4' ? 32 : 128;
    const prefix = bits < 0 ? width : mapped ? Math.max(0, bits - 96) : bits;
    const n = bytesToBig(a.toByteArray());
    const hostBits = BigInt(width - prefix);
    const first = (n >> hostBits) << hostBits;
    return { v: width === 32 ? 4 : 6, first, last: first + (1n << hostBits) - 1n };
  } catch {
    return undefined;
  }
}

/** Segments of one address family, ready for binary search. */
interface Segments<K, T> {
  firsts: K[];
  lasts: K[];
  payloads: (readonly T[])[];
}

/**
 * Cuts possibly overlapping intervals into disjoint segments with every covering payload (a sweep over the
 * boundaries). Keys are numbers for IPv4 (fast) and bigints for IPv6; `next` and `prev` step one address.
 */
function buildSegments<K extends number | bigint, T>(
  items: readonly { first: K; last: K; payload: T }[],
  next: (k: K) => K,
  prev: (k: K) => K,
): Segments<K, T> {
  type Ev = { at: K; open: boolean; id: number };
  const events: Ev[] = [];
  items.forEach((it, id) => {
    events.push({ at: it.first, open: true, id }, { at: next(it.last), open: false, id });
  });
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const active = new Set<number>();
  const interned = new Map<string, readonly T[]>();
  const out: Segments<K, T> = { firsts: [], lasts: [], payloads: [] };
  for (let i = 0; i < events.length;) {
    const at = events[i]!.at;
    while (i < events.length && events[i]!.at === at) {
      const e = events[i++]!;
      if (e.open) active.add(e.id);
      else active.delete(e.id);
    }
    if (active.size === 0 || i >= events.length) continue;
    let payload: readonly T[] | undefined;
    if (active.size === 1) {
      const [only] = active;
      payload = [items[only!]!.payload];
    } else {
      const ids = [...active].sort((a, b) => a - b);
      const key = ids.join(',');
      payload = interned.get(key);
      if (!payload) {
        payload = ids.map((id) => items[id]!.payload);
        interned.set(key, payload);
      }
    }
    const end = prev(events[i]!.at);
    const n = out.firsts.length;
    if (
      n > 0 &&
      out.payloads[n - 1]!.length === payload.length &&
      out.payloads[n - 1]!.every((p, k) => p === payload![k]) &&
      next(out.lasts[n - 1]!) === at
    ) {
      out.lasts[n - 1] = end;
    } else {
      out.firsts.push(at);
      out.lasts.push(end);
      out.payloads.push(payload);
    }
  }
  return out;
}

/** An immutable index from addresses to the payloads of every interval holding them. */
export class IpRangeIndex<T> {
  private readonly v4First: Float64Array;
  private readonly v4Last: Float64Array;
  private readonly v4Payload: (readonly T[])[];
  private readonly v6FirstHi: BigUint64Array;
  private readonly v6FirstLo: BigUint64Array;
  private readonly v6LastHi: BigUint64Array;
  private readonly v6LastLo: BigUint64Array;
  private readonly v6Payload: (readonly T[])[];

  /** Builds the index from intervals (see `ipInterval`). */
  constructor(items: readonly { v: 4 | 6; first: bigint; last: bigint; payload: T }[]) {
    const v4 = buildSegments(
      items.filter((i) => i.v === 4).map((i) => ({ first: Number(i.first), last: Number(i.last), payload: i.payload })),
      (k: number) => k + 1,
      (k: number) => k - 1,
    );
    const v6 = buildSegments(
      items.filter((i) => i.v === 6),
      (k: bigint) => k + 1n,
      (k: bigint) => k - 1n,
    );
    this.v4First = Float64Array.from(v4.firsts);
    this.v4Last = Float64Array.from(v4.lasts);
    this.v4Payload = v4.payloads;
    this.v6FirstHi = BigUint64Array.from(v6.firsts, (x) => x >> 64n);
    this.v6FirstLo = BigUint64Array.from(v6.firsts, (x) => x & MASK64);
    this.v6LastHi = BigUint64Array.from(v6.lasts, (x) => x >> 64n);
    this.v6LastLo = BigUint64Array.from(v6.lasts, (x) => x & MASK64);
    this.v6Payload = v6.payloads;
  }

  /** Number of disjoint segments (IPv4, IPv6). */
  get segments(): { v4: number; v6: number } {
    return { v4: this.v4First.length, v6: this.v6FirstHi.length };
  }

  /** Payloads of all intervals holding an IPv4 address given as a number; undefined when none. */
  lookupV4(n: number): readonly T[] | undefined {
    const firsts = this.v4First;
    let lo = 0;
    let hi = firsts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (firsts[mid]! <= n) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && this.v4Last[found]! >= n ? this.v4Payload[found] : undefined;
  }

  /** Payloads of all intervals holding the address; undefined when none. */
  lookup(key: IpKey): readonly T[] | undefined {
    if (key.v === 4) return this.lookupV4(key.n);
    const fh = this.v6FirstHi;
    const fl = this.v6FirstLo;
    let lo = 0;
    let hi = fh.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (fh[mid]! < key.hi || (fh[mid] === key.hi && fl[mid]! <= key.lo)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const lh = this.v6LastHi[found]!;
    if (lh < key.hi || (lh === key.hi && this.v6LastLo[found]! < key.lo)) return undefined;
    return this.v6Payload[found];
  }
}
