/**
 * "Test connection" of a configured collector: sign in (token), then one small request (one item of the last
 * hour) that shows whether Microsoft's message trace service principal exists (Graph answers 401 without it)
 * and whether the app holds the permission (403). Nothing is stored; the request counts against the tenant's budget.
 */
import { formatTime } from '../schema/index.js';
import { ApiClient } from './api-client.js';
import { loadAssertionSigner } from './client-assertion.js';
import { systemClock, type Clock } from './clock.js';
import { parseCollectorConfigs, type CollectorConfig } from './collector-config.js';
import { CollectorAuthError, CollectorNotFoundError, CollectorPermissionError, redact } from './errors.js';
import { GRAPH_SCOPE, GRAPH_SERVICE, graphSource } from './graph-source.js';
import { RequestBudget } from './request-budget.js';
import { RWS_SCOPE, RWS_SERVICE, rwsSource } from './rws-source.js';
import { TokenProvider } from './token-provider.js';

/** The checks, in order. */
export const CONNECTION_STEPS = ['configuration', 'token', 'service-principal', 'permission', 'request'] as const;
export type ConnectionStepName = (typeof CONNECTION_STEPS)[number];

/** One check: passed, failed, or not reached / not applicable (`ok: null`). `detail` never holds a secret. */
export interface ConnectionStep {
  step: ConnectionStepName;
  ok: boolean | null;
  detail: string;
}

/** The outcome of a connection test. */
export interface ConnectionTest {
  name: string;
  type: string;
  ok: boolean;
  at: string;
  steps: ConnectionStep[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0]!;

/** Test the collector `name` of the `collectors:` entries; `budget` is the running collector's, when there is one. */
export async function testCollectorConnection(
  collectors: readonly unknown[],
  name: string,
  options: { clock?: Clock; budget?: RequestBudget; signal?: AbortSignal } = {},
): Promise<ConnectionTest> {
  const clock = options.clock ?? systemClock;
  const raw = collectors.find((c) => (c as { name?: unknown })?.name === name) as { type?: unknown } | undefined;
  if (!raw) throw new CollectorNotFoundError(`no collector named ${name} in the configuration`);
  const result: ConnectionTest = { name, type: String(raw.type ?? ''), ok: false, at: formatTime(clock.now()), steps: [] };
  const steps = new Map<ConnectionStepName, ConnectionStep>(CONNECTION_STEPS.map((s) => [s, { step: s, ok: null, detail: '' }]));
  result.steps = [...steps.values()];
  const mark = (step: ConnectionStepName, ok: boolean | null, detail: string) => Object.assign(steps.get(step)!, { ok, detail });

  let config: CollectorConfig;
  try {
    config = parseCollectorConfigs([raw])[0]!;
    mark('configuration', true, `${config.type} collector for tenant ${config.tenantId}`);
  } catch (e) {
    mark('configuration', false, message(e));
    return result;
  }
  const graph = config.type === 'graph';
  const tokens = new TokenProvider({
    loginUrl: config.loginUrl,
    tenantId: config.tenantId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    signer: config.certificatePath ? loadAssertionSigner(config.certificatePath, config.certificateThumbprint!) : undefined,
    scope: graph ? GRAPH_SCOPE : RWS_SCOPE,
    clock,
    timeoutMs: config.timeout,
  });
  const scrub = (e: unknown) => redact(message(e), tokens.secrets());
  try {
    await tokens.token(options.signal);
    mark('token', true, `signed in as app ${config.clientId}`);
  } catch (e) {
    mark('token', false, scrub(e));
    return result;
  }
  const budget = options.budget ?? new RequestBudget(clock, { limit: config.requestBudget, reserve: 0, marginMs: 1000 });
  // Interactive priority and few tries: a person is waiting for the answer.
  const client = new ApiClient({
    service: graph ? GRAPH_SERVICE : RWS_SERVICE,
    tokens,
    budget,
    clock,
    timeoutMs: config.timeout,
    maxAttempts: 2,
    htmlAttempts: 1,
    maxRetryAfterMs: 10_000,
  });
  const source = config.type === 'graph' ? graphSource({ ...config, pageSize: 1 }, client) : rwsSource(config, client);
  const end = Math.floor((clock.now() - config.lag) / 1000) * 1000;
  if (!graph) mark('service-principal', null, 'not needed for the Reporting Web Service');
  try {
    const pages = source.pages({ start: end - 3_600_000, end }, options.signal)[Symbol.asyncIterator]();
    const first = await pages.next();
    await pages.return?.();
    const items = first.done ? 0 : first.value.length;
    if (graph) mark('service-principal', true, 'Microsoft Graph accepted the token');
    mark('permission', true, graph ? 'ExchangeMessageTrace.Read.All granted' : 'ReportingWebService.Read.All granted');
    mark('request', true, `read ${items} item${items === 1 ? '' : 's'} of the hour before ${formatTime(end)}`);
    result.ok = true;
  } catch (e) {
    if (e instanceof CollectorAuthError) mark(graph ? 'service-principal' : 'permission', false, scrub(e));
    else if (e instanceof CollectorPermissionError) {
      if (graph) mark('service-principal', true, 'Microsoft Graph accepted the token');
      mark('permission', false, scrub(e));
    } else mark('request', false, scrub(e));
  }
  return result;
}
