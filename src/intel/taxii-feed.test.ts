import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedAuthError, FeedConfigError, readFeed, type FeedState, type TaxiiFeedConfig } from './index.js';

const TAXII = 'application/taxii+json;version=2.1';

interface Stored {
  dateAdded: string;
  object: Record<string, unknown>;
}

/** A TAXII 2.1 server after the spec: discovery, API root, collections, objects with added_after/limit/next/match[type]. */
class FakeTaxii {
  server: Server = createServer((req, res) => this.handle(req, res));
  objects: Stored[] = [];
  /** 'next': pages carry a `next` token; 'date': only `more` and X-TAXII-Date-Added-Last. */
  paging: 'next' | 'date' = 'next';
  requests: string[] = [];
  base = '';

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': TAXII, ...headers });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push(req.url ?? '');
    const basicOk = req.headers.authorization === `Basic ${Buffer.from('analyst:s3cret').toString('base64')}`;
    const keyOk = req.headers['x-api-key'] === 'k-123';
    if (!basicOk && !keyOk) return this.send(res, 401, { title: 'Unauthorized' }, { 'WWW-Authenticate': 'Basic realm="taxii"' });
    if (!String(req.headers.accept ?? '').includes(TAXII)) return this.send(res, 406, { title: 'Not Acceptable' });
    const url = new URL(req.url ?? '/', this.base);
    if (url.pathname === '/taxii2/')
      return this.send(res, 200, { title: 'Fake', default: `${this.base}/api1/`, api_roots: [`${this.base}/api1/`, `${this.base}/api2/`] });
    if (url.pathname === '/api1/collections/') {
      return this.send(res, 200, {
        collections: [
          { id: '91a7b528-80eb-42ed-a74d-c6fbd5a26116', title: 'Phishing indicators', can_read: true, can_write: false },
          { id: 'b9f1bd1e-2ec6-4d6e-8f1d-0d6a3e7c1f00', title: 'Write only', can_read: false, can_write: true },
        ],
      });
    }
    const m = /^\/api1\/collections\/([^/]+)\/objects\/$/.exec(url.pathname);
    if (!m || m[1] !== '91a7b528-80eb-42ed-a74d-c6fbd5a26116') return this.send(res, 404, { title: 'Not found' });
    const after = url.searchParams.get('added_after');
    const types = url.searchParams.get('match[type]')?.split(',');
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('next') ?? 0);
    const all = this.objects
      .filter((o) => !after || Date.parse(o.dateAdded) > Date.parse(after))
      .filter((o) => !types || types.includes(String(o.object['type'])))
      .sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded));
    const page = all.slice(offset, offset + limit);
    const more = offset + limit < all.length;
    const headers: Record<string, string> = page.length
      ? { 'X-TAXII-Date-Added-First': page[0]!.dateAdded, 'X-TAXII-Date-Added-Last': page[page.length - 1]!.dateAdded }
      : {};
    const body: Record<string, unknown> = { more, objects: page.map((o) => o.object) };
    if (more && this.paging === 'next') body['next'] = String(offset + limit);
    this.send(res, 200, body, headers);
  }
}

