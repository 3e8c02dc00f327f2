import { describe, expect, it } from 'vitest';
import { editDistance, findLookalike, protectedDomain, skeleton, type ProtectedDomain } from './domain-similarity.js';

const PROTECTED = ['contoso.co.jp', 'fabrikam.co.jp', 'northwindtraders.com'].map((d) => protectedDomain(d)!) as ProtectedDomain[];
const opts = { maxEditDistance: 2, minLabelLength: 4 };
const check = (d: string) => findLookalike(d, PROTECTED, opts);

describe('lookalike domains', () => {
  it('finds each way of imitating a domain, and names the one imitated', () => {
    expect(check('c0ntoso.co.jp')).toMatchObject({ imitates: 'contoso.co.jp', kind: 'homoglyph' });
    expect(check('fabrikarn.co.jp')).toMatchObject({ imitates: 'fabrikam.co.jp', kind: 'homoglyph' });
    expect(check('contoso.co.jp.secure-login.com')).toMatchObject({ imitates: 'contoso.co.jp', kind: 'embedded' });
    expect(check('contoso-co.jp')).toMatchObject({ imitates: 'contoso.co.jp', kind: 'hyphenated' });
    expect(check('contoso.com')).toMatchObject({ imitates: 'contoso.co.jp', kind: 'tld-swap' });
    expect(check('contsoo.co.jp')).toMatchObject({ imitates: 'contoso.co.jp', kind: 'typo', distance: 1 });
    expect(check('northwindtrader.com')).toMatchObject({ imitates: 'northwindtraders.com', kind: 'typo' });
    expect(check('contoso-secure.com')).toMatchObject({ imitates: 'contoso.co.jp', kind: 'added-word' });
  });

  it('stays quiet on the domains themselves, their subdomains and unrelated names', () => {
    for (const d of [
      'contoso.co.jp',
      'mail.contoso.co.jp',
      'fabrikam.co.jp',
      'tailspintoys.com',
      'adatum.com',
      'gmail.com',
      'litware.co.jp',
    ])
      expect(check(d)).toBeUndefined();
  });

  it('folds Cyrillic and punycode look-alikes', () => {
    expect(skeleton('соntoso')).toBe(skeleton('contoso'));
    const puny = new URL('http://соntoso.co.jp').hostname;
    expect(puny.startsWith('xn--')).toBe(true);
    expect(check(puny)).toMatchObject({ imitates: 'contoso.co.jp', kind: 'homoglyph' });
  });

  it('computes edit distance with transpositions', () => {
    expect(editDistance('contoso', 'contsoo')).toBe(1);
    expect(editDistance('contoso', 'kontoso')).toBe(1);
    expect(editDistance('contoso', 'abcdefg', 2)).toBe(3);
  });
});
