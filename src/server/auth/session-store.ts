/** Browser sessions: random ids in an HttpOnly cookie, only their SHA-256 kept (in memory and the store's state). */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.js';
import type { Role } from './roles.js';

const SESSIONS_KEY = 'server.sessions';

/** A signed-in browser. */
export interface Session {
  user: string;
  role: Role;
  /** How the user signed in: a local password or single sign-on. */
  source: 'local' | 'oidc';
  /** Token the browser must echo in the X-CSRF-Token header on state-changing calls. */
  csrf: string;
  /** The user's epoch at sign-in (local users): a password or role change since then ends the session. */
  epoch?: string;
  createdAt: number;
  lastSeen: number;
}

/** Lifetimes of a session. */
export interface SessionLimits {
  /** Signed out after this long without a request. Default 12 h. */
  idleMs: number;
  /** Signed out after this long in any case. Default 7 days. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000 };
const PERSIST_TOUCH_EVERY_MS = 5 * 60_000;

const digest = (id: string) => createHash('sha256').update(id).digest('hex');

/** Sessions of one server. */
export class SessionStore {
  private sessions = new Map<string, Session & { persistedSeen: number }>();
  private loaded: Promise<void> | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Start a session; returns the cookie value (never stored) and the session. */
  async create(user: string, role: Role, source: Session['source'], epoch?: string): Promise<{ id: string; session: Session }> {
    await this.load();
    const id = randomBytes(32).toString('base64url');
    const t = this.now();
    const session: Session = { user, role, source, csrf: randomBytes(24).toString('base64url'), createdAt: t, lastSeen: t };
    if (epoch !== undefined) session.epoch = epoch;
    this.sessions.set(digest(id), { ...session, persistedSeen: t });
    await this.persist();
    return { id, session };
  }

  /** The live session of a cookie value, refreshed; undefined when unknown or expired. */
  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    await this.load();
    const key = digest(id);
    const s = this.sessions.get(key);
    if (!s) return undefined;
    const t = this.now();
    if (t - s.lastSeen > this.limits.idleMs || t - s.createdAt > this.limits.absoluteMs) {
      this.sessions.delete(key);
      await this.persist();
      return undefined;
    }
    s.lastSeen = t;
    if (t - s.persistedSeen > PERSIST_TOUCH_EVERY_MS) {
      s.persistedSeen = t;
      await this.persist();
    }
    const { persistedSeen: _, ...session } = s;
    return session;
  }

  /** End a session (sign out). */
  async delete(id: string | undefined): Promise<void> {
    if (!id) return;
    await this.load();
    if (this.sessions.delete(digest(id))) await this.persist();
  }

  /** End every session of a user (removed, or role changed). */
  async deleteUser(user: string): Promise<void> {
    await this.load();
    let changed = false;
    for (const [k, s] of this.sessions) if (s.user === user) changed = this.sessions.delete(k) || changed;
    if (changed) await this.persist();
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const entry = await this.store.getState(SESSIONS_KEY);
      const t = this.now();
      for (const [k, s] of Object.entries((entry?.value ?? {}) as Record<string, Session>)) {
        if (t - s.lastSeen <= this.limits.idleMs && t - s.createdAt <= this.limits.absoluteMs)
          this.sessions.set(k, { ...s, persistedSeen: s.lastSeen });
      }
    })();
    return this.loaded;
  }

  private persist(): Promise<void> {
    const write = async () => {
      const t = this.now();
      const out: Record<string, Session> = {};
      for (const [k, s] of this.sessions) {
        if (t - s.lastSeen > this.limits.idleMs || t - s.createdAt > this.limits.absoluteMs) continue;
        const { persistedSeen: _, ...session } = s;
        out[k] = session;
      }
      await this.store.setState(SESSIONS_KEY, out);
    };
    const next = this.chain.then(write, write);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
