/**
 * Columns of Exchange message tracking logs (`#Fields:`), by Exchange version. The same names, with `_`
 * for `-`, head the extended message trace report of the Exchange admin center.
 */

/** Exchange 2010: 26 fields. */
export const FIELDS_2010: readonly string[] = [
  'date-time',
  'client-ip',
  'client-hostname',
  'server-ip',
  'server-hostname',
  'source-context',
  'connector-id',
  'source',
  'event-id',
  'internal-message-id',
  'message-id',
  'recipient-address',
  'recipient-status',
  'total-bytes',
  'recipient-count',
  'related-recipient-address',
  'reference',
  'message-subject',
  'sender-address',
  'return-path',
  'message-info',
  'directionality',
  'tenant-id',
  'original-client-ip',
  'original-server-ip',
  'custom-data',
];

/** Exchange 2013: 27 fields (network-message-id added). */
export const FIELDS_2013: readonly string[] = [...FIELDS_2010.slice(0, 11), 'network-message-id', ...FIELDS_2010.slice(11)];

/** Exchange 2016 and 2019: 30 fields. */
export const FIELDS_2016: readonly string[] = [...FIELDS_2013, 'transport-traffic-type', 'log-id', 'schema-version'];

/** Column positions of one header, by canonical (dash-separated, lower-case) field name. */
export class FieldMap {
  private readonly index = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      const key = canonicalField(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  /** Number of columns a record must have. */
  get width(): number {
    return this.names.length;
  }

  /** Position of a field, or -1. */
  at(name: string): number {
    return this.index.get(name) ?? -1;
  }
}

/** `date_time_utc` (EAC) and `date-time` (tracking log) name the same field. */
export function canonicalField(name: string): string {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  return key === 'date-time-utc' ? 'date-time' : key;
}
