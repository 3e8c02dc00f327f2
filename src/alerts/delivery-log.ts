/** Every delivery attempt, kept in the store's state (the newest 1,000) for `mailsift alerts run` and the web UI. */
import type { Store } from '../store/index.js';
import type { DeliveryFailureJson } from './delivery-failure.js';
import type { Severity } from './finding.js';

const KEY = 'alerts.deliveries';

/** One delivery attempt. `detail` never holds a secret. */
export interface DeliveryAttempt {
  at: string;
  rule: string;
  alertId: string;
  /** What the alert was about: `Severity: rule` and the sentence, made visible. */
  title: string;
  severity: Severity;
  destination: string;
  type: string;
  attempt: number;
  /** `retrying` = this attempt failed and another follows. */
  outcome: 'delivered' | 'retrying' | 'failed';
  /** `HTTP 200`, `250 OK`, or the reason of the failure. */
  detail: string;
  /** Why the attempt failed, as a code and parameters each reader words in its language. */
  failure?: DeliveryFailureJson;
  /** HTTP status or SMTP reply code. */
  status?: number;
  durationMs: number;
}

/** The delivery history in the store; writes are serialized so parallel deliveries do not lose records. */
export class DeliveryLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly keep = 1000,
  ) {}

  /** Append one attempt. */
  record(attempt: DeliveryAttempt): Promise<void> {
    const next = this.tail.then(async () => {
      const list = await this.read();
      list.push(attempt);
      await this.store.setState(KEY, list.slice(-this.keep));
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** The newest attempts first, at most `limit`, optionally only failures. */
  async recent(options: { limit?: number; failuresOnly?: boolean } = {}): Promise<DeliveryAttempt[]> {
    await this.tail;
    const list = (await this.read()).reverse();
    const picked = options.failuresOnly ? list.filter((a) => a.outcome !== 'delivered') : list;
    return picked.slice(0, options.limit ?? 100);
  }

  private async read(): Promise<DeliveryAttempt[]> {
    const entry = await this.store.getState(KEY);
    return Array.isArray(entry?.value) ? (entry.value as DeliveryAttempt[]) : [];
  }
}

/** The newest delivery attempts of a store (for the web UI). */
export function recentDeliveries(store: Store, options: { limit?: number; failuresOnly?: boolean } = {}): Promise<DeliveryAttempt[]> {
  return new DeliveryLog(store).recent(options);
}
