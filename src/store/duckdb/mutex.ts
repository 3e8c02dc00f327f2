/** A promise queue that runs one task at a time (DuckDB transactions on one connection must not interleave). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
