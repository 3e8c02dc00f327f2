/**
 * Reports downloaded from the Exchange admin center: CSV, usually UTF-16 LE with a BOM. Three kinds,
 * told apart by the header row: the enhanced summary report (`origin_timestamp_utc, ..., recipient_status`),
 * the extended report (tracking-log fields with `_` for `-`, one event per line), and the plain message
 * trace CSV (`Date (UTC)`/`Received`, `Sender`, `Recipient`, `Status`, ...).
 */
import type { Format, ParsedBatch, ParseInput } from '../format.js';
import { BatchBuilder, CsvReader, parseCsvLine, reason } from '../shared/index.js';
import { FieldMap, TrackingEvents } from '../tracking-log/index.js';
import { classifyHeader, detectReport } from './eac-header.js';
import { SummaryRows, TraceRows } from './eac-rows.js';

interface RowReader {
  row(fields: readonly string[], line: number, raw: string): void;
  finish?(): void;
}

function readerFor(names: readonly string[], b: BatchBuilder): RowReader | undefined {
  switch (classifyHeader(names)) {
    case 'summary':
      return new SummaryRows(names, b);
    case 'trace':
      return new TraceRows(names, b);
    case 'extended': {
      const events = new TrackingEvents(b, 'eac');
      events.setHeader(new FieldMap(names));
      return { row: (f, line, raw) => events.line(f, line, raw), finish: () => events.finish() };
    }
    default:
      return undefined;
  }
}

async function* parse(input: ParseInput): AsyncGenerator<ParsedBatch> {
  const b = new BatchBuilder(input.file);
  let rows: RowReader | undefined;
  let failed = false;
  const csv = new CsvReader(
    {
      row(fields, line, raw) {
        if (failed) return;
        if (!rows) {
          rows = readerFor(fields, b);
          if (!rows) {
            failed = true;
            b.read++;
            b.reject(line, reason('not-eac-header'), raw);
          }
          return;
        }
        rows.row(fields, line, raw);
      },
      // Before the header: Export-Csv's `#TYPE` line. After it no data row starts with '#', but keep them if one does.
      comment(text, line) {
        if (rows) rows.row(parseCsvLine(text) ?? [text], line, text);
      },
      error(why, line, raw) {
        b.read++;
        b.reject(line, why, raw);
      },
    },
    true,
  );
  for await (const chunk of input.chunks) {
    csv.push(chunk);
    if (b.full) yield b.take();
  }
  csv.end();
  rows?.finish?.();
  yield* b.drain();
}

/** The EAC report format. */
export const eacFormat: Format = {
  name: 'eac',
  description:
    'Exchange admin center CSV report: enhanced summary (origin_timestamp_utc, ...), extended (date_time_utc, event_id, ...) or message trace (Received, Sender, Recipient, Status, ...)',
  detect(head: string): boolean {
    return detectReport(head) !== undefined;
  },
  parse,
};
