import { describe, expect, it } from 'vitest';
import { guessType, normalizeIndicator, refang } from './normalize.js';

describe('normalizeIndicator', () => {
  it.each([
    ['Phish@Contoso.COM', undefined, { Indicator: 'phish@contoso.com', Type: 'email' }],
    ['<ceo@contoso.com>', 'email', { Indicator: 'ceo@contoso.com', Type: 'email' }],
    ['mailto:ceo@contoso.com', undefined, { Indicator: 'ceo@contoso.com', Type: 'email' }],
    ['evil[@]contoso[.]com', undefined, { Indicator: 'evil@contoso.com', Type: 'email' }],
    ['EVIL.Example.COM.', undefined, { Indicator: 'evil.example.com', Type: 'domain' }],
    ['*.evil.example', 'domain', { Indicator: 'evil.example', Type: 'domain' }],
    ['bücher.example', undefined, { Indicator: 'xn--bcher-kva.example', Type: 'domain' }],
    ['evil[.]example[.]net', undefined, { Indicator: 'evil.example.net', Type: 'domain' }],
    ['203.0.113.5', undefined, { Indicator: '203.0.113.5', Type: 'ip' }],
    ['203.0.113.5/32', undefined, { Indicator: '203.0.113.5', Type: 'ip' }],
    ['198.51.100.77/24', undefined, { Indicator: '198.51.100.0/24', Type: 'cidr' }],
    ['2001:DB8:0:0::1', undefined, { Indicator: '2001:db8::1', Type: 'ip' }],
    ['2001:db8::1/128', 'cidr', { Indicator: '2001:db8::1', Type: 'ip' }],
    ['2001:db8:ffff::/32', 'ip', { Indicator: '2001:db8::/32', Type: 'cidr' }],
    ['::ffff:203.0.113.9', undefined, { Indicator: '203.0.113.9', Type: 'ip' }],
    ['::ffff:198.51.100.0/120', undefined, { Indicator: '198.51.100.0/24', Type: 'cidr' }],
  ] as const)('%s (%s)', (value, type, want) => {
    expect(normalizeIndicator(value, type)).toEqual(want);
  });

  it.each([
    ['', undefined, 'empty value'],
    ['not a thing', undefined, 'not an email address, domain, IP address or CIDR'],
    ['a@b@c', 'email', 'invalid email address'],
    ['localhost', 'domain', 'invalid domain name'],
    ['-bad-.example', 'domain', 'invalid domain name'],
    ['203.0.113.300', 'ip', 'invalid IP address'],
    ['203.0.113.0/33', 'cidr', 'invalid CIDR'],
    ['1', 'ip', 'invalid IP address'],
  ] as const)('refuses %j (%s)', (value, type, reason) => {
    expect(normalizeIndicator(value, type)).toEqual({ reason });
  });

  it('guesses types and refangs', () => {
    expect(guessType('1.2.3.4')).toBe('ip');
    expect(guessType('1.2.3.0/24')).toBe('cidr');
    expect(guessType('x@y.example')).toBe('email');
    expect(guessType('y.example')).toBe('domain');
    expect(guessType('https://y.example/x')).toBeUndefined();
    expect(refang('hxxp://evil(.)example')).toBe('http://evil.example');
  });
});
