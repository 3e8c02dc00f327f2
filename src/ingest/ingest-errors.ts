/** The one error that stops an ingest run: the store could not be written. Anything wrong with an input is a reject instead. */
import { isDamagedStoreError } from '../store/index.js';
import type { IngestReport } from './ingest.js';

/** The store refused a write; the message says what happened, what the run committed and what to do. */
export class IngestStoppedError extends Error {
  readonly code = 'INGEST_STOPPED';
  constructor(
    message: string,
    /** What the run did before it stopped (files finished, counts). */
    readonly report: IngestReport,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IngestStoppedError';
  }
}

/** All the text of an error and its causes, for recognising what the engine said. */
function fullText(error: unknown): string {
  const parts: string[] = [];
  for (
    let e = error as { message?: unknown; cause?: unknown; code?: unknown } | undefined;
    e && parts.length < 5;
    e = e.cause as typeof e
  ) {
    parts.push(String(e.message ?? e), String(e.code ?? ''));
  }
  return parts.join(' | ');
}

/** The one-line message of a run stopped by a store failure after `committed` rows. */
export function storeFailureMessage(error: unknown, store: string, committed: number): string {
  const text = fullText(error);
  const rows = `${committed.toLocaleString('en-US')} row${committed === 1 ? '' : 's'}`;
  const rerun = 'run the same ingest again: rows already stored count as duplicates';
  if (/No space left on device|ENOSPC|disk (is )?full|not enough space/i.test(text)) {
    return `the disk holding the store ${store} is full; this run committed ${rows} before it stopped; free some space, then ${rerun}`;
  }
  if (isDamagedStoreError(text)) {
    return `the store ${store} is damaged (${firstLine(text)}); this run committed ${rows} before it stopped; restore the store from a backup, or ingest into a new one`;
  }
  if (/read-only|EROFS|Permission denied|EACCES/i.test(text)) {
    return `the store ${store} cannot be written (permission denied or read-only); this run committed ${rows} before it stopped; fix its permissions, then ${rerun}`;
  }
  return `the store ${store} refused a write (${firstLine(text)}); this run committed ${rows} before it stopped; ${rerun}`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.split(' | ')[0]!;
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
