import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../schema/index.js';
import { createEnricher, createGeoLookup, type Enricher, type GeoLookup } from './index.js';

function record(over: Partial<TraceRecord>): TraceRecord {
  return {
    Received: Date.UTC(2026, 0, 5, 9),
    SenderAddress: 'alice@contoso.com',
    RecipientAddress: 'bob@contoso.com',
    Subject: 'hello',
    Status: 'Delivered',
    FromIP: '',
    ToIP: '',
    Size: 1000,
    MessageId: '<a@contoso.com>',
    MessageTraceId: 't1',
    Organization: 'contoso.onmicrosoft.com',
    Source: 'graph',
    ...over,
  };
}

describe('geo look-up with the bundled data', () => {
  let geo: GeoLookup;
  beforeAll(async () => {
    geo = await createGeoLookup();
  });

  it.each([
    ['8.8.8.8', 'US', 15169, /google/i],
    ['::ffff:8.8.8.8', 'US', 15169, /google/i],
    ['2a02:6b8::feed:0ff', 'RU', 13238, /yandex/i],
    ['133.242.0.1', 'JP', undefined, undefined],
    // Geolocation, not the registrant's country: Microsoft's pool in its Dutch datacentre, and the three
    // addresses registrant-country data gets wrong (US, RS, and a part of KP's block).
    ['40.107.22.5', 'NL', 8075, /microsoft/i],
    ['114.114.114.114', 'CN', undefined, undefined],
    ['77.88.8.8', 'RU', 13238, /yandex/i],
    ['175.45.176.1', 'KP', 131279, undefined],
  ])('%s -> %s AS%s', (ip, country, asn, org) => {
    const r = geo.lookup(ip);
    expect(r.country).toBe(country);
    if (asn !== undefined) expect(r.asn).toBe(asn);
    else expect(r.asn).toBeGreaterThan(0);
    if (org) expect(r.asOrg).toMatch(org);
  });

  it.each([
    '192.168.1.1',
    '10.0.0.1',
    '172.16.5.4',
    '100.64.1.1',
    '127.0.0.1',
    '203.0.113.5',
    '198.51.100.7',
    '192.0.2.1',
    '::1',
    'fe80::',
    'fe80::1%eth0',
    '2001:db8::5',
    'fc00::1',
    '0.0.0.0',
    '224.0.0.5',
    '255.255.255.255',
  ])('non-public %s -> empty', (ip) => {
    expect(geo.lookup(ip)).toEqual({ country: '', asn: 0, asOrg: '' });
  });

  it.each(['', 'not an ip', '8.8.8', '8.8.8.256', '1', '0x08.8.8.8', '::ffff:999.1.1.1', '2001:::1', '8.8.8.8; drop table'])(
    'invalid %j -> empty, no throw',
    (ip) => {
      expect(geo.lookup(ip)).toEqual({ country: '', asn: 0, asOrg: '' });
    },
  );

  it('describes its data with licence and attribution', () => {
    const kinds = geo.info.sources.map((s) => [s.kind, s.license]);
    expect(kinds).toEqual([
      ['country', 'CC-BY-4.0'],
      ['asn', 'CC-BY-4.0'],
    ]);
    expect(geo.info.attribution).toMatch(/^IP Geolocation by DB-IP \(https:\/\/db-ip.com\)/);
    for (const s of geo.info.sources) expect(s.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('enricher', () => {
  let enricher: Enricher;
  beforeAll(async () => {
    enricher = await createEnricher({ organization: { acceptedDomains: ['Contoso.com', 'fabrikam.co.jp.'] } });
  });

  it.each([
    ['alice@contoso.com', 'bob@contoso.com', 'Internal'],
    ['alice@mail.contoso.com', 'bob@fabrikam.co.jp', 'Internal'],
    ['alice@contoso.com', 'eve@example.net', 'Outbound'],
    ['eve@example.net', 'bob@sales.fabrikam.co.jp', 'Inbound'],
    ['eve@example.net', 'mallory@example.org', 'External'],
    ['eve@notcontoso.com', 'bob@contoso.com', 'Inbound'],
    ['', 'bob@contoso.com', 'Inbound'],
  ])('%s -> %s is %s', (sender, recipient, direction) => {
    const [row] = enricher.enrich([record({ SenderAddress: sender, RecipientAddress: recipient })]);
    expect(row!.Direction).toBe(direction);
  });

  it('fills domains, country and AS of both IPs and keeps the record', () => {
    const rec = record({ SenderAddress: 'eve@Example.NET', FromIP: '40.107.22.5', ToIP: '8.8.8.8' });
    const [row] = enricher.enrich([rec]);
    expect(row).toMatchObject({
      ...rec,
      SenderDomain: 'example.net',
      RecipientDomain: 'contoso.com',
      FromCountry: 'NL',
      FromAsn: 8075,
      ToCountry: 'US',
      ToAsn: 15169,
    });
    expect(row!.FromAsOrg).toMatch(/microsoft/i);
    expect(rec).not.toHaveProperty('FromCountry');
  });

  it('leaves private and empty IPs unknown', () => {
    const [row] = enricher.enrich([record({ FromIP: '192.168.1.1', ToIP: '' })]);
    expect(row).toMatchObject({ FromCountry: '', FromAsn: 0, FromAsOrg: '', ToCountry: '', ToAsn: 0, ToAsOrg: '' });
  });

  it('infers no direction without accepted domains', async () => {
    const plain = await createEnricher({});
    expect(plain.enrich([record({})])[0]!.Direction).toBe('');
  });

  it('stays correct when the address cache evicts', async () => {
    const small = await createEnricher({}, { cacheSize: 2 });
    const ips = ['8.8.8.8', '133.242.0.1', '10.0.0.1', '8.8.8.8', '133.242.0.1'];
    const rows = small.enrich(ips.map((ip) => record({ FromIP: ip })));
    expect(rows.map((r) => r.FromCountry)).toEqual(['US', 'JP', '', 'US', 'JP']);
  });
});
