/**
 * Microsoft Graph `GET /v1.0/admin/exchange/tracing/messageTraces` responses saved as files: one page
 * `{"@odata.context": ..., "value": [...], "@odata.nextLink": ...}`, several pages one per line, or the
 * `value` array alone.
 */
import type { Format, ParsedBatch, ParseInput } from '../format.js';
import { firstChar, firstKey, jsonTraceBatches } from '../shared/index.js';
import type { JsonPath } from '../shared/index.js';
import { graphRecord } from './graph-record.js';

/** Records are `value[i]` of a page, or elements of a bare array. */
function isRecord(path: JsonPath): boolean {
  if (path.length === 2) return path[0] === 'value' && typeof path[1] === 'number';
  return path.length === 1 && typeof path[0] === 'number';
}

const PAGE_KEYS = ['@odata.context', 'value', '@odata.nextLink', '@odata.count'];

/** The Graph format. */
export const graphFormat: Format = {
  name: 'graph',
  description:
    'Microsoft Graph messageTraces pages: {"@odata.context": ..., "value": [{id, receivedDateTime, recipientAddress, ...}]}, one page or one per line',
  detect(head: string): boolean {
    const c = firstChar(head);
    const key = firstKey(head);
    if (c === '{') {
      if (key === undefined || !PAGE_KEYS.includes(key)) return false;
      // Mail message pages have receivedDateTime too, but never recipientAddress.
      return (
        (head.includes('"receivedDateTime"') && head.includes('"recipientAddress"')) ||
        /exchange\/tracing\/messageTraces|exchangeMessageTrace/.test(head)
      );
    }
    return c === '[' && key !== undefined && head.includes('"receivedDateTime"') && head.includes('"recipientAddress"');
  },
  parse(input: ParseInput): AsyncIterable<ParsedBatch> {
    return jsonTraceBatches(input, isRecord, graphRecord);
  },
};
