import { describe, expect, it } from 'vitest';
import { createGeoLookup } from '../enrich/index.js';
import { COUNTRY_RANGES, allRanges, formatIpv4, ipIn, rangeContains } from './ip-ranges.js';
import { Rng } from './rng.js';

describe('demo IP ranges', () => {
  it('resolve to their country with the GeoIP data mailsift bundles', async () => {
    const geo = await createGeoLookup({});
    const rng = new Rng(1);
    const wrong: string[] = [];
    for (const range of allRanges()) {
      const expected = [range.country];
      for (let i = 0; i < 50; i++) {
        const ip = ipIn(range, rng);
        const country = geo.lookup(ip).country;
        if (!expected.includes(country)) wrong.push(`${ip} (${range.cidr}) -> ${country || '?'}, want ${range.country}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('keep the embargoed countries apart for the planted incident', () => {
    expect(COUNTRY_RANGES.KP!.map((r) => r.cidr)).toEqual(['175.45.176.0/23']);
    expect(COUNTRY_RANGES.IR!.every((r) => r.country === 'IR')).toBe(true);
    expect(allRanges().filter((r) => ['SY', 'CU'].includes(r.country))).toEqual([]);
  });

  it('draw host addresses inside the prefix', () => {
    const rng = new Rng(2);
    for (const range of allRanges()) {
      for (let i = 0; i < 20; i++) {
        const ip = ipIn(range, rng);
        expect(rangeContains(range, ip)).toBe(true);
        expect(ip.endsWith('.0') && range.cidr.endsWith('/24')).toBe(false);
      }
    }
    expect(formatIpv4(0xc0000201)).toBe('192.0.2.1');
    expect(rangeContains({ cidr: '10.0.0.0/8', country: '', owner: '' }, '11.0.0.1')).toBe(false);
  });
});
