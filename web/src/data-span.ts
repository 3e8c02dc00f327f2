// The span of the stored messages (GET /api/data-span): asked once a minute at most, shared by every empty panel.
import { useEffect, useState } from 'react';
import { api } from './api';

export interface DataSpan {
  from: string | null;
  to: string | null;
}

const REUSE_MS = 60_000;
let last: { at: number; answer: Promise<DataSpan | undefined> } | undefined;

function dataSpan(): Promise<DataSpan | undefined> {
  if (last && Date.now() - last.at < REUSE_MS) return last.answer;
  last = { at: Date.now(), answer: api<DataSpan>('GET', '/api/data-span').catch(() => undefined) };
  return last.answer;
}

/** The stored data's span in ms, or undefined (not known yet, failed, or no data at all). */
export function useDataSpan(): { from: number; to: number } | undefined {
  const [span, setSpan] = useState<{ from: number; to: number }>();
  useEffect(() => {
    let live = true;
    void dataSpan().then((s) => {
      const from = Date.parse(s?.from ?? '');
      const to = Date.parse(s?.to ?? '');
      if (live && !Number.isNaN(from) && !Number.isNaN(to)) setSpan({ from, to });
    });
    return () => {
      live = false;
    };
  }, []);
  return span;
}
