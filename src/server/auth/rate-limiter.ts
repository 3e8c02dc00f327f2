/** A fixed-window attempt counter per key (IP address, user name), for sign-in throttling. */

/** How many failures a key may have in a window. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Counts failures per key; `check` throws nothing, it answers how long the key must wait (0 = go ahead). */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const w = this.current(key);
    if (!w || w.count < this.limit.max) return 0;
    return Math.max(1, Math.ceil((w.start + this.limit.windowMs - this.now()) / 1000));
  }

  /** Failures of `key` in its current window. */
  count(key: string): number {
    return this.current(key)?.count ?? 0;
  }

  /** Take back one counted failure (an attempt counted in advance that turned out right). */
  release(key: string): void {
    const w = this.current(key);
    if (w && --w.count <= 0) this.windows.delete(key);
  }

  /** Count one failure of `key`. */
  fail(key: string): void {
    const w = this.current(key);
    if (w) w.count++;
    else this.windows.set(key, { start: this.now(), count: 1 });
    if (this.windows.size > 10_000) this.sweep();
  }

  /** Forget a key (after a successful sign-in). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): { start: number; count: number } | undefined {
    const w = this.windows.get(key);
    if (w && this.now() - w.start >= this.limit.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, w] of this.windows) if (t - w.start >= this.limit.windowMs) this.windows.delete(k);
  }
}
