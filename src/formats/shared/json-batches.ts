/** The parse loop of the JSON formats: records from a JsonRecordReader mapped to rows and handed out in batches. */
import type { TraceRecord } from '../../schema/index.js';
import type { ParsedBatch, ParseInput } from '../format.js';
import { JsonRecordReader } from './json-records.js';
import type { RecordSelector } from './json-sink.js';
import { BatchBuilder } from './reject.js';

/** Maps one JSON record to a MessageTrace record, or gives the reason it cannot. */
export type JsonRecordMapper = (value: unknown) => TraceRecord | string;

/** Parse a JSON input whose selected values are MessageTrace records. */
export async function* jsonTraceBatches(input: ParseInput, select: RecordSelector, map: JsonRecordMapper): AsyncGenerator<ParsedBatch> {
  const b = new BatchBuilder(input.file);
  const reader = new JsonRecordReader(select, {
    record(value, line, raw) {
      b.read++;
      const r = map(value);
      if (typeof r === 'string') b.reject(line, r, raw ?? JSON.stringify(value) ?? '');
      else b.traces.push(r);
    },
    error(reason, line, raw) {
      b.read++;
      b.reject(line, reason, raw);
    },
  });
  for await (const chunk of input.chunks) {
    reader.push(chunk);
    if (b.full) yield b.take();
  }
  reader.end();
  if (b.pending) yield b.take();
}
