/**
 * abuse.ch ThreatFox, the CSV export of recent IOCs (`/export/csv/recent/`): `ip:port`, `domain` and `url`
 * indicators become ip/domain Indicators (a URL gives its host); hashes are not mail indicators and are left out.
 */
import { abuseChRows } from './abusech-csv.js';
import { readFreeFeed } from './free-feed-read.js';
import { IndicatorCollector } from './indicator-collector.js';
import { abuseChTime } from './list-text.js';
import { hostOfUrl } from './url-host.js';
import type { FeedResult, FreeFeedConfig } from './types.js';

/** Columns of the export, in the order abuse.ch documents them (used when the header is missing). */
export const THREATFOX_COLUMNS = [
  'first_seen_utc',
  'ioc_id',
  'ioc_value',
  'ioc_type',
  'threat_type',
  'fk_malware',
  'malware_alias',
  'malware_printable',
  'last_seen_utc',
  'confidence_level',
  'is_compromised',
  'reference',
  'tags',
  'anonymous',
  'reporter',
] as const;

/** Host of `ip:port`, `[v6]:port` or a bare address. */
function hostOfIpPort(v: string): string {
  const s = v.trim();
  if (s.startsWith('[')) return s.slice(1, s.indexOf(']'));
  const colons = s.split(':').length - 1;
  return colons === 1 ? s.slice(0, s.indexOf(':')) : s;
}

const none = (s: string | undefined) => (s === undefined || s === '' || s === 'None' ? '' : s);

/** Indicators of a ThreatFox CSV export. */
export function threatFoxIndicators(text: string, config: FreeFeedConfig, what = `feed ${config.name}`): FeedResult {
  const collector = new IndicatorCollector(config.name);
  const rows = abuseChRows(text, what, THREATFOX_COLUMNS, collector);
  for (const { line, fields: f } of rows) {
    const ref = `line ${line}`;
    const value = f['ioc_value'] ?? '';
    const kind = f['ioc_type'] ?? '';
    let host: string | undefined;
    let type: 'ip' | 'domain' | undefined;
    if (kind === 'ip:port') [host, type] = [hostOfIpPort(value), 'ip'];
    else if (kind === 'domain') [host, type] = [value, 'domain'];
    else if (kind === 'url') host = hostOfUrl(value);
    else continue; // md5_hash, sha256_hash, ...: nothing in a message trace to match them against.
    if (host === undefined) {
      collector.skip(value, 'URL without a host', ref);
      continue;
    }
    const confidence = Number(f['confidence_level']);
    const malware = none(f['malware_printable']);
    const labels = ['threatfox', none(f['threat_type']), none(f['fk_malware']), ...none(f['tags']).split(',')];
    collector.add(
      host,
      type,
      {
        confidence: Number.isFinite(confidence) && f['confidence_level'] !== '' ? confidence : (config.defaultConfidence ?? 50),
        actor: malware === 'Unknown malware' ? '' : malware,
        labels,
        validFrom: abuseChTime(f['first_seen_utc']),
      },
      ref,
    );
  }
  return collector.result('replace');
}

/** Reads the ThreatFox feed (default: the recent-IOCs CSV export). */
export async function readThreatFoxFeed(config: FreeFeedConfig): Promise<FeedResult> {
  return readFreeFeed('threatfox', config, threatFoxIndicators);
}
