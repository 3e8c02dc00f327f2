/**
 * A store that keeps a log of what its callers asked and got: every method and detection hook called, in the
 * order the calls started, with the answer. Two stores driven by the same deterministic code (a detection run)
 * give logs that can be compared entry by entry, each SQL query's rows beside the other engine's.
 */
import type { Store } from '../../src/store/index.js';

/** One call: the method (`query`, `detect.senderDays`, ...), its arguments (but a query's SQL) and what it returned. */
export interface RecordedCall {
  readonly name: string;
  readonly args: readonly unknown[];
  result?: unknown;
}

/** Methods whose answer is of no interest (their effect is checked elsewhere). */
const UNRECORDED = new Set(['close', 'saveFindings']);

function record<T extends object>(target: T, prefix: string, log: RecordedCall[]): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string' || UNRECORDED.has(key)) {
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
      }
      return async (...args: unknown[]) => {
        const call: RecordedCall = { name: `${prefix}${key}`, args: key === 'query' ? [] : args };
        log.push(call);
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(t, args);
        call.result = key === 'query' ? (result as { rows: unknown }).rows : result;
        return result;
      };
    },
  });
}

/** `store` with every call logged into `log`. */
export function recordingStore(store: Store, log: RecordedCall[]): Store {
  const detect = record(store.detect, 'detect.', log);
  const outer = record(store, '', log);
  return new Proxy(outer, { get: (t, key, receiver) => (key === 'detect' ? detect : Reflect.get(t, key, receiver)) });
}
