/** Reading and writing the Indicators table, and syncing feeds into it with their incremental state. */
import { Indicators, type IndicatorRow } from '../schema/index.js';
import { kqlString } from '../kql/index.js';
import { runKql, type Store } from '../store/index.js';
import { feedErrorText, feedFailureOf, recordFeedSync } from './feed-status.js';
import { readFeed, type AutoFeedConfig } from './read-feed.js';
import type { FeedConfig, FeedResult, FeedState } from './types.js';

/** Key under which a feed's sync state is stored. */
export function feedStateKey(feed: string): string {
  return `intel:feed:${feed}`;
}

function toMs(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const t = typeof v === 'number' ? v : Date.parse(String(v));
  return Number.isNaN(t) ? null : t;
}

function toLabels(v: unknown): string[] {
  let x = v;
  if (typeof x === 'string') {
    try {
      x = JSON.parse(x);
    } catch {
      return x === '' ? [] : [String(x)];
    }
  }
  return Array.isArray(x) ? x.map(String) : [];
}

/** All stored indicators (optionally of one feed). */
export async function loadIndicators(store: Pick<Store, 'dialect' | 'query'>, feed?: string): Promise<IndicatorRow[]> {
  const cols = Indicators.columns.map((c) => c.name).join(', ');
  const where = feed === undefined ? '' : `\n| where Feed == ${kqlString(feed)}`;
  const r = await runKql(store, `${Indicators.name}${where}\n| project ${cols}`);
  const at = (name: string) => Indicators.columns.findIndex((c) => c.name === name);
  const [iInd, iType, iConf, iActor, iLabels, iFeed, iFrom, iUntil] = [
    'Indicator',
    'Type',
    'Confidence',
    'Actor',
    'Labels',
    'Feed',
    'ValidFrom',
    'ValidUntil',
  ].map(at) as number[];
  return r.rows.map((row) => ({
    Indicator: String(row[iInd!]),
    Type: String(row[iType!]) as IndicatorRow['Type'],
    Confidence: Number(row[iConf!]),
    Actor: String(row[iActor!] ?? ''),
    Labels: toLabels(row[iLabels!]),
    Feed: String(row[iFeed!]),
    ValidFrom: toMs(row[iFrom!]),
    ValidUntil: toMs(row[iUntil!]),
  }));
}

/** What one feed sync did. */
export interface FeedSyncSummary {
  feed: string;
  mode: FeedResult['mode'];
  indicators: number;
  skipped: FeedResult['skipped'];
  state?: FeedState;
}

/**
 * Reads a feed and stores it: a full read replaces the feed's indicators, an incremental one upserts them;
 * the feed's new state is saved for the next sync. `incremental: false` forces a full read.
 */
export async function syncFeed(
  store: Pick<Store, 'replaceIndicators' | 'upsertIndicators' | 'getState' | 'setState'>,
  config: FeedConfig | AutoFeedConfig,
  options: { incremental?: boolean } = {},
): Promise<FeedSyncSummary> {
  const key = feedStateKey(config.name);
  const saved = options.incremental === false ? undefined : ((await store.getState(key))?.value as FeedState | undefined);
  let result: FeedResult;
  try {
    result = await readFeed(config, saved);
  } catch (error) {
    await recordFeedSync(store, config.name, {
      ok: false,
      message: feedErrorText(error, config),
      failure: feedFailureOf(error, config),
      at: Date.now(),
    }).catch(() => undefined);
    throw error;
  }
  if (result.mode === 'upsert') await store.upsertIndicators(result.indicators);
  else await store.replaceIndicators(config.name, result.indicators);
  if (result.state) await store.setState(key, result.state);
  await recordFeedSync(store, config.name, { ok: true, indicators: result.indicators.length, at: Date.now() });
  const summary: FeedSyncSummary = { feed: config.name, mode: result.mode, indicators: result.indicators.length, skipped: result.skipped };
  if (result.state) summary.state = result.state;
  return summary;
}
