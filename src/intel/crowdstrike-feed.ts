/** CrowdStrike Falcon Intelligence indicators: OAuth2 client credentials, FQL filter, `_marker` paging and sync. */
import { FeedAuthError, FeedConfigError, FeedFormatError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { redactUrl, request, responseJson } from './http.js';
import { IndicatorCollector } from './indicator-collector.js';
import type { IndicatorType } from './normalize.js';
import { CROWDSTRIKE_CLOUDS, type CrowdStrikeFeedConfig, type FeedResult, type FeedState } from './types.js';

/** `malicious_confidence` values as confidence. */
export const CROWDSTRIKE_CONFIDENCE: Readonly<Record<string, number>> = { high: 85, medium: 50, low: 15, unverified: 0 };

const TYPES: Readonly<Record<string, IndicatorType>> = {
  email_address: 'email',
  domain: 'domain',
  ip_address: 'ip',
  ip_address_block: 'cidr',
};

type Obj = { readonly [key: string]: unknown };

/** FQL string literal: single quotes, backslash-escaped. */
function fqlString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function baseUrl(config: CrowdStrikeFeedConfig): string {
  if (config.url) return config.url.replace(/\/+$/, '');
  if (config.cloud) {
    const u = CROWDSTRIKE_CLOUDS[config.cloud];
    if (!u)
      throw new FeedConfigError(
        feedFailure('crowdstrike-unknown-cloud', {
          feed: config.name,
          cloud: String(config.cloud),
          clouds: Object.keys(CROWDSTRIKE_CLOUDS).join(', '),
        }),
      );
    return u;
  }
  return CROWDSTRIKE_CLOUDS['us-1'];
}

async function token(base: string, config: CrowdStrikeFeedConfig): Promise<string> {
  const form = new URLSearchParams({ client_id: config.clientId, client_secret: config.clientSecret });
  if (config.memberCid) form.set('member_cid', config.memberCid);
  const url = `${base}/oauth2/token`;
  const res = await request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: form.toString(),
    timeoutMs: config.timeoutMs,
  });
  const body = (await responseJson(res, url)) as Obj | null;
  const t = body?.['access_token'];
  if (typeof t !== 'string' || t === '') throw new FeedAuthError(feedFailure('crowdstrike-no-token', { url: redactUrl(url) }));
  return t;
}

/**
 * Reads indicators of the types mailsift matches, oldest `_marker` first. With a state from an earlier read
 * only indicators published or updated since are fetched (an upsert; deleted ones come back expired).
 */
export async function readCrowdStrikeFeed(config: CrowdStrikeFeedConfig, state?: FeedState): Promise<FeedResult> {
  if (!config.clientId || !config.clientSecret)
    throw new FeedConfigError(feedFailure('crowdstrike-needs-credentials', { feed: config.name }));
  const base = baseUrl(config);
  const limit = Math.min(10_000, Math.max(1, config.pageSize ?? 5000));
  const maxPages = config.maxPages ?? 1000;
  const previous = state?.type === 'crowdstrike' ? state.marker : undefined;
  const collector = new IndicatorCollector(config.name);
  const typeFilter = `type:[${Object.keys(TYPES).map(fqlString).join(',')}]`;
  let access = await token(base, config);
  let marker = previous;
  const seen = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const parts = [typeFilter];
    if (config.filter) parts.push(`(${config.filter})`);
    // Marker paging as CrowdStrike recommends for large pulls: ascending _marker, resume at the last one seen.
    if (marker) parts.push(`_marker:>=${fqlString(marker)}`);
    const url = new URL(`${base}/intel/combined/indicators/v1`);
    url.searchParams.set('filter', parts.join('+'));
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('sort', '_marker.asc');
    if (previous) url.searchParams.set('include_deleted', 'true');
    let res: Response;
    try {
      res = await request(url.toString(), {
        headers: { Authorization: `Bearer ${access}`, Accept: 'application/json' },
        timeoutMs: config.timeoutMs,
      });
    } catch (err) {
      // Tokens live 30 minutes; a long pull may outlive one: get a new one once, then give up.
      if (!(err instanceof FeedAuthError)) throw err;
      access = await token(base, config);
      res = await request(url.toString(), {
        headers: { Authorization: `Bearer ${access}`, Accept: 'application/json' },
        timeoutMs: config.timeoutMs,
      });
    }
    const body = (await responseJson(res, url.toString())) as Obj | null;
    const resources = body?.['resources'];
    if (!Array.isArray(resources)) throw new FeedFormatError(feedFailure('crowdstrike-no-resources', { url: redactUrl(url.toString()) }));
    let fresh = 0;
    for (const r of resources as Obj[]) {
      const id = String(r['id'] ?? r['indicator'] ?? '');
      if (seen.has(id)) continue;
      seen.add(id);
      fresh++;
      if (typeof r['_marker'] === 'string') marker = r['_marker'];
      addResource(r, collector, config);
    }
    if (fresh === 0 || resources.length < limit) break;
  }
  const mode = previous ? 'upsert' : 'replace';
  return collector.result(mode, marker ? { type: 'crowdstrike', marker } : undefined);
}

function addResource(r: Obj, collector: IndicatorCollector, config: CrowdStrikeFeedConfig): void {
  const value = String(r['indicator'] ?? '');
  const ref = String(r['id'] ?? '');
  const type = TYPES[String(r['type'] ?? '')];
  if (!type) {
    collector.skip(value, `indicator type ${String(r['type'])} is not matched`, ref);
    return;
  }
  const conf = CROWDSTRIKE_CONFIDENCE[String(r['malicious_confidence'] ?? '').toLowerCase()] ?? config.defaultConfidence ?? 50;
  const actors = Array.isArray(r['actors']) ? r['actors'].filter((a): a is string => typeof a === 'string') : [];
  const labels = Array.isArray(r['labels'])
    ? (r['labels'] as unknown[])
        .map((l) => (l && typeof l === 'object' ? (l as Obj)['name'] : l))
        .filter((n): n is string => typeof n === 'string')
    : [];
  const seconds = (v: unknown) => (typeof v === 'number' && v > 0 ? v * 1000 : null);
  const deleted = r['deleted'] === true;
  collector.add(
    value,
    type,
    {
      confidence: conf,
      actor: actors[0] ?? '',
      labels,
      validFrom: seconds(r['published_date']),
      validUntil: deleted ? (seconds(r['last_updated']) ?? Date.now()) : null,
    },
    ref,
  );
}
