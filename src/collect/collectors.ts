/** Running the configured collectors: one pass each (`collect --once`), on their interval (`collect`, `serve`), and on-demand lookups. */
import type { EventRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { systemClock } from './clock.js';
import { parseCollectorConfigs } from './collector-config.js';
import { readCollectorStatus, type CollectorStatus } from './collector-status.js';
import { createCollector, type BudgetRegistry, type Collector, type CollectorDeps, type PassReport } from './collector.js';
import { CollectorNotFoundError } from './errors.js';
import { testCollectorConnection, type ConnectionTest } from './test-connection.js';

/** The collectors to run and what they need. */
export interface CollectorsOptions extends CollectorDeps {
  /** The `collectors:` entries of the configuration, as loaded (validated here). */
  collectors: readonly unknown[];
  /** Run only these names (default: every enabled collector). */
  only?: readonly string[];
  /** Called after every pass of every collector. */
  onPass?: (report: PassReport) => void;
}

/** Running collectors; stop() ends them after the current request. */
export interface CollectorScheduler {
  readonly collectors: readonly Collector[];
  /** Stop every loop and wait for them to end; a window being read is left for the next start. */
  stop(): Promise<void>;
}

// The collectors of the running scheduler(s), for on-demand lookups within the same request budget.
const running = new Map<string, Collector>();

/** Validate the configuration and build the collectors that should run. */
export function createCollectors(options: CollectorsOptions, budgets: BudgetRegistry = new Map()): Collector[] {
  const configs = parseCollectorConfigs(options.collectors);
  for (const name of options.only ?? []) {
    if (!configs.some((c) => c.name === name)) throw new CollectorNotFoundError(`no collector named ${name} in the configuration`);
  }
  return configs.filter((c) => (options.only ? options.only.includes(c.name) : c.enabled)).map((c) => createCollector(c, options, budgets));
}

/** One pass of every collector (in parallel: they are different tenants or share a budget). */
export async function runCollectorsOnce(options: CollectorsOptions): Promise<PassReport[]> {
  const collectors = createCollectors(options);
  return Promise.all(
    collectors.map(async (c) => {
      const report = await c.runPass();
      options.onPass?.(report);
      return report;
    }),
  );
}

/** Run every collector on its interval until stop(); passes of one collector never overlap. */
export function startCollectors(options: CollectorsOptions): CollectorScheduler {
  const clock = options.clock ?? systemClock;
  const collectors = createCollectors(options);
  for (const c of collectors) {
    if (running.has(c.name)) throw new CollectorNotFoundError(`collector ${c.name} is already running in this process`);
  }
  const controller = new AbortController();
  const signal = controller.signal;
  for (const c of collectors) running.set(c.name, c);
  const loops = collectors.map(async (c) => {
    while (!signal.aborted) {
      const started = clock.now();
      const report = await c.runPass(signal);
      if (signal.aborted) break;
      try {
        options.onPass?.(report);
      } catch {
        // A broken listener must not stop collection.
      }
      const wait = c.config.interval - (clock.now() - started);
      try {
        if (wait > 0) await clock.sleep(wait, signal);
      } catch {
        break;
      }
    }
  });
  let stopping: Promise<void> | undefined;
  return {
    collectors,
    stop() {
      stopping ??= (async () => {
        controller.abort(new Error('collectors stopped'));
        await Promise.allSettled(loops);
        for (const c of collectors) if (running.get(c.name) === c) running.delete(c.name);
      })();
      return stopping;
    },
  };
}

/**
 * Per-hop events (Graph getDetailsByRecipient) of one message for one recipient, fetched by the running
 * collector `collectorName` within its tenant's request budget, stored in MessageEvents and returned.
 */
export async function fetchMessageDetails(
  collectorName: string,
  traceId: string,
  recipient: string,
  signal?: AbortSignal,
): Promise<EventRow[]> {
  const c = running.get(collectorName);
  if (!c) throw new CollectorNotFoundError(`no running collector named ${collectorName}`);
  return c.details(traceId, recipient, signal);
}

/** The status of every collector (from the store), with the live request count of those running here. */
export async function collectorStatus(store: Store): Promise<CollectorStatus[]> {
  const list = await readCollectorStatus(store);
  return list.map((s) => {
    const live = running.get(s.name);
    return live ? { ...s, requestsUsed: live.budget.used(), requestBudget: live.budget.limit } : s;
  });
}

/** "Test connection" of a configured collector, within its running scheduler's request budget when it runs in this process. */
export function testConnection(collectors: readonly unknown[], name: string, signal?: AbortSignal): Promise<ConnectionTest> {
  const budget = running.get(name)?.budget;
  return testCollectorConnection(collectors, name, { ...(budget ? { budget } : {}), ...(signal ? { signal } : {}) });
}
