/** Errors of the enrichment module. */

/** A GeoIP/ASN data file is missing or unreadable. */
export class GeoDataError extends Error {
  readonly code = 'GEOIP_DATA';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GeoDataError';
  }
}
