/**
 * The real server listening on 127.0.0.1 (a real DuckDB store, users of each role), and a raw HTTP client that can
 * send what browsers won't (malformed URLs, huge paths) and choose its source address inside 127.0.0.0/8, so that
 * attacks "from another client" are really from another address.
 */
import { request as httpRequest } from 'node:http';
import { serverFixture, type ServerFixture } from '../e2e/server-fixture.js';

export { PASSWORDS, traceRow } from '../e2e/server-fixture.js';

/** One answer as the client saw it. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): any;
  /** Set-Cookie value of `name`, if set. */
  cookie(name: string): string | undefined;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text (sent as is, with the given content-type). */
  raw?: string;
  headers?: Record<string, string>;
  /** Source address (127.x.y.z) of the connection. */
  from?: string;
  cookie?: string;
  csrf?: string;
}

/** A signed-in browser. */
export interface Session {
  cookie: string;
  csrf: string;
}

export interface LiveServer {
  fixture: ServerFixture;
  origin: string;
  send(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  login(username: string, password: string, from?: string): Promise<Answer>;
  /** Sign in or fail the test. */
  session(username: string, password: string, from?: string): Promise<Session>;
  close(): Promise<void>;
}

/** Start the server of one test file; `server` overrides keys of the server block of mailsift.yaml. */
export async function startLiveServer(options: Parameters<typeof serverFixture>[0] = {}): Promise<LiveServer> {
  const fixture = await serverFixture(options);
  await fixture.app.listen({ host: '127.0.0.1', port: 0 });
  const address = fixture.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  const send: LiveServer['send'] = (method, path, o = {}) =>
    new Promise((resolve, reject) => {
      const payload = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
      const headers: Record<string, string> = {
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(o.cookie ? { cookie: o.cookie } : {}),
        ...(o.csrf ? { 'x-csrf-token': o.csrf, origin } : {}),
        ...(payload !== undefined ? { 'content-length': String(Buffer.byteLength(payload)) } : {}),
        ...o.headers,
      };
      const req = httpRequest(
        { host: '127.0.0.1', port, method, path, headers, localAddress: o.from ?? '127.0.0.1', agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const setCookie = res.headers['set-cookie'] ?? [];
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body,
              json: () => JSON.parse(body),
              cookie: (name) => {
                const line = setCookie.find((c) => c.startsWith(`${name}=`));
                return line ? line.slice(name.length + 1).split(';')[0] : undefined;
              },
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  const login: LiveServer['login'] = (username, password, from) => send('POST', '/api/auth/login', { body: { username, password }, from });
  const session: LiveServer['session'] = async (username, password, from) => {
    const res = await login(username, password, from);
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.body}`);
    return { cookie: `mailsift_session=${res.cookie('mailsift_session')}`, csrf: res.json().csrf as string };
  };
  return { fixture, origin, send, login, session, close: () => fixture.close() };
}
