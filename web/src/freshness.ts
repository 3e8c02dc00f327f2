// Up to when the data is settled (GET /api/freshness): asked once per dashboard load or range change, shared by its panels.
import { useEffect, useState } from 'react';
import { api } from './api';
import type { TimeRange } from './url-state';

/** The answer of /api/freshness. */
export interface Freshness {
  /** Rows received after this time may still arrive; null: everything is settled (no collectors). */
  settledUntil: string | null;
  collectors: {
    name: string;
    completeUpTo: string | null;
    lastSuccessAt: string | null;
    /** Set while the collector's last pass failed. */
    lastError?: { message: string; code?: string; at: string } | null;
  }[];
}

/** Panels of one dashboard load ask within moments of each other; an answer this young is reused. */
const REUSE_MS = 20_000;

const keyOf = (range: TimeRange) => `${range.from}|${range.to}`;

let last: { key: string; at: number; answer: Promise<Freshness | undefined> } | undefined;

/**
 * The answer of /api/freshness for a range (asked again when the range moves); undefined when the call failed, which
 * is not reused. Asked by the head start too, before anyone is known to be signed in: a 401 leaves the going to
 * sign-in to the other requests.
 */
export function freshnessFor(range: TimeRange): Promise<Freshness | undefined> {
  const key = keyOf(range);
  const now = Date.now();
  if (last && last.key === key && now - last.at < REUSE_MS) return last.answer;
  // Without it the charts are drawn as before, unmarked.
  const answer = api<Freshness>('GET', '/api/freshness', undefined, { noRedirect: true }).catch(() => {
    if (last?.answer === answer) last = undefined;
    return undefined;
  });
  last = { key, at: now, answer };
  return answer;
}

/**
 * The collectors' freshness, asked when the range changes (auto-refresh moves a preset range); the last known answer
 * holds while it is asked again, and after a failed ask; undefined until there is one.
 */
export function useFreshness(range: TimeRange): Freshness | undefined {
  const [known, setKnown] = useState<Freshness>();
  const key = keyOf(range);
  useEffect(() => {
    let live = true;
    void freshnessFor({ ...range }).then((answer) => {
      if (live && answer) setKnown(answer);
    });
    return () => {
      live = false;
    };
    // The range's times are the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return known;
}

/**
 * Up to when the data is settled (ms); null when all of it is, undefined until known. Asked again when `range` moves;
 * the last known answer holds meanwhile (it does not depend on the range), so charts are not drawn again for nothing.
 */
export function useSettledUntil(range: TimeRange): number | null | undefined {
  const answer = useFreshness(range);
  if (!answer) return undefined;
  if (answer.settledUntil === null) return null;
  const t = Date.parse(answer.settledUntil);
  return Number.isNaN(t) ? undefined : t;
}
