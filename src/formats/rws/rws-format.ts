/**
 * Reporting Web Service MessageTrace report (legacy OData v3), saved as JSON: JSON light
 * `{"odata.metadata": ..., "value": [...]}` with UTC times that may lack the `Z`, or verbose
 * `{"d": {"results": [...]}}` with `\/Date(ms)\/` times.
 */
import type { TraceRecord } from '../../schema/index.js';
import type { Format, ParsedBatch, ParseInput } from '../format.js';
import { firstChar, firstKey, jsonTraceBatches, pascalRecord, RecordError, RejectReason } from '../shared/index.js';
import type { JsonPath } from '../shared/index.js';

/** Records are `value[i]` (JSON light), `d.results[i]` (verbose) or `d[i]` (verbose of OData v1). */
function isRecord(path: JsonPath): boolean {
  if (path.length === 2) return typeof path[1] === 'number' && (path[0] === 'value' || path[0] === 'd');
  return path.length === 3 && path[0] === 'd' && path[1] === 'results' && typeof path[2] === 'number';
}

function map(value: unknown): TraceRecord | RejectReason {
  return pascalRecord(value, 'rws');
}

/** The MessageTrace record of one Reporting Web Service row; throws RecordError when it has none. */
export function rwsRecordFromJson(item: unknown): TraceRecord {
  const r = map(item);
  if (r instanceof RejectReason) throw new RecordError(r);
  return r;
}

const REPORT_MARKS = /"MessageTraceId"|ReportingWebService|Reporting\.svc|TenantReporting\.MessageTrace|#MessageTrace\b/;

/** The Reporting Web Service format. */
export const rwsFormat: Format = {
  name: 'rws',
  description: 'Reporting Web Service MessageTrace OData JSON: {"odata.metadata": ..., "value": [...]} or {"d": {"results": [...]}}',
  detect(head: string): boolean {
    if (firstChar(head) !== '{') return false;
    const key = firstKey(head);
    if (key !== 'odata.metadata' && key !== 'd') return false;
    return REPORT_MARKS.test(head);
  },
  parse(input: ParseInput): AsyncIterable<ParsedBatch> {
    return jsonTraceBatches(input, isRecord, map);
  },
};
