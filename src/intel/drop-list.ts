/** Spamhaus DROP / EDROP lists: `1.10.16.0/20 ; SBL256894` text lines, or the JSON-lines form. */
import { readSourceText } from './http.js';
import { IndicatorCollector } from './indicator-collector.js';
import type { DropFeedConfig, FeedResult } from './types.js';

/** Default confidence of DROP entries: Spamhaus lists netblocks hijacked or run by criminals ("do not route or peer"). */
export const DROP_CONFIDENCE = 90;

/** Indicators of a DROP list's text. */
export function dropIndicators(text: string, config: DropFeedConfig): FeedResult {
  const collector = new IndicatorCollector(config.name);
  const confidence = config.defaultConfidence ?? DROP_CONFIDENCE;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const ref = `line ${i + 1}`;
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    let cidr: string;
    const labels = ['spamhaus-drop'];
    if (line.startsWith('{')) {
      let o: { cidr?: unknown; sblid?: unknown; rir?: unknown; type?: unknown };
      try {
        o = JSON.parse(line) as typeof o;
      } catch {
        collector.skip(line, 'not valid JSON', ref);
        return;
      }
      if (o.type === 'metadata') return;
      if (typeof o.cidr !== 'string') {
        collector.skip(line, 'no cidr', ref);
        return;
      }
      cidr = o.cidr;
      if (typeof o.sblid === 'string' && o.sblid) labels.push(o.sblid);
      if (typeof o.rir === 'string' && o.rir) labels.push(`rir:${o.rir}`);
    } else {
      const semi = line.indexOf(';');
      cidr = (semi < 0 ? line : line.slice(0, semi)).trim();
      const sbl = semi < 0 ? '' : line.slice(semi + 1).trim();
      if (sbl) labels.push(sbl);
    }
    collector.add(cidr, 'cidr', { confidence, labels }, ref);
  });
  return collector.result('replace');
}

/** Reads a DROP list feed. */
export async function readDropFeed(config: DropFeedConfig): Promise<FeedResult> {
  return dropIndicators(await readSourceText(config), config);
}
