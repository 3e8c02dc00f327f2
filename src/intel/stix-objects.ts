/** STIX 2.x objects (from a bundle or a TAXII collection) to indicators: patterns, confidence, validity, actors. */
import type { IndicatorCollector } from './indicator-collector.js';
import { parseStixPattern, StixPatternError } from './stix-pattern.js';
import { patternValues } from './stix-pattern-values.js';

type StixObject = { readonly [key: string]: unknown };

const ACTOR_TYPES = ['threat-actor', 'intrusion-set', 'campaign', 'malware'] as const;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function time(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Latest version of each object id (`modified`, else `created`). */
function latestVersions(objects: readonly unknown[]): Map<string, StixObject> {
  const byId = new Map<string, StixObject>();
  for (const o of objects) {
    if (!o || typeof o !== 'object') continue;
    const obj = o as StixObject;
    const id = str(obj['id']);
    if (!id) continue;
    const prev = byId.get(id);
    const stamp = (x: StixObject) => time(x['modified']) ?? time(x['created']) ?? 0;
    if (!prev || stamp(obj) >= stamp(prev)) byId.set(id, obj);
  }
  return byId;
}

/** Actor name for each indicator id, from `indicates` relationships (and a campaign's `attributed-to`). */
function actorsByIndicator(objects: Map<string, StixObject>): Map<string, string> {
  const names = new Map<string, { type: string; name: string }>();
  const indicates = new Map<string, string[]>();
  const attributed = new Map<string, string[]>();
  for (const [id, o] of objects) {
    const type = str(o['type']);
    if ((ACTOR_TYPES as readonly string[]).includes(type ?? '') && o['revoked'] !== true)
      names.set(id, { type: type!, name: str(o['name']) ?? '' });
    if (type === 'relationship' && o['revoked'] !== true) {
      const rel = str(o['relationship_type']);
      const src = str(o['source_ref']);
      const dst = str(o['target_ref']);
      if (!src || !dst) continue;
      const map = rel === 'indicates' ? indicates : rel === 'attributed-to' ? attributed : undefined;
      if (map) map.set(src, [...(map.get(src) ?? []), dst]);
    }
  }
  const rank = (type: string) => ACTOR_TYPES.indexOf(type as (typeof ACTOR_TYPES)[number]);
  const out = new Map<string, string>();
  for (const [indicator, targets] of indicates) {
    const candidates = targets
      .flatMap((t) => [t, ...(names.get(t)?.type === 'campaign' ? (attributed.get(t) ?? []) : [])])
      .map((t) => names.get(t))
      .filter((n): n is { type: string; name: string } => !!n && n.name !== '')
      .sort((a, b) => rank(a.type) - rank(b.type));
    if (candidates[0]) out.set(indicator, candidates[0].name);
  }
  return out;
}

/**
 * Adds the indicators of a set of STIX objects. In 'replace' mode revoked indicators are skipped; in 'upsert'
 * mode they are kept with ValidUntil set to their revocation, so they overwrite an earlier stored version.
 */
export function collectStixObjects(
  objects: readonly unknown[],
  collector: IndicatorCollector,
  defaultConfidence: number,
  mode: 'replace' | 'upsert',
): void {
  const latest = latestVersions(objects);
  const actors = actorsByIndicator(latest);
  for (const [id, o] of latest) {
    if (o['type'] !== 'indicator') continue;
    const pattern = str(o['pattern']) ?? '';
    const patternType = str(o['pattern_type']) ?? 'stix';
    if (patternType !== 'stix') {
      collector.skip(pattern, `pattern_type ${patternType} is not supported`, id);
      continue;
    }
    const revoked = o['revoked'] === true;
    if (revoked && mode === 'replace') {
      collector.skip(pattern, 'revoked', id);
      continue;
    }
    let values;
    try {
      values = patternValues(parseStixPattern(pattern));
    } catch (err) {
      collector.skip(pattern, err instanceof StixPatternError ? `syntax error: ${err.message}` : 'unreadable pattern', id);
      continue;
    }
    if (values.unsupported) {
      collector.skip(pattern, values.unsupported, id);
      continue;
    }
    for (const reason of values.partial) collector.skip(pattern, `part of the pattern left out: ${reason}`, id);
    const confidence = typeof o['confidence'] === 'number' ? o['confidence'] : defaultConfidence;
    const validUntil = revoked ? (time(o['modified']) ?? Date.now()) : time(o['valid_until']);
    const meta = {
      confidence,
      actor: actors.get(id) ?? '',
      labels: [...strings(o['indicator_types']), ...strings(o['labels'])],
      validFrom: time(o['valid_from']),
      validUntil,
    };
    for (const v of values.values) collector.add(v.value, v.type, meta, id);
  }
}
