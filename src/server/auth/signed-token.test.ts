import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signed-token.js';

describe('signed tokens', () => {
  const key = randomBytes(32);
  it('give back what was signed until it expires, for the same purpose and key only', () => {
    const token = signToken(key, 'p', { a: 1 }, 2_000);
    expect(verifyToken(key, 'p', token, 1_999)).toEqual({ a: 1 });
    expect(verifyToken(key, 'p', token, 2_000)).toBeUndefined();
    expect(verifyToken(key, 'other', token, 1_000)).toBeUndefined();
    expect(verifyToken(randomBytes(32), 'p', token, 1_000)).toBeUndefined();
  });
  it('refuse changed or malformed tokens', () => {
    const token = signToken(key, 'p', { a: 1 }, 2_000);
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: { a: 2 }, e: 2_000 })).toString('base64url')}.${sig}`;
    for (const bad of [forged, token + '.x', token.slice(0, -2), '', '.', 'a.b', undefined])
      expect(verifyToken(key, 'p', bad, 1_000)).toBeUndefined();
  });
});
