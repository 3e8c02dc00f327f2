/** Reading country and AS fields from any MaxMind-format database (GeoLite2/GeoIP2, DB-IP, ip-location-db, IPinfo). */
import maxmind, { type Reader } from 'maxmind';
import type { AsnInfo } from './asn-ranges.js';
import { GeoDataError } from './errors.js';
import type { ParsedIp } from './public-ip.js';

type MmdbRecord = { readonly [key: string]: unknown };

/** An opened .mmdb file. */
export interface MmdbSource {
  readonly path: string;
  readonly reader: Reader<MmdbRecord>;
  /** 4 when the file holds IPv4 only: IPv6 look-ups in such a file return garbage, so they are not made. */
  readonly ipVersion: number;
  readonly databaseType: string;
  readonly buildDate: string | null;
}

/** Opens an .mmdb (plain or gzip). */
export async function openMmdb(path: string): Promise<MmdbSource> {
  let reader: Reader<MmdbRecord>;
  try {
    reader = await maxmind.open<MmdbRecord>(path, { cache: { max: 1000 } });
  } catch (err) {
    throw new GeoDataError(`cannot open GeoIP database ${path}: ${(err as Error).message}`, { cause: err });
  }
  const md = reader.metadata;
  const build = md.buildEpoch instanceof Date && !Number.isNaN(md.buildEpoch.getTime()) ? md.buildEpoch.toISOString() : null;
  return { path, reader, ipVersion: md.ipVersion, databaseType: md.databaseType, buildDate: build };
}

function get(src: MmdbSource, ip: ParsedIp): MmdbRecord | undefined {
  if (ip.version === 6 && src.ipVersion !== 6) return undefined;
  try {
    return src.reader.get(ip.text) ?? undefined;
  } catch {
    return undefined;
  }
}

function isoCode(v: unknown): string {
  if (v && typeof v === 'object') {
    const code = (v as MmdbRecord)['iso_code'];
    if (typeof code === 'string') return code;
  }
  return '';
}

/** ISO 3166-1 alpha-2 country of an address ('' when unknown): `country_code`, `country.iso_code`, `registered_country.iso_code`. */
export function mmdbCountry(src: MmdbSource, ip: ParsedIp): string {
  const rec = get(src, ip);
  if (!rec) return '';
  const flat = rec['country_code'];
  const code = typeof flat === 'string' && flat ? flat : isoCode(rec['country']) || isoCode(rec['registered_country']);
  // IPinfo-style files put the country code in `country` directly.
  const fallback = !code && typeof rec['country'] === 'string' ? (rec['country'] as string) : '';
  const out = (code || fallback).toUpperCase();
  return /^[A-Z]{2}$/.test(out) ? out : '';
}

/** AS of an address: `autonomous_system_number` / `asn` (number or "AS123"), org from the usual field names. */
export function mmdbAsn(src: MmdbSource, ip: ParsedIp): AsnInfo | undefined {
  const rec = get(src, ip);
  if (!rec) return undefined;
  const rawAsn = rec['autonomous_system_number'] ?? rec['asn'];
  const asn = typeof rawAsn === 'number' ? rawAsn : typeof rawAsn === 'string' ? Number(rawAsn.replace(/^AS/i, '')) : NaN;
  if (!Number.isInteger(asn) || asn <= 0) return undefined;
  const org = rec['autonomous_system_organization'] ?? rec['as_organization'] ?? rec['as_name'] ?? rec['name'];
  return { asn, org: typeof org === 'string' ? org : '' };
}
