import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedConfigError, FeedFetchError } from './errors.js';
import { feedFailureText } from './feed-failure.js';
import { fetchFollowing } from './follow-redirects.js';

interface Hit {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local server answering redirects by path; it records every request. */
function server(routes: Record<string, [number, string] | string>, hits: Hit[]): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      hits.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      const route = routes[req.url!];
      if (Array.isArray(route)) res.writeHead(route[0], { location: route[1] }).end();
      else res.writeHead(route === undefined ? 404 : 200).end(route ?? '');
    });
  });
}

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

describe('fetchFollowing', () => {
  const aHits: Hit[] = [];
  const bHits: Hit[] = [];
  let a: Server;
  let b: Server;
  let A = '';
  let B = '';
  beforeAll(async () => {
    b = server({ '/done': 'ok' }, bHits);
    B = await listen(b);
    a = server(
      {
        '/see-other': [303, '/done'],
        '/done': 'ok',
        '/post-elsewhere': [302, `${B}/done`],
        '/keep-body': [307, `${B}/done`],
        '/no-location': [302, ''],
        '/gopher': [301, 'gopher://127.0.0.1/'],
        '/loop': [302, '/loop'],
      },
      aHits,
    );
    A = await listen(a);
  });
  afterAll(() => {
    a.close();
    b.close();
  });

  const opts = (method: 'GET' | 'POST') => ({
    method,
    headers: { 'x-api-key': 'k-1' },
    body: method === 'POST' ? 'secret=1' : undefined,
    shown: 'feed',
  });

  it('turns a 303 into a GET without the body, keeping headers on the same origin', async () => {
    const res = await fetchFollowing(new URL(`${A}/see-other`), opts('POST'));
    expect(await res.text()).toBe('ok');
    const last = aHits.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', path: '/done', body: '' });
    expect(last.headers['x-api-key']).toBe('k-1');
  });

  it('continues a redirected POST elsewhere as a bare GET', async () => {
    await fetchFollowing(new URL(`${A}/post-elsewhere`), opts('POST'));
    const last = bHits.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', path: '/done', body: '' });
    expect(last.headers['x-api-key']).toBeUndefined();
  });

  it('refuses to resend a body to another origin, a redirect without a Location, and other schemes', async () => {
    const seen = bHits.length;
    await expect(fetchFollowing(new URL(`${A}/keep-body`), opts('POST'))).rejects.toThrow(/with a body to another origin/);
    expect(bHits.length).toBe(seen);
    await expect(fetchFollowing(new URL(`${A}/no-location`), opts('GET'))).rejects.toBeInstanceOf(FeedFetchError);
    await expect(fetchFollowing(new URL(`${A}/gopher`), opts('GET'))).rejects.toBeInstanceOf(FeedConfigError);
  });

  it('names each refusal by code, in English and Japanese', async () => {
    const texts = async (path: string, method: 'GET' | 'POST') => {
      const error = (await fetchFollowing(new URL(`${A}${path}`), { ...opts(method), shown: `${A}${path}` }).then(
        () => undefined,
        (e: unknown) => e,
      )) as { failure?: { code: string } } | undefined;
      const f = error!.failure!;
      return { code: f.code, en: feedFailureText(f, 'en'), ja: feedFailureText(f, 'ja') };
    };
    expect(await texts('/keep-body', 'POST')).toEqual({
      code: 'redirect-body-other-origin',
      en: `${A}/keep-body redirected a request with a body to another origin (${B}); refused`,
      ja: `${A}/keep-body が本文付きのリクエストを別のオリジン（${B}）へリダイレクトしたため、送信しませんでした`,
    });
    expect(await texts('/no-location', 'GET')).toMatchObject({
      code: 'redirect-no-location',
      ja: `${A}/no-location が Location ヘッダーなしで HTTP 302 を返しました`,
    });
    expect(await texts('/gopher', 'GET')).toMatchObject({
      code: 'redirect-unsupported-scheme',
      en: `unsupported URL scheme gopher: (redirect from ${A}/gopher)`,
      ja: `${A}/gopher のリダイレクト先の URL スキーム gopher: には対応していません`,
    });
    expect(await texts('/loop', 'GET')).toMatchObject({
      code: 'too-many-redirects',
      ja: `${A}/loop のリダイレクトが 5 回を超えました`,
    });
  });
});
