/** TAXII 2.1 client: discovery, API root, collections, and paged, incremental reads of a collection's objects. */
import { FeedConfigError, FeedFetchError, FeedFormatError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { redactUrl, request, responseJson } from './http.js';
import { IndicatorCollector } from './indicator-collector.js';
import { collectStixObjects } from './stix-objects.js';
import type { FeedResult, FeedState, TaxiiFeedConfig } from './types.js';

/** Media type of TAXII 2.1 (TAXII 2.1 spec, section 1.6.8). */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** Object types fetched: indicators and what names their actors. */
const TYPES = 'indicator,relationship,threat-actor,intrusion-set,campaign,malware';
const MAX_PAGES = 10_000;

type Obj = { readonly [key: string]: unknown };

function headersOf(config: TaxiiFeedConfig): Record<string, string> {
  const h: Record<string, string> = { ...config.headers, Accept: TAXII_MEDIA_TYPE };
  if (config.username !== undefined) {
    h['Authorization'] = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`;
  }
  if (config.apiKey !== undefined) h[config.apiKeyHeader ?? 'Authorization'] = config.apiKey;
  return h;
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);

/**
 * Origins the feed's credentials may be sent to: the configured URL's and, when set, the configured API
 * root's. A discovery document is the server's word, not the user's: it must not send them elsewhere.
 */
function trustedOrigins(config: TaxiiFeedConfig): Set<string> {
  const origins = new Set([new URL(config.url).origin]);
  if (config.apiRoot) origins.add(new URL(config.apiRoot, withSlash(config.url)).origin);
  return origins;
}

async function getJson(url: string, config: TaxiiFeedConfig): Promise<{ body: Obj; res: Response }> {
  if (!trustedOrigins(config).has(new URL(url).origin))
    throw new FeedConfigError(feedFailure('taxii-other-origin', { feed: config.name, url: redactUrl(url) }));
  const res = await request(url, { headers: headersOf(config), timeoutMs: config.timeoutMs });
  const body = await responseJson(res, url);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new FeedFormatError(feedFailure('not-taxii-object', { url: redactUrl(url) }));
  return { body: body as Obj, res };
}

/** The API root to read: configured, else the discovery's default or first one; a URL that is itself an API root works too. */
async function resolveApiRoot(config: TaxiiFeedConfig): Promise<string> {
  if (config.apiRoot) return withSlash(new URL(config.apiRoot, withSlash(config.url)).toString());
  const base = withSlash(config.url);
  const discovery = /\/taxii2\/$/.test(base) ? base : new URL('taxii2/', base).toString();
  try {
    const { body } = await getJson(discovery, config);
    const roots = Array.isArray(body['api_roots']) ? body['api_roots'].filter((r): r is string => typeof r === 'string') : [];
    const chosen = typeof body['default'] === 'string' ? body['default'] : roots[0];
    if (!chosen) throw new FeedConfigError(feedFailure('taxii-no-api-root', { feed: config.name }));
    const apiRoot = new URL(chosen, discovery);
    if (!trustedOrigins(config).has(apiRoot.origin)) {
      throw new FeedConfigError(
        feedFailure('taxii-api-root-other-origin', {
          feed: config.name,
          url: redactUrl(apiRoot.toString()),
          origin: new URL(config.url).origin,
        }),
      );
    }
    return withSlash(apiRoot.toString());
  } catch (err) {
    if (err instanceof FeedFetchError && err.status === 404) return base;
    throw err;
  }
}

async function resolveCollection(apiRoot: string, config: TaxiiFeedConfig): Promise<string> {
  const { body } = await getJson(new URL('collections/', apiRoot).toString(), config);
  const list = (Array.isArray(body['collections']) ? body['collections'] : []) as Obj[];
  const readable = list.filter((c) => c['can_read'] !== false);
  const wanted = config.collection;
  const found =
    wanted === undefined
      ? readable.length === 1
        ? readable[0]
        : undefined
      : (list.find((c) => c['id'] === wanted) ?? list.find((c) => c['title'] === wanted));
  if (!found) {
    const names = list.map((c) => `${String(c['title'] ?? '')} (${String(c['id'] ?? '')})`).join(', ');
    throw new FeedConfigError(
      wanted === undefined
        ? feedFailure('taxii-choose-collection', { feed: config.name, names })
        : feedFailure('taxii-no-collection', { feed: config.name, collection: wanted, names }),
    );
  }
  if (found['can_read'] === false)
    throw new FeedConfigError(feedFailure('taxii-collection-unreadable', { feed: config.name, collection: String(wanted) }));
  return String(found['id']);
}

/**
 * Reads a TAXII 2.1 collection. Pages follow `more`/`next`, or `X-TAXII-Date-Added-Last` when the server
 * gives no `next`. With a state from an earlier read only objects added after it are fetched (an upsert);
 * the new state is the last added date the server reported.
 */
export async function readTaxiiFeed(config: TaxiiFeedConfig, state?: FeedState): Promise<FeedResult> {
  if (!config.url) throw new FeedConfigError(feedFailure('taxii-needs-url', { feed: config.name }));
  const apiRoot = await resolveApiRoot(config);
  const collection = await resolveCollection(apiRoot, config);
  const objectsUrl = new URL(`collections/${encodeURIComponent(collection)}/objects/`, apiRoot);
  const previous = state?.type === 'taxii' ? state.addedAfter : undefined;
  let addedAfter = previous ?? config.addedAfter;
  let next: string | undefined;
  let lastAdded: string | undefined;
  const objects: unknown[] = [];
  const seen = new Set<string>();
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw new FeedFormatError(feedFailure('taxii-too-many-pages', { feed: config.name, max: MAX_PAGES }));
    const url = new URL(objectsUrl);
    url.searchParams.set('limit', String(config.pageSize ?? 1000));
    url.searchParams.set('match[type]', TYPES);
    if (addedAfter) url.searchParams.set('added_after', addedAfter);
    if (next !== undefined) url.searchParams.set('next', next);
    const { body, res } = await getJson(url.toString(), config);
    const pageObjects = Array.isArray(body['objects']) ? body['objects'] : [];
    objects.push(...pageObjects);
    const last = res.headers.get('x-taxii-date-added-last') ?? undefined;
    if (last && (!lastAdded || Date.parse(last) >= Date.parse(lastAdded))) lastAdded = last;
    if (body['more'] !== true) break;
    if (typeof body['next'] === 'string' && body['next'] !== '') {
      next = body['next'];
      if (seen.has(`n:${next}`)) throw new FeedFormatError(feedFailure('taxii-repeated-token', { feed: config.name }));
      seen.add(`n:${next}`);
    } else {
      // No `next`: continue after the newest object of this page (TAXII 2.1 spec, 3.4 "Pagination").
      if (!last || last === addedAfter) throw new FeedFormatError(feedFailure('taxii-no-next', { feed: config.name }));
      next = undefined;
      addedAfter = last;
    }
  }
  const mode = previous ? 'upsert' : 'replace';
  const collector = new IndicatorCollector(config.name);
  collectStixObjects(objects, collector, config.defaultConfidence ?? 50, mode);
  const newState = lastAdded ?? previous;
  return collector.result(mode, newState ? { type: 'taxii', addedAfter: newState } : undefined);
}
