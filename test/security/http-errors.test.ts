// Malformed requests against the real server over HTTP: every answer is the app's JSON error shape, with fixed words
// that never repeat what was sent; bad time ranges are 400s that say why; file paths are for admins only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, startLiveServer, traceRow, type Answer, type LiveServer, type Session } from './live-server.js';

const MARK = 'zq<script>alert(1)</script>';

function expectAppError(res: Answer, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  for (const echoed of ['zq', 'script', 'alert', '%zz', 'xxxxxxxxxx', 'evil']) expect(res.body).not.toContain(echoed);
}

let s: LiveServer;
let analyst: Session;
beforeAll(async () => {
  s = await startLiveServer({ rows: [traceRow(1), traceRow(2)] });
  analyst = await s.session('analyst', PASSWORDS.analyst);
});
afterAll(() => s.close());

describe('framework errors in the app error shape, without echoing input', () => {
  it('answers bad percent-encoding in the path with 400', async () => {
    for (const path of [`/api/health%zz${encodeURIComponent(MARK)}`, `/explorer%zz${encodeURIComponent(MARK)}`, '/api/findings/%zz']) {
      expectAppError(await s.send('GET', path, analyst), 400, 'BAD_REQUEST');
    }
  });

  it('answers a too long path part with 414 and a too long URL with 431', async () => {
    expectAppError(await s.send('POST', `/api/dashboards/${'x'.repeat(300)}${encodeURIComponent(MARK)}/run`, analyst), 414, 'URI_TOO_LONG');
    const huge = await s.send('GET', `/api/health?q=${'x'.repeat(20_000)}${encodeURIComponent(MARK)}`);
    expectAppError(huge, 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a broken or empty JSON body with 400, a foreign media type with 415, a huge body with 413', async () => {
    const json = { 'content-type': 'application/json' };
    expectAppError(await s.send('POST', '/api/query', { ...analyst, headers: json, raw: `{"query": "${MARK}` }), 400, 'BAD_REQUEST');
    expectAppError(await s.send('POST', '/api/query', { ...analyst, headers: json, raw: '' }), 400, 'BAD_REQUEST');
    const media = await s.send('POST', '/api/query', { ...analyst, headers: { 'content-type': `text/evil-${MARK}` }, raw: 'x' });
    expectAppError(media, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = await s.send('POST', '/api/query', { ...analyst, headers: json, raw: JSON.stringify({ query: 'x'.repeat(1_100_000) }) });
    expectAppError(big, 413, 'BODY_TOO_LARGE');
  });

  it('answers unknown API routes with 404 without naming the path', async () => {
    expectAppError(await s.send('GET', `/api/${encodeURIComponent(MARK)}`, analyst), 404, 'NOT_FOUND');
    expectAppError(await s.send('PUT', '/api/query/evil', analyst), 404, 'NOT_FOUND');
    expectAppError(await s.send('GET', `/assets/${encodeURIComponent(MARK)}.js`), 404, 'NOT_FOUND');
  });

  it('sends its security headers with these answers too', async () => {
    const res = await s.send('GET', '/api/health%zz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('time ranges', () => {
  const BAD = [
    '99999999999999999999',
    '253402300800000',
    '+275760-09-13T00:00:00.000Z',
    '10000-01-01T00:00:00Z',
    'yesterday',
    '1'.repeat(70),
  ];

  it('answers 400 with the reason on every route that takes a range', async () => {
    for (const value of BAD) {
      const answers: [string, Answer][] = [
        ['query', await s.send('POST', '/api/query', { ...analyst, body: { query: 'MessageTrace | count', from: value } })],
        ['export', await s.send('GET', `/api/export?query=MessageTrace&to=${encodeURIComponent(value)}`, analyst)],
        ['findings', await s.send('GET', `/api/findings?from=${encodeURIComponent(value)}`, analyst)],
        ['intel', await s.send('GET', `/api/intel/matches?from=${encodeURIComponent(value)}`, analyst)],
        ['dashboard', await s.send('POST', '/api/dashboards/overview/run', { ...analyst, body: { from: value } })],
        ['panel', await s.send('POST', '/api/dashboards/overview/panels/delivered/run', { ...analyst, body: { to: value } })],
        ['panel csv', await s.send('GET', `/api/dashboards/overview/panels/delivered/export?from=${encodeURIComponent(value)}`, analyst)],
      ];
      for (const [route, res] of answers) {
        expect(res.status, `${route} ${value}`).toBe(400);
        expect(res.json().error.code, `${route} ${value}`).toBe('BAD_REQUEST');
        expect(res.json().error.message, `${route} ${value}`).toMatch(
          /(from|to) (must be an ISO 8601 time|is out of range)|NOT have more than 64/,
        );
      }
    }
  });

  it('still takes ISO 8601 times and ms since the epoch', async () => {
    const from = String(Date.UTC(2026, 10, 1));
    const res = await s.send('POST', '/api/query', {
      ...analyst,
      body: { query: 'MessageTrace | count', from, to: '2026-11-02T00:00:00Z' },
    });
    expect(res.status).toBe(200);
    expect(res.json().rows).toEqual([[2]]);
  });
});

describe('/api/about', () => {
  it('shows server file paths to admins only', async () => {
    const viewer = await s.send('GET', '/api/about', await s.session('viewer', PASSWORDS.viewer));
    expect(viewer.status).toBe(200);
    expect(viewer.json().geoip.sources.length).toBeGreaterThan(0);
    expect(viewer.body).not.toContain('"path"');
    expect(viewer.body).not.toContain('node_modules');
    const admin = await s.send('GET', '/api/about', await s.session('admin', PASSWORDS.admin));
    expect(admin.json().geoip.sources[0].path).toMatch(/mmdb|\//);
  });
});
