/** Enrichment of message-trace rows at ingest: sender/recipient domains, direction, GeoIP country and ASN. */
export { createEnricher } from './enricher.js';
export type { Enricher, EnrichConfig, EnrichOptions } from './enricher.js';
export { createGeoLookup, NO_GEO } from './geo-lookup.js';
export type { GeoConfig, GeoLookup, GeoResult } from './geo-lookup.js';
export type { GeoDataInfo, GeoDataSource } from './data-info.js';
export { createDirectionOf } from './direction.js';
export type { DirectionOf } from './direction.js';
export { parsePublicIp } from './public-ip.js';
export type { ParsedIp } from './public-ip.js';
export { GeoDataError } from './errors.js';
