/** The parse loop of the JSON formats: records from a JsonRecordReader mapped to rows and handed out in batches. */
import type { EventRow, TraceRecord } from '../../schema/index.js';
import type { ParsedBatch, ParseInput } from '../format.js';
import { JsonRecordReader } from './json-records.js';
import type { RecordSelector } from './json-sink.js';
import { BatchBuilder } from './reject.js';
import { reason, RejectReason } from './reject-reason.js';

/** Maps one JSON record to a MessageTrace record or a MessageEvents row, or gives the reason it cannot. */
export type JsonRecordMapper = (value: unknown) => TraceRecord | EventRow | RejectReason;

/** Longest text of one field the store takes; a record with a longer one is rejected (a 33 MB subject is not mail). */
export const MAX_FIELD_CHARS = 1024 * 1024;

/** The name and length of a string field longer than MAX_FIELD_CHARS, if the row has one. */
function oversized(row: object): [string, number] | undefined {
  for (const [k, v] of Object.entries(row)) if (typeof v === 'string' && v.length > MAX_FIELD_CHARS) return [k, v.length];
  return undefined;
}

/** Parse a JSON input whose selected values are MessageTrace records. */
export async function* jsonTraceBatches(input: ParseInput, select: RecordSelector, map: JsonRecordMapper): AsyncGenerator<ParsedBatch> {
  const b = new BatchBuilder(input.file);
  const reader = new JsonRecordReader(select, {
    record(value, line, raw) {
      b.read++;
      const r = map(value);
      if (r instanceof RejectReason) {
        b.reject(line, r, raw ?? JSON.stringify(value) ?? '');
        return;
      }
      const big = oversized(r);
      if (big) b.reject(line, reason('record-too-large', { field: big[0], length: big[1], max: MAX_FIELD_CHARS }), raw ?? '');
      else if ('Timestamp' in r) b.events.push(r);
      else b.traces.push(r);
    },
    error(why, line, raw) {
      b.read++;
      b.reject(line, why, raw);
    },
  });
  for await (const chunk of input.chunks) {
    reader.push(chunk);
    if (b.full) yield b.take();
  }
  reader.end();
  if (b.pending) yield b.take();
}
