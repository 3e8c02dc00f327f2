import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { ConflictError } from '../errors.js';
import { UserDirectory } from './user-directory.js';
import { isValidName, nameKey, normalizeName } from './user-name.js';

describe('names in any script', () => {
  it('accepts letters, marks and digits of every script and refuses spaces and invisible characters', () => {
    for (const ok of [
      '山田太郎',
      'yamada',
      'やまだ',
      'ヤマダ',
      'ﾔﾏﾀﾞ',
      'k.tanaka@contoso.co.jp',
      'José',
      'Ωmega',
      'سارة',
      'user_01',
      'がぎ',
    ])
      expect(isValidName(normalizeName(ok)), ok).toBe(true);
    for (const bad of ['', ' ', '山田 太郎', '.yamada', '-x', 'a\u202Eb', 'a\u200Bb', 'a\tb', 'x'.repeat(65), 'a/b', '<b>'])
      expect(isValidName(normalizeName(bad)), JSON.stringify(bad)).toBe(false);
  });

  it('makes full-width, half-width and case variants one name', () => {
    expect(normalizeName('ｙａｍａｄａ')).toBe('yamada');
    expect(normalizeName('ﾔﾏﾀﾞ')).toBe('ヤマダ');
    expect(nameKey('ＹＡＭＡＤＡ')).toBe(nameKey('yamada'));
    expect(nameKey('Yamada')).toBe('yamada');
    expect(nameKey('山田太郎')).toBe('山田太郎');
  });

  it('stores 山田太郎, signs him in, and refuses look-alike accounts', async () => {
    const store = await openStore('duckdb::memory:');
    try {
      const users = new UserDirectory(store);
      const password = 'a-long-password-1';
      expect((await users.addUser('山田太郎', 'analyst', password)).name).toBe('山田太郎');
      expect((await users.checkPassword('山田太郎', password))?.name).toBe('山田太郎');
      expect((await users.addUser('ｙａｍａｄａ', 'viewer', password)).name).toBe('yamada');
      await expect(users.addUser('yamada', 'admin', password)).rejects.toBeInstanceOf(ConflictError);
      await expect(users.addUser('YAMADA', 'admin', password)).rejects.toBeInstanceOf(ConflictError);
      await expect(users.addUser('Ｙａｍａｄａ', 'admin', password)).rejects.toBeInstanceOf(ConflictError);
      expect((await users.checkPassword('ＹＡＭＡＤＡ', password))?.name).toBe('yamada');
      expect((await users.sessionCheck('Yamada'))?.role).toBe('viewer');
      expect((await users.listUsers()).map((u) => u.name)).toEqual(['yamada', '山田太郎']);
      await users.removeUser('ｙａｍａｄａ');
      expect((await users.listUsers()).map((u) => u.name)).toEqual(['山田太郎']);
      await expect(users.createToken('監視スクリプト', 'viewer')).resolves.toMatchObject({ info: { name: '監視スクリプト' } });
      await expect(users.createToken('監視スクリプト', 'viewer')).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await store.close();
    }
  });
});
