import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomPassword } from './password.js';
import { BadRequestError } from '../errors.js';
import { assertStrongPassword, passwordWeakness } from './password-strength.js';

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
  it("names zxcvbn's feedback by its keys, which the web app words in each language", async () => {
    const refusal = await assertStrongPassword('aaaaaaaaaaaa').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(BadRequestError);
    expect(refusal).toMatchObject({ reason: 'weak-password', params: { warning: 'simpleRepeat' } });
    const web = readFileSync(join(import.meta.dirname, '..', '..', '..', 'web', 'src', 'strings-ja.ts'), 'utf8');
    const { suggestions } = (refusal as BadRequestError).params as { suggestions: string };
    expect(suggestions).not.toBe('');
    for (const key of suggestions.split(' ')) expect(web).toMatch(new RegExp(`\\n {6}${key}: '`));
    expect(web).toMatch(/\n {6}simpleRepeat: '/);
  });
  it("has a text in each web language for every warning and suggestion of zxcvbn's", async () => {
    const { translations } = await import('@zxcvbn-ts/language-en');
    for (const file of ['strings.ts', 'strings-ja.ts']) {
      const web = readFileSync(join(import.meta.dirname, '..', '..', '..', 'web', 'src', file), 'utf8');
      const table = (name: string) =>
        web.slice(web.indexOf(`    ${name}: {`), web.indexOf('    } as Record<string, string>', web.indexOf(`    ${name}: {`)));
      for (const key of Object.keys(translations.warnings))
        expect(table('passwordWarnings'), `${file} ${key}`).toContain(`\n      ${key}: `);
      for (const key of Object.keys(translations.suggestions))
        expect(table('passwordSuggestions'), `${file} ${key}`).toContain(`\n      ${key}: `);
    }
  });
});
