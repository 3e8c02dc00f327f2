/**
 * On-premises Exchange message tracking logs (`MSGTRK*.LOG`): `#Software`, `#Version`, `#Log-type`,
 * `#Date` and `#Fields:` header lines, then one CSV line per event. Columns are mapped by the `#Fields:`
 * line, which may appear again mid-file after a service restart.
 */
import type { Format, ParsedBatch, ParseInput } from '../format.js';
import { BatchBuilder, CsvReader, parseCsvLine } from '../shared/index.js';
import { FieldMap } from './tracking-fields.js';
import { TrackingEvents } from './tracking-events.js';

const FIELDS_PREFIX = '#Fields:';

async function* parse(input: ParseInput): AsyncGenerator<ParsedBatch> {
  const b = new BatchBuilder(input.file);
  const events = new TrackingEvents(b, 'tracking-log');
  const reader = new CsvReader(
    {
      comment(text) {
        if (!text.startsWith(FIELDS_PREFIX)) return;
        const names = parseCsvLine(text.slice(FIELDS_PREFIX.length).trim()) ?? [];
        events.setHeader(new FieldMap(names));
      },
      row(fields, line, raw) {
        events.line(fields, line, raw);
      },
      error(why, line, raw) {
        b.read++;
        b.reject(line, why, raw);
      },
    },
    true,
  );
  for await (const chunk of input.chunks) {
    reader.push(chunk);
    if (b.full) yield b.take();
  }
  reader.end();
  events.finish();
  yield* b.drain();
}

/** The message tracking log format. */
export const trackingLogFormat: Format = {
  name: 'tracking-log',
  description: 'Exchange message tracking log (MSGTRK*.LOG): #Fields: date-time,client-ip,... header, one event per line',
  detect(head: string): boolean {
    return /^#Log-type:\s*Message Tracking Log/m.test(head) || /^#Fields:\s*date-time,.*\bevent-id\b/m.test(head);
  },
  parse,
};
