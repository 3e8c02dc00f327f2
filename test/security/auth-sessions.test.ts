// Account changes against the real server: a changed password or role, or a removed user, ends that user's sessions
// (also when the change comes from the CLI); the last admin stays; guessable passwords are refused with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { buildApp, UserDirectory } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { PASSWORDS, startLiveServer, type LiveServer } from './live-server.js';

describe('sessions end when the account changes (API)', () => {
  let s: LiveServer;
  beforeAll(async () => {
    s = await startLiveServer();
  });
  afterAll(() => s.close());

  it('ends the sessions of a user whose password an admin changes', async () => {
    const admin = await s.session('admin', PASSWORDS.admin);
    const victim = await s.session('analyst', PASSWORDS.analyst);
    expect((await s.send('GET', '/api/auth/me', victim)).status).toBe(200);
    const changed = await s.send('PATCH', '/api/users/analyst', { ...admin, body: { password: 'new analyst passphrase 7' } });
    expect(changed.status).toBe(200);
    expect((await s.send('GET', '/api/auth/me', victim)).status).toBe(401);
    expect((await s.login('analyst', PASSWORDS.analyst)).status).toBe(401);
    expect((await s.login('analyst', 'new analyst passphrase 7')).status).toBe(200);
  });

  it('ends the sessions of a user whose role changes, and of a removed user', async () => {
    const admin = await s.session('admin', PASSWORDS.admin);
    await s.send('POST', '/api/users', { ...admin, body: { name: 'temp1', role: 'analyst', password: 'temporary-password' } });
    const temp = await s.session('temp1', 'temporary-password');
    expect((await s.send('PATCH', '/api/users/temp1', { ...admin, body: { role: 'viewer' } })).json()).toMatchObject({ role: 'viewer' });
    expect((await s.send('GET', '/api/auth/me', temp)).status).toBe(401);
    const again = await s.session('temp1', 'temporary-password');
    expect((await s.send('GET', '/api/auth/me', again)).json()).toMatchObject({ role: 'viewer' });
    expect((await s.send('DELETE', '/api/users/temp1', admin)).status).toBe(200);
    expect((await s.send('GET', '/api/auth/me', again)).status).toBe(401);
  });

  it('ends sessions even when the user is removed and added again under the same name and password', async () => {
    const admin = await s.session('admin', PASSWORDS.admin);
    await s.send('POST', '/api/users', { ...admin, body: { name: 'temp2', role: 'analyst', password: 'temporary-password' } });
    const old = await s.session('temp2', 'temporary-password');
    await s.send('DELETE', '/api/users/temp2', admin);
    await s.fixture.users.addUser('temp2', 'analyst', 'temporary-password');
    expect((await s.send('GET', '/api/auth/me', old)).status).toBe(401);
  });

  it('refuses to remove or demote the last admin (409, saying why), and allows it once there is another', async () => {
    const admin = await s.session('admin', PASSWORDS.admin);
    const removed = await s.send('DELETE', '/api/users/admin', admin);
    expect(removed.status).toBe(409);
    expect(removed.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('last admin') });
    const demoted = await s.send('PATCH', '/api/users/admin', { ...admin, body: { role: 'analyst' } });
    expect(demoted.status).toBe(409);
    expect((await s.send('GET', '/api/auth/me', admin)).json()).toMatchObject({ role: 'admin' });
    await s.send('POST', '/api/users', { ...admin, body: { name: 'second-admin', role: 'admin', password: 'second admin passphrase' } });
    const other = await s.session('second-admin', 'second admin passphrase');
    expect((await s.send('PATCH', '/api/users/admin', { ...other, body: { role: 'analyst' } })).status).toBe(200);
    expect((await s.send('DELETE', '/api/users/second-admin', other)).status).toBe(409);
    await s.fixture.users.updateUser('admin', { role: 'admin' });
  });

  it('refuses guessable passwords with the reason, wherever a password is set', async () => {
    const admin = await s.session('admin', PASSWORDS.admin);
    for (const [password, reason] of [
      ['aaaaaaaaaaaa', /Repeated characters/],
      ['password1234', /commonly used password/],
      ['qwertyuiopasdf', /keyboard|pattern|guess/i],
    ] as const) {
      const add = await s.send('POST', '/api/users', { ...admin, body: { name: 'weakling', role: 'viewer', password } });
      expect(add.status, password).toBe(400);
      expect(add.json().error.message, password).toMatch(reason);
      const change = await s.send('PATCH', '/api/users/viewer', { ...admin, body: { password } });
      expect(change.status, password).toBe(400);
    }
    // The user's own name with a year is what an attacker tries first.
    const named = await s.send('POST', '/api/users', { ...admin, body: { name: 'weakling', role: 'viewer', password: 'weakling2026!' } });
    expect(named.json().error.message).toMatch(/personal or page related data/);
    expect((await s.send('POST', '/api/users', { ...admin, body: { name: 'short', role: 'viewer', password: 'x7#Kq' } })).status).toBe(400);
    expect((await s.send('GET', '/api/users', admin)).json().map((u: { name: string }) => u.name)).not.toContain('weakling');
  });
});

describe('sessions end when the password changes from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-cli-'));
  const file = join(dir, 'store.duckdb');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function serve() {
    const store = await openStore(`duckdb:${file}`);
    const app = await buildApp({ config: configSchema.parse({}), store, logger: false });
    return { app, store, close: async () => (await app.close(), await store.close()) };
  }

  it('signs out the old admin session after `users add admin --replace`, as the demo does with its one-time password', async () => {
    const seed = await openStore(`duckdb:${file}`);
    const oneTime = await new UserDirectory(seed).resetAdminWithOneTimePassword('admin');
    await seed.close();
    let server = await serve();
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: oneTime } });
    expect(login.statusCode).toBe(200);
    const cookie = `mailsift_session=${login.cookies.find((c) => c.name === 'mailsift_session')!.value}`;
    expect((await server.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await server.close();

    const replaced = await runCli(
      ['users', 'add', 'admin', '--role', 'admin', '--password-stdin', '--replace', '--store', `duckdb:${file}`],
      {
        input: 'the new admin passphrase 9\n',
      },
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    const weak = await runCli(['users', 'add', 'bob', '--role', 'viewer', '--password-stdin', '--store', `duckdb:${file}`], {
      input: 'aaaaaaaaaaaa\n',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too easy to guess: Repeated characters/);
    const last = await runCli(['users', 'remove', 'admin', '--store', `duckdb:${file}`]);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last admin/);

    server = await serve();
    try {
      expect((await server.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      const fresh = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'the new admin passphrase 9' },
      });
      expect(fresh.statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
