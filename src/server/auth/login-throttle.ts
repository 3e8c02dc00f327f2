/**
 * Sign-in throttling that holds under parallel attempts and does not let strangers lock a user out.
 * Every attempt is counted before its password is verified (a reserved slot, given back when it was right), and
 * verification runs one at a time per user and per client. Limits:
 * - a client guessing one user: `maxFailuresPerUser` failures per window, then that pair waits (429);
 * - a client guessing across users: `maxFailuresPerIp` failures per window, then that client waits (429);
 * - a user guessed at from many clients: never refused, but each attempt is slowed down (doubling, up to a cap),
 *   so the right password from another client still gets in.
 */
import { RateLimitedError } from '../errors.js';
import { KeyedLock } from './keyed-lock.js';
import { RateLimiter } from './rate-limiter.js';
import { nameKey } from './user-name.js';

/** The `server.login` settings. */
export interface LoginLimits {
  maxFailuresPerIp: number;
  maxFailuresPerUser: number;
  windowMinutes: number;
}

/** Longest slow-down of one attempt for a user under attack. */
export const MAX_USER_DELAY_MS = 8_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sign-in gate of one server. */
export class LoginThrottle {
  private readonly pair: RateLimiter;
  private readonly client: RateLimiter;
  private readonly user: RateLimiter;
  private readonly userLock = new KeyedLock();
  private readonly clientLock = new KeyedLock();

  constructor(
    private readonly limits: LoginLimits,
    private readonly delay: (ms: number) => Promise<unknown> = sleep,
  ) {
    const windowMs = limits.windowMinutes * 60_000;
    this.pair = new RateLimiter({ max: limits.maxFailuresPerUser, windowMs });
    this.client = new RateLimiter({ max: limits.maxFailuresPerIp, windowMs });
    // The per-user count never refuses; it only sets the slow-down.
    this.user = new RateLimiter({ max: Number.MAX_SAFE_INTEGER, windowMs });
  }

  /** How long an attempt for a user with `failures` recent failures is held: nothing up to the per-user limit, then 0.5 s doubling. */
  userDelayMs(failures: number): number {
    const over = failures - this.limits.maxFailuresPerUser;
    return over < 0 ? 0 : Math.min(MAX_USER_DELAY_MS, 500 * 2 ** Math.min(over, 10));
  }

  /**
   * Run one sign-in attempt: `verify` answers the signed-in user, or undefined for a wrong password.
   * Throws RateLimitedError when this client must wait; otherwise the attempt is counted before `verify` runs.
   */
  async attempt<T>(username: string, clientIp: string, verify: () => Promise<T | undefined>): Promise<T | undefined> {
    // One account whatever width or case its name is typed in (ｙａｍａｄａ, YAMADA: yamada).
    const userKey = nameKey(username);
    const pairKey = `${userKey}\u0000${clientIp}`;
    const wait = Math.max(this.pair.retryAfter(pairKey), this.client.retryAfter(clientIp));
    if (wait > 0) throw new RateLimitedError(wait);
    const earlierFailures = this.user.count(userKey);
    // Reserve the slots now, in the same tick as the check: parallel attempts see each other.
    this.pair.fail(pairKey);
    this.client.fail(clientIp);
    this.user.fail(userKey);
    const held = this.userDelayMs(earlierFailures);
    if (held > 0) await this.delay(held);
    const result = await this.clientLock.run(clientIp, () => this.userLock.run(userKey, verify));
    if (result !== undefined) {
      this.pair.reset(pairKey);
      this.client.release(clientIp);
      this.user.release(userKey);
    }
    return result;
  }
}
