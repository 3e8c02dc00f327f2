/**
 * SQL of the JSON-lines fast path: DuckDB reads Get-MessageTrace(V2) objects itself and maps them exactly as the
 * row-by-row parser does (src/formats/shared/pascal-record.ts); a record it can't map the same way gets a
 * reason, and the caller falls back to that parser. A test holds the two paths to the same rows.
 */
import { GUID_DIGITS, MessageTrace, statusAliases } from '../../schema/index.js';
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

/** Host part after the last '@', without one trailing dot (as the schema's domainOf); split_part(.., -1): the last part. */
const domainOf = (col: string) =>
  `(CASE WHEN strpos(${col}, '@') = 0 THEN '' WHEN suffix(${col}, '.') THEN split_part(${col}, '@', -1)[:-2] ELSE split_part(${col}, '@', -1) END)`;

const MAX_OBJECT_BYTES = 16777216;

/** The ASCII characters JavaScript's trim() takes off (tab, line feed, vertical tab, form feed, return, space), as SQL. */
const TRIMMED = ['chr(9)', 'chr(10)', 'chr(11)', 'chr(12)', 'chr(13)', "' '"];
const address = (col: string) => `lower(coalesce(${col}, ''))`;

/** The file's records ($1 = path) mapped to MessageTrace's columns, with what BAD_RECORD needs (_size, _plain). */
function mappedRecordsSql(): string {
  const columns = `{${FIELDS.map((f) => `${quoteIdent(f)}: 'VARCHAR'`).join(', ')}}`;
  // Addresses, Message-IDs and trace ids must be ASCII with nothing JavaScript's trim() would take off (_plain):
  // then lower() is its toLowerCase() and the parser's trim() changes nothing. Anything else is the parser's to
  // map, by its own rules. A byte count equal to the character count is ASCII, and the ends are compared with
  // the six ASCII characters trim() takes: a quarter of the time of one regular expression over the four joined.
  const plain = (...cols: string[]) =>
    cols
      .map((c) => `coalesce(${c}, '')`)
      .map((v) => `(strlen(${v}) = length(${v}) AND NOT (${TRIMMED.map((w) => `prefix(${v}, ${w}) OR suffix(${v}, ${w})`).join(' OR ')}))`)
      .join(' AND ');
  return `SELECT *, ${domainOf('"SenderAddress"')} AS "SenderDomain", ${domainOf('"RecipientAddress"')} AS "RecipientDomain"
FROM (
  SELECT
    ${received} AS "Received",
    ${address('"SenderAddress"')} AS "SenderAddress",
    ${address('"RecipientAddress"')} AS "RecipientAddress",
    coalesce("Subject", '') AS "Subject",
    ${statusCase()} AS "Status",
    coalesce("FromIP", '') AS "FromIP",
    coalesce("ToIP", '') AS "ToIP",
    trunc(_size)::BIGINT AS "Size",
    coalesce("MessageId", '') AS "MessageId",
    coalesce("MessageTraceId", '') AS "MessageTraceId",
    coalesce("Organization", '') AS "Organization",
    _size,
    ${plain('"SenderAddress"', '"RecipientAddress"', '"MessageId"', '"MessageTraceId"')} AS _plain
  -- Size is read once (_size) and truncated from it.
  FROM (SELECT *, ${size} AS _size FROM read_json($1, format = 'newline_delimited', columns = ${columns}, maximum_object_size = ${MAX_OBJECT_BYTES}))
)`;
}

/** Read the file into `raw_trace` with mapped columns, and what CHECK_RAW_SQL needs to judge them. */
export function readJsonLinesSql(): string {
  return `CREATE OR REPLACE TEMP TABLE raw_trace AS ${mappedRecordsSql()}`;
}

/** A mapped record the parser must map instead (a reject, an odd shape, a spelling it would change). */
const BAD_RECORD = `("MessageTraceId" = '' OR "RecipientAddress" = '' OR "Received" IS NULL OR "Status" IS NULL
    OR _size IS NULL OR _size < 0 OR isinf(_size) OR isnan(_size) OR NOT _plain
    -- ids the schema's normalizeTraceId would respell: upper case (being _plain, an id lower() changes is), braces,
    -- and GUIDs without all four dashes (32 to 35 characters; with them and no braces a GUID is 36, as stored)
    OR lower("MessageTraceId") <> "MessageTraceId" OR contains("MessageTraceId", '{') OR contains("MessageTraceId", '}')
    OR (CASE WHEN strlen("MessageTraceId") BETWEEN 32 AND 35
      THEN regexp_full_match("MessageTraceId", ${quoteLiteral(GUID_DIGITS)}) ELSE false END))`;

/** Counts that decide whether the fast path may go on: records, records needing the parser, repeated keys. */
export const CHECK_RAW_SQL = `SELECT
  count(*) AS n,
  count(*) FILTER (WHERE ${BAD_RECORD}) AS bad,
  count(*) - count(DISTINCT hash("MessageTraceId", "RecipientAddress")) AS repeated
FROM raw_trace`;

