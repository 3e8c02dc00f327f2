/**
 * The fake Graph message-trace API, enforcing Microsoft's documented rules (learn.microsoft.com,
 * messagetracingroot-list-messagetraces): both receivedDateTime bounds, unquoted ISO times, a window of at
 * most 10 days, a start within 90 days, an end not in the future, $top 1..5000, nextLink paging, newest first.
 */
import { randomBytes } from 'node:crypto';
import type { FakeAnswer } from './fake-answer.js';
import type { FakeTraceView, TraceDataset } from './fake-dataset.js';

const DAY = 86_400_000;
const LIST_PATH = '/v1.0/admin/exchange/tracing/messageTraces';
const DETAILS = /^\/v1\.0\/admin\/exchange\/tracing\/messageTraces\/([^/]+)\/getDetailsByRecipient\(recipientAddress='((?:[^']|'')*)'\)$/;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A Graph error body. */
export function graphError(status: number, code: string, message: string): FakeAnswer {
  return {
    status,
    json: { error: { code, message, innerError: { date: '2026-01-01T00:00:00', 'request-id': '00000000-0000-0000-0000-000000000000' } } },
  };
}

/** Which Graph call a path is, for faults and the request log. */
export function graphKind(pathname: string): 'list' | 'details' | undefined {
  if (pathname === LIST_PATH) return 'list';
  if (DETAILS.test(decodeURIComponent(pathname))) return 'details';
  return undefined;
}

interface Cursor {
  filter: string;
  top: number;
  offset: number;
}

/** Answers Graph message-trace requests of one fake server. */
export class FakeGraph {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly origin: string) {}

  /** Answer an authorised request (`now` is Microsoft's time). */
  answer(url: URL, dataset: TraceDataset, now: number, prefer = ''): FakeAnswer {
    if (url.pathname === LIST_PATH) return this.list(url, dataset, now, wantsUnknownEnumMembers(prefer));
    const d = DETAILS.exec(decodeURIComponent(url.pathname));
    if (d) return this.details(d[1]!, d[2]!.replace(/''/g, "'"), dataset, now);
    return graphError(404, 'UnknownError', 'Resource not found for the segment.');
  }

  private list(url: URL, dataset: TraceDataset, now: number, evolvable: boolean): FakeAnswer {
    const q = url.searchParams;
    for (const k of q.keys())
      if (!['$filter', '$top', '$skiptoken'].includes(k)) return graphError(400, 'BadRequest', `Query option '${k}' is not supported.`);
    const filter = q.get('$filter');
    if (filter === null) return graphError(400, 'BadRequest', 'A filter on receivedDateTime with both a start and an end is required.');
    const m = /^receivedDateTime ge (\S+) and receivedDateTime le (\S+)$/.exec(filter);
    if (!m)
      return graphError(
        400,
        'BadRequest',
        `Invalid filter clause: ${filter}. Expected receivedDateTime ge <start> and receivedDateTime le <end>.`,
      );
    if (!ISO_SECONDS.test(m[1]!) || !ISO_SECONDS.test(m[2]!))
      return graphError(400, 'BadRequest', 'The DateTimeOffset values must be unquoted in the form YYYY-MM-DDThh:mm:ssZ.');
    const start = Date.parse(m[1]!);
    const end = Date.parse(m[2]!);
    if (!(start <= end)) return graphError(400, 'BadRequest', 'The start date must be earlier than the end date.');
    if (end - start > 10 * DAY) return graphError(400, 'BadRequest', 'The date range cannot exceed 10 days.');
    if (start < now - 90 * DAY) return graphError(400, 'BadRequest', 'The start date cannot be older than 90 days.');
    if (end > now) return graphError(400, 'BadRequest', 'The end date cannot be later than the current time.');
    const topText = q.get('$top');
    const top = topText === null ? 1000 : Number(topText);
    if (!/^\d+$/.test(topText ?? '1000') || top < 1 || top > 5000)
      return graphError(400, 'BadRequest', 'The $top value must be between 1 and 5000.');
    let offset = 0;
    const token = q.get('$skiptoken');
    if (token !== null) {
      const c = this.cursors.get(token);
      if (!c || c.filter !== filter || c.top !== top) return graphError(400, 'BadRequest', 'The $skiptoken is not valid for this query.');
      offset = c.offset;
    }
    // One row more than asked tells whether another page exists.
    const rows = dataset.slice(start, end, now, offset, top + 1);
    const body: Record<string, unknown> = {
      '@odata.context': `${this.origin}/v1.0/$metadata#admin/exchange/tracing/messageTraces`,
      value: rows.slice(0, top).map((t) => graphRow(t, evolvable)),
    };
    if (rows.length > top) {
      const next = randomBytes(12).toString('base64url');
      this.cursors.set(next, { filter, top, offset: offset + top });
      body['@odata.nextLink'] = `${this.origin}${LIST_PATH}?$filter=${encodeURIComponent(filter)}&$top=${top}&$skiptoken=${next}`;
    }
    return { status: 200, json: body };
  }

  private details(id: string, recipient: string, dataset: TraceDataset, now: number): FakeAnswer {
    const t = dataset.find(id, recipient, now);
    if (!t) return graphError(404, 'NotFound', 'The message trace was not found for this recipient.');
    const at = (ms: number) => new Date(t.receivedDateTime + ms).toISOString();
    const events = [
      { event: 'Receive', action: '', description: `Message received by: AM0PR01MB0001.eurprd01.prod.outlook.com`, ms: 0 },
      {
        event: t.status === 'failed' ? 'Fail' : t.status === 'pending' ? 'Defer' : 'Deliver',
        action: '',
        description: `The message status is ${t.status}.`,
        ms: 2000,
      },
    ];
    return {
      status: 200,
      json: {
        '@odata.context': `${this.origin}/v1.0/$metadata#Collection(microsoft.graph.exchangeMessageTraceDetail)`,
        value: events.map((e, i) => ({
          id: `${t.id}-${i}`,
          messageId: t.messageId,
          dateTime: at(e.ms),
          event: e.event,
          action: e.action,
          description: e.description,
          data: `<root><MEP Name="ClientIP" String="${t.fromIP}" /><MEP Name="ServerHostname" String="AM0PR01MB0001" /></root>`,
        })),
      },
    };
  }
}

/**
 * Graph sends members added to an evolvable enum after `unknownFutureValue` (for exchangeMessageTraceStatus:
 * `recalled`) only to clients that ask with `Prefer: include-unknown-enum-members`; others get the sentinel
 * (learn.microsoft.com, "Best practices: evolvable enums").
 */
const EVOLVED_STATUSES = new Set(['recalled']);

function wantsUnknownEnumMembers(prefer: string): boolean {
  return prefer
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .includes('include-unknown-enum-members');
}

/** An exchangeMessageTrace item as Graph v1.0 sends it. */
function graphRow(t: FakeTraceView, evolvable: boolean): Record<string, unknown> {
  return {
    id: t.id,
    messageId: t.messageId,
    receivedDateTime: new Date(t.receivedDateTime).toISOString(),
    senderAddress: t.senderAddress,
    recipientAddress: t.recipientAddress,
    subject: t.subject,
    size: t.size,
    status: EVOLVED_STATUSES.has(t.status) && !evolvable ? 'unknownFutureValue' : t.status,
    fromIP: t.fromIP,
    toIP: t.toIP,
  };
}
