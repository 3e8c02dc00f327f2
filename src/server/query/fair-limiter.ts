/** A concurrency limiter with a per-caller cap, so one user's heavy queries can't take every slot. */

interface Waiter {
  key: string;
  start: () => void;
}

/** Runs at most `total` tasks at once, at most `perKey` of them for one key; waiters are served in order, skipping keys at their cap. */
export class FairLimiter {
  private running = 0;
  private byKey = new Map<string, number>();
  private queue: Waiter[] = [];

  constructor(
    private readonly total: number,
    private readonly perKey: number,
  ) {}

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Wait for a slot for `key`; resolves to a release function (call it exactly once, when the work is
   * really over). `signal` abandons the wait.
   */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        key,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.take(key);
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.give(key);
          });
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private canRun(key: string): boolean {
    return this.running < this.total && (this.byKey.get(key) ?? 0) < this.perKey;
  }

  private take(key: string): void {
    this.running++;
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
  }

  private give(key: string): void {
    this.running--;
    const n = (this.byKey.get(key) ?? 1) - 1;
    if (n === 0) this.byKey.delete(key);
    else this.byKey.set(key, n);
    this.pump();
  }

  private pump(): void {
    for (let i = 0; i < this.queue.length && this.running < this.total;) {
      const w = this.queue[i]!;
      if (this.canRun(w.key)) {
        this.queue.splice(i, 1);
        w.start();
      } else i++;
    }
  }
}
