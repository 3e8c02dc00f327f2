/** Small local HTTP servers for the feed attacks: each records what reached it (path and headers). */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it arrived. */
export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A listener on its own port of 127.0.0.1: its own origin. */
export interface Listener {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** Listen on 127.0.0.1 with a handler that sees the full request. */
export async function listen(
  handle: (req: IncomingMessage & { path: string; body: string }, res: ServerResponse) => void,
): Promise<Listener> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      seen.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      handle(Object.assign(req, { path, body }), res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Answer with a status, a body and headers. */
export function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Every header value a set of requests carried, lower-cased names, for "did this secret arrive" checks. */
export function headerText(seen: readonly Seen[]): string {
  return seen.map((s) => JSON.stringify(s.headers) + s.body).join('\n');
}

/** A STIX 2.1 indicator of a phishing domain, as feeds serve it. */
export const INDICATOR = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  pattern: "[domain-name:value = 'contoso-invoices.example']",
  pattern_type: 'stix',
  valid_from: '2026-11-01T00:00:00Z',
};
