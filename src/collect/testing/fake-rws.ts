/**
 * The fake Reporting Web Service MessageTrace report: `StartDate`/`EndDate` datetime literals in the filter,
 * `$format=json`, `$skiptoken` as a row offset with 2,000 rows a page, the same 10-day limits as Get-MessageTrace.
 */
import type { FakeAnswer } from './fake-answer.js';
import type { FakeTraceView, TraceDataset } from './fake-dataset.js';

const DAY = 86_400_000;
const PAGE = 2000;
/** The report's path under the service URL. */
export const RWS_PATH = '/ecp/reportingwebservice/reporting.svc/MessageTrace';

/** The IIS page the service answers 401 with. */
export const IIS_401_PAGE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html><head><title>401 - Unauthorized: Access is denied due to invalid credentials.</title></head><body><div id="header"><h1>Server Error</h1></div><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2></body></html>';

const rwsError = (status: number, message: string): FakeAnswer => ({ status, json: { ErrorCode: '', Message: message } });

/** Answer an authorised MessageTrace request (`now` is Microsoft's time). */
export function rwsAnswer(url: URL, dataset: TraceDataset, now: number, organization: string): FakeAnswer {
  const q = url.searchParams;
  if (q.get('$format') !== 'json') return rwsError(400, 'Only $format=json is supported by this fake.');
  const filter = q.get('$filter') ?? '';
  const m =
    /^StartDate eq datetime'(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)' and EndDate eq datetime'(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)'$/.exec(
      filter,
    );
  if (!m) return rwsError(400, `The query filter is not valid: ${filter}`);
  const start = Date.parse(m[1]!);
  const end = Date.parse(m[2]!);
  if (!(start <= end) || end - start > 10 * DAY || start < now - 10 * DAY || end > now)
    return rwsError(400, 'The date range is not valid: at most 10 days, within the last 10 days.');
  const skip = q.get('$skiptoken');
  if (skip !== null && !/^\d+$/.test(skip)) return rwsError(400, 'The skip token is not valid.');
  const rows = dataset.slice(start, end, now, Number(skip ?? 0), PAGE);
  return {
    status: 200,
    json: {
      'odata.metadata': `${url.origin}/ecp/reportingwebservice/reporting.svc/$metadata#MessageTrace`,
      value: rows.map((t, i) => rwsRow(t, organization, m[1]!, m[2]!, Number(skip ?? 0) + i)),
    },
  };
}

/** A MessageTrace item: Pascal case, Received without a zone (UTC), Status Pascal case. */
function rwsRow(t: FakeTraceView, organization: string, start: string, end: string, index: number): Record<string, unknown> {
  return {
    Organization: organization,
    MessageId: t.messageId,
    Received: new Date(t.receivedDateTime).toISOString().replace('Z', ''),
    SenderAddress: t.senderAddress,
    RecipientAddress: t.recipientAddress,
    Subject: t.subject,
    Status: t.status.charAt(0).toUpperCase() + t.status.slice(1),
    ToIP: t.toIP || null,
    FromIP: t.fromIP,
    Size: t.size,
    MessageTraceId: t.id,
    StartDate: start.replace('Z', ''),
    EndDate: end.replace('Z', ''),
    Index: index,
  };
}
