/** Collects a feed's indicators: normalises, merges duplicates of one value, and lists what was skipped. */
import type { IndicatorRow } from '../schema/index.js';
import { normalizeIndicator, type IndicatorType } from './normalize.js';
import type { FeedResult, FeedState, SkippedIndicator } from './types.js';

/** Everything about an indicator but its value and type. */
export interface IndicatorMeta {
  confidence: number;
  actor?: string;
  labels?: readonly string[];
  validFrom?: number | null;
  validUntil?: number | null;
}

/** Clamps and rounds a confidence to 0-100. */
export function clampConfidence(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

function minNullable(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.min(a, b);
}
function maxNullable(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}

/** Accumulates one feed read. */
export class IndicatorCollector {
  private readonly byKey = new Map<string, IndicatorRow>();
  readonly skipped: SkippedIndicator[] = [];

  constructor(readonly feed: string) {}

  /** Number of distinct indicators so far. */
  get size(): number {
    return this.byKey.size;
  }

  /** Adds a value (type guessed when undefined); an invalid value is recorded as skipped. Returns whether it was kept. */
  add(value: string, type: IndicatorType | undefined, meta: IndicatorMeta, ref?: string): boolean {
    const n = normalizeIndicator(value, type);
    if ('reason' in n) {
      this.skip(value, n.reason, ref);
      return false;
    }
    const row: IndicatorRow = {
      Indicator: n.Indicator,
      Type: n.Type,
      Confidence: clampConfidence(meta.confidence),
      Actor: meta.actor?.trim() ?? '',
      Labels: [...new Set((meta.labels ?? []).map((l) => l.trim()).filter(Boolean))],
      Feed: this.feed,
      ValidFrom: meta.validFrom ?? null,
      ValidUntil: meta.validUntil ?? null,
    };
    const key = `${row.Type}\u0000${row.Indicator}`;
    const prev = this.byKey.get(key);
    this.byKey.set(key, prev ? merge(prev, row) : row);
    return true;
  }

  /** Records an indicator that cannot be used. */
  skip(value: string, reason: string, ref?: string): void {
    this.skipped.push(ref === undefined ? { value, reason } : { value, reason, ref });
  }

  /** The result of the read. */
  result(mode: FeedResult['mode'], state?: FeedState): FeedResult {
    const out: FeedResult = { indicators: [...this.byKey.values()], skipped: this.skipped, mode };
    if (state) out.state = state;
    return out;
  }
}

/** One row for two reports of the same value: the stronger confidence, the wider validity, all labels. */
function merge(a: IndicatorRow, b: IndicatorRow): IndicatorRow {
  const strong = b.Confidence > a.Confidence ? b : a;
  const weak = strong === a ? b : a;
  return {
    ...strong,
    Actor: strong.Actor || weak.Actor,
    Labels: [...new Set([...strong.Labels, ...weak.Labels])],
    ValidFrom: minNullable(a.ValidFrom, b.ValidFrom),
    ValidUntil: maxNullable(a.ValidUntil, b.ValidUntil),
  };
}
