/** A local HTTP receiver for web-hook, Slack and Teams tests: enforces what the real services check, and can fail on purpose. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
}

export interface ReceiverOptions {
  /** What the body must look like: a generic signed web-hook, a Slack or a Teams message. */
  kind: 'webhook' | 'slack' | 'teams';
  /** Verify `X-Mailsift-Signature` with this key (web-hook). */
  secret?: string;
  /** Answer the first N well-formed requests with `failStatus`. */
  failFirst?: number;
  failStatus?: number;
  /** Retry-After header sent with failures. */
  retryAfter?: string;
  /** The receiver's clock, for the replay window (default Date.now). */
  now?: () => number;
}

export interface Receiver {
  url: string;
  /** Requests accepted (2xx) and refused, in order. */
  requests: ReceivedRequest[];
  accepted: () => ReceivedRequest[];
  statuses: number[];
  close(): Promise<void>;
}

/** Start a receiver on 127.0.0.1 at a free port; `url` has a secret-looking path like real Slack/Teams URLs. */
export async function startReceiver(o: ReceiverOptions): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const statuses: number[] = [];
  const acceptedList: ReceivedRequest[] = [];
  let failuresLeft = o.failFirst ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const r: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      requests.push(r);
      const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
        statuses.push(status);
        res.writeHead(status, { 'content-type': 'text/plain', ...headers });
        res.end(text);
      };
      if (req.method !== 'POST') return answer(405, 'method not allowed');
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return answer(415, 'unsupported media type');
      if (json === undefined) return answer(400, 'invalid_payload');
      const problem = check(o, r);
      if (problem) return answer(o.kind === 'webhook' && problem.startsWith('signature') ? 401 : 400, problem);
      if (failuresLeft > 0) {
        failuresLeft--;
        return answer(
          o.failStatus ?? 500,
          o.failStatus === 429 ? 'rate_limited' : 'internal error',
          o.retryAfter ? { 'retry-after': o.retryAfter } : {},
        );
      }
      acceptedList.push(r);
      answer(o.kind === 'teams' ? 202 : 200, o.kind === 'slack' ? 'ok' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const path =
    o.kind === 'slack'
      ? '/services/T0001/B0002/XXXXsecretpathXXXX'
      : o.kind === 'teams'
        ? '/workflows/abc/triggers/manual/paths/invoke?sig=TeamsSignatureSecret123'
        : '/hooks/mailsift';
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    accepted: () => acceptedList,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function check(o: ReceiverOptions, r: ReceivedRequest): string | undefined {
  const j = r.json as Record<string, unknown>;
  if (o.kind === 'slack') {
    if (typeof j.text !== 'string' && !Array.isArray(j.blocks)) return 'no_text';
    return undefined;
  }
  if (o.kind === 'teams') {
    const att = (
      j.attachments as { contentType?: string; content?: { type?: string; version?: string; body?: unknown[] } }[] | undefined
    )?.[0];
    if (
      j.type !== 'message' ||
      att?.contentType !== 'application/vnd.microsoft.card.adaptive' ||
      att.content?.type !== 'AdaptiveCard' ||
      !Array.isArray(att.content.body)
    )
      return 'not an Adaptive Card message';
    return undefined;
  }
  if (o.secret) {
    const sig = String(r.headers['x-mailsift-signature'] ?? '');
    const expected = 'sha256=' + createHmac('sha256', o.secret).update(r.body, 'utf8').digest('hex');
    if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return 'signature does not match';
    const ts = Number(r.headers['x-mailsift-timestamp']);
    if (ts !== j.timestamp) return 'signature: timestamp header differs from the signed body';
    if (Math.abs((o.now ?? Date.now)() / 1000 - ts) > 300) return 'signature: timestamp outside the replay window';
  }
  return undefined;
}
