import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../schema/index.js';
import { confidenceBand } from './confidence.js';
import { createMatcher, type MatchableIndicator } from './matcher.js';

const NOW = Date.UTC(2026, 5, 1);
function ind(Indicator: string, Type: IndicatorRow['Type'], over: Partial<MatchableIndicator> = {}): MatchableIndicator {
  return { Indicator, Type, Confidence: 80, Actor: '', Labels: [], Feed: 'test', ValidFrom: null, ValidUntil: null, ...over };
}
const values = (rows: readonly IndicatorRow[]) => rows.map((r) => r.Indicator).sort();

describe('createMatcher', () => {
  it('matches emails exactly, case-insensitively', () => {
    const m = createMatcher([ind('ceo@contoso.com', 'email')], NOW);
    expect(values(m.matchEmail('CEO@Contoso.com'))).toEqual(['ceo@contoso.com']);
    expect(m.matchEmail('ceo@contoso.com.evil.example')).toEqual([]);
    expect(m.matchEmail('xceo@contoso.com')).toEqual([]);
  });

  it('matches a domain on the host and its parents up to the registrable domain, never beyond', () => {
    const m = createMatcher(
      [ind('evil.example', 'domain'), ind('com', 'domain'), ind('co.jp', 'domain'), ind('b.evil.example', 'domain')],
      NOW,
    );
    expect(values(m.matchDomain('evil.example'))).toEqual(['evil.example']);
    expect(values(m.matchDomain('a.b.evil.example'))).toEqual(['b.evil.example', 'evil.example']);
    expect(values(m.matchDomain('MAIL.Evil.Example.'))).toEqual(['evil.example']);
    expect(m.matchDomain('contoso.com')).toEqual([]);
    expect(m.matchDomain('fabrikam.co.jp')).toEqual([]);
    expect(m.matchDomain('notevil.example')).toEqual([]);
    expect(m.matchDomain('example')).toEqual([]);
  });

  it('does not flag a shared provider for an indicator on one of its subdomains', () => {
    const m = createMatcher([ind('evil.outlook.com', 'domain'), ind('phish.blogspot.com', 'domain'), ind('blogspot.com', 'domain')], NOW);
    expect(m.matchDomain('outlook.com')).toEqual([]);
    expect(m.matchDomain('good.outlook.com')).toEqual([]);
    expect(values(m.matchDomain('x.evil.outlook.com'))).toEqual(['evil.outlook.com']);
    // blogspot.com is a private public suffix: its tenants are not its subdomains.
    expect(values(m.matchDomain('phish.blogspot.com'))).toEqual(['phish.blogspot.com']);
    expect(m.matchDomain('other.blogspot.com')).toEqual([]);
  });

  it('matches internationalised hosts in their punycode form', () => {
    const m = createMatcher([ind('xn--bcher-kva.example', 'domain')], NOW);
    expect(values(m.matchDomain('mail.bücher.example'))).toEqual(['xn--bcher-kva.example']);
  });

  it('matches IPv4 and IPv6 addresses in addresses and CIDRs, returning every match', () => {
    const m = createMatcher(
      [
        ind('198.51.100.0/24', 'cidr'),
        ind('198.51.100.128/25', 'cidr', { Confidence: 90 }),
        ind('198.51.100.200', 'ip'),
        ind('203.0.113.7', 'ip'),
        ind('2001:db8::/32', 'cidr'),
        ind('2001:db8:1::5', 'ip'),
        ind('0.0.0.0/0', 'cidr', { ValidUntil: NOW - 1 }),
      ],
      NOW,
    );
    expect(values(m.matchIp('198.51.100.5'))).toEqual(['198.51.100.0/24']);
    expect(values(m.matchIp('198.51.100.130'))).toEqual(['198.51.100.0/24', '198.51.100.128/25']);
    expect(values(m.matchIp('198.51.100.200'))).toEqual(['198.51.100.0/24', '198.51.100.128/25', '198.51.100.200']);
    expect(values(m.matchIp('198.51.100.255'))).toEqual(['198.51.100.0/24', '198.51.100.128/25']);
    expect(m.matchIp('198.51.101.0')).toEqual([]);
    expect(m.matchIp('198.51.99.255')).toEqual([]);
    expect(values(m.matchIp('203.0.113.7'))).toEqual(['203.0.113.7']);
    expect(values(m.matchIp('::ffff:203.0.113.7'))).toEqual(['203.0.113.7']);
    expect(m.matchIp('203.0.113.8')).toEqual([]);
    expect(values(m.matchIp('2001:DB8:0001::5'))).toEqual(['2001:db8:1::5', '2001:db8::/32']);
    expect(values(m.matchIp('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'))).toEqual(['2001:db8::/32']);
    expect(m.matchIp('2001:db9::')).toEqual([]);
    expect(m.matchIp('')).toEqual([]);
    expect(m.matchIp('garbage')).toEqual([]);
  });

  it('handles the ends of the address space', () => {
    const m = createMatcher([ind('255.255.255.255', 'ip'), ind('0.0.0.0/8', 'cidr'), ind('ffff::/16', 'cidr')], NOW);
    expect(m.matchIp('255.255.255.255')).toHaveLength(1);
    expect(m.matchIp('0.0.0.0')).toHaveLength(1);
    expect(m.matchIp('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toHaveLength(1);
    expect(m.matchIp('255.255.255.254')).toEqual([]);
  });

  it('ignores expired, revoked and not-yet-valid indicators', () => {
    const m = createMatcher(
      [
        ind('old@contoso.com', 'email', { ValidUntil: NOW - 1 }),
        ind('edge@contoso.com', 'email', { ValidUntil: NOW }),
        ind('revoked@contoso.com', 'email', { Revoked: true }),
        ind('future@contoso.com', 'email', { ValidFrom: NOW + 1 }),
        ind('current@contoso.com', 'email', { ValidFrom: NOW - 1000, ValidUntil: NOW + 1000 }),
      ],
      NOW,
    );
    expect(m.matchEmail('old@contoso.com')).toEqual([]);
    expect(m.matchEmail('revoked@contoso.com')).toEqual([]);
    expect(m.matchEmail('future@contoso.com')).toEqual([]);
    expect(m.matchEmail('edge@contoso.com')).toHaveLength(1);
    expect(m.matchEmail('current@contoso.com')).toHaveLength(1);
    expect(m.size).toBe(2);
  });

  it('returns all indicators of several feeds for one value', () => {
    const m = createMatcher(
      [ind('evil.example', 'domain', { Feed: 'a', Confidence: 40 }), ind('evil.example', 'domain', { Feed: 'b', Confidence: 90 })],
      NOW,
    );
    expect(
      m
        .matchDomain('evil.example')
        .map((r) => r.Feed)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('puts confidences in bands', () => {
    expect([100, 75, 74, 50, 49, 0].map(confidenceBand)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });
});
