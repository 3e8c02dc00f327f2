import { describe, expect, it } from 'vitest';
import { parseStixPattern, StixPatternError } from './stix-pattern.js';
import { patternValues } from './stix-pattern-values.js';

const values = (p: string) => patternValues(parseStixPattern(p));

describe('STIX patterns', () => {
  it.each([
    ["[email-addr:value = 'bad@contoso.com']", [{ type: 'email', value: 'bad@contoso.com' }]],
    ["[email-message:from_ref.value = 'ceo@contoso.com']", [{ type: 'email', value: 'ceo@contoso.com' }]],
    ["[domain-name:value = 'evil.example']", [{ type: 'domain', value: 'evil.example' }]],
    ["[ipv4-addr:value = '198.51.100.0/24']", [{ type: 'ip', value: '198.51.100.0/24' }]],
    ["[ipv6-addr:value = '2001:db8::/32']", [{ type: 'ip', value: '2001:db8::/32' }]],
    ["[ipv4-addr:value ISSUBSET '203.0.113.0/25']", [{ type: 'ip', value: '203.0.113.0/25' }]],
    [
      "[domain-name:value = 'a.example' OR domain-name:value = 'b.example']",
      [
        { type: 'domain', value: 'a.example' },
        { type: 'domain', value: 'b.example' },
      ],
    ],
    [
      "[domain-name:value = 'a.example'] OR [email-addr:value = 'x@b.example']",
      [
        { type: 'domain', value: 'a.example' },
        { type: 'email', value: 'x@b.example' },
      ],
    ],
    [
      "[domain-name:value IN ('a.example', 'b.example')]",
      [
        { type: 'domain', value: 'a.example' },
        { type: 'domain', value: 'b.example' },
      ],
    ],
    ["[email-addr:value = 'o\\'brien@contoso.com']", [{ type: 'email', value: "o'brien@contoso.com" }]],
    ["[email-addr:value = 'back\\\\slash@contoso.com']", [{ type: 'email', value: 'back\\slash@contoso.com' }]],
    ["([domain-name:value = 'a.example'])", [{ type: 'domain', value: 'a.example' }]],
    ["[email-message:to_refs[*].value = 'victim@contoso.com']", [{ type: 'email', value: 'victim@contoso.com' }]],
    ["[(domain-name:value = 'a.example')]", [{ type: 'domain', value: 'a.example' }]],
  ])('%s', (pattern, want) => {
    expect(values(pattern)).toEqual({ values: want, partial: [] });
  });

  it.each([
    ["[email-addr:value = 'a@b.example' AND email-addr:display_name = 'Boss']", /AND-ed comparisons/],
    ["[domain-name:value = 'a.example'] AND [ipv4-addr:value = '203.0.113.1']", /AND of observations/],
    ["[domain-name:value = 'a.example'] FOLLOWEDBY [ipv4-addr:value = '203.0.113.1']", /FOLLOWEDBY/],
    ["[domain-name:value LIKE '%.example']", /operator LIKE/],
    ["[domain-name:value != 'a.example']", /operator !=/],
    ["[domain-name:value NOT = 'a.example']", /NOT =/],
    ["[url:value = 'http://a.example/x']", /object path url:value/],
    ["[file:hashes.'SHA-256' = 'aa']", /object path file:hashes.SHA-256/],
    ["[domain-name:value = 'a.example'] WITHIN 300 SECONDS", /qualifier WITHIN 300 SECONDS/],
    ["[ipv4-addr:value = '203.0.113.1'] START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00Z'", /qualifier START/],
    ['[domain-name:value = 5]', /needs a string/],
  ])('cannot evaluate %s', (pattern, reason) => {
    const r = values(pattern);
    expect(r.values).toEqual([]);
    expect(r.unsupported).toMatch(reason);
  });

  it('keeps the usable alternatives of an OR and says what was left out', () => {
    const r = values("[url:value = 'http://x.example/' OR domain-name:value = 'x.example']");
    expect(r.values).toEqual([{ type: 'domain', value: 'x.example' }]);
    expect(r.partial).toEqual(['object path url:value is not matched by mailsift']);
  });

  it.each([
    "[domain-name:value = 'a.example'",
    "[domain-name:value = 'unterminated]",
    "domain-name:value = 'a'",
    "[domain-name:value 'a']",
    "[email-addr:value = 'a\\x']",
    "[a:b = 'x'] garbage",
  ])('syntax error in %s', (pattern) => {
    expect(() => parseStixPattern(pattern)).toThrow(StixPatternError);
  });
});
