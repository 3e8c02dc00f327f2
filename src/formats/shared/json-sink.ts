/** What the streaming JSON readers hand their records to. */
import { reason, type RejectReason } from './reject-reason.js';

/** A path into a JSON document: object keys and array indexes, outermost first (top-level values have []). */
export type JsonPath = readonly (string | number)[];

/** The kind of a JSON value as seen when it starts. */
export type JsonKind = 'object' | 'array' | 'scalar';

/** Picks the values that are records (the rest is wrapper: OData envelopes, pages, arrays). */
export type RecordSelector = (path: JsonPath, kind: JsonKind) => boolean;

/** Receives the records of a JSON input, and what could not be read. */
export interface JsonSink {
  /** One selected value; `raw` is its text when the reader has it at hand (else the sink may stringify it). */
  record(value: unknown, line: number, raw: string | undefined): void;
  /** A part of the input that is not a readable record: invalid JSON, an error response, a truncation. */
  error(why: RejectReason, line: number, raw: string): void;
}

/** Largest single record or NDJSON line held in memory; bigger ones are rejected. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** One-line reason for a JSON.parse failure, the same on every Node version (24 appends "(line L column C)"). */
export function invalidJson(e: unknown): RejectReason {
  const msg = e instanceof Error ? e.message : String(e);
  return reason('invalid-json', { detail: (msg.split('\n')[0] ?? '').replace(/\s*\(line \d+ column \d+\)$/, '') });
}

/** The reason of an OData / Graph error body `{"error": {"code", "message"}}`. */
export function errorResponseReason(error: unknown): RejectReason {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown };
    const message =
      typeof e.message === 'string'
        ? e.message
        : e.message && typeof e.message === 'object' && typeof (e.message as { value?: unknown }).value === 'string'
          ? (e.message as { value: string }).value
          : '';
    const detail = [typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : '', message]
      .filter((x) => x !== '')
      .join(': ');
    return reason('error-response', detail ? { detail } : {});
  }
  return reason('error-response');
}
