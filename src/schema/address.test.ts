import { describe, expect, it } from 'vitest';
import { domainOf, normalizeAddress } from './address.js';

describe('addresses', () => {
  it('lower-cases and trims', () => {
    expect(normalizeAddress('  Alice@Contoso.COM ')).toBe('alice@contoso.com');
    expect(normalizeAddress(null)).toBe('');
  });
  it('takes the host after the last @, without a trailing dot', () => {
    expect(domainOf('"a@b"@Contoso.co.jp.')).toBe('contoso.co.jp');
    expect(domainOf('postmaster')).toBe('');
  });
});
