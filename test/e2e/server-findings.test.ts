// API scenarios for working findings on a real server and DuckDB store: what each role may do, filters and counts,
// history, notes, evidence rows and bulk changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingRow } from '../../src/schema/index.js';
import { serverFixture, traceRow, type Browser, type ServerFixture } from './server-fixture.js';

const T = Date.UTC(2026, 10, 1, 9, 0, 0);
const HOUR = 3_600_000;
const HOSTILE = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","x")';

const row = (id: string, over: Partial<FindingRow> = {}): FindingRow => ({
  Id: id,
  Rule: 'status-spike',
  Severity: 'high',
  Title: `finding ${id}`,
  From: T,
  To: T + HOUR,
  Count: 5,
  Entities: { sender: 'sender1@contoso.com', senderDomain: 'contoso.com' },
  Query: 'MessageTrace | where SenderAddress == "sender1@contoso.com" | order by Received asc',
  Details: {},
  ...over,
});

describe('working findings through the API', () => {
  let f: ServerFixture;
  let viewer: Browser;
  let analyst: Browser;
  let admin: Browser;
  beforeAll(async () => {
    f = await serverFixture({ rows: Array.from({ length: 20 }, (_, i) => traceRow(i, i === 1 ? { Subject: HOSTILE } : {})) });
    await f.store.saveFindings(
      [
        row('a'),
        row('b', { Rule: 'lookalike-domain', Severity: 'medium', Entities: { senderDomain: 'contoso.com' } }),
        row('c', { Rule: 'embargoed-geo', Severity: 'low', Entities: { ip: '203.0.113.66', country: 'KP' } }),
        row('old', { From: T - 90 * 24 * HOUR, To: T - 90 * 24 * HOUR + HOUR }),
      ],
      T,
    );
    [viewer, analyst, admin] = [await f.login('viewer'), await f.login('analyst'), await f.login('admin')];
  });
  afterAll(async () => f.close());

  it('lets viewers read findings, their history and related findings, and change nothing', async () => {
    expect((await f.as(viewer, 'GET', '/api/findings')).statusCode).toBe(200);
    const one = await f.as(viewer, 'GET', '/api/findings/a');
    expect(one.statusCode).toBe(200);
    expect(one.json().finding).toMatchObject({ id: 'a', state: 'open', assignee: '' });
    expect(one.json().related).toEqual([
      expect.objectContaining({ finding: expect.objectContaining({ id: 'b' }), shared: ['senderDomain'] }),
    ]);
    expect((await f.as(viewer, 'GET', '/api/findings/a/history')).json()).toEqual({ history: [] });
    for (const [method, url, body] of [
      ['PATCH', '/api/findings/a', { state: 'closed' }],
      ['PATCH', '/api/findings/a', { assignee: 'viewer' }],
      ['POST', '/api/findings/a/notes', { text: 'mine' }],
      ['POST', '/api/findings/bulk', { ids: ['a'], state: 'closed' }],
      ['GET', '/api/findings/a/evidence', undefined],
    ] as const) {
      const res = await f.as(viewer, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await f.as(viewer, 'GET', '/api/findings/a')).json().finding).toMatchObject({ state: 'open', assignee: '' });
    expect(await f.store.findingActivity()).toEqual([]);
  });

  it('lets analysts and admins work a finding from open to closed, with an assignee and a note kept as text', async () => {
    for (const [who, id] of [
      [analyst, 'a'],
      [admin, 'b'],
    ] as const) {
      const name = who === analyst ? 'analyst' : 'admin';
      expect((await f.as(who, 'PATCH', `/api/findings/${id}`, { assignee: name, state: 'acknowledged' })).json()).toMatchObject({
        id,
        state: 'acknowledged',
        assignee: name,
        updatedBy: name,
      });
      const noted = await f.as(who, 'POST', `/api/findings/${id}/notes`, { text: HOSTILE });
      expect(noted.statusCode).toBe(201);
      expect((await f.as(who, 'PATCH', `/api/findings/${id}`, { state: 'closed' })).json()).toMatchObject({ state: 'closed' });
      const history = (await f.as(viewer, 'GET', `/api/findings/${id}/history`)).json().history;
      expect(history.map((h: { kind: string; value: string; by: string }) => [h.kind, h.value, h.by])).toEqual([
        ['assignee', name, name],
        ['state', 'acknowledged', name],
        ['note', HOSTILE, name],
        ['state', 'closed', name],
      ]);
      for (const h of history) expect(Date.parse(h.at)).toBeGreaterThan(Date.now() - 60_000);
    }
    await f.as(analyst, 'PATCH', '/api/findings/a', { state: 'open', assignee: '' });
    await f.as(analyst, 'PATCH', '/api/findings/b', { state: 'open', assignee: '' });
  });

  it('refuses bad changes with 400 and unknown findings with 404', async () => {
    for (const body of [{}, { state: 'resolved' }, { assignee: 'x'.repeat(201) }, { assignee: 'a\u0007b' }, { other: 1 }])
      expect((await f.as(analyst, 'PATCH', '/api/findings/a', body)).statusCode, JSON.stringify(body)).toBe(400);
    for (const body of [{ text: '' }, { text: '   ' }, { text: 'x'.repeat(10_001) }, {}])
      expect((await f.as(analyst, 'POST', '/api/findings/a/notes', body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await f.as(analyst, 'PATCH', '/api/findings/nope', { assignee: 'analyst' })).statusCode).toBe(404);
    expect((await f.as(analyst, 'POST', '/api/findings/nope/notes', { text: 'x' })).statusCode).toBe(404);
    expect((await f.as(viewer, 'GET', '/api/findings/nope')).statusCode).toBe(404);
    expect((await f.as(viewer, 'GET', '/api/findings/nope/history')).statusCode).toBe(404);
    expect((await f.as(analyst, 'POST', '/api/findings/bulk', { ids: [], state: 'closed' })).statusCode).toBe(400);
    expect((await f.as(analyst, 'GET', '/api/findings?rule=nope')).statusCode).toBe(400);
  });

  it('filters by rule, severity, state, assignee and time, and counts each state under the other filters', async () => {
    const ids = async (q: string) => {
      const r = (await f.as(viewer, 'GET', `/api/findings?${q}`)).json();
      return [r.findings.map((x: { id: string }) => x.id), r.counts];
    };
    const range = `from=${new Date(T - HOUR).toISOString()}&to=${new Date(T + 2 * HOUR).toISOString()}`;
    expect(await ids(range)).toEqual([['a', 'b', 'c'], { open: 3, acknowledged: 0, closed: 0 }]);
    expect(await ids('')).toEqual([['a', 'b', 'c', 'old'], { open: 4, acknowledged: 0, closed: 0 }]);
    await f.as(analyst, 'PATCH', '/api/findings/c', { state: 'closed', assignee: 'analyst' });
    expect(await ids(`${range}&state=closed`)).toEqual([['c'], { open: 2, acknowledged: 0, closed: 1 }]);
    expect(await ids(`${range}&rule=lookalike-domain`)).toEqual([['b'], { open: 1, acknowledged: 0, closed: 0 }]);
    expect(await ids(`${range}&severity=low`)).toEqual([['c'], { open: 0, acknowledged: 0, closed: 1 }]);
    expect(await ids('assignee=analyst')).toEqual([['c'], { open: 0, acknowledged: 0, closed: 1 }]);
    expect(await ids('assignee=nobody')).toEqual([[], { open: 0, acknowledged: 0, closed: 0 }]);
    await f.as(analyst, 'PATCH', '/api/findings/c', { state: 'open', assignee: '' });
  });

  it('acknowledges and closes a selection at once, naming the ids it did not know', async () => {
    expect((await f.as(analyst, 'POST', '/api/findings/bulk', { ids: ['a', 'b', 'nope', 'a'], state: 'acknowledged' })).json()).toEqual({
      updated: 2,
      missing: ['nope'],
    });
    expect((await f.as(admin, 'POST', '/api/findings/bulk', { ids: ['a', 'b', 'c'], state: 'closed' })).json()).toEqual({
      updated: 3,
      missing: [],
    });
    const counts = (await f.as(viewer, 'GET', '/api/findings')).json().counts;
    expect(counts).toEqual({ open: 1, acknowledged: 0, closed: 3 });
    const history = (await f.as(viewer, 'GET', '/api/findings/b/history')).json().history;
    expect(history.slice(-2).map((h: { value: string; by: string }) => [h.value, h.by])).toEqual([
      ['acknowledged', 'analyst'],
      ['closed', 'admin'],
    ]);
  });

  it('gives analysts the evidence rows of a finding in place, attacker text as data', async () => {
    const res = await f.as(analyst, 'GET', '/api/findings/a/evidence');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const sender = body.columns.findIndex((c: { name: string }) => c.name === 'SenderAddress');
    const subject = body.columns.findIndex((c: { name: string }) => c.name === 'Subject');
    expect(body.rows.length).toBe(4);
    expect(body.rows.every((r: unknown[]) => r[sender] === 'sender1@contoso.com')).toBe(true);
    expect(body.rows.map((r: unknown[]) => r[subject])).toContain(HOSTILE);
    expect((await f.as(admin, 'GET', '/api/findings/a/evidence')).statusCode).toBe(200);
  });
});
