/**
 * The legacy Reporting Web Service MessageTrace report: OData with `StartDate`/`EndDate` in the filter and
 * `$skiptoken` as a row offset (2,000 rows a page) until a page comes back empty.
 */
import { rwsRecordFromJson } from '../formats/index.js';
import type { TraceRecord } from '../schema/index.js';
import type { ApiClient, ServiceDescription } from './api-client.js';
import { RWS_LIMITS, type RwsCollectorConfig } from './collector-config.js';
import { CollectorResponseError } from './errors.js';
import { odataItems, type TraceSource } from './trace-source.js';
import { isoSeconds, type TimeWindow } from './windows.js';

/** The scope of app-only tokens for the Reporting Web Service (Exchange Online). */
export const RWS_SCOPE = 'https://outlook.office365.com/.default';

/** What the Reporting Web Service's refusals mean (401 comes as an IIS HTML page). */
export const RWS_SERVICE: ServiceDescription = {
  name: 'the Reporting Web Service',
  unauthorizedHint:
    'check that the app has the Office 365 Exchange Online application permission ReportingWebService.Read.All with admin consent (and consider moving to type: graph)',
  forbiddenHint:
    'the app needs ReportingWebService.Read.All and a directory role that may read reports (e.g. Global Reader); Microsoft is retiring this service, prefer type: graph',
};

/** A Reporting Web Service source for one collector. */
export function rwsSource(config: RwsCollectorConfig, client: ApiClient): TraceSource {
  const withTenant = (r: TraceRecord): TraceRecord => (r.Organization ? r : { ...r, Organization: config.tenantId });
  return {
    limits: { maxWindowMs: RWS_LIMITS.maxWindowMs, maxAgeMs: RWS_LIMITS.maxAgeMs },
    async *pages(window: TimeWindow, signal?: AbortSignal) {
      const s = isoSeconds(window.start);
      const e = isoSeconds(window.end);
      const filter = encodeURIComponent(`StartDate eq datetime'${s}' and EndDate eq datetime'${e}'`);
      const what = `window ${s}..${e}`;
      for (let offset = 0; ;) {
        const url = `${config.url}/MessageTrace?$filter=${filter}&$format=json${offset ? `&$skiptoken=${offset}` : ''}`;
        const items = odataItems(await client.getJson(url, what, 'background', signal));
        if (!items) throw new CollectorResponseError(`the Reporting Web Service answered ${what} with JSON that has no "value" list`);
        if (items.length === 0) return;
        yield items;
        offset += items.length;
      }
    },
    toRecord: (item) => withTenant(rwsRecordFromJson(item)),
  };
}
