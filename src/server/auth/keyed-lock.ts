/** One task at a time per key (a user name, a client address); tasks of other keys run in parallel. */
export class KeyedLock {
  private tails = new Map<string, Promise<unknown>>();

  /** Run `work` after every earlier task of `key` has settled. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
