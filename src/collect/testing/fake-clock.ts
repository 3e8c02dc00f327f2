/** A controllable clock shared by a collector and the fake Microsoft: sleeping advances simulated time at once. */
import type { Clock } from '../clock.js';

/** Simulated time: `sleep(ms)` moves time forward by `ms` (never backwards) and resolves on the next turn. */
export class FakeClock implements Clock {
  /** Total simulated time spent sleeping. */
  slept = 0;

  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  /** Move time forward by hand. */
  advance(ms: number): void {
    this.t += Math.max(0, ms);
  }

  /** Set time (forward only). */
  set(ms: number): void {
    if (ms > this.t) this.t = ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const wait = Math.max(0, ms);
    this.slept += wait;
    this.t += wait;
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
}
