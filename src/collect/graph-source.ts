/**
 * Microsoft Graph message trace (v1.0 `admin/exchange/tracing/messageTraces`): list a window page by page
 * following `@odata.nextLink`, and per-hop details by recipient on demand.
 */
import { graphEventFromJson, graphRecordFromJson } from '../formats/index.js';
import type { EventRow, TraceRecord } from '../schema/index.js';
import type { ApiClient, ServiceDescription } from './api-client.js';
import { GRAPH_LIMITS, type GraphCollectorConfig } from './collector-config.js';
import { CollectorResponseError } from './errors.js';
import { odataItems, type TraceSource } from './trace-source.js';
import { isoSeconds, type TimeWindow } from './windows.js';

/** The scope of app-only tokens for Graph. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** Microsoft's first-party app behind Graph message trace; its service principal must exist in the tenant. */
export const MESSAGE_TRACE_APP_ID = '8bd644d1-64a1-4d4b-ae52-2e0cbf64e373';

/** What Graph's refusals mean (401 for hours on new tenants: the first-party app's service principal is missing). */
export const GRAPH_SERVICE: ServiceDescription = {
  name: 'Microsoft Graph',
  unauthorizedHint:
    `the service principal of Microsoft's message trace app ${MESSAGE_TRACE_APP_ID} is probably missing in the tenant; ` +
    `create it once with New-MgServicePrincipal -AppId ${MESSAGE_TRACE_APP_ID} (or az ad sp create --id ${MESSAGE_TRACE_APP_ID}), then allow some time (see docs/collectors.md)`,
  forbiddenHint: 'the app registration needs the Microsoft Graph application permission ExchangeMessageTrace.Read.All with admin consent',
  // Without it, v1.0 sends statuses added after unknownFutureValue (recalled) as unknownFutureValue
  // (learn.microsoft.com, "Best practices: evolvable enums").
  headers: { prefer: 'include-unknown-enum-members' },
};

/** A Graph message-trace source for one collector. */
export function graphSource(config: GraphCollectorConfig, client: ApiClient): TraceSource {
  const base = `${config.graphUrl}/v1.0/admin/exchange/tracing/messageTraces`;
  const origin = new URL(config.graphUrl).origin;
  const withTenant = (r: TraceRecord): TraceRecord => (r.Organization ? r : { ...r, Organization: config.tenantId });

  /** Every item of a collection, following nextLink verbatim; a link to another host would get our token, so it is refused. */
  async function* follow(
    first: string,
    what: string,
    priority: 'background' | 'interactive',
    signal?: AbortSignal,
  ): AsyncIterable<unknown[]> {
    const seen = new Set<string>();
    for (let url: string | undefined = first; url !== undefined;) {
      seen.add(url);
      const page = await client.getJson(url, what, priority, signal);
      const items = odataItems(page);
      if (!items) throw new CollectorResponseError(`Microsoft Graph answered ${what} with JSON that has no "value" list`);
      yield items;
      const next = (page as { '@odata.nextLink'?: unknown })['@odata.nextLink'];
      if (next === undefined || next === null) break;
      if (typeof next !== 'string' || !URL.canParse(next) || new URL(next).origin !== origin) {
        throw new CollectorResponseError(`Microsoft Graph answered ${what} with a next-page link outside ${origin}; not followed`);
      }
      if (seen.has(next)) throw new CollectorResponseError(`Microsoft Graph answered ${what} with the same next-page link twice`);
      url = next;
    }
  }

  return {
    limits: { maxWindowMs: GRAPH_LIMITS.maxWindowMs, maxAgeMs: GRAPH_LIMITS.maxAgeMs },
    pages(window: TimeWindow, signal?: AbortSignal) {
      const s = isoSeconds(window.start);
      const e = isoSeconds(window.end);
      // Both bounds are required and unquoted (learn.microsoft.com, messagetracingroot-list-messagetraces).
      const filter = encodeURIComponent(`receivedDateTime ge ${s} and receivedDateTime le ${e}`);
      return follow(`${base}?$filter=${filter}&$top=${config.pageSize}`, `window ${s}..${e}`, 'background', signal);
    },
    toRecord: (item) => withTenant(graphRecordFromJson(item)),
    async details(traceId: string, recipient: string, signal?: AbortSignal): Promise<EventRow[]> {
      const quoted = encodeURIComponent(recipient.replace(/'/g, "''"));
      const url = `${base}/${encodeURIComponent(traceId)}/getDetailsByRecipient(recipientAddress='${quoted}')`;
      const events: EventRow[] = [];
      for await (const items of follow(url, `details of ${traceId} for ${recipient}`, 'interactive', signal)) {
        for (const item of items) events.push(graphEventFromJson(item, traceId, recipient));
      }
      return events;
    },
  };
}
