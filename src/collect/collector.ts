/** One configured collector: its token, request budget and source, and the pass that stores windows and moves the checkpoint. */
import { formatTime, parseTime, type EventRow, type TraceRecord, type TraceRow } from '../schema/index.js';
import { RecordError, type ReasonJson } from '../formats/index.js';
import type { Store } from '../store/index.js';
import { ApiClient } from './api-client.js';
import { loadAssertionSigner } from './client-assertion.js';
import { systemClock, type Clock } from './clock.js';
import type { CollectorConfig } from './collector-config.js';
import { updateCollectorStatus } from './collector-status.js';
import { CollectorNotFoundError, redact } from './errors.js';
import { GRAPH_SCOPE, GRAPH_SERVICE, graphSource } from './graph-source.js';
import { RequestBudget } from './request-budget.js';
import { RWS_SCOPE, RWS_SERVICE, rwsSource } from './rws-source.js';
import { TokenProvider } from './token-provider.js';
import type { TraceSource } from './trace-source.js';
import { isoSeconds, planWindows, type TimeWindow } from './windows.js';

/** What collectors need from the rest of mailsift. */
export interface CollectorDeps {
  store: Store;
  /** Enrichment of parsed records into stored rows (createEnricher(config).enrich). */
  enrich: (records: readonly TraceRecord[]) => TraceRow[];
  clock?: Clock;
}

/** What one window of a pass read and stored. */
export interface WindowReport {
  start: string;
  end: string;
  rows: number;
  new: number;
  updated: number;
  duplicates: number;
  rejected: number;
  requests: number;
}

/** The outcome of one pass of one collector. */
export interface PassReport {
  name: string;
  type: string;
  ok: boolean;
  startedAt: string;
  /** Windows fully stored, oldest first. */
  windows: WindowReport[];
  /** The whole span the pass meant to read, e.g. "2026-01-01T00:00:00Z..2026-01-02T00:00:00Z", or null. */
  span: string | null;
  rows: number;
  new: number;
  updated: number;
  duplicates: number;
  rejected: number;
  /** The first rejected item's reason, for the log. */
  firstReject?: string;
  /** The same reason as code and parameters, for the reader's language. */
  firstRejectReason?: ReasonJson;
  requests: number;
  checkpoint: string | null;
  completeUpTo: string | null;
  gap?: { from: string; to: string };
  error?: { message: string; code: string };
}

/** The checkpoint as stored under `collector:<name>`. */
interface SavedCheckpoint {
  checkpoint: string;
  completeUpTo: string;
  type: string;
  tenantId: string;
}

/** Rows per store upsert. */
const UPSERT_BATCH = 5000;

/** Budgets are per tenant and service, shared by every collector (and lookup) of a process. */
export type BudgetRegistry = Map<string, RequestBudget>;

/** A collector ready to run passes. */
export class Collector {
  constructor(
    readonly config: CollectorConfig,
    private readonly source: TraceSource,
    private readonly client: ApiClient,
    readonly budget: RequestBudget,
    private readonly tokens: TokenProvider,
    private readonly deps: CollectorDeps & { clock: Clock },
  ) {}

  get name(): string {
    return this.config.name;
  }

  /** Read every window from the checkpoint minus lookback to now minus lag, upsert it, and move the checkpoint window by window. */
  async runPass(signal?: AbortSignal): Promise<PassReport> {
    const { store, clock } = this.deps;
    const c = this.config;
    const key = `collector:${c.name}`;
    const started = clock.now();
    const requestsBefore = this.client.requests;
    const report: PassReport = {
      name: c.name,
      type: c.type,
      ok: false,
      startedAt: formatTime(started),
      windows: [],
      span: null,
      rows: 0,
      new: 0,
      updated: 0,
      duplicates: 0,
      rejected: 0,
      requests: 0,
      checkpoint: null,
      completeUpTo: null,
    };
    try {
      const saved = (await store.getState(key))?.value as SavedCheckpoint | undefined;
      const same = saved && saved.type === c.type && saved.tenantId === c.tenantId;
      const checkpoint = same ? parseTime(saved.checkpoint) : undefined;
      report.checkpoint = same ? saved.checkpoint : null;
      report.completeUpTo = same ? saved.completeUpTo : null;
      const plan = planWindows({
        now: started,
        lag: c.lag,
        lookback: c.lookback,
        initialLookback: c.initialLookback,
        checkpoint: Number.isNaN(checkpoint) ? undefined : checkpoint,
        maxWindowMs: Math.min(c.window, this.source.limits.maxWindowMs),
        maxAgeMs: this.source.limits.maxAgeMs,
      });
      if (plan.gap) report.gap = { from: isoSeconds(plan.gap.start), to: isoSeconds(plan.gap.end) };
      if (plan.windows.length) report.span = `${isoSeconds(plan.windows[0]!.start)}..${isoSeconds(plan.end)}`;
      for (const window of plan.windows) {
        const w = await this.readWindow(window, report, signal);
        report.windows.push(w);
        const done = isoSeconds(window.end);
        await store.setState(key, { checkpoint: done, completeUpTo: done, type: c.type, tenantId: c.tenantId } satisfies SavedCheckpoint);
        report.checkpoint = done;
        report.completeUpTo = done;
      }
      report.ok = true;
    } catch (e) {
      report.error = this.describe(e, signal);
    }
    report.requests = this.client.requests - requestsBefore;
    await this.saveStatus(report, signal);
    return report;
  }

