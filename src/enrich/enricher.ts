/** The enrichment applied to every MessageTrace row at ingest: domains, direction, country and AS of both IPs. */
import { domainOf, type TraceRecord, type TraceRow } from '../schema/index.js';
import type { GeoDataInfo } from './data-info.js';
import { createDirectionOf } from './direction.js';
import { createGeoLookup, type GeoConfig, type GeoResult } from './geo-lookup.js';

/** The parts of mailsift's configuration the enricher reads. */
export interface EnrichConfig {
  organization?: { acceptedDomains?: readonly string[] };
  geoip?: GeoConfig;
}

/** Tuning that is not user configuration. */
export interface EnrichOptions {
  /** Most distinct IP addresses (and, separately, mail addresses) remembered (default 300,000 each). */
  cacheSize?: number;
}

/** Turns parsed records into stored rows. */
export interface Enricher {
  /** Enriches a batch; the input records are not modified. */
  enrich(records: readonly TraceRecord[]): TraceRow[];
  /** Direction of mail between two domains (for engines that enrich distinct values and join them in). */
  direction(senderDomain: string, recipientDomain: string): TraceRow['Direction'];
  /** Country and AS of one IP address. */
  geo(ip: string): GeoResult;
  /** The GeoIP/ASN data in use, with the attribution to display. */
  dataInfo(): GeoDataInfo;
}

/** Opens the GeoIP data and returns an enricher for the configured organisation. */
export async function createEnricher(config: EnrichConfig = {}, options: EnrichOptions = {}): Promise<Enricher> {
  const geo = await createGeoLookup(config.geoip ?? {}, options.cacheSize);
  const directionOf = createDirectionOf(config.organization?.acceptedDomains ?? []);
  // Addresses repeat far more than IPs do; remembering their domains halves the per-row cost.
  const domains = new Map<string, string>();
  const maxDomains = Math.max(1, options.cacheSize ?? 300_000);
  const domainOfCached = (address: string): string => {
    let d = domains.get(address);
    if (d === undefined) {
      d = domainOf(address);
      if (domains.size >= maxDomains) domains.delete(domains.keys().next().value!);
      domains.set(address, d);
    }
    return d;
  };
  return {
    enrich(records) {
      const out = new Array<TraceRow>(records.length);
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        const senderDomain = domainOfCached(r.SenderAddress);
        const recipientDomain = domainOfCached(r.RecipientAddress);
        const from = geo.lookup(r.FromIP);
        const to = geo.lookup(r.ToIP);
        out[i] = {
          Received: r.Received,
          SenderAddress: r.SenderAddress,
          RecipientAddress: r.RecipientAddress,
          Subject: r.Subject,
          Status: r.Status,
          FromIP: r.FromIP,
          ToIP: r.ToIP,
          Size: r.Size,
          MessageId: r.MessageId,
          MessageTraceId: r.MessageTraceId,
          Organization: r.Organization,
          Source: r.Source,
          SenderDomain: senderDomain,
          RecipientDomain: recipientDomain,
          Direction: directionOf(senderDomain, recipientDomain),
          FromCountry: from.country,
          ToCountry: to.country,
          FromAsn: from.asn,
          ToAsn: to.asn,
          FromAsOrg: from.asOrg,
          ToAsOrg: to.asOrg,
        };
      }
      return out;
    },
    direction: directionOf,
    geo: (ip) => geo.lookup(ip),
    dataInfo: () => geo.info,
  };
}
