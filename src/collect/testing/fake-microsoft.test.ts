import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.js';
import { MemoryDataset } from './fake-dataset.js';
import { SCOPES } from './fake-identity.js';
import { startFakeMicrosoft, type FakeMicrosoft } from './fake-microsoft.js';
import { CLIENT_ID, CLIENT_SECRET, fakeTrace, TENANT_ID } from './scenario-kit.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const clock = new FakeClock(T0);
let fake: FakeMicrosoft;
let graphToken: string;
let rwsToken: string;
const dataset = new MemoryDataset();

const token = async (scope: string, secret = CLIENT_SECRET) => {
  const res = await fetch(`${fake.url}/${TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: secret, scope }),
  });
  return { status: res.status, body: (await res.json()) as { access_token?: string; error_description?: string } };
};
const list = (filter: string | null, extra = '', bearer = graphToken, more: Record<string, string> = {}) =>
  fetch(`${fake.url}/v1.0/admin/exchange/tracing/messageTraces?${filter === null ? '' : `$filter=${encodeURIComponent(filter)}`}${extra}`, {
    headers: { authorization: `Bearer ${bearer}`, ...more },
  });
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

beforeAll(async () => {
  dataset.add(...Array.from({ length: 30 }, (_, i) => fakeTrace(i, T0 - (i + 1) * 60_000)));
  fake = await startFakeMicrosoft({
    clock,
    tenants: [{ tenantId: TENANT_ID, dataset, apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] }],
  });
  graphToken = (await token(SCOPES.graph)).body.access_token!;
  rwsToken = (await token(SCOPES.rws)).body.access_token!;
});
afterAll(() => fake.close());

describe('the fake Microsoft enforces the documented rules', () => {
  it('identity: client credentials with the right secret and a .default scope', async () => {
    expect((await token(SCOPES.graph, 'wrong')).body.error_description).toMatch(/^AADSTS7000215/);
    expect((await token('https://graph.microsoft.com/Mail.Read')).body.error_description).toMatch(/^AADSTS1002012/);
  });

  it('Graph: a valid token for Graph', async () => {
    expect((await list('receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-02-28T23:00:00Z', '', 'nope')).status).toBe(
      401,
    );
    expect((await list('receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-02-28T23:00:00Z', '', rwsToken)).status).toBe(
      401,
    );
  });

  it('Graph: both bounds, unquoted ISO times, at most 10 days, within 90 days, not in the future, $top 1..5000', async () => {
    const cases: [string | null, string, RegExp][] = [
      [null, '', /both a start and an end/],
      ['receivedDateTime ge 2026-02-28T00:00:00Z', '', /Invalid filter/],
      ["receivedDateTime ge '2026-02-28T00:00:00Z' and receivedDateTime le '2026-02-28T01:00:00Z'", '', /unquoted/],
      ['receivedDateTime ge 2026-02-10T00:00:00Z and receivedDateTime le 2026-02-21T00:00:00Z', '', /cannot exceed 10 days/],
      ['receivedDateTime ge 2025-11-01T00:00:00Z and receivedDateTime le 2025-11-02T00:00:00Z', '', /older than 90 days/],
      ['receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-03-01T00:10:00Z', '', /later than the current time/],
      ['receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-02-28T01:00:00Z', '&$top=5001', /\$top/],
      ['receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-02-28T01:00:00Z', '&$top=0', /\$top/],
    ];
    for (const [filter, extra, pattern] of cases) {
      const res = await list(filter, extra);
      expect(res.status, filter ?? '(no filter)').toBe(400);
      expect(await message(res)).toMatch(pattern);
    }
  });

  it('Graph: newest first, paged with nextLink', async () => {
    const res = await list('receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-03-01T00:00:00Z', '&$top=20');
    const page = (await res.json()) as { value: { receivedDateTime: string }[]; '@odata.nextLink': string };
    expect(page.value.length).toBe(20);
    expect(page.value.map((v) => v.receivedDateTime)).toEqual([...page.value.map((v) => v.receivedDateTime)].sort().reverse());
    const next = (await (await fetch(page['@odata.nextLink'], { headers: { authorization: `Bearer ${graphToken}` } })).json()) as {
      value: unknown[];
      '@odata.nextLink'?: string;
    };
    expect(next.value.length).toBe(10);
    expect(next['@odata.nextLink']).toBeUndefined();
  });

  it('100 requests per rolling 5 minutes, then 429 with Retry-After; an early retry is recorded', async () => {
    clock.advance(10 * 60_000);
    const filter = 'receivedDateTime ge 2026-02-28T00:00:00Z and receivedDateTime le 2026-03-01T00:00:00Z';
    for (let i = 0; i < 100; i++) {
      expect((await list(filter)).status).toBe(200);
      clock.advance(1000);
    }
    const throttled = await list(filter);
    expect(throttled.status).toBe(429);
    const wait = Number(throttled.headers.get('retry-after'));
    expect(wait).toBe(200);
    expect(fake.violations).toEqual([]);
    clock.advance(1000);
    expect((await list(filter)).status).toBe(429);
    expect(fake.violations.length).toBe(1);
    clock.advance(wait * 1000);
    expect((await list(filter)).status).toBe(200);
  });

  it('Graph: recalled only with Prefer: include-unknown-enum-members, else unknownFutureValue', async () => {
    clock.advance(300_000); // past the throttle the test before ran into
    const first = fakeTrace(0, T0 - 60_000);
    dataset.changeStatus(first.id, first.recipientAddress, T0 - 30_000, 'recalled');
    const filter = `receivedDateTime ge ${new Date(T0 - 3_600_000).toISOString().slice(0, 19)}Z and receivedDateTime le ${new Date(T0).toISOString().slice(0, 19)}Z`;
    const statusOf = async (res: Response) =>
      ((await res.json()) as { value: { id: string; status: string }[] }).value.find((v) => v.id === first.id)?.status;
    expect(await statusOf(await list(filter))).toBe('unknownFutureValue');
    expect(await statusOf(await list(filter, '', graphToken, { prefer: 'include-unknown-enum-members' }))).toBe('recalled');
  });
});
