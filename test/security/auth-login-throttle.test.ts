// Attacks on password sign-in replayed against the real server over HTTP: parallel guessing must not get past the
// limits, and strangers guessing from elsewhere must not lock the real user out.
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORDS, startLiveServer, type LiveServer } from './live-server.js';

let s: LiveServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const count = (statuses: number[], status: number) => statuses.filter((x) => x === status).length;

describe('sign-in limits under parallel attempts', () => {
  it('verifies at most the per-user limit of 30 simultaneous attempts on one user (the right one last is refused too)', async () => {
    s = await startLiveServer();
    const attempts = Array.from({ length: 30 }, (_, i) => s!.login('analyst', i === 29 ? PASSWORDS.analyst : `wrong-guess-${i}`));
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(count(statuses, 401)).toBeLessThanOrEqual(5);
    expect(count(statuses, 200)).toBe(0);
    expect(count(statuses, 429)).toBeGreaterThanOrEqual(25);
    expect(count(statuses, 401) + count(statuses, 429)).toBe(30);
  });

  it('holds the per-user (5) and per-address (20) limits for 40 parallel wrong passwords', async () => {
    s = await startLiveServer();
    const oneUser = (await Promise.all(Array.from({ length: 40 }, (_, i) => s!.login('admin', `nope-${i}`)))).map((a) => a.status);
    expect(count(oneUser, 401)).toBe(5);
    expect(count(oneUser, 429)).toBe(35);
    const answer = await s.login('admin', 'nope-again');
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    // One address spraying across many users: 15 more failures reach the address limit of 20.
    const spray = (await Promise.all(Array.from({ length: 40 }, (_, i) => s!.login(`user${i}`, 'Spring2026!')))).map((a) => a.status);
    expect(count(spray, 401)).toBe(15);
    expect(count(spray, 429)).toBe(25);
  });
});

describe('no lock-out by strangers', () => {
  it('lets the admin in from another address after 5 wrong passwords from one address', async () => {
    s = await startLiveServer();
    for (let i = 0; i < 5; i++) expect((await s.login('admin', `guess-${i}`, '127.0.0.2')).status).toBe(401);
    expect((await s.login('admin', PASSWORDS.admin, '127.0.0.2')).status).toBe(429);
    const started = Date.now();
    const real = await s.login('admin', PASSWORDS.admin, '127.0.0.3');
    expect(real.status).toBe(200);
    expect(real.json()).toMatchObject({ user: 'admin', role: 'admin' });
    // Slowed down (the user is under attack), not refused.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('slows a user guessed at from many addresses, doubling, without refusing the right password', async () => {
    s = await startLiveServer();
    for (let i = 0; i < 8; i++) expect((await s.login('viewer', `guess-${i}`, `127.0.1.${i + 1}`)).status).toBe(401);
    const started = Date.now();
    expect((await s.login('viewer', PASSWORDS.viewer, '127.0.2.1')).status).toBe(200);
    // 8 failures, 3 over the limit of 5: 0.5 s doubled three times.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
  });

  it('lets an admin reset a password while sign-in is throttled, and the new password works at once from anywhere', async () => {
    s = await startLiveServer();
    for (let i = 0; i < 5; i++) await s.login('admin', `guess-${i}`, '127.0.0.5');
    expect((await s.login('admin', PASSWORDS.admin, '127.0.0.5')).status).toBe(429);
    // What `mailsift users add admin --replace` does (the CLI test runs the real command).
    await s.fixture.users.addUser('admin', 'admin', 'a fresh admin passphrase 42', { replace: true });
    expect((await s.login('admin', 'a fresh admin passphrase 42', '127.0.0.6')).status).toBe(200);
  });
});
