import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FeedAuthError,
  FeedConfigError,
  FeedRateLimitError,
  feedFailureOf,
  feedFailureText,
  readFeed,
  type CrowdStrikeFeedConfig,
} from './index.js';

interface Resource {
  id: string;
  indicator: string;
  type: string;
  malicious_confidence: string;
  _marker: string;
  [k: string]: unknown;
}

/** Falcon's OAuth2 token endpoint and combined indicators API, with `_marker` filtering, 401 and 429. */
class FakeFalcon {
  server: Server = createServer((req, res) => void this.handle(req, res));
  resources: Resource[] = [];
  tokens = new Set<string>();
  issued = 0;
  /** Answer 429 to the next n indicator requests. */
  throttle = 0;
  /** Revoke all tokens after this many indicator requests (simulates expiry). */
  expireAfter = Infinity;
  indicatorRequests: URL[] = [];
  /** Answer the token request without an access_token (a faulty or impersonating server). */
  tokenless = false;
  base = '';

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    if (req.method === 'POST' && url.pathname === '/oauth2/token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (
        req.headers['content-type'] !== 'application/x-www-form-urlencoded' ||
        form.get('client_id') !== 'cid' ||
        form.get('client_secret') !== 'secret'
      ) {
        return this.json(res, 401, { errors: [{ code: 401, message: 'access denied, invalid client' }] });
      }
      if (this.tokenless) return this.json(res, 201, { token_type: 'bearer', expires_in: 1799 });
      const token = `tok-${++this.issued}`;
      this.tokens.add(token);
      return this.json(res, 201, { access_token: token, token_type: 'bearer', expires_in: 1799 });
    }
    if (req.method === 'GET' && url.pathname === '/intel/combined/indicators/v1') {
      this.indicatorRequests.push(url);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !this.tokens.has(token))
        return this.json(res, 401, { errors: [{ code: 401, message: 'access denied, authorization failed' }] });
      if (this.indicatorRequests.length >= this.expireAfter) {
        this.tokens.clear();
        this.expireAfter = Infinity;
      }
      if (this.throttle > 0) {
        this.throttle--;
        return this.json(
          res,
          429,
          { errors: [{ code: 429, message: 'API rate limit exceeded.' }] },
          { 'X-RateLimit-RetryAfter': String(Math.floor(Date.now() / 1000)) },
        );
      }
      const limit = Number(url.searchParams.get('limit') ?? 100);
      if (limit > 10_000) return this.json(res, 400, { errors: [{ code: 400, message: 'limit too large' }] });
      if (url.searchParams.get('sort') !== '_marker.asc')
        return this.json(res, 400, { errors: [{ code: 400, message: 'expected sort=_marker.asc' }] });
      const filter = url.searchParams.get('filter') ?? '';
      const marker = /_marker:>='((?:[^'\\]|\\.)*)'/.exec(filter)?.[1];
      const types = /type:\[([^\]]*)\]/
        .exec(filter)?.[1]
        ?.split(',')
        .map((t) => t.replace(/'/g, ''));
      const deleted = url.searchParams.get('include_deleted') === 'true';
      const all = this.resources
        .filter((r) => (!marker || r._marker >= marker) && (!types || types.includes(r.type)) && (deleted || !r['deleted']))
        .sort((a, b) => a._marker.localeCompare(b._marker));
      const page = all.slice(0, limit);
      return this.json(res, 200, { meta: { pagination: { limit, total: all.length } }, resources: page, errors: [] });
    }
    this.json(res, 404, { errors: [{ code: 404, message: 'not found' }] });
  }
}

function res(n: number, indicator: string, type: string, extra: Partial<Resource> = {}): Resource {
  return {
    id: `${type}_${indicator}`,
    indicator,
    type,
    malicious_confidence: 'high',
    _marker: `1767225600${String(n).padStart(4, '0')}`,
    published_date: 1767225600,
    last_updated: 1767225600 + n,
    actors: ['FANCYBEAR', 'OTHER'],
    labels: [{ name: 'MaliciousConfidence/High' }, { name: 'ThreatType/Phishing' }],
    ...extra,
  };
}

