/**
 * PowerShell `Get-MessageTrace` / `Get-MessageTraceV2 | ConvertTo-Json` output: a (pretty-printed, possibly
 * huge) array, a single object, or one object per line. PowerShell 5 writes dates as `\/Date(ms)\/`,
 * PowerShell 7 as ISO strings. `Get-MessageTraceDetail(V2)` output (Date, Event, Action, Detail, Data, ...)
 * in the same shapes becomes MessageEvents rows.
 */
import type { EventRow, TraceRecord } from '../../schema/index.js';
import type { Format, ParsedBatch, ParseInput } from '../format.js';
import {
  ENVELOPE_KEYS,
  firstChar,
  firstKey,
  hasKeys,
  isPascalDetail,
  jsonHead,
  jsonTraceBatches,
  pascalEvent,
  pascalRecord,
  RecordError,
  RejectReason,
} from '../shared/index.js';
import type { JsonKind, JsonPath } from '../shared/index.js';

const RECORD_KEYS = ['MessageTraceId', 'RecipientAddress'];

/** A record is a top-level object (NDJSON, single result) or an element of a top-level array. */
function isRecord(path: JsonPath, kind: JsonKind): boolean {
  return path.length === 1 ? typeof path[0] === 'number' : path.length === 0 && kind === 'object';
}

function map(value: unknown): TraceRecord | EventRow | RejectReason {
  if (value !== null && typeof value === 'object' && isPascalDetail(value)) return pascalEvent(value, 'powershell');
  return pascalRecord(value, 'powershell');
}

/** The MessageTrace record of one Get-MessageTrace(V2) result object; throws RecordError when it has none. */
export function powershellRecordFromJson(item: unknown): TraceRecord {
  const r = pascalRecord(item, 'powershell');
  if (r instanceof RejectReason) throw new RecordError(r);
  return r;
}

/** The PowerShell format. */
export const powershellFormat: Format = {
  name: 'powershell',
  description:
    'PowerShell Get-MessageTrace(V2) | ConvertTo-Json: a JSON array or one object per line with MessageTraceId, RecipientAddress, Received, ...',
  detect(raw: string): boolean {
    const head = jsonHead(raw);
    const c = firstChar(head);
    if (c !== '[' && c !== '{') return false;
    const key = firstKey(head);
    if (key === undefined || ENVELOPE_KEYS.includes(key)) return false;
    return hasKeys(head, RECORD_KEYS);
  },
  parse(input: ParseInput): AsyncIterable<ParsedBatch> {
    return jsonTraceBatches(input, isRecord, map);
  },
};