function indicator(n: number, pattern: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--0000000${n}`,
    created: '2026-03-01T00:00:00.000Z',
    modified: '2026-03-01T00:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-03-01T00:00:00Z',
    confidence: 80,
    ...extra,
  };
}

describe('TAXII 2.1 feed', () => {
  const taxii = new FakeTaxii();
  let config: TaxiiFeedConfig;
  beforeAll(() => taxii.start());
  afterAll(() => new Promise<void>((r) => taxii.server.close(() => r())));
  beforeEach(() => {
    taxii.requests = [];
    taxii.paging = 'next';
    taxii.objects = [
      { dateAdded: '2026-03-01T10:00:00.000Z', object: indicator(1, "[email-addr:value = 'ceo@contoso-pay.example']") },
      { dateAdded: '2026-03-01T10:00:01.000Z', object: indicator(2, "[domain-name:value = 'contoso-pay.example']") },
      {
        dateAdded: '2026-03-01T10:00:02.000Z',
        object: {
          type: 'threat-actor',
          spec_version: '2.1',
          id: 'threat-actor--1',
          created: '2026-03-01T00:00:00Z',
          modified: '2026-03-01T00:00:00Z',
          name: 'Invoice Crew',
        },
      },
      {
        dateAdded: '2026-03-01T10:00:03.000Z',
        object: {
          type: 'relationship',
          spec_version: '2.1',
          id: 'relationship--1',
          created: '2026-03-01T00:00:00Z',
          modified: '2026-03-01T00:00:00Z',
          relationship_type: 'indicates',
          source_ref: 'indicator--00000002',
          target_ref: 'threat-actor--1',
        },
      },
      { dateAdded: '2026-03-01T10:00:04.000Z', object: indicator(3, "[ipv4-addr:value = '198.51.100.0/24']") },
      { dateAdded: '2026-03-01T10:00:05.000Z', object: { type: 'identity', id: 'identity--1', name: 'not requested' } },
    ];
    config = {
      name: 'partner',
      type: 'taxii',
      url: taxii.base,
      collection: 'Phishing indicators',
      username: 'analyst',
      password: 's3cret',
      pageSize: 2,
    };
  });

  it('discovers the API root, pages with next, and returns the sync state', async () => {
    const r = await readFeed(config);
    expect(r.mode).toBe('replace');
    expect(r.indicators.map((i) => [i.Type, i.Indicator, i.Actor])).toEqual([
      ['email', 'ceo@contoso-pay.example', ''],
      ['domain', 'contoso-pay.example', 'Invoice Crew'],
      ['cidr', '198.51.100.0/24', ''],
    ]);
    expect(r.state).toEqual({ type: 'taxii', addedAfter: '2026-03-01T10:00:04.000Z' });
    const objectRequests = taxii.requests.filter((u) => u.includes('/objects/'));
    expect(objectRequests).toHaveLength(3);
    expect(objectRequests[1]).toContain('next=2');
    expect(objectRequests[0]).toContain('match%5Btype%5D=indicator%2Crelationship');
  });

  it('syncs incrementally from the stored state, including revocations', async () => {
    const first = await readFeed(config);
    taxii.objects.push(
      { dateAdded: '2026-03-02T08:00:00.000Z', object: indicator(4, "[email-addr:value = 'new@contoso-pay.example']") },
      {
        dateAdded: '2026-03-02T08:00:01.000Z',
        object: indicator(1, "[email-addr:value = 'ceo@contoso-pay.example']", { modified: '2026-03-02T08:00:00.000Z', revoked: true }),
      },
    );
    const second = await readFeed(config, first.state as FeedState);
    expect(second.mode).toBe('upsert');
    expect(second.indicators.map((i) => [i.Indicator, i.ValidUntil])).toEqual([
      ['new@contoso-pay.example', null],
      ['ceo@contoso-pay.example', Date.parse('2026-03-02T08:00:00.000Z')],
    ]);
    expect(second.state).toEqual({ type: 'taxii', addedAfter: '2026-03-02T08:00:01.000Z' });
    const third = await readFeed(config, second.state);
    expect(third.indicators).toEqual([]);
    expect(third.state).toEqual(second.state);
  });

  it('pages by X-TAXII-Date-Added-Last when the server gives no next', async () => {
    taxii.paging = 'date';
    const r = await readFeed(config);
    expect(r.indicators).toHaveLength(3);
    const objectRequests = taxii.requests.filter((u) => u.includes('/objects/'));
    expect(objectRequests[1]).toContain(`added_after=${encodeURIComponent('2026-03-01T10:00:01.000Z')}`);
  });

  it('accepts an API key header and a collection id', async () => {
    const r = await readFeed({
      name: 'p',
      type: 'taxii',
      url: `${taxii.base}/taxii2/`,
      apiKey: 'k-123',
      apiKeyHeader: 'X-API-Key',
      collection: '91a7b528-80eb-42ed-a74d-c6fbd5a26116',
    });
    expect(r.indicators).toHaveLength(3);
  });

  it('fails on bad credentials with an auth error', async () => {
    await expect(readFeed({ ...config, password: 'wrong' })).rejects.toBeInstanceOf(FeedAuthError);
  });

  it('names the collections when the wanted one is missing or unreadable', async () => {
    await expect(readFeed({ ...config, collection: 'nope' })).rejects.toThrow(/Phishing indicators \(91a7b528/);
    await expect(readFeed({ ...config, collection: 'Write only' })).rejects.toBeInstanceOf(FeedConfigError);
    // One readable collection: it is chosen without being named.
    const { collection: _c, ...unnamed } = config;
    expect((await readFeed(unnamed)).indicators).toHaveLength(3);
  });
});