/**
 * One light pass over the file ($1) for what enrichment needs: its distinct (SenderDomain, RecipientDomain) pairs
 * (rows with `ip` NULL) and its distinct FromIP and ToIP values (rows with the domains NULL), mapped as
 * mappedRecordsSql maps them.
 */
export const FILE_DIMENSIONS_SQL = `SELECT "SenderDomain", "RecipientDomain", coalesce(f, t) AS ip FROM (
  SELECT ${domainOf('s')} AS "SenderDomain", ${domainOf('r')} AS "RecipientDomain", f, t FROM (
    SELECT ${address('"SenderAddress"')} AS s, ${address('"RecipientAddress"')} AS r, coalesce("FromIP", '') AS f, coalesce("ToIP", '') AS t
    FROM read_json($1, format = 'newline_delimited', columns = {"SenderAddress": 'VARCHAR', "RecipientAddress": 'VARCHAR', "FromIP": 'VARCHAR', "ToIP": 'VARCHAR'}, maximum_object_size = ${MAX_OBJECT_BYTES})
  )
) GROUP BY GROUPING SETS (("SenderDomain", "RecipientDomain"), (f), (t))`;

/** The message of the error the direct insert raises at a record the parser must map (see insertJsonLinesSql). */
export const NEEDS_PARSER = 'mailsift: a record needs the row-by-row parser';

export const DISTINCT_PAIRS_SQL = `SELECT DISTINCT "SenderDomain", "RecipientDomain" FROM raw_trace`;
export const DISTINCT_IPS_SQL = `SELECT DISTINCT ip FROM (SELECT "FromIP" AS ip FROM raw_trace UNION SELECT "ToIP" FROM raw_trace) WHERE ip <> ''`;

/** Dimension tables loaded from JSON arrays written by the caller ($1 = path). */
export const LOAD_DIRECTIONS_SQL = `CREATE OR REPLACE TEMP TABLE dim_direction AS SELECT * FROM read_json($1, format = 'array', columns = {s: 'VARCHAR', r: 'VARCHAR', d: 'VARCHAR'})`;
export const LOAD_IPS_SQL = `CREATE OR REPLACE TEMP TABLE dim_ip AS SELECT * FROM read_json($1, format = 'array', columns = {ip: 'VARCHAR', c: 'VARCHAR', a: 'BIGINT', o: 'VARCHAR'})`;

/** The enriched rows of `from` (mapped records aliased r), in the column order of MessageTrace. */
function enrichedSelectSql(from: string, source: string): string {
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
  return `SELECT ${select}
FROM ${from} AS r
LEFT JOIN dim_direction AS d ON d.s = r."SenderDomain" AND d.r = r."RecipientDomain"
LEFT JOIN dim_ip AS f ON f.ip = r."FromIP"
LEFT JOIN dim_ip AS t ON t.ip = r."ToIP"`;
}

/** The enriched stage, in the column order of MessageTrace, ready for the shared merge statements. */
export function enrichedStageSql(stage: string, source: string): string {
  // A view, not a copy: the merge reads it twice, and joining the small dimension tables twice is cheaper.
  return `CREATE OR REPLACE TEMP VIEW ${stage} AS ${enrichedSelectSql('raw_trace', source)}`;
}

/**
 * INSERT of the file's records ($1) straight into MessageTrace, enriched from dim_direction and dim_ip, for a store
 * with no rows yet: no temporary copy of the file. A record the parser must map instead raises NEEDS_PARSER, which
 * stops the statement (the caller rolls its transaction back).
 */
export function insertJsonLinesSql(source: string): string {
  const cols = MessageTrace.columns.map((c) => quoteIdent(c.name)).join(', ');
  const guarded = `(SELECT * REPLACE (CASE WHEN ${BAD_RECORD} THEN error(${quoteLiteral(NEEDS_PARSER)}) ELSE "MessageTraceId" END AS "MessageTraceId") FROM (${mappedRecordsSql()}))`;
  return `INSERT INTO ${quoteIdent(MessageTrace.name)} (${cols}) ${enrichedSelectSql(guarded, source)}`;
}

/**
 * The joins of insertJsonLinesSql must build their hash tables on the small dimension tables; DuckDB's estimate of
 * read_json's rows is tiny, so it would build them on the whole file (out of memory on large files). These
 * settings keep the joins as written while that statement runs.
 */
export const KEEP_JOIN_ORDER_SQL = `SET disabled_optimizers = 'join_order,build_side_probe_side'`;
export const RESET_JOIN_ORDER_SQL = `RESET disabled_optimizers`;

/** Whether MessageTrace holds no row. */
export const NO_TRACES_SQL = `SELECT NOT EXISTS (SELECT 1 FROM ${quoteIdent(MessageTrace.name)})`;

/**
 * Rows of MessageTrace and the distinct 64-bit hashes of their keys: equal when no key is repeated. A repeated key
 * always counts less; so, about once in 37 million files of 1M rows, does a collision of two keys' hashes, and the
 * file then goes to the parser, which finds no repeat. Hashes are counted in half the time of the keys themselves.
 */
export const TRACE_KEYS_SQL = `SELECT count(*), count(DISTINCT hash("MessageTraceId", "RecipientAddress")) FROM ${quoteIdent(MessageTrace.name)}`;
