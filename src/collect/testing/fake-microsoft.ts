/**
 * A local stand-in for Microsoft identity, Graph message trace and the Reporting Web Service on 127.0.0.1.
 * It enforces the documented rules (tokens, scopes, filters, windows, 100 requests per rolling 5 minutes per
 * tenant with Retry-After), logs every request with its time on the shared clock, records any request sent
 * before a Retry-After had passed, and injects faults on demand.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock.js';
import type { FakeAnswer } from './fake-answer.js';
import type { TraceDataset } from './fake-dataset.js';
import { FakeGraph, graphError, graphKind } from './fake-graph.js';
import { FakeIdentity, type Audience, type FakeApp } from './fake-identity.js';
import { IIS_401_PAGE, RWS_PATH, rwsAnswer } from './fake-rws.js';

/** An app registration with its granted permissions (both granted unless set to false). */
export interface FakeAppSetup extends FakeApp {
  graphPermission?: boolean;
  rwsPermission?: boolean;
}

/** A tenant of the fake. */
export interface FakeTenant {
  tenantId: string;
  apps: FakeAppSetup[];
  dataset: TraceDataset;
  organization?: string;
  /** Whether the service principal of Microsoft's message trace app exists; without it Graph answers 401 (default true). */
  servicePrincipal?: boolean;
}

/** Which kind of request a fault applies to. */
export type FaultTarget = 'token' | 'list' | 'details' | 'rws';

/** Something going wrong on Microsoft's side, once per injection. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'drop' }
  | { kind: 'html' }
  | { kind: 'expire-token' }
  /** Answer normally (to place a later fault on, say, the third page). */
  | { kind: 'pass' };

/** One request as the fake saw it. */
export interface LoggedRequest {
  /** Microsoft's time (the shared clock plus any skew). */
  time: number;
  kind: FaultTarget | 'other';
  tenantId?: string;
  status: number;
  path: string;
}

export interface FakeMicrosoftOptions {
  clock: Clock;
  tenants: FakeTenant[];
  /** Microsoft's clock minus ours (negative: this machine runs fast). */
  skewMs?: number;
  /** Requests per rolling window per tenant and service (Microsoft: 100 per 5 minutes). */
  limit?: number;
  windowMs?: number;
}

