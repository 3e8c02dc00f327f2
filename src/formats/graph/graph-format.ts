/**
 * Microsoft Graph `GET /v1.0/admin/exchange/tracing/messageTraces` responses saved as files: one page
 * `{"@odata.context": ..., "value": [...], "@odata.nextLink": ...}`, several pages one per line, the `value`
 * array alone, a single `exchangeMessageTrace` record, or one record per line (as log shippers and SIEM
 * intakes store Graph data). `getDetailsByRecipient` pages (`exchangeMessageTraceDetail` items) in the same
 * shapes become MessageEvents rows.
 */
import type { Format, ParsedBatch, ParseInput } from '../format.js';
import { ENVELOPE_KEYS, firstChar, firstKey, jsonTraceBatches, peekText } from '../shared/index.js';
import type { JsonKind, JsonPath, JsonRecordMapper } from '../shared/index.js';
import { graphDetail, graphRecord, isGraphDetail, type DetailLink } from './graph-record.js';

const PAGE_KEYS = ['@odata.context', 'value', '@odata.nextLink', '@odata.count'];

/** Records of a file whose top-level objects are pages: `value[i]` of a page, or elements of a bare array. */
function inPages(path: JsonPath): boolean {
  if (path.length === 2) return path[0] === 'value' && typeof path[1] === 'number';
  return path.length === 1 && typeof path[0] === 'number';
}

/** Records of a file whose top-level objects are records (one record, or one per line), or elements of a bare array. */
function asRecords(path: JsonPath, kind: JsonKind): boolean {
  return path.length === 0 ? kind === 'object' : path.length === 1 && typeof path[0] === 'number';
}

/** Whether the top-level objects of a file are pages (their first key opens an envelope) rather than records. */
function startsWithPage(head: string): boolean {
  const key = firstKey(head);
  return firstChar(head) !== '{' || key === undefined || ENVELOPE_KEYS.includes(key);
}

// getDetailsByRecipient's request, as it shows in a saved page's @odata.context or in a file a shipper wrote:
// .../messageTraces('ID')/getDetailsByRecipient(recipientAddress='x') or .../messageTraces/ID/...
const DETAILS_URL =
  /messageTraces(?:\('([^']+)'\)|\/([0-9A-Fa-f-]{32,38}))\/(?:microsoft\.graph\.)?getDetailsByRecipient\(recipientAddress='([^']*)'\)/;

/** The message and recipient named by a details request in the file's first text, if any. */
export function detailLinkOf(head: string): DetailLink {
  const m = DETAILS_URL.exec(head);
  return { traceId: m ? (m[1] ?? m[2] ?? '') : '', recipient: m ? decodeURIComponent(m[3]!) : '', sender: '' };
}

function mapper(link: DetailLink): JsonRecordMapper {
  return (value) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && isGraphDetail(value)) return graphDetail(value, link);
    return graphRecord(value);
  };
}

const TRACE_KEYS = /"receivedDateTime"[\s\S]*"recipientAddress"|"recipientAddress"[\s\S]*"receivedDateTime"/;
const DETAIL_KEYS = /"dateTime"\s*:[\s\S]*"event"\s*:|"event"\s*:[\s\S]*"dateTime"\s*:/;
const GRAPH_MARKS = /exchange\/tracing\/messageTraces|exchangeMessageTrace|getDetailsByRecipient/;

async function* parse(input: ParseInput): AsyncGenerator<ParsedBatch> {
  const { head, chunks } = await peekText(input.chunks, 4096);
  const select = startsWithPage(head) ? inPages : asRecords;
  yield* jsonTraceBatches({ file: input.file, chunks }, select, mapper(detailLinkOf(head)));
}

/** The Graph format. */
export const graphFormat: Format = {
  name: 'graph',
  description:
    'Microsoft Graph messageTraces or getDetailsByRecipient: pages {"@odata.context": ..., "value": [...]}, bare arrays, or records {id, receivedDateTime, recipientAddress, ...}, one or one per line',
  detect(head: string): boolean {
    const c = firstChar(head);
    const key = firstKey(head);
    if (key === undefined) return false;
    const traceOrDetail = TRACE_KEYS.test(head) || (DETAIL_KEYS.test(head) && /"action"|"description"/.test(head));
    if (c === '{' && PAGE_KEYS.includes(key)) {
      // Mail message pages have receivedDateTime too, but never recipientAddress.
      return traceOrDetail || GRAPH_MARKS.test(head);
    }
    // A bare array, a single record or one record per line: lower camel case keys, not an envelope.
    return (c === '[' || c === '{') && !ENVELOPE_KEYS.includes(key) && traceOrDetail;
  },
  parse,
};
