/**
 * A client-side rolling-window request budget per tenant: Microsoft accepts 100 message-trace requests per
 * rolling 5 minutes (list and detail calls together), and a Retry-After pauses every request of the tenant.
 */
import type { Clock } from './clock.js';

/** Who is asking: scheduled passes leave `reserve` requests free for on-demand lookups. */
export type RequestPriority = 'background' | 'interactive';

export interface RequestBudgetOptions {
  /** Requests allowed per window (Microsoft: 100). */
  limit: number;
  /** The rolling window (Microsoft: 5 minutes). */
  windowMs?: number;
  /** Requests per window that background work leaves free. */
  reserve?: number;
  /** Extra wait after a slot frees, for clock differences with Microsoft. */
  marginMs?: number;
}

/** Budget shared by all requests to one tenant. */
export class RequestBudget {
  readonly limit: number;
  readonly windowMs: number;
  private readonly reserve: number;
  private readonly marginMs: number;
  private readonly sent: number[] = [];
  private notBefore = 0;

  constructor(
    private readonly clock: Clock,
    options: RequestBudgetOptions,
  ) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 300_000;
    this.reserve = Math.min(options.reserve ?? 0, this.limit - 1);
    this.marginMs = options.marginMs ?? 0;
  }

  /** Requests sent within the current rolling window. */
  used(): number {
    this.prune(this.clock.now());
    return this.sent.length;
  }

  /** The earliest time the next request may go out (a Retry-After in force), or 0. */
  pausedUntil(): number {
    return this.notBefore > this.clock.now() ? this.notBefore : 0;
  }

  /** Hold every request of this tenant until `time` (a Retry-After). */
  pauseUntil(time: number): void {
    if (time > this.notBefore) this.notBefore = time;
  }

  /** Wait for a free slot and take it; call right before sending. */
  async acquire(priority: RequestPriority, signal?: AbortSignal): Promise<void> {
    const cap = priority === 'interactive' ? this.limit : this.limit - this.reserve;
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      if (now < this.notBefore) {
        await this.clock.sleep(this.notBefore - now, signal);
        continue;
      }
      this.prune(now);
      if (this.sent.length < cap) {
        this.sent.push(now);
        return;
      }
      // The slot frees when the request `cap` places back leaves the window.
      const frees = this.sent[this.sent.length - cap]! + this.windowMs + this.marginMs;
      await this.clock.sleep(Math.max(1, frees - now), signal);
    }
  }

  private prune(now: number): void {
    const edge = now - this.windowMs - this.marginMs;
    let drop = 0;
    while (drop < this.sent.length && this.sent[drop]! <= edge) drop++;
    if (drop) this.sent.splice(0, drop);
  }
}
