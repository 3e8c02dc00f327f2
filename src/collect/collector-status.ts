/** What each collector last did, kept in the store (`collectors` state, read by `mailsift stats` and the UI). */
import type { Store } from '../store/index.js';

/** The observable state of one collector. Times are ISO 8601. */
export interface CollectorStatus {
  name: string;
  type: string;
  /** When the last pass ended, successful or not. */
  lastPassAt: string | null;
  /** When the last pass that stored every window ended. */
  lastSuccessAt: string | null;
  /** End of the last fully stored window; the next pass reads from here minus lookback. */
  checkpoint: string | null;
  /** Every row received up to this time is stored (now minus lag at the last successful pass). */
  completeUpTo: string | null;
  /** The windows read by the last pass, e.g. "2026-01-01T00:00:00Z..2026-01-02T00:00:00Z". */
  lastWindow: string | null;
  rowsLastPass: number;
  newLastPass: number;
  updatedLastPass: number;
  requestsLastPass: number;
  /** Requests sent to this tenant within the current rolling 5 minutes, and the budget. */
  requestsUsed: number;
  requestBudget: number;
  lastError: { message: string; code: string; at: string } | null;
  /** Receive times never collected because they are older than Microsoft keeps. */
  gap: { from: string; to: string } | null;
}

/** The state key of the status list. */
export const STATUS_KEY = 'collectors';

// Collectors of one process update the list one at a time, so no update is lost.
const queues = new WeakMap<Store, Promise<unknown>>();

/** The status of every collector that has run against this store. */
export async function readCollectorStatus(store: Store): Promise<CollectorStatus[]> {
  const value = (await store.getState(STATUS_KEY))?.value;
  return Array.isArray(value) ? (value as CollectorStatus[]) : [];
}

/** Change one collector's entry (creating it when needed) and save the list. */
export function updateCollectorStatus(
  store: Store,
  name: string,
  type: string,
  change: (s: CollectorStatus) => CollectorStatus,
): Promise<CollectorStatus> {
  const run = async () => {
    const list = await readCollectorStatus(store);
    const i = list.findIndex((s) => s.name === name);
    const next = change(i >= 0 ? { ...list[i]!, type } : emptyStatus(name, type));
    if (i >= 0) list[i] = next;
    else list.push(next);
    await store.setState(STATUS_KEY, list);
    return next;
  };
  const result = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(
    store,
    result.catch(() => undefined),
  );
  return result;
}

function emptyStatus(name: string, type: string): CollectorStatus {
  return {
    name,
    type,
    lastPassAt: null,
    lastSuccessAt: null,
    checkpoint: null,
    completeUpTo: null,
    lastWindow: null,
    rowsLastPass: 0,
    newLastPass: 0,
    updatedLastPass: 0,
    requestsLastPass: 0,
    requestsUsed: 0,
    requestBudget: 0,
    lastError: null,
    gap: null,
  };
}