/** The running fake. */
export interface FakeMicrosoft {
  /** http://127.0.0.1:PORT — use as loginUrl and graphUrl (and + '/ecp/reportingwebservice/reporting.svc'). */
  readonly url: string;
  readonly rwsUrl: string;
  readonly identity: FakeIdentity;
  readonly log: LoggedRequest[];
  /** Requests that arrived before a Retry-After the fake had sent had passed. */
  readonly violations: string[];
  /** Apply `fault` to the next `times` requests of `target`. */
  inject(target: FaultTarget, fault: Fault, times?: number): void;
  /** The most API requests (list, details, rws) of any tenant within any rolling window. */
  maxInWindow(): number;
  /** API requests answered 429 by the fake's own throttle or faults. */
  throttled(): number;
  close(): Promise<void>;
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><form id="i0281" action="/common/login"></form></body></html>';

/** Start the fake on 127.0.0.1 with a free port. */
export async function startFakeMicrosoft(o: FakeMicrosoftOptions): Promise<FakeMicrosoft> {
  const limit = o.limit ?? 100;
  const windowMs = o.windowMs ?? 300_000;
  const now = () => o.clock.now() + (o.skewMs ?? 0);
  const tenants = new Map(o.tenants.map((t) => [t.tenantId, t]));
  const identity = new FakeIdentity(new Map(o.tenants.map((t) => [t.tenantId, t.apps])));
  const log: LoggedRequest[] = [];
  const violations: string[] = [];
  const faults: { target: FaultTarget; fault: Fault }[] = [];
  const accepted = new Map<string, number[]>();
  const retryAfterUntil = new Map<string, number>();
  let graph: FakeGraph;
  let origin = '';

  const takeFault = (target: FaultTarget) => {
    const i = faults.findIndex((f) => f.target === target);
    return i < 0 ? undefined : faults.splice(i, 1)[0]!.fault;
  };

  /** A fault's answer; 429/503 with Retry-After start a pause the client must respect. */
  const faultAnswer = (fault: Fault, throttleKey: string | undefined, t: number): FakeAnswer | undefined => {
    if (fault.kind === 'pass') return undefined;
    if (fault.kind === 'drop') return { status: 0, drop: true };
    if (fault.kind === 'html') return { status: 200, text: SIGN_IN_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } };
    if (fault.kind === 'expire-token') {
      identity.expireAll(t);
      return undefined;
    }
    const headers: Record<string, string> = {};
    if (fault.retryAfter !== undefined) {
      headers['retry-after'] = fault.retryAfter;
      const seconds = Number(fault.retryAfter);
      const until = Number.isFinite(seconds) ? t + seconds * 1000 : Date.parse(fault.retryAfter);
      if (throttleKey) retryAfterUntil.set(throttleKey, Math.max(retryAfterUntil.get(throttleKey) ?? 0, until));
    }
    if (fault.body !== undefined) return { status: fault.status, text: fault.body, headers: { 'content-type': 'text/plain', ...headers } };
    return { ...graphError(fault.status, fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', 'Injected fault.'), headers };
  };

  /** Microsoft's rolling-window throttle: a 429 with the seconds until a slot frees. */
  const throttle = (key: string, t: number): FakeAnswer | undefined => {
    const times = (accepted.get(key) ?? []).filter((x) => x > t - windowMs);
    accepted.set(key, times);
    if (times.length < limit) {
      times.push(t);
      return undefined;
    }
    const wait = Math.ceil((times[0]! + windowMs - t) / 1000);
    retryAfterUntil.set(key, Math.max(retryAfterUntil.get(key) ?? 0, t + wait * 1000));
    return { ...graphError(429, 'TooManyRequests', 'Too many requests.'), headers: { 'retry-after': String(wait) } };
  };

  const api = (req: IncomingMessage, url: URL, kind: 'list' | 'details' | 'rws', entry: LoggedRequest, t: number): FakeAnswer => {
    const audience: Audience = kind === 'rws' ? 'rws' : 'graph';
    const auth = identity.check(req.headers.authorization, audience, t);
    const tenant = 'tenantId' in auth ? tenants.get(auth.tenantId) : undefined;
    entry.tenantId = tenant?.tenantId;
    const key = tenant ? `${audience}|${tenant.tenantId}` : undefined;
    if (key && t < (retryAfterUntil.get(key) ?? 0))
      violations.push(
        `${kind} request at ${new Date(t).toISOString()} before Retry-After ended at ${new Date(retryAfterUntil.get(key)!).toISOString()}`,
      );
    const fault = takeFault(kind);
    if (fault) {
      const answer = faultAnswer(fault, key, t);
      if (answer) return answer;
    }
    const recheck = identity.check(req.headers.authorization, audience, t);
    if (!('tenantId' in recheck) || !tenant) {
      const problem = 'problem' in recheck ? recheck.problem : 'Unknown tenant.';
      if (kind === 'rws') return { status: 401, text: IIS_401_PAGE, headers: { 'content-type': 'text/html' } };
      return { ...graphError(401, 'InvalidAuthenticationToken', problem), headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    }
    const app = tenant.apps.find((a) => a.clientId === recheck.clientId)!;
    if (kind === 'rws') {
      if (app.rwsPermission === false)
        return { status: 403, json: { ErrorCode: '', Message: 'No permission to access the report for the organization .' } };
    } else {
      // Without the first-party app's service principal in the tenant, Graph refuses every token.
      if (tenant.servicePrincipal === false) return graphError(401, 'UnknownError', '');
      if (app.graphPermission === false)
        return graphError(
          403,
          'Forbidden',
          "Missing role permissions on the request. API requires one of 'ExchangeMessageTrace.Read.All'.",
        );
    }
    const throttled = throttle(key!, t);
    if (throttled) return throttled;
    return kind === 'rws'
      ? rwsAnswer(url, tenant.dataset, t, tenant.organization ?? tenant.tenantId)
      : graph.answer(url, tenant.dataset, t, String(req.headers.prefer ?? ''));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const t = now();
    const url = new URL(req.url ?? '/', origin);
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    const kind: LoggedRequest['kind'] = tokenPath ? 'token' : url.pathname === RWS_PATH ? 'rws' : (graphKind(url.pathname) ?? 'other');
    const entry: LoggedRequest = { time: t, kind, status: 0, path: url.pathname + url.search };
    log.push(entry);
    let answer: FakeAnswer;
    if (tokenPath) {
      const body = await readBody(req);
      const fault = takeFault('token');
      answer =
        (fault && faultAnswer(fault, undefined, t)) ??
        (req.method !== 'POST' || !/application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')
          ? { status: 400, json: { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain a form.' } }
          : identity.token(decodeURIComponent(tokenPath[1]!), new URLSearchParams(body), t, `${origin}${url.pathname}`));
    } else if (kind === 'list' || kind === 'details' || kind === 'rws') {
      answer = req.method === 'GET' ? api(req, url, kind, entry, t) : graphError(405, 'MethodNotAllowed', 'Only GET.');
    } else {
      answer = graphError(404, 'UnknownError', 'Not found.');
    }
    entry.status = answer.drop ? 0 : answer.status;
    if (answer.drop) {
      req.socket.destroy();
      return;
    }
    const text = answer.text ?? JSON.stringify(answer.json);
    res.writeHead(answer.status, { 'content-type': 'application/json; odata.metadata=minimal', ...answer.headers });
    res.end(text);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  graph = new FakeGraph(origin);

  return {
    url: origin,
    rwsUrl: `${origin}/ecp/reportingwebservice/reporting.svc`,
    identity,
    log,
    violations,
    inject(target, fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ target, fault });
    },
    maxInWindow() {
      let max = 0;
      const byTenant = new Map<string, number[]>();
      for (const r of log) {
        if (r.kind === 'token' || r.kind === 'other') continue;
        const k = `${r.kind === 'rws' ? 'rws' : 'graph'}|${r.tenantId ?? ''}`;
        byTenant.set(k, [...(byTenant.get(k) ?? []), r.time]);
      }
      for (const times of byTenant.values()) {
        times.sort((a, b) => a - b);
        let i = 0;
        for (let j = 0; j < times.length; j++) {
          while (times[i]! <= times[j]! - windowMs) i++;
          max = Math.max(max, j - i + 1);
        }
      }
      return max;
    },
    throttled: () => log.filter((r) => r.status === 429).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
