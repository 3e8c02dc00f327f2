import { describe, expect, it } from 'vitest';
import { randomPassword } from './password.js';
import { passwordWeakness } from './password-strength.js';

describe('password strength', () => {
  it('refuses guessable passwords and says why', async () => {
    expect(await passwordWeakness('aaaaaaaaaaaa')).toMatch(/^this password is too easy to guess: Repeated characters/);
    expect(await passwordWeakness('password1234')).toMatch(/commonly used password/);
    expect(await passwordWeakness('alice2026!!', ['alice'])).toBeDefined();
    expect(await passwordWeakness('short')).toBe('a password needs at least 12 characters');
  });
  it("accepts passphrases and the demo's one-time passwords", async () => {
    expect(await passwordWeakness('correct horse battery staple')).toBeUndefined();
    for (let i = 0; i < 5; i++) expect(await passwordWeakness(randomPassword(), ['admin'])).toBeUndefined();
  });
});
