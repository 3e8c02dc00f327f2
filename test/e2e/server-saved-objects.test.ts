// Saved searches and dashboards made in the app, through the API as each role: viewers change nothing, analysts
// save searches and make personal dashboards, admins also share dashboards; built-ins stay read-only templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, traceRow, type Browser, type ServerFixture } from './server-fixture.js';

let f: ServerFixture;
let admin: Browser;
let analyst: Browser;
let viewer: Browser;

beforeAll(async () => {
  f = await serverFixture({
    rows: Array.from({ length: 12 }, (_, n) => traceRow(n, n % 3 === 0 ? { Status: 'Failed', SenderAddress: 'bad@contoso.com' } : {})),
    config: { alerts: { destinations: [{ name: 'soc-hook', type: 'webhook', url: 'http://127.0.0.1:9/hook' }] } },
  });
  [admin, analyst, viewer] = await Promise.all([f.login('admin'), f.login('analyst'), f.login('viewer')]);
});
afterAll(() => f.close());

const RANGE = { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' };
const FAILED = 'MessageTrace | where Status == "Failed" | project Received, SenderAddress, Status';

describe('saved searches', () => {
  it('analysts save personal and shared searches; others see only the shared ones', async () => {
    const mine = await f.as(analyst, 'POST', '/api/saved-searches', { name: 'Failed mail', query: FAILED });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ name: 'Failed mail', owner: 'analyst', shared: false, mine: true, editable: true });
    const shared = await f.as(analyst, 'POST', '/api/saved-searches', { name: 'All mail', query: 'MessageTrace', shared: true });
    expect(shared.statusCode).toBe(201);

    const seenByAdmin = (await f.as(admin, 'GET', '/api/saved-searches')).json() as { name: string; editable: boolean }[];
    expect(seenByAdmin.map((s) => [s.name, s.editable])).toEqual([['All mail', true]]);
    // The owner changes it; an admin may change a shared one; nobody else sees a personal one.
    const id = (mine.json() as { id: string }).id;
    expect((await f.as(admin, 'PUT', `/api/saved-searches/${id}`, { name: 'x', query: 'MessageTrace' })).statusCode).toBe(404);
    const renamed = await f.as(analyst, 'PUT', `/api/saved-searches/${id}`, { name: 'Failed', query: FAILED, description: 'bounces' });
    expect(renamed.json()).toMatchObject({ name: 'Failed', description: 'bounces' });
  });

  it('a query that is not KQL is refused with its place', async () => {
    const r = await f.as(analyst, 'POST', '/api/saved-searches', { name: 'bad', query: 'MessageTrace | where' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'KQL' });
    expect(r.json().error.line).toBe(1);
  });

  it('viewers can neither read nor save searches (they run no free queries)', async () => {
    expect((await f.as(viewer, 'GET', '/api/saved-searches')).statusCode).toBe(403);
    expect((await f.as(viewer, 'POST', '/api/saved-searches', { name: 'v', query: 'MessageTrace' })).statusCode).toBe(403);
  });

  it('a saved search becomes an alert rule of the configuration schema, with a dry run', async () => {
    const s = (await f.as(analyst, 'POST', '/api/saved-searches', { name: 'Failed now', query: FAILED })).json() as { id: string };
    const r = await f.as(analyst, 'POST', `/api/saved-searches/${s.id}/alert-rule`, { schedule: '1h', severity: 'high' });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { rule: Record<string, unknown>; yaml: string; preview: { alerts: number } };
    expect(body.rule).toEqual({
      name: 'Failed now',
      query: FAILED,
      schedule: '1h',
      condition: { rows: '>0' },
      severity: 'high',
      destinations: ['soc-hook'],
    });
    expect(body.yaml).toContain('name: Failed now');
    // The rows are from 2026-11-01, long before "now": the last hour holds none.
    expect(body.preview.alerts).toBe(0);
    const bad = await f.as(analyst, 'POST', `/api/saved-searches/${s.id}/alert-rule`, { destinations: ['nowhere'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/nowhere/);
    const badSchedule = await f.as(analyst, 'POST', `/api/saved-searches/${s.id}/alert-rule`, { schedule: 'sometimes' });
    expect(badSchedule.statusCode).toBe(400);
    expect(badSchedule.json().error.message).toMatch(/^alert rule\.schedule: 'sometimes' is neither an interval/);
    // The draft is what the alert-rule API takes: an admin makes it at once (an analyst may not).
    expect((await f.as(analyst, 'POST', '/api/alerts/rules', { definition: body.rule })).statusCode).toBe(403);
    expect((await f.as(admin, 'POST', '/api/alerts/rules', { definition: body.rule })).statusCode).toBe(200);
    const rules = ((await f.as(admin, 'GET', '/api/alerts')).json() as { rules: { name: string; source: string; active: boolean }[] })
      .rules;
    expect(rules.find((r) => r.name === 'Failed now')).toMatchObject({ source: 'app', active: true });
    // The dry run evaluates the condition as the scheduler would.
    const always = (await f.as(analyst, 'POST', `/api/saved-searches/${s.id}/alert-rule`, { rows: '>=0' })).json();
    expect(always.preview).toEqual({ alerts: 1, sentences: ['Failed now: the query returned 0 rows (rows >= 0)'] });
  });

  it('others cannot delete a personal search; its owner can', async () => {
    const s = (await f.as(analyst, 'POST', '/api/saved-searches', { name: 'temp', query: 'MessageTrace' })).json() as { id: string };
    expect((await f.as(admin, 'DELETE', `/api/saved-searches/${s.id}`)).statusCode).toBe(404);
    expect((await f.as(analyst, 'DELETE', `/api/saved-searches/${s.id}`)).statusCode).toBe(204);
    expect((await f.as(analyst, 'DELETE', `/api/saved-searches/${s.id}`)).statusCode).toBe(404);
  });
});

describe('dashboards made in the app', () => {
  it('built-ins are read-only templates that anyone but a viewer can copy', async () => {
    const template = await f.as(analyst, 'PUT', '/api/dashboards/overview', { title: 'x' });
    expect(template.statusCode).toBe(403);
    // The reason and its values, for clients that word it in their user's language.
    expect(template.json().error).toMatchObject({ code: 'FORBIDDEN', reason: 'built-in', params: { id: 'overview' } });
    expect((await f.as(analyst, 'DELETE', '/api/dashboards/overview')).statusCode).toBe(403);
    expect((await f.as(viewer, 'POST', '/api/dashboards/overview/copy', {})).statusCode).toBe(403);
    const copy = await f.as(analyst, 'POST', '/api/dashboards/overview/copy', {});
    expect(copy.statusCode).toBe(201);
    const d = copy.json() as {
      id: string;
      title: { en: string; ja: string };
      panels: { id: string }[];
      builtIn: boolean;
      copiedFrom: string;
    };
    expect(d).toMatchObject({ builtIn: false, editable: true, owner: 'analyst', shared: false, copiedFrom: 'overview' });
    expect(d.title.en).toBe('Overview (copy)');
    const original = (await f.as(analyst, 'GET', '/api/dashboards/overview')).json() as { panels: { id: string }[]; builtIn: boolean };
    expect(original.builtIn).toBe(true);
    expect(d.panels.map((p) => p.id)).toEqual(original.panels.map((p) => p.id));
    // The copy runs like the original, its filters applied to every panel or named as not applied.
    const run = await f.as(analyst, 'POST', `/api/dashboards/${d.id}/panels/${d.panels[0]!.id}/run`, {
      ...RANGE,
      filters: { status: ['Failed'] },
    });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toHaveProperty('unfiltered');
  });

  it('analysts make personal dashboards from saved searches, move and resize panels; others do not see them', async () => {
    const made = await f.as(analyst, 'POST', '/api/dashboards', { title: 'My hunt' });
    expect(made.statusCode).toBe(201);
    const id = (made.json() as { id: string }).id;
    const s = (await f.as(analyst, 'POST', '/api/saved-searches', { name: 'Failed senders', query: FAILED })).json() as { id: string };
    const pinned = await f.as(analyst, 'POST', `/api/dashboards/${id}/panels`, { searchId: s.id });
    expect(pinned.statusCode).toBe(201);
    const count = await f.as(analyst, 'POST', `/api/dashboards/${id}/panels`, {
      title: 'Failed by sender',
      kql: 'MessageTrace | where Status == "Failed" | summarize Count = count() by SenderAddress',
      kind: 'chart',
      chart: 'bar',
      x: 'SenderAddress',
      y: 'Count',
    });
    const d = count.json() as { panels: { id: string; title: string; width: number; kind: string }[] };
    expect(d.panels.map((p) => [p.title, p.kind])).toEqual([
      ['Failed senders', 'table'],
      ['Failed by sender', 'chart'],
    ]);
    // Move the chart first and make it full width.
    const [table, chart] = d.panels;
    const moved = await f.as(analyst, 'PUT', `/api/dashboards/${id}`, { title: 'My hunt', panels: [{ ...chart, width: 12 }, table] });
    expect(moved.statusCode).toBe(200);
    const again = (await f.as(analyst, 'GET', `/api/dashboards/${id}`)).json() as { panels: { id: string; width: number }[] };
    expect(again.panels.map((p) => [p.id, p.width])).toEqual([
      [chart!.id, 12],
      [table!.id, 6],
    ]);
    const nav = (await f.as(analyst, 'GET', '/api/dashboards')).json() as { id: string; builtIn: boolean }[];
    expect(nav.slice(0, 4).every((x) => x.builtIn)).toBe(true);
    expect(nav.map((x) => x.id)).toContain(id);
    // A filter applies to user panels too.
    const run = await f.as(analyst, 'POST', `/api/dashboards/${id}/panels/${chart!.id}/run`, {
      ...RANGE,
      filters: { sender: ['bad@contoso.com'] },
    });
    expect(run.json()).toMatchObject({ unfiltered: [], result: { rows: [['bad@contoso.com', 4]] } });
    const none = await f.as(analyst, 'POST', `/api/dashboards/${id}/panels/${chart!.id}/run`, {
      ...RANGE,
      filters: { sender: ['x@contoso.com'] },
    });
    expect(none.json().result.rows).toEqual([]);

    for (const who of [admin, viewer]) {
      expect((await f.as(who, 'GET', `/api/dashboards/${id}`)).statusCode).toBe(404);
      expect(((await f.as(who, 'GET', '/api/dashboards')).json() as { id: string }[]).map((x) => x.id)).not.toContain(id);
    }
    expect((await f.as(viewer, 'PUT', `/api/dashboards/${id}`, { title: 'mine now' })).statusCode).toBe(403);
  });

  it('a panel that does not fit the schema is refused with the field', async () => {
    const id = ((await f.as(analyst, 'POST', '/api/dashboards', { title: 'Checks' })).json() as { id: string }).id;
    const r = await f.as(analyst, 'POST', `/api/dashboards/${id}/panels`, {
      kql: 'MessageTrace',
      kind: 'chart',
      chart: 'radar',
      x: 'a',
      y: 'b',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/^panel: chart:/);
    const wide = await f.as(analyst, 'PUT', `/api/dashboards/${id}`, {
      title: 'Checks',
      panels: [{ id: 'a', kind: 'table', kql: 'MessageTrace', title: 't', width: 13 }],
    });
    expect(wide.statusCode).toBe(400);
    expect((await f.as(analyst, 'POST', `/api/dashboards/${id}/panels`, {})).statusCode).toBe(400);
  });

  it('only admins share dashboards; shared ones are in every navigation and only their owner or an admin changes them', async () => {
    expect((await f.as(analyst, 'POST', '/api/dashboards', { title: 'Team', shared: true })).statusCode).toBe(403);
    const own = ((await f.as(analyst, 'POST', '/api/dashboards', { title: 'Mine' })).json() as { id: string }).id;
    expect((await f.as(analyst, 'PUT', `/api/dashboards/${own}`, { title: 'Mine', shared: true })).statusCode).toBe(403);

    const team = await f.as(admin, 'POST', '/api/dashboards', { title: 'Team', shared: true });
    expect(team.statusCode).toBe(201);
    const id = (team.json() as { id: string }).id;
    for (const who of [analyst, viewer]) {
      const nav = (await f.as(who, 'GET', '/api/dashboards')).json() as { id: string; editable: boolean }[];
      expect(nav.find((x) => x.id === id)).toMatchObject({ editable: false });
    }
    expect((await f.as(viewer, 'GET', `/api/dashboards/${id}`)).statusCode).toBe(200);
    expect((await f.as(analyst, 'PUT', `/api/dashboards/${id}`, { title: 'Taken' })).statusCode).toBe(403);
    expect((await f.as(analyst, 'DELETE', `/api/dashboards/${id}`)).statusCode).toBe(403);
    // Analysts copy it to make it their own.
    expect((await f.as(analyst, 'POST', `/api/dashboards/${id}/copy`, { title: 'Team (mine)' })).statusCode).toBe(201);
    expect((await f.as(admin, 'DELETE', `/api/dashboards/${id}`)).statusCode).toBe(204);
  });

  it('every route that changes something answers 403 to a viewer and 401 signed out', async () => {
    const routes = f.app.mailsiftRoutes.filter(
      (r) =>
        r.method !== 'GET' && (r.url.startsWith('/api/saved-searches') || (r.url.startsWith('/api/dashboards') && !r.url.endsWith('/run'))),
    );
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const r of routes) {
      const url = r.url.replace(':id', 'overview').replace(':panelId', 'x');
      expect((await f.as(viewer, r.method as 'POST', url, {})).statusCode, `${r.method} ${r.url}`).toBe(403);
      expect((await f.app.inject({ method: r.method as 'POST', url, payload: {} })).statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(r.access).toBe('analyst');
    }
  });
});

describe('the Explorer takes the filter chips too', () => {
  it('applies them on the syntax tree and names those it could not apply', async () => {
    const q = (body: object) => f.as(analyst, 'POST', '/api/query', { ...RANGE, ...body });
    const all = (await q({ query: 'MessageTrace | count' })).json();
    expect(all).toMatchObject({ rows: [[12]], unfiltered: [] });
    const bad = (await q({ query: 'MessageTrace | count', filters: { sender: ['BAD@contoso.com'], status: ['failed'] } })).json();
    expect(bad).toMatchObject({ rows: [[4]], unfiltered: [] });
    const wildcard = (await q({ query: 'MessageTrace | count', filters: { sender: ['*@contoso.com'] } })).json();
    expect(wildcard.rows).toEqual([[12]]);
    const intel = (await q({ query: 'Indicators | count', filters: { sender: ['bad@contoso.com'] } })).json();
    expect(intel).toMatchObject({ rows: [[0]], unfiltered: ['sender'] });
    const csv = await f.as(
      analyst,
      'GET',
      `/api/export?query=${encodeURIComponent('MessageTrace | project SenderAddress')}&from=${RANGE.from}&to=${RANGE.to}&status=Failed`,
    );
    expect(csv.body.trim().split('\n')).toHaveLength(5);
    const indicators = await f.as(analyst, 'GET', `/api/export?query=Indicators&from=${RANGE.from}&to=${RANGE.to}&status=Failed`);
    expect(indicators.headers['x-mailsift-unfiltered']).toBe('status');
  });
});
