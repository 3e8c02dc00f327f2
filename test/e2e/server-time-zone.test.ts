// Times in the organisation's zone over the API: daily bins from the local midnight, exports in local time with the
// offset, and each user's own language and zone remembered on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, traceRow, type ServerFixture } from './server-fixture.js';

const HOUR = 3_600_000;

describe('organization.timeZone over the API', () => {
  let f: ServerFixture;
  beforeAll(async () => {
    // Nov 26 JST: 00:30 JST (Nov 25 15:30 UTC) and 09:00 JST; Nov 27 JST: 08:00 JST (Nov 26 23:00 UTC).
    const at = (iso: string) => Date.parse(iso);
    f = await serverFixture({
      organization: { timeZone: 'Asia/Tokyo' },
      rows: [
        traceRow(1, { Received: at('2026-11-25T15:30:00Z') }),
        traceRow(2, { Received: at('2026-11-26T00:00:00Z') }),
        traceRow(3, { Received: at('2026-11-26T23:00:00Z') }),
      ],
    });
  });
  afterAll(() => f.close());

  const week = { from: '2026-11-22T00:00:00Z', to: '2026-11-29T00:00:00Z' };

  it("bins days from the organisation's midnight and exports the buckets as local days", async () => {
    const viewer = await f.login('viewer');
    const run = (await f.as(viewer, 'POST', '/api/dashboards/overview/panels/status-per-day/run', week)).json();
    expect(run.bin).toEqual({ stepMs: 24 * HOUR, originMs: 15 * HOUR });
    expect(run.result.rows.map((r: unknown[]) => [r[0], r[2]])).toEqual([
      ['2026-11-25T15:00:00.000Z', 2],
      ['2026-11-26T15:00:00.000Z', 1],
    ]);
    const csv = await f.as(viewer, 'GET', `/api/dashboards/overview/panels/status-per-day/export?from=${week.from}&to=${week.to}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['x-mailsift-time-zone']).toBe('Asia/Tokyo');
    expect(csv.body).toContain('\r\n2026-11-26T00:00:00+09:00,Delivered,2\r\n');
    expect(csv.body).toContain('\r\n2026-11-27T00:00:00+09:00,Delivered,1\r\n');
    expect(csv.body).not.toContain('Z,');
  });

  it('follows the zone the request names, and refuses one that is not an IANA zone', async () => {
    const viewer = await f.login('viewer');
    const ny = (
      await f.as(viewer, 'POST', '/api/dashboards/overview/panels/status-per-day/run', { ...week, timeZone: 'America/New_York' })
    ).json();
    expect(ny.bin).toEqual({ stepMs: 24 * HOUR, originMs: 5 * HOUR });
    const bad = await f.as(viewer, 'POST', '/api/dashboards/overview/panels/status-per-day/run', { ...week, timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('IANA');
  });

  it('exports query rows as CSV and JSON in local time with the offset, and names the zone', async () => {
    const analyst = await f.login('analyst');
    const query = encodeURIComponent('MessageTrace | project Received, Subject | sort by Received asc');
    const csv = await f.as(analyst, 'GET', `/api/export?format=csv&query=${query}`);
    expect(csv.headers['x-mailsift-time-zone']).toBe('Asia/Tokyo');
    expect(csv.headers['content-disposition']).toMatch(/filename="mailsift-export-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\+0900\.csv"/);
    expect(csv.body.split('\r\n').slice(1, 3)).toEqual([
      '2026-11-26T00:30:00+09:00,Quarterly report 1',
      '2026-11-26T09:00:00+09:00,Quarterly report 2',
    ]);
    const json = (await f.as(analyst, 'GET', `/api/export?format=json&timeZone=America/New_York&query=${query}`)).json();
    expect(json[0]).toEqual({ Received: '2026-11-25T10:30:00-05:00', Subject: 'Quarterly report 1' });
  });

  it("remembers each user's language and zone; exports follow the user's zone", async () => {
    const analyst = await f.login('analyst');
    expect((await f.as(analyst, 'GET', '/api/preferences')).json()).toEqual({ organizationTimeZone: 'Asia/Tokyo' });
    const put = await f.as(analyst, 'PUT', '/api/preferences', { language: 'ja', timeZone: 'Europe/Berlin' });
    expect(put.statusCode).toBe(200);
    expect((await f.as(analyst, 'GET', '/api/preferences')).json()).toEqual({
      language: 'ja',
      timeZone: 'Europe/Berlin',
      organizationTimeZone: 'Asia/Tokyo',
    });
    const query = encodeURIComponent('MessageTrace | project Received | sort by Received asc | take 1');
    expect((await f.as(analyst, 'GET', `/api/export?format=json&query=${query}`)).json()).toEqual([
      { Received: '2026-11-25T16:30:00+01:00' },
    ]);
    // The viewer has chosen nothing: the organisation's zone.
    const viewer = await f.login('viewer');
    expect((await f.as(viewer, 'GET', '/api/preferences')).json()).toEqual({ organizationTimeZone: 'Asia/Tokyo' });
    expect((await f.as(analyst, 'PUT', '/api/preferences', { timeZone: null })).json()).toEqual({
      language: 'ja',
      organizationTimeZone: 'Asia/Tokyo',
    });
    expect((await f.as(analyst, 'PUT', '/api/preferences', { timeZone: 'JST+9' })).statusCode).toBe(400);
    expect((await f.as(analyst, 'PUT', '/api/preferences', { language: 'fr' })).statusCode).toBe(400);
    expect((await f.app.inject({ method: 'GET', url: '/api/preferences' })).statusCode).toBe(401);
  });
});

describe('daily bins across a clock change (America/New_York, 2026-11-01 is 25 hours long)', () => {
  let f: ServerFixture;
  beforeAll(async () => {
    const at = (iso: string) => Date.parse(iso);
    f = await serverFixture({
      organization: { timeZone: 'America/New_York' },
      rows: [
        // Oct 31 23:30 EDT, Nov 1 23:30 EST (after the change: a fixed 24-hour step would count it on Nov 2), Nov 2 00:30 EST.
        traceRow(1, { Received: at('2026-11-01T03:30:00Z') }),
        traceRow(2, { Received: at('2026-11-02T04:30:00Z') }),
        traceRow(3, { Received: at('2026-11-02T05:30:00Z') }),
      ],
    });
  });
  afterAll(() => f.close());

  it('counts each row on its local day, lists the unequal days, and exports local midnights with their offsets', async () => {
    const viewer = await f.login('viewer');
    const week = { from: '2026-10-28T04:00:00Z', to: '2026-11-04T05:00:00Z' };
    const run = (await f.as(viewer, 'POST', '/api/dashboards/overview/panels/status-per-day/run', week)).json();
    expect(run.result.rows.map((r: unknown[]) => [r[0], r[2]])).toEqual([
      ['2026-10-31T04:00:00.000Z', 1],
      ['2026-11-01T04:00:00.000Z', 1],
      ['2026-11-02T05:00:00.000Z', 1],
    ]);
    expect(run.bin.starts.map((t: number) => new Date(t).toISOString())).toEqual([
      '2026-10-28T04:00:00.000Z',
      '2026-10-29T04:00:00.000Z',
      '2026-10-30T04:00:00.000Z',
      '2026-10-31T04:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
      '2026-11-03T05:00:00.000Z',
    ]);
    const q = `from=${week.from}&to=${week.to}`;
    const csv = await f.as(viewer, 'GET', `/api/dashboards/overview/panels/status-per-day/export?${q}`);
    expect(csv.body).toContain('\r\n2026-11-01T00:00:00-04:00,Delivered,1\r\n');
    expect(csv.body).toContain('\r\n2026-11-02T00:00:00-05:00,Delivered,1\r\n');
  });
});
