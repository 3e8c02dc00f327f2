/** Country and AS of an IP address from offline data, cached per distinct address. */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { AsnRanges, type AsnInfo } from './asn-ranges.js';
import { bundledAsnData, bundledCountryData, type GeoDataInfo, type GeoDataSource } from './data-info.js';
import { GeoDataError } from './errors.js';
import { mmdbAsn, mmdbCountry, openMmdb } from './mmdb-source.js';
import { parsePublicIp, type ParsedIp } from './public-ip.js';

/** What is known about one address. */
export interface GeoResult {
  /** ISO 3166-1 alpha-2, '' when unknown or not public. */
  readonly country: string;
  /** 0 when unknown. */
  readonly asn: number;
  readonly asOrg: string;
}

/** GeoIP settings: paths of MaxMind-format files replacing the bundled data. */
export interface GeoConfig {
  countryDb?: string;
  asnDb?: string;
}

/** A look-up with its data description. */
export interface GeoLookup {
  /** Country and AS of IP text; empty values for '', invalid text and non-public addresses. Never throws. */
  lookup(ip: string): GeoResult;
  readonly info: GeoDataInfo;
}

/** The result for unknown, invalid or non-public addresses. */
export const NO_GEO: GeoResult = Object.freeze({ country: '', asn: 0, asOrg: '' });

const DEFAULT_CACHE = 300_000;

// The bundled ASN tables take ~0.6 s to read; every enricher of the process shares them.
const loadedRanges = new Map<string, Promise<AsnRanges>>();
function loadRanges(v4Path: string, v6Path: string): Promise<AsnRanges> {
  const key = `${v4Path}\n${v6Path}`;
  let p = loadedRanges.get(key);
  if (!p) {
    p = AsnRanges.load(v4Path, v6Path);
    loadedRanges.set(key, p);
    p.catch(() => loadedRanges.delete(key));
  }
  return p;
}

function userSource(kind: 'country' | 'asn', path: string, buildDate: string | null, type: string): GeoDataSource {
  const lower = type.toLowerCase();
  const vendor = lower.includes('geolite') ? 'MaxMind GeoLite2' : lower.includes('dbip') || lower.includes('db-ip') ? 'DB-IP' : '';
  // GeoLite2 and DB-IP Lite licences require visible attribution; a commercial file needs none but it does no harm.
  const attribution =
    vendor === 'MaxMind GeoLite2'
      ? 'This product includes GeoLite2 data created by MaxMind, available from https://www.maxmind.com'
      : vendor === 'DB-IP'
        ? 'IP Geolocation by DB-IP (https://db-ip.com)'
        : '';
  return {
    kind,
    name: type || basename(path),
    path,
    buildDate,
    license: vendor ? `${vendor} licence` : "see the file's licence",
    attribution,
    url: '',
  };
}

/** Opens the configured (or bundled) GeoIP data. `cacheSize` bounds the per-address cache. */
export async function createGeoLookup(config: GeoConfig = {}, cacheSize = DEFAULT_CACHE): Promise<GeoLookup> {
  const sources: GeoDataSource[] = [];
  let country: (ip: ParsedIp) => string = () => '';
  let asn: (ip: ParsedIp) => AsnInfo | undefined = () => undefined;

  const countryPath = config.countryDb ?? bundledCountryData()?.path;
  if (countryPath) {
    if (!existsSync(countryPath)) throw new GeoDataError(`GeoIP country database not found: ${countryPath}`);
    const db = await openMmdb(countryPath);
    country = (ip) => mmdbCountry(db, ip);
    sources.push(config.countryDb ? userSource('country', countryPath, db.buildDate, db.databaseType) : bundledCountryData()!);
  }

  if (config.asnDb) {
    if (!existsSync(config.asnDb)) throw new GeoDataError(`GeoIP ASN database not found: ${config.asnDb}`);
    const db = await openMmdb(config.asnDb);
    asn = (ip) => mmdbAsn(db, ip);
    sources.push(userSource('asn', config.asnDb, db.buildDate, db.databaseType));
  } else {
    const bundled = bundledAsnData();
    if (bundled) {
      const ranges = await loadRanges(bundled.v4Path, bundled.v6Path);
      asn = (ip) => ranges.lookup(ip);
      const { v4Path: _v4, v6Path: _v6, ...source } = bundled;
      sources.push(source);
    }
  }

  const cache = new Map<string, GeoResult>();
  const resolve = (raw: string): GeoResult => {
    const ip = parsePublicIp(raw);
    if (!ip) return NO_GEO;
    const as = asn(ip);
    const c = country(ip);
    if (!c && !as) return NO_GEO;
    return { country: c, asn: as?.asn ?? 0, asOrg: as?.org ?? '' };
  };
  const max = Math.max(1, cacheSize);
  return {
    lookup(ip: string): GeoResult {
      if (ip === '') return NO_GEO;
      let r = cache.get(ip);
      if (r === undefined) {
        r = resolve(ip);
        // Insertion-order eviction: cheaper than true LRU and, with a cache larger than a day's distinct IPs, as good.
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(ip, r);
      }
      return r;
    },
    info: {
      sources,
      attribution: sources
        .map((s) => s.attribution)
        .filter(Boolean)
        .join('; '),
    },
  };
}
