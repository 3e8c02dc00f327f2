/** MISP feeds: `manifest.json` plus `<uuid>.json` events, from a folder or under a base URL. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FeedConfigError, FeedFetchError, FeedFormatError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { parseJson, request } from './http.js';
import { IndicatorCollector, type IndicatorMeta } from './indicator-collector.js';
import type { IndicatorType } from './normalize.js';
import type { FeedResult, FeedState, MispFeedConfig } from './types.js';

type Obj = { readonly [key: string]: unknown };

/** MISP threat levels (1 high, 2 medium, 3 low, 4 undefined) as confidence; undefined takes the feed default. */
export const MISP_THREAT_LEVEL_CONFIDENCE: Readonly<Record<string, number>> = { '1': 85, '2': 50, '3': 15 };

/** Attribute types mailsift matches, and the type of each part of a composite (`a|b`) value. */
const ATTRIBUTE_TYPES: Readonly<Record<string, readonly (IndicatorType | undefined)[]>> = {
  email: ['email'],
  'email-src': ['email'],
  'email-dst': ['email'],
  'email-reply-to': ['email'],
  domain: ['domain'],
  hostname: ['domain'],
  'domain|ip': ['domain', 'ip'],
  'hostname|port': ['domain', undefined],
  'ip-src': ['ip'],
  'ip-dst': ['ip'],
  'ip-src|port': ['ip', undefined],
  'ip-dst|port': ['ip', undefined],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function objects(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object') : [];
}
function tagNames(v: unknown): string[] {
  return objects(v)
    .map((t) => t['name'])
    .filter((n): n is string => typeof n === 'string' && n !== '');
}

const ACTOR_TAG = /^misp-galaxy:(threat-actor|mitre-intrusion-set|mitre-enterprise-attack-intrusion-set|intrusion-set)="(.+)"$/;

/** Actor from galaxy tags such as `misp-galaxy:threat-actor="APT28"` or the event's Galaxy clusters. */
function actorOf(tags: readonly string[], event: Obj): string {
  for (const t of tags) {
    const m = ACTOR_TAG.exec(t);
    if (m) return m[2]!.replace(/ - G\d+$/, '');
  }
  for (const g of objects(event['Galaxy'])) {
    if (!/threat-actor|intrusion-set/.test(String(g['type'] ?? ''))) continue;
    const value = objects(g['GalaxyCluster'])[0]?.['value'];
    if (typeof value === 'string' && value) return value.replace(/ - G\d+$/, '');
  }
  return '';
}

/** Reads files or URLs relative to the feed's location. */
function locator(config: MispFeedConfig): (name: string) => Promise<string> {
  if (config.path !== undefined && config.url !== undefined)
    throw new FeedConfigError(feedFailure('path-and-url', { feed: config.name, other: 'url' }));
  if (config.path !== undefined) {
    const dir = config.path.replace(/[/\\]manifest\.json$/, '');
    return async (name) => {
      try {
        return await readFile(join(dir, name), 'utf8');
      } catch (err) {
        const detail = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        throw new FeedFetchError(feedFailure('cannot-read-file', { feed: config.name, path: join(dir, name), detail }), { cause: err });
      }
    };
  }
  if (config.url !== undefined) {
    const base = config.url.replace(/manifest\.json$/, '').replace(/\/?$/, '/');
    return async (name) => (await request(new URL(name, base).toString(), { headers: config.headers, timeoutMs: config.timeoutMs })).text();
  }
  throw new FeedConfigError(feedFailure('needs-path-or-url', { feed: config.name }));
}

function addEvent(event: Obj, uuid: string, collector: IndicatorCollector, config: MispFeedConfig): void {
  const eventTags = tagNames(event['Tag']);
  const level = String(event['threat_level_id'] ?? '4');
  const confidence = MISP_THREAT_LEVEL_CONFIDENCE[level] ?? config.defaultConfidence ?? 50;
  const attributes = [...objects(event['Attribute']), ...objects(event['Object']).flatMap((o) => objects(o['Attribute']))];
  for (const a of attributes) {
    if (a['deleted'] === true || a['deleted'] === '1') continue;
    const type = String(a['type'] ?? '');
    const value = String(a['value'] ?? '');
    const ref = `${uuid}/${String(a['uuid'] ?? '')}`;
    const parts = ATTRIBUTE_TYPES[type];
    if (!parts) {
      collector.skip(value, `attribute type ${type} is not matched`, ref);
      continue;
    }
    const toIds = a['to_ids'] === true || a['to_ids'] === '1' || a['to_ids'] === 1;
    if (!toIds && !config.includeNonIds) {
      collector.skip(value, 'to_ids is false (context, not for detection)', ref);
      continue;
    }
    const tags = [...eventTags, ...tagNames(a['Tag'])];
    // Galaxy tags naming the actor go to Actor, not Labels.
    const meta: IndicatorMeta = { confidence, actor: actorOf(tags, event), labels: tags.filter((t) => !ACTOR_TAG.test(t)) };
    const values = parts.length > 1 ? value.split('|') : [value];
    parts.forEach((t, i) => {
      if (t && values[i] !== undefined) collector.add(values[i]!, t, meta, ref);
    });
  }
}

/**
 * Reads a MISP feed. With a state from an earlier read, only events whose manifest timestamp changed are
 * fetched and the result is an upsert; the new state holds every event's timestamp.
 */
export async function readMispFeed(config: MispFeedConfig, state?: FeedState): Promise<FeedResult> {
  const read = locator(config);
  const manifest = parseJson(await read('manifest.json'), `feed ${config.name} manifest.json`);
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
    throw new FeedFormatError(feedFailure('misp-manifest-not-object', { feed: config.name }));
  const previous = state?.type === 'misp' ? state.events : undefined;
  const collector = new IndicatorCollector(config.name);
  const events: Record<string, number> = {};
  for (const [uuid, info] of Object.entries(manifest as Obj)) {
    // The uuid becomes a file name or URL path: anything but a uuid could walk out of the feed.
    if (!UUID.test(uuid)) {
      collector.skip(uuid, 'manifest key is not an event uuid', 'manifest.json');
      continue;
    }
    const stamp = Number((info as Obj | null)?.['timestamp'] ?? 0);
    events[uuid] = stamp;
    if (previous && previous[uuid] !== undefined && previous[uuid]! >= stamp) continue;
    const doc = parseJson(await read(`${uuid}.json`), `feed ${config.name} event ${uuid}`) as Obj | null;
    const event = doc?.['Event'];
    if (!event || typeof event !== 'object') {
      collector.skip(uuid, 'event file has no Event', `${uuid}.json`);
      continue;
    }
    addEvent(event as Obj, uuid, collector, config);
  }
  return collector.result(previous ? 'upsert' : 'replace', { type: 'misp', events });
}
