/** "Don't repeat the same alert within the period": when each (rule, key) last fired, kept in the store's state. */
import type { Store } from '../store/index.js';

const PREFIX = 'alerts.fired.';

/** When each key of one rule last fired (ms), as loaded from the store. */
export class RuleSuppression {
  private constructor(
    private readonly store: Store,
    private readonly rule: string,
    private readonly periodMs: number,
    private readonly fired: Map<string, number>,
  ) {}

  /** Load the keys that fired for `rule`. */
  static async load(store: Store, rule: string, periodMs: number): Promise<RuleSuppression> {
    const entry = await store.getState(PREFIX + rule);
    const value = entry?.value && typeof entry.value === 'object' ? (entry.value as Record<string, unknown>) : {};
    const fired = new Map<string, number>();
    for (const [k, v] of Object.entries(value)) if (typeof v === 'number') fired.set(k, v);
    return new RuleSuppression(store, rule, periodMs, fired);
  }

  /** Whether `key` fired less than the period before `now`. */
  isSuppressed(key: string, now: number): boolean {
    const at = this.fired.get(key);
    return at !== undefined && now - at < this.periodMs;
  }

  /** Remember that `keys` fired at `now`, forgetting keys whose period is over. */
  async markFired(keys: readonly string[], now: number): Promise<void> {
    if (keys.length === 0) return;
    for (const k of keys) this.fired.set(k, now);
    const kept: Record<string, number> = {};
    for (const [k, at] of this.fired) if (now - at < this.periodMs) kept[k] = at;
    await this.store.setState(PREFIX + this.rule, kept);
  }
}
