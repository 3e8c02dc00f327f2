/** IP-to-ASN look-up over sorted numeric ranges, as shipped in ip-location-db's `asn-ipv4-num.csv` / `asn-ipv6-num.csv`. */
import { readFile } from 'node:fs/promises';
import { asnCachePath, readAsnCache, writeAsnCache, type AsnArrays } from './asn-cache.js';
import type { ParsedIp } from './public-ip.js';

/** An autonomous system: number and organisation. */
export interface AsnInfo {
  readonly asn: number;
  readonly org: string;
}

/** Ranges sorted by start; look-ups are a binary search. Organisation names are interned. */
export class AsnRanges {
  private constructor(
    private readonly v4Start: Float64Array,
    private readonly v4End: Float64Array,
    private readonly v4Info: Uint32Array,
    private readonly v6StartHi: BigUint64Array,
    private readonly v6StartLo: BigUint64Array,
    private readonly v6EndHi: BigUint64Array,
    private readonly v6EndLo: BigUint64Array,
    private readonly v6Info: Uint32Array,
    private readonly infos: readonly AsnInfo[],
  ) {}

  /** Number of IPv4 and IPv6 ranges loaded. */
  get size(): { v4: number; v6: number } {
    return { v4: this.v4Start.length, v6: this.v6StartHi.length };
  }

  /** The AS of an address, or undefined when no range holds it. */
  lookup(ip: ParsedIp): AsnInfo | undefined {
    if (ip.version === 4) {
      const starts = this.v4Start;
      let lo = 0;
      let hi = starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= ip.v4) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0 || this.v4End[found]! < ip.v4) return undefined;
      return this.infos[this.v4Info[found]!];
    }
    const sHi = this.v6StartHi;
    const sLo = this.v6StartLo;
    let lo = 0;
    let hi = sHi.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = sHi[mid]!;
      if (h < ip.hi || (h === ip.hi && sLo[mid]! <= ip.lo)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const eh = this.v6EndHi[found]!;
    if (eh < ip.hi || (eh === ip.hi && this.v6EndLo[found]! < ip.lo)) return undefined;
    return this.infos[this.v6Info[found]!];
  }

  /** Loads the numeric-range CSVs (`start,end,asn,organisation`, inclusive ranges), through a binary cache; either path may be omitted. */
  static async load(v4Path: string | undefined, v6Path: string | undefined): Promise<AsnRanges> {
    const cachePath = await asnCachePath([v4Path, v6Path]);
    const cached = await readAsnCache(cachePath);
    const a = cached ?? (await AsnRanges.parse(v4Path, v6Path));
    if (!cached) await writeAsnCache(cachePath, a);
    return new AsnRanges(a.v4Start, a.v4End, a.v4Info, a.v6StartHi, a.v6StartLo, a.v6EndHi, a.v6EndLo, a.v6Info, a.infos);
  }

  private static async parse(v4Path: string | undefined, v6Path: string | undefined): Promise<AsnArrays> {
    const infos: AsnInfo[] = [];
    const interned = new Map<string, number>();
    const byAsn = new Map<number, number>();
    const infoIndex = (asn: number, org: string): number => {
      const first = byAsn.get(asn);
      if (first !== undefined && infos[first]!.org === org) return first;
      const key = `${asn}|${org}`;
      let i = interned.get(key);
      if (i === undefined) {
        i = infos.length;
        infos.push({ asn, org });
        interned.set(key, i);
        if (first === undefined) byAsn.set(asn, i);
      }
      return i;
    };
    const empty: RangeColumns = { starts: [], ends: [], info: [] };
    const v4 = v4Path ? parseRangeCsv(await readFile(v4Path, 'utf8'), infoIndex, false) : empty;
    const v6 = v6Path ? parseRangeCsv(await readFile(v6Path, 'utf8'), infoIndex, true) : empty;
    const s4 = v4.starts as number[];
    const o4 = sortedOrder(s4);
    const v4Start = new Float64Array(o4.length);
    const v4End = new Float64Array(o4.length);
    const v4Info = new Uint32Array(o4.length);
    for (let k = 0; k < o4.length; k++) {
      const i = o4[k]!;
      v4Start[k] = s4[i]!;
      v4End[k] = v4.ends[i] as number;
      v4Info[k] = v4.info[i]!;
    }
    const s6 = v6.starts.map((x) => BigInt(x));
    const e6 = v6.ends.map((x) => BigInt(x));
    const o6 = sortedOrder(s6);
    const mask = (1n << 64n) - 1n;
    const v6StartHi = BigUint64Array.from(o6, (i) => s6[i]! >> 64n);
    const v6StartLo = BigUint64Array.from(o6, (i) => s6[i]! & mask);
    const v6EndHi = BigUint64Array.from(o6, (i) => e6[i]! >> 64n);
    const v6EndLo = BigUint64Array.from(o6, (i) => e6[i]! & mask);
    const v6Info = Uint32Array.from(o6, (i) => v6.info[i]!);
    return { v4Start, v4End, v4Info, v6StartHi, v6StartLo, v6EndHi, v6EndLo, v6Info, infos };
  }
}

/** Indexes in ascending key order; the shipped files are already sorted, so usually no sort happens. */
function sortedOrder<T extends number | bigint>(keys: readonly T[]): number[] {
  const order = keys.map((_, i) => i);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) return order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  }
  return order;
}

/** Parsed columns: numbers for IPv4, decimal strings for IPv6 (beyond 2^53, converted to BigInt later). */
interface RangeColumns {
  starts: (number | string)[];
  ends: (number | string)[];
  info: number[];
}

/** The decimal number in s[from, to) (possibly beyond 2^53: only a validity check then), or -1 when not all digits. */
function digits(s: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Parses `start,end,asn,org` lines; the organisation may be quoted with "" escapes. Malformed lines are ignored. */
function parseRangeCsv(text: string, infoIndex: (asn: number, org: string) => number, wide: boolean): RangeColumns {
  const out: RangeColumns = { starts: [], ends: [], info: [] };
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const lineEnd = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const c1 = text.indexOf(',', pos);
    const c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
    const c3 = c2 < 0 ? -1 : text.indexOf(',', c2 + 1);
    const lineStart = pos;
    pos = eol + 1;
    if (c1 < 0 || c3 < 0 || c3 >= lineEnd) continue;
    const asn = digits(text, c2 + 1, c3);
    const start = digits(text, lineStart, c1);
    const end = digits(text, c1 + 1, c2);
    if (start < 0 || end < 0 || asn < 0) continue;
    let org = text.slice(c3 + 1, lineEnd);
    if (org.length >= 2 && org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
    out.starts.push(wide ? text.slice(lineStart, c1) : start);
    out.ends.push(wide ? text.slice(c1 + 1, c2) : end);
    out.info.push(infoIndex(asn, org));
  }
  return out;
}
