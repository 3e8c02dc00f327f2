// Up to when the data is settled (GET /api/freshness): asked once per dashboard load or range change, shared by its panels.
import { useEffect, useState } from 'react';
import { api } from './api';
import type { TimeRange } from './url-state';

/** The answer of /api/freshness. */
export interface Freshness {
  /** Rows received after this time may still arrive; null: everything is settled (no collectors). */
  settledUntil: string | null;
  collectors: { name: string; completeUpTo: string | null; lastSuccessAt: string | null }[];
}

/** Panels of one dashboard load ask within moments of each other; an answer this young is reused. */
const REUSE_MS = 20_000;

let last: { key: string; at: number; answer: Promise<Freshness | undefined> } | undefined;

/** The answer of /api/freshness for a range (asked again when the range moves); undefined when the call failed. */
function freshnessFor(range: TimeRange): Promise<Freshness | undefined> {
  const key = `${range.from}|${range.to}`;
  const now = Date.now();
  if (last && last.key === key && now - last.at < REUSE_MS) return last.answer;
  // Without it the charts are drawn as before, unmarked.
  const answer = api<Freshness>('GET', '/api/freshness').catch(() => undefined);
  last = { key, at: now, answer };
  return answer;
}

/** The settled-until time (ms) for a range: null when all is settled, undefined when unknown (the call failed). */
function settledUntilFor(range: TimeRange): Promise<number | null | undefined> {
  return freshnessFor(range).then((f) => {
    if (!f) return undefined;
    if (f.settledUntil === null) return null;
    const t = Date.parse(f.settledUntil);
    return Number.isNaN(t) ? undefined : t;
  });
}

/** The collectors' freshness, asked when the range changes (auto-refresh moves a preset range); undefined until known. */
export function useFreshness(range: TimeRange): Freshness | undefined {
  const [value, setValue] = useState<Freshness>();
  const key = `${range.from}|${range.to}`;
  useEffect(() => {
    let live = true;
    void freshnessFor({ ...range }).then((f) => {
      if (live && f) setValue(f);
    });
    return () => {
      live = false;
    };
    // The range's times are the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return value;
}

/** Up to when the data of `range` is settled (ms); null when all of it is, undefined while asking or when unknown. */
export function useSettledUntil(range: TimeRange): number | null | undefined {
  const [value, setValue] = useState<{ key: string; settledUntil: number | null | undefined }>();
  const key = `${range.from}|${range.to}`;
  useEffect(() => {
    let live = true;
    void settledUntilFor({ ...range }).then((settledUntil) => {
      if (live) setValue({ key, settledUntil });
    });
    return () => {
      live = false;
    };
    // The range's times are the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return value?.key === key ? value.settledUntil : undefined;
}