describe('CrowdStrike Falcon Intelligence feed', () => {
  const falcon = new FakeFalcon();
  let config: CrowdStrikeFeedConfig;
  beforeAll(() => falcon.start());
  afterAll(() => new Promise<void>((r) => falcon.server.close(() => r())));
  beforeEach(() => {
    falcon.indicatorRequests = [];
    falcon.throttle = 0;
    falcon.tokenless = false;
    falcon.resources = [
      res(1, 'bad@contoso-pay.example', 'email_address'),
      res(2, 'contoso-pay.example', 'domain', { malicious_confidence: 'medium', actors: [] }),
      res(3, '203.0.113.50', 'ip_address', { malicious_confidence: 'low' }),
      res(4, '198.51.100.0/24', 'ip_address_block', { malicious_confidence: 'unverified' }),
      res(5, 'd41d8cd98f00b204e9800998ecf8427e', 'hash_md5'),
      res(6, 'gone.example', 'domain', { deleted: true }),
    ];
    config = { name: 'falcon', type: 'crowdstrike', url: falcon.base, clientId: 'cid', clientSecret: 'secret', pageSize: 2 };
  });

  it('gets a token, pages by _marker and maps types, confidence, actors and labels', async () => {
    const r = await readFeed(config);
    expect(r.mode).toBe('replace');
    expect(r.indicators.map((i) => [i.Type, i.Indicator, i.Confidence, i.Actor])).toEqual([
      ['email', 'bad@contoso-pay.example', 85, 'FANCYBEAR'],
      ['domain', 'contoso-pay.example', 50, ''],
      ['ip', '203.0.113.50', 15, 'FANCYBEAR'],
      ['cidr', '198.51.100.0/24', 0, 'FANCYBEAR'],
    ]);
    expect(r.indicators[0]!.Labels).toEqual(['MaliciousConfidence/High', 'ThreatType/Phishing']);
    expect(r.indicators[0]!.ValidFrom).toBe(1767225600000);
    expect(r.state).toEqual({ type: 'crowdstrike', marker: '17672256000004' });
    const filters = falcon.indicatorRequests.map((u) => u.searchParams.get('filter'));
    expect(filters[0]).toBe("type:['email_address','domain','ip_address','ip_address_block']");
    expect(filters[1]).toContain("+_marker:>='17672256000002'");
  });

  it('syncs incrementally from the marker, with deleted indicators expired', async () => {
    const first = await readFeed(config);
    falcon.resources.push(
      res(7, 'later@contoso-pay.example', 'email_address'),
      res(8, 'contoso-pay.example', 'domain', { deleted: true, last_updated: 1767300000 }),
    );
    const second = await readFeed(config, first.state);
    expect(second.mode).toBe('upsert');
    const byValue = Object.fromEntries(second.indicators.map((i) => [i.Indicator, i.ValidUntil]));
    expect(byValue).toMatchObject({ 'later@contoso-pay.example': null, 'contoso-pay.example': 1767300000000 });
    expect(byValue).not.toHaveProperty('bad@contoso-pay.example');
    expect(second.state).toEqual({ type: 'crowdstrike', marker: '17672256000008' });
  });

  it('passes the user filter through and caps the page size at 10,000', async () => {
    await readFeed({ ...config, filter: "malicious_confidence:'high'", pageSize: 50_000 });
    expect(falcon.indicatorRequests[0]!.searchParams.get('filter')).toContain("+(malicious_confidence:'high')");
    expect(falcon.indicatorRequests[0]!.searchParams.get('limit')).toBe('10000');
  });

  it('fails with an auth error on bad client credentials', async () => {
    await expect(readFeed({ ...config, clientSecret: 'wrong' })).rejects.toBeInstanceOf(FeedAuthError);
  });

  it('names token and configuration failures by code, in English and Japanese', async () => {
    const failure = async (c: CrowdStrikeFeedConfig) => {
      const error = await readFeed(c).then(
        () => undefined,
        (e: unknown) => e,
      );
      const f = feedFailureOf(error, c);
      return { code: f.code, en: feedFailureText(f, 'en'), ja: feedFailureText(f, 'ja') };
    };
    falcon.tokenless = true;
    expect(await failure(config)).toEqual({
      code: 'crowdstrike-no-token',
      en: `${falcon.base}/oauth2/token gave no access token`,
      ja: `${falcon.base}/oauth2/token がアクセストークンを返しませんでした`,
    });
    falcon.tokenless = false;
    expect((await failure({ ...config, clientSecret: 'wrong' })).ja).toBe(
      `${falcon.base}/oauth2/token が認証情報を拒否しました（HTTP 401）`,
    );
    expect(await failure({ ...config, clientSecret: '' })).toMatchObject({
      code: 'crowdstrike-needs-credentials',
      ja: 'フィード falcon: CrowdStrike には clientId と clientSecret が必要です',
    });
    const cloud = await failure({ ...config, url: undefined, cloud: 'mars-1' as never });
    expect(cloud.code).toBe('crowdstrike-unknown-cloud');
    expect(cloud.ja).toMatch(/^フィード falcon: CrowdStrike のクラウド mars-1 は不明です（us-1, .*のいずれかです）$/);
    await expect(readFeed({ ...config, clientId: '' })).rejects.toBeInstanceOf(FeedConfigError);
  });

  it('gets a new token once when the old one stops working mid-pull', async () => {
    falcon.expireAfter = 2;
    const r = await readFeed(config);
    expect(r.indicators).toHaveLength(4);
  });

  it('waits and retries on 429, and gives up after the allowed retries', async () => {
    falcon.throttle = 1;
    expect((await readFeed(config)).indicators).toHaveLength(4);
    falcon.throttle = 10;
    await expect(readFeed(config)).rejects.toBeInstanceOf(FeedRateLimitError);
  });
});
