/** Local users and API tokens, kept in the store's state entries (only hashes: scrypt for passwords, SHA-256 for tokens). */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/index.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import { dummyHash, hashPassword, randomPassword, verifyPassword } from './password.js';
import { assertStrongPassword } from './password-strength.js';
import { isRole, type Role } from './roles.js';
import { isValidName, nameKey, normalizeName } from './user-name.js';

const USERS_KEY = 'server.users';
const TOKENS_KEY = 'server.tokens';
const TOKEN_PREFIX = 'mst_';

interface StoredUser {
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  /** Changes with every password or role change: sessions started under another epoch are over. */
  epoch?: string;
}

interface StoredToken {
  name: string;
  role: Role;
  sha256: string;
  createdAt: string;
}

/** A user as the API and CLI show it (no hash). */
export interface UserInfo {
  name: string;
  role: Role;
  createdAt: string;
}

/** An API token as listed (the secret is shown only once, at creation). */
export interface TokenInfo {
  name: string;
  role: Role;
  createdAt: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const newEpoch = () => randomBytes(12).toString('base64url');

/** What a session must still match to stay valid. */
export interface SessionCheck {
  role: Role;
  epoch: string | undefined;
}

/** Refuse a change that would leave no local admin (nobody could manage users through the web app any more). */
function assertAdminRemains(users: readonly StoredUser[], name: string, newRole: Role | undefined): void {
  const current = users.find((u) => nameKey(u.name) === nameKey(name));
  if (current?.role !== 'admin' || newRole === 'admin') return;
  if (users.some((u) => u.role === 'admin' && nameKey(u.name) !== nameKey(name))) return;
  throw new ConflictError(
    `${name} is the last admin: ${newRole ? 'demoting' : 'removing'} it would leave nobody to manage users; add another admin first`,
    { reason: newRole ? 'last-admin-demoted' : 'last-admin-removed', params: { name } },
  );
}

/** Users and tokens of one store; writes are serialised so concurrent changes don't lose each other. */
export class UserDirectory {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  /** Every local user, by name. */
  async listUsers(): Promise<UserInfo[]> {
    return (await this.users())
      .map(({ name, role, createdAt }) => ({ name, role, createdAt }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  }

  /** Add a user (or replace its password and role with `replace`); the user's sessions end on a replace. */
  async addUser(rawName: string, role: Role, password: string, options: { replace?: boolean } = {}): Promise<UserInfo> {
    const name = normalizeName(rawName);
    if (!isValidName(name))
      throw new BadRequestError('a user name is 1-64 letters (any script), digits, . _ @ or -, starting with a letter or digit', {
        reason: 'user-name',
      });
    if (!isRole(role)) throw new BadRequestError('role must be admin, analyst or viewer', { reason: 'role' });
    await assertStrongPassword(password, [name, role]);
    const passwordHash = await hashPassword(password);
    return this.serialised(async () => {
      const users = await this.users();
      // One account per name whatever its width or case: ｙａｍａｄａ and Yamada are yamada.
      const existing = users.findIndex((u) => nameKey(u.name) === nameKey(name));
      if (existing >= 0 && !options.replace)
        throw new ConflictError(`the user ${users[existing]!.name} exists already`, {
          reason: 'user-exists',
          params: { name: users[existing]!.name },
        });
      if (existing >= 0) assertAdminRemains(users, name, role);
      const user: StoredUser = { name, role, passwordHash, createdAt: new Date().toISOString(), epoch: newEpoch() };
      if (existing >= 0) users[existing] = user;
      else users.push(user);
      await this.store.setState(USERS_KEY, users);
      return { name, role, createdAt: user.createdAt };
    });
  }

  /** Change the role and/or password of a user; either change ends the user's sessions. */
  async updateUser(name: string, change: { role?: Role; password?: string }): Promise<UserInfo> {
    if (change.role !== undefined && !isRole(change.role))
      throw new BadRequestError('role must be admin, analyst or viewer', { reason: 'role' });
    if (change.role === undefined && change.password === undefined)
      throw new BadRequestError('give a new role or password', { reason: 'role-or-password' });
    if (change.password !== undefined) await assertStrongPassword(change.password, [name, change.role ?? '']);
    const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
    return this.serialised(async () => {
      const users = await this.users();
      const i = users.findIndex((u) => u.name === name);
      if (i < 0) throw new NotFoundError(`no user ${name}`, { reason: 'no-user', params: { name } });
      if (change.role) assertAdminRemains(users, name, change.role);
      const user: StoredUser = {
        ...users[i]!,
        ...(change.role ? { role: change.role } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        epoch: newEpoch(),
      };
      users[i] = user;
      await this.store.setState(USERS_KEY, users);
      return { name, role: user.role, createdAt: user.createdAt };
    });
  }

  /** Remove a user; NotFoundError when there is none, ConflictError for the last admin. */
  async removeUser(name: string): Promise<void> {
    await this.serialised(async () => {
      const users = await this.users();
      const rest = users.filter((u) => nameKey(u.name) !== nameKey(name));
      if (rest.length === users.length) throw new NotFoundError(`no user ${name}`, { reason: 'no-user', params: { name } });
      assertAdminRemains(users, name, undefined);
      await this.store.setState(USERS_KEY, rest);
    });
  }

  /** The user whose name and password match, or undefined. Takes as long when the user does not exist. */
  async checkPassword(name: string, password: string): Promise<(UserInfo & { epoch: string | undefined }) | undefined> {
    const user = (await this.users()).find((u) => nameKey(u.name) === nameKey(name));
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    return user && ok ? { name: user.name, role: user.role, createdAt: user.createdAt, epoch: user.epoch } : undefined;
  }

  /** The current role and session epoch of a local user, or undefined when it is gone (read at every request: other processes change users too). */
  async sessionCheck(name: string): Promise<SessionCheck | undefined> {
    const user = (await this.users()).find((u) => nameKey(u.name) === nameKey(name));
    return user ? { role: user.role, epoch: user.epoch } : undefined;
  }

  /** Create an API token; returns the secret, which is not stored and can't be shown again. */
  async createToken(rawName: string, role: Role): Promise<{ token: string; info: TokenInfo }> {
    const name = normalizeName(rawName);
    if (!isValidName(name))
      throw new BadRequestError('a token name is 1-64 letters (any script), digits, . _ @ or -', { reason: 'token-name' });
    if (!isRole(role)) throw new BadRequestError('role must be admin, analyst or viewer', { reason: 'role' });
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return this.serialised(async () => {
      const tokens = await this.tokens();
      if (tokens.some((t) => nameKey(t.name) === nameKey(name)))
        throw new ConflictError(`the token ${name} exists already`, { reason: 'token-exists', params: { name } });
      const stored: StoredToken = { name, role, sha256: sha256(token), createdAt: new Date().toISOString() };
      tokens.push(stored);
      await this.store.setState(TOKENS_KEY, tokens);
      return { token, info: { name, role, createdAt: stored.createdAt } };
    });
  }

  /** API tokens, by name. */
  async listTokens(): Promise<TokenInfo[]> {
    return (await this.tokens()).map(({ name, role, createdAt }) => ({ name, role, createdAt }));
  }

  /** Revoke a token by name. */
  async revokeToken(name: string): Promise<void> {
    await this.serialised(async () => {
      const tokens = await this.tokens();
      const rest = tokens.filter((t) => nameKey(t.name) !== nameKey(name));
      if (rest.length === tokens.length) throw new NotFoundError(`no token ${name}`, { reason: 'no-token', params: { name } });
      await this.store.setState(TOKENS_KEY, rest);
    });
  }

  /** The token a bearer secret belongs to, or undefined. */
  async checkToken(secret: string): Promise<TokenInfo | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const digest = Buffer.from(sha256(secret), 'hex');
    for (const t of await this.tokens()) {
      const stored = Buffer.from(t.sha256, 'hex');
      if (stored.length === digest.length && timingSafeEqual(stored, digest)) return { name: t.name, role: t.role, createdAt: t.createdAt };
    }
    return undefined;
  }

  /** Give `admin` a fresh random password (the demo prints it once); never a known default. */
  async resetAdminWithOneTimePassword(name = 'admin'): Promise<string> {
    const password = randomPassword();
    await this.addUser(name, 'admin', password, { replace: true });
    return password;
  }

  private async users(): Promise<StoredUser[]> {
    const entry = await this.store.getState(USERS_KEY);
    return Array.isArray(entry?.value) ? (entry.value as StoredUser[]).filter((u) => isRole(u.role)) : [];
  }

  private async tokens(): Promise<StoredToken[]> {
    const entry = await this.store.getState(TOKENS_KEY);
    return Array.isArray(entry?.value) ? (entry.value as StoredToken[]).filter((t) => isRole(t.role)) : [];
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
