/** Parsing of IP text from message trace into a normalised address, keeping only globally routable unicast ones. */
import ipaddr from 'ipaddr.js';

/** A parsed IP address: canonical text plus numeric forms for range look-ups. */
export interface ParsedIp {
  /** Canonical text (IPv4 dotted quad; IPv6 RFC 5952; `::ffff:a.b.c.d` becomes `a.b.c.d`). */
  readonly text: string;
  readonly version: 4 | 6;
  /** IPv4 as an unsigned 32-bit number (0 for IPv6). */
  readonly v4: number;
  /** IPv6 upper and lower 64 bits (0n for IPv4). */
  readonly hi: bigint;
  readonly lo: bigint;
}

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * IPv4 ranges ipaddr.js classifies as anything but 'unicast', as numeric [first, last] pairs, read from its
 * own table so the fast path below answers exactly what `range() === 'unicast'` answers (a test checks).
 */
const V4_SPECIAL: readonly (readonly [number, number])[] = (() => {
  type Cidr = [ipaddr.IPv4, number];
  const table = (ipaddr.IPv4.prototype as unknown as { SpecialRanges?: Record<string, Cidr | Cidr[]> }).SpecialRanges ?? {};
  const out: [number, number][] = [];
  for (const [name, value] of Object.entries(table)) {
    if (name === 'unicast') continue;
    const list = (Array.isArray(value[0]) ? value : [value]) as Cidr[];
    for (const [addr, bits] of list) {
      const b = addr.toByteArray();
      const start = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
      const size = 2 ** (32 - bits);
      out.push([start - (start % size), start - (start % size) + size - 1]);
    }
  }
  return out;
})();

function isSpecialV4(n: number): boolean {
  for (const [a, b] of V4_SPECIAL) if (n >= a && n <= b) return true;
  return false;
}

/** Parses IP text (brackets and an IPv6 zone tolerated); undefined when it is not an address. Never throws. */
export function parseIp(raw: string): { addr: ipaddr.IPv4 | ipaddr.IPv6; text: string } | undefined {
  let s = raw.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const m = DOTTED.exec(s);
  if (m) {
    const octets = [+m[1]!, +m[2]!, +m[3]!, +m[4]!];
    if (octets.some((o) => o > 255)) return undefined;
    const addr = new ipaddr.IPv4(octets);
    return { addr, text: addr.toString() };
  }
  if (!s.includes(':') || !ipaddr.IPv6.isValid(s)) return undefined;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.IPv6.parse(s);
  } catch {
    return undefined;
  }
  if (addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  return { addr, text: addr.kind() === 'ipv4' ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String() };
}

/**
 * The address when it is globally routable unicast, else undefined: private, loopback, link-local,
 * documentation (203.0.113/24, 2001:db8::/32), CGNAT and the like have no meaningful country or AS,
 * and the GeoIP databases answer nonsense for them (192.168/16 came back AU in one).
 */
export function parsePublicIp(raw: string): ParsedIp | undefined {
  const m = V4_SPECIAL.length > 0 ? DOTTED.exec(raw) : null;
  if (m) {
    const a = +m[1]!,
      b = +m[2]!,
      c = +m[3]!,
      d = +m[4]!;
    if (a > 255 || b > 255 || c > 255 || d > 255) return undefined;
    const v4 = a * 16777216 + b * 65536 + c * 256 + d;
    if (isSpecialV4(v4)) return undefined;
    return { text: `${a}.${b}.${c}.${d}`, version: 4, v4, hi: 0n, lo: 0n };
  }
  const parsed = parseIp(raw);
  if (!parsed || parsed.addr.range() !== 'unicast') return undefined;
  const bytes = parsed.addr.toByteArray();
  if (bytes.length === 4) {
    const v4 = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
    return { text: parsed.text, version: 4, v4, hi: 0n, lo: 0n };
  }
  let hi = 0n;
  let lo = 0n;
  for (let i = 0; i < 8; i++) hi = (hi << 8n) | BigInt(bytes[i]!);
  for (let i = 8; i < 16; i++) lo = (lo << 8n) | BigInt(bytes[i]!);
  return { text: parsed.text, version: 6, v4: 0, hi, lo };
}
