// Hostile KQL against the real server: every one answers 400 with a clear KQL error and its position, quickly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, traceRow, type Browser, type ServerFixture } from '../e2e/server-fixture.js';

const chain = (steps: number): string => {
  let q = 'print a0 = "x"';
  for (let i = 1; i <= steps; i++) q += ` | extend a${i} = strcat(a${i - 1}, a${i - 1})`;
  return q;
};
const list = (n: number): string => Array.from({ length: n }, (_, i) => `"term${i}"`).join(', ');

describe('hostile KQL over the API', () => {
  let f: ServerFixture;
  let analyst: Browser;
  beforeAll(async () => {
    f = await serverFixture({ rows: Array.from({ length: 20 }, (_, i) => traceRow(i)) });
    analyst = await f.login('analyst');
  });
  afterAll(async () => {
    await f.close();
  });

  async function query(q: string): Promise<{ status: number; body: { error?: Record<string, unknown>; rows?: unknown[][] }; ms: number }> {
    const started = Date.now();
    const res = await f.as(analyst, 'POST', '/api/query', { query: q });
    return { status: res.statusCode, body: res.json(), ms: Date.now() - started };
  }

  it.each([
    ['5,000 nested parentheses', `print ${'('.repeat(5000)}1${')'.repeat(5000)}`, /nests more than 200 levels deep/],
    ['20,000 unary minus', `print ${'-'.repeat(20000)}1`, /nests more than 200 levels deep/],
    ['10,000 chained +', `print ${Array(10000).fill('1').join('+')}`, /nests more than 256 levels deep/],
    [
      'a doubling chain of lets',
      `${Array.from({ length: 39 }, (_, i) => `let s${i + 1} = strcat(s${i}, s${i});`).join(' ')} print s39`.replace(
        /^/,
        'let s0 = "abc"; ',
      ),
      /compiles to more than 1 million characters of SQL/,
    ],
    [
      'a list past the bound',
      `MessageTrace | where Size in (${Array.from({ length: 10_001 }, (_, i) => i).join(',')})`,
      /'in' takes at most 10000 values/,
    ],
  ])('%s: 400 too-complex', async (_name, q, message) => {
    const r = await query(q);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'KQL', kqlCode: 'too-complex', line: 1 });
    expect(r.body.error!.message).toMatch(message);
    expect(r.body.error!.message).toMatch(/^line 1, column \d+: /);
    expect(r.ms).toBeLessThan(2000);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('%s as a table or function name: 400 naming it', async (name) => {
    const table = await query(`${name} | take 1`);
    expect(table.status).toBe(400);
    expect(table.body.error).toMatchObject({ code: 'KQL', kqlCode: 'unknown-table' });
    expect(table.body.error!.message).toContain(`unknown table '${name}'`);
    const fn = await query(`MessageTrace | extend x = ${name}(Subject)`);
    expect(fn.status).toBe(400);
    expect(fn.body.error).toMatchObject({ code: 'KQL', kqlCode: 'unknown-function' });
  });

  it('a 480-character extend chain answers quickly with small SQL', async () => {
    const q = `${chain(15)} | project n = strlen(a15)`;
    expect(q.length).toBeLessThan(500);
    const r = await query(q);
    expect(r.status).toBe(200);
    expect(r.body.rows).toEqual([[32768]]);
    expect(r.ms).toBeLessThan(2000);
  });

  it('has_any and has_all with 3,000 terms answer', async () => {
    for (const op of ['has_any', 'has_all']) {
      const r = await query(`MessageTrace | where Subject ${op} ("quarterly", ${list(3000)}) | count`);
      expect(r.status).toBe(200);
      expect(r.body.rows).toEqual([[op === 'has_any' ? 20 : 0]]);
      expect(r.ms).toBeLessThan(3000);
    }
  });
});

describe('completion at a cursor over the API', () => {
  let f: ServerFixture;
  let analyst: Browser;
  beforeAll(async () => {
    f = await serverFixture();
    analyst = await f.login('analyst');
  });
  afterAll(async () => {
    await f.close();
  });

  it('offers the current table columns first and known status values; needs a signed-in analyst', async () => {
    const res = await f.as(analyst, 'GET', `/api/kql/complete?text=${encodeURIComponent('MessageTrace | where Sta')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().suggestions[0]).toMatchObject({ label: 'Status', kind: 'column' });
    const values = await f.as(analyst, 'GET', `/api/kql/complete?text=${encodeURIComponent('MessageTrace | where Status == "F')}`);
    expect(values.json().suggestions.map((s: { label: string }) => s.label)).toEqual(['Failed', 'FilteredAsSpam']);
    const anonymous = await f.app.inject({ method: 'GET', url: '/api/kql/complete?text=x' });
    expect(anonymous.statusCode).toBe(401);
  });
});
