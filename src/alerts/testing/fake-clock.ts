/** A clock for tests: `sleep` moves time forward instead of waiting, and remembers every wait. */

export interface FakeClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Every wait asked for, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

/** A fake clock starting at `start` (ms). */
export function fakeClock(start: number): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleeps,
    advance(ms) {
      t += ms;
    },
    async sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return;
      t += ms;
      // Let sockets and timers of the test run, as a real wait would.
      await new Promise((r) => setImmediate(r));
    },
  };
}
