/** The one error that stops an ingest run: the store could not be written. Anything wrong with an input is a reject instead. */
import { reason, type RejectReason } from '../formats/index.js';
import { isDamagedStoreError } from '../store/index.js';
import type { IngestReport } from './ingest.js';

/** The store refused a write; the message (the English text of `reason`) says what happened, what the run committed and what to do. */
export class IngestStoppedError extends Error {
  readonly code = 'INGEST_STOPPED';
  constructor(
    /** Why, as a reject reason each reader words in its language (store-disk-full, store-damaged, ...). */
    readonly reason: RejectReason,
    /** What the run did before it stopped (files finished, counts). */
    readonly report: IngestReport,
    options?: { cause?: unknown },
  ) {
    super(reason.text, options);
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

/** Why a run stopped by a store failure after `committed` rows: disk full, damaged, read-only, or another refusal. */
export function storeFailureReason(error: unknown, store: string, committed: number): RejectReason {
  const text = fullText(error);
  const rows = committed;
  if (/No space left on device|ENOSPC|disk (is )?full|not enough space/i.test(text)) return reason('store-disk-full', { store, rows });
  if (isDamagedStoreError(text)) return reason('store-damaged', { store, rows, detail: firstLine(text) });
  if (/read-only|EROFS|Permission denied|EACCES/i.test(text)) return reason('store-read-only', { store, rows });
  return reason('store-refused', { store, rows, detail: firstLine(text) });
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.split(' | ')[0]!;
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