  /** Per-hop events of one message for one recipient (Graph only), stored in MessageEvents and returned. */
  async details(traceId: string, recipient: string, signal?: AbortSignal): Promise<EventRow[]> {
    if (!this.source.details)
      throw new CollectorNotFoundError(
        `collector ${this.name} (${this.config.type}) offers no per-recipient details; use a graph collector`,
      );
    const events = await this.source.details(traceId, recipient, signal);
    await this.deps.store.insertEvents(events);
    return events;
  }

  private async readWindow(window: TimeWindow, report: PassReport, signal?: AbortSignal): Promise<WindowReport> {
    const before = this.client.requests;
    const w: WindowReport = {
      start: isoSeconds(window.start),
      end: isoSeconds(window.end),
      rows: 0,
      new: 0,
      updated: 0,
      duplicates: 0,
      rejected: 0,
      requests: 0,
    };
    // Pages are small next to what an upsert handles well: store in batches; the checkpoint waits for the window anyway.
    let batch: TraceRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const counts = await this.deps.store.upsertTraces(this.deps.enrich(batch));
      batch = [];
      w.new += counts.ingested;
      w.updated += counts.updated;
      w.duplicates += counts.duplicates;
    };
    for await (const items of this.source.pages(window, signal)) {
      for (const item of items) {
        try {
          batch.push(this.source.toRecord(item));
        } catch (e) {
          w.rejected++;
          if (report.firstReject === undefined) {
            report.firstReject = e instanceof Error ? e.message : String(e);
            if (e instanceof RecordError) report.firstRejectReason = e.reason.toJSON();
          }
        }
      }
      w.rows += items.length;
      if (batch.length >= UPSERT_BATCH) await flush();
    }
    await flush();
    w.requests = this.client.requests - before;
    report.rows += w.rows;
    report.new += w.new;
    report.updated += w.updated;
    report.duplicates += w.duplicates;
    report.rejected += w.rejected;
    return w;
  }

  private describe(e: unknown, signal?: AbortSignal): { message: string; code: string } {
    if (signal?.aborted) return { message: 'stopped before the pass finished', code: 'STOPPED' };
    const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : 'UNEXPECTED';
    const message = e instanceof Error ? e.message : String(e);
    return { message: redact(message.split(/\r?\n/)[0]!, this.tokens.secrets()), code };
  }

  private async saveStatus(r: PassReport, signal?: AbortSignal): Promise<void> {
    const now = formatTime(this.deps.clock.now());
    const stopped = signal?.aborted === true;
    try {
      await updateCollectorStatus(this.deps.store, r.name, r.type, (s) => ({
        ...s,
        lastPassAt: now,
        lastSuccessAt: r.ok ? now : s.lastSuccessAt,
        checkpoint: r.checkpoint,
        completeUpTo: r.completeUpTo,
        lastWindow: r.span ?? s.lastWindow,
        rowsLastPass: r.rows,
        newLastPass: r.new,
        updatedLastPass: r.updated,
        requestsLastPass: r.requests,
        requestsUsed: this.budget.used(),
        requestBudget: this.budget.limit,
        lastError: r.error && !stopped ? { ...r.error, at: now } : s.lastError,
        gap: r.gap ?? s.gap,
      }));
    } catch (e) {
      if (r.ok) {
        r.ok = false;
        r.error = this.describe(e);
      }
    }
  }
}

/** Build a collector from its validated configuration, sharing request budgets through `budgets`. */
export function createCollector(config: CollectorConfig, deps: CollectorDeps, budgets: BudgetRegistry): Collector {
  const clock = deps.clock ?? systemClock;
  const graph = config.type === 'graph';
  const apiUrl = graph ? config.graphUrl : config.url;
  const signer = config.certificatePath ? loadAssertionSigner(config.certificatePath, config.certificateThumbprint!) : undefined;
  const tokens = new TokenProvider({
    loginUrl: config.loginUrl,
    tenantId: config.tenantId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    signer,
    scope: graph ? GRAPH_SCOPE : RWS_SCOPE,
    clock,
    timeoutMs: config.timeout,
  });
  const budgetKey = `${new URL(apiUrl).origin}|${config.tenantId.toLowerCase()}`;
  let budget = budgets.get(budgetKey);
  if (!budget) {
    budget = new RequestBudget(clock, { limit: config.requestBudget, reserve: config.reserve, marginMs: 1000 });
    budgets.set(budgetKey, budget);
  }
  const client = new ApiClient({ service: graph ? GRAPH_SERVICE : RWS_SERVICE, tokens, budget, clock, timeoutMs: config.timeout });
  const source = config.type === 'graph' ? graphSource(config, client) : rwsSource(config, client);
  return new Collector(config, source, client, budget, tokens, { ...deps, clock });
}
