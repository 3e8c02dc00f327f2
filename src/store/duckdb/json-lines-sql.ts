/**
 * SQL of the JSON-lines fast path: DuckDB reads Get-MessageTrace(V2) objects itself and maps them exactly as the
 * row-by-row parser does (src/formats/shared/pascal-record.ts); a record it can't map the same way gets a
 * reason, and the caller falls back to that parser. A test holds the two paths to the same rows.
 */
import { MessageTrace, statusAliases } from '../../schema/index.js';
import { quoteIdent, quoteLiteral } from './ddl.js';

/** Fields read from each object (names as Get-MessageTrace writes them); all as text, mapped below. */
const FIELDS = [
  'Organization',
  'MessageId',
  'Received',
  'SenderAddress',
  'RecipientAddress',
  'Subject',
  'Status',
  'ToIP',
  'FromIP',
  'Size',
  'MessageTraceId',
];

const statusCase = () => {
  const arms = [...statusAliases()].map(([raw, status]) => `WHEN ${quoteLiteral(raw)} THEN ${quoteLiteral(status)}`);
  return `CASE WHEN "Status" IS NULL THEN 'None' ELSE CASE lower(trim("Status")) ${arms.join(' ')} END END`;
};

// The shapes the parser's fast time path reads; anything else (offsets, odd forms) goes to the parser.
const ISO = `'^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?$'`;
const ODATA = `'^/Date\\((-?\\d+)\\)/$'`;
const received = `CASE
    WHEN regexp_matches("Received", ${ISO}) THEN date_trunc('millisecond', try_cast(replace("Received", 'Z', '') AS TIMESTAMP))
    WHEN regexp_matches("Received", ${ODATA}) THEN epoch_ms(try_cast(regexp_extract("Received", ${ODATA}, 1) AS BIGINT))
  END`;
const size = `CASE WHEN "Size" IS NULL OR "Size" = '' THEN 0::DOUBLE ELSE try_cast(replace(trim("Size"), ',', '') AS DOUBLE) END`;

/** Host part after the last '@', without one trailing dot (as the schema's domainOf). */
const domainOf = (col: string) =>
  `(CASE WHEN strpos(${col}, '@') = 0 THEN '' WHEN suffix(${col}, '.') THEN reverse(split_part(reverse(${col}), '@', 1))[:-2] ELSE reverse(split_part(reverse(${col}), '@', 1)) END)`;

/** Read the file into `raw_trace` with mapped columns, and what CHECK_RAW_SQL needs to judge them. */
export function readJsonLinesSql(): string {
  const columns = `{${FIELDS.map((f) => `${quoteIdent(f)}: 'VARCHAR'`).join(', ')}}`;
  // Addresses and Message-IDs must be printable ASCII without spaces (_plain): then lower() is JavaScript's
  // toLowerCase() and there is nothing to trim. Anything else is the parser's to map, by its own rules.
  // One match over the three joined is the same test as three matches (each part matches iff the whole does), at a
  // third of the calls.
  const plain = (...cols: string[]) => `regexp_full_match(${cols.map((c) => `coalesce(${c}, '')`).join(' || ')}, '[\x21-\x7e]*')`;
  return `CREATE OR REPLACE TEMP TABLE raw_trace AS
SELECT *, ${domainOf('"SenderAddress"')} AS "SenderDomain", ${domainOf('"RecipientAddress"')} AS "RecipientDomain"
FROM (
  SELECT
    ${received} AS "Received",
    lower(coalesce("SenderAddress", '')) AS "SenderAddress",
    lower(coalesce("RecipientAddress", '')) AS "RecipientAddress",
    coalesce("Subject", '') AS "Subject",
    ${statusCase()} AS "Status",
    coalesce("FromIP", '') AS "FromIP",
    coalesce("ToIP", '') AS "ToIP",
    trunc(_size)::BIGINT AS "Size",
    coalesce("MessageId", '') AS "MessageId",
    coalesce("MessageTraceId", '') AS "MessageTraceId",
    coalesce("Organization", '') AS "Organization",
    _size,
    ${plain('"SenderAddress"', '"RecipientAddress"', '"MessageId"')} AS _plain
  -- Size is read once (_size) and truncated from it.
  FROM (SELECT *, ${size} AS _size FROM read_json($1, format = 'newline_delimited', columns = ${columns}, maximum_object_size = 16777216))
)`;
}

/** Counts that decide whether the fast path may go on: records, records needing the parser, repeated keys. */
export const CHECK_RAW_SQL = `SELECT
  count(*) AS n,
  count(*) FILTER (WHERE "MessageTraceId" = '' OR "RecipientAddress" = '' OR "Received" IS NULL OR "Status" IS NULL
                   OR _size IS NULL OR _size < 0 OR isinf(_size) OR isnan(_size) OR NOT _plain
                   -- ids the schema's normalizeTraceId would respell (upper case, spaces, braces, bare GUIDs)
                   OR regexp_matches("MessageTraceId", '[A-Z\\s{}]') OR (CASE WHEN strlen("MessageTraceId") = 32 THEN regexp_full_match("MessageTraceId", '[0-9a-f]{32}') ELSE false END)) AS bad,
  count(*) - count(DISTINCT ("MessageTraceId", "RecipientAddress")) AS repeated
FROM raw_trace`;

export const DISTINCT_PAIRS_SQL = `SELECT DISTINCT "SenderDomain", "RecipientDomain" FROM raw_trace`;
export const DISTINCT_IPS_SQL = `SELECT DISTINCT ip FROM (SELECT "FromIP" AS ip FROM raw_trace UNION SELECT "ToIP" FROM raw_trace) WHERE ip <> ''`;

/** Dimension tables loaded from JSON arrays written by the caller ($1 = path). */
export const LOAD_DIRECTIONS_SQL = `CREATE OR REPLACE TEMP TABLE dim_direction AS SELECT * FROM read_json($1, format = 'array', columns = {s: 'VARCHAR', r: 'VARCHAR', d: 'VARCHAR'})`;
export const LOAD_IPS_SQL = `CREATE OR REPLACE TEMP TABLE dim_ip AS SELECT * FROM read_json($1, format = 'array', columns = {ip: 'VARCHAR', c: 'VARCHAR', a: 'BIGINT', o: 'VARCHAR'})`;

/** The enriched stage, in the column order of MessageTrace, ready for the shared merge statements. */
export function enrichedStageSql(stage: string, source: string): string {
  const value: Record<string, string> = {
    Source: quoteLiteral(source),
    Direction: `coalesce(d.d, '')`,
    FromCountry: `coalesce(f.c, '')`,
    ToCountry: `coalesce(t.c, '')`,
    FromAsn: `coalesce(f.a, 0)`,
    ToAsn: `coalesce(t.a, 0)`,
    FromAsOrg: `coalesce(f.o, '')`,
    ToAsOrg: `coalesce(t.o, '')`,
  };
  const select = MessageTrace.columns.map((c) => `${value[c.name] ?? `r.${quoteIdent(c.name)}`} AS ${quoteIdent(c.name)}`).join(', ');
  // A view, not a copy: the merge reads it twice, and joining the small dimension tables twice is cheaper.
  return `CREATE OR REPLACE TEMP VIEW ${stage} AS SELECT ${select}
FROM raw_trace AS r
LEFT JOIN dim_direction AS d ON d.s = r."SenderDomain" AND d.r = r."RecipientDomain"
LEFT JOIN dim_ip AS f ON f.ip = r."FromIP"
LEFT JOIN dim_ip AS t ON t.ip = r."ToIP"`;
}
