import { describe, expect, it } from 'vitest';
import { hashPassword, randomPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('salts each hash and verifies only the right password', async () => {
    const [a, b] = [await hashPassword('correct horse battery'), await hashPassword('correct horse battery')];
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999999$8$1$AA$AA')).toBe(false);
  });

  it('makes random one-time passwords', () => {
    expect(randomPassword()).toHaveLength(24);
    expect(randomPassword()).not.toBe(randomPassword());
  });
});
