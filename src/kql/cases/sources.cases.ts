/** Case table: sources that make their own rows (datatable, range) and indexing dynamic values with ["key"]. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'datatable with typed columns',
    kql: 'datatable(Name:string, Size:long, Score:real, Seen:datetime)["a", 1, 2, datetime(2026-11-01), "b", -2, 3.5, datetime(null)] | where Size > -5',
    duckdb:
      'SELECT _d1."Name" AS "Name", _d1."Size" AS "Size", _d1."Score" AS "Score", _d1."Seen" AS "Seen" FROM (VALUES ($1, 1, CAST(2 AS DOUBLE), TIMESTAMP \'2026-11-01 00:00:00.000\'), ($2, -2, 3.5, CAST(NULL AS TIMESTAMP))) AS _d1("Name", "Size", "Score", "Seen") WHERE _d1."Size" > -5',
    clickhouse:
      "SELECT _d1.`Name` AS `Name`, _d1.`Size` AS `Size`, _d1.`Score` AS `Score`, _d1.`Seen` AS `Seen` FROM (SELECT {p1:String} AS `Name`, 1 AS `Size`, CAST(2 AS Float64) AS `Score`, toDateTime64('2026-11-01 00:00:00.000', 6, 'UTC') AS `Seen` UNION ALL SELECT {p2:String} AS `Name`, -2 AS `Size`, 3.5 AS `Score`, CAST(NULL AS Nullable(DateTime64(6, 'UTC'))) AS `Seen`) AS _d1 WHERE _d1.`Size` > -5",
    rows: [
      ['a', 1, 2, '2026-11-01T00:00:00.000Z'],
      ['b', -2, 3.5, null],
    ],
  },
  {
    name: 'empty datatable',
    kql: 'datatable(Name:string, Size:long)[] | count',
    duckdb: 'SELECT count(*) AS "Count" WHERE 1 = 0',
    clickhouse: 'SELECT count() AS `Count` WHERE 1 = 0',
    rows: [[0]],
  },
  {
    name: 'datatable of one string',
    kql: 'datatable(Name:string)["only"]',
    duckdb: 'SELECT _d1."Name" AS "Name" FROM (VALUES ($1)) AS _d1("Name")',
    clickhouse: 'SELECT _d1.`Name` AS `Name` FROM (SELECT {p1:String} AS `Name`) AS _d1',
    rows: [['only']],
  },
  {
    name: 'datatable joined with a table',
    kql: 'datatable(Status:string, Severity:long)["Quarantined", 3, "FilteredAsSpam", 2] | join kind=inner (MessageTrace | project Status, MessageTraceId) on Status | project MessageTraceId, Severity',
    duckdb:
      'SELECT _r3."MessageTraceId" AS "MessageTraceId", _l2."Severity" AS "Severity" FROM (SELECT _d1."Status" AS "Status", _d1."Severity" AS "Severity" FROM (VALUES ($1, 3), ($2, 2)) AS _d1("Status", "Severity")) AS _l2 JOIN (SELECT "Status", "MessageTraceId" FROM "MessageTrace") AS _r3 ON _l2."Status" = _r3."Status"',
    clickhouse:
      'SELECT _r3.`MessageTraceId` AS `MessageTraceId`, _l2.`Severity` AS `Severity` FROM (SELECT _d1.`Status` AS `Status`, _d1.`Severity` AS `Severity` FROM (SELECT {p1:String} AS `Status`, 3 AS `Severity` UNION ALL SELECT {p2:String} AS `Status`, 2 AS `Severity`) AS _d1) AS _l2 JOIN (SELECT `Status`, `MessageTraceId` FROM `MessageTrace`) AS _r3 ON _l2.`Status` = _r3.`Status`',
    rows: [
      ['m3', 2],
      ['m3', 3],
    ],
  },
  {
    name: 'range of longs',
    kql: 'range x from 1 to 10 step 3',
    ordered: true,
    duckdb: 'SELECT 1 + _r1.i * 3 AS "x" FROM range(greatest(CAST(floor((10 - 1) / CAST(3 AS DOUBLE)) AS BIGINT) + 1, 0)) AS _r1(i)',
    clickhouse:
      'SELECT 1 + _r1.i * 3 AS `x` FROM (SELECT arrayJoin(range(toUInt64(greatest(CAST(floor((10 - 1) / CAST(3 AS Float64)) AS Int64) + 1, 0)))) AS i) AS _r1',
    rows: [[1], [4], [7], [10]],
  },
  {
    name: 'range of reals',
    kql: 'range x from 0.5 to 2 step 0.5 | extend y = x * 2',
    ordered: true,
    duckdb:
      'SELECT 0.5 + _r1.i * 0.5 AS "x", (0.5 + _r1.i * 0.5) * 2 AS "y" FROM range(greatest(CAST(floor((2 - 0.5) / CAST(0.5 AS DOUBLE)) AS BIGINT) + 1, 0)) AS _r1(i)',
    clickhouse:
      'SELECT 0.5 + _r1.i * 0.5 AS `x`, (0.5 + _r1.i * 0.5) * 2 AS `y` FROM (SELECT arrayJoin(range(toUInt64(greatest(CAST(floor((2 - 0.5) / CAST(0.5 AS Float64)) AS Int64) + 1, 0)))) AS i) AS _r1',
    rows: [
      [0.5, 1],
      [1, 2],
      [1.5, 3],
      [2, 4],
    ],
  },
  {
    name: 'range of datetimes by a timespan',
    kql: 'range Day from datetime(2026-10-30) to datetime(2026-11-01) step 1d',
    ordered: true,
    duckdb:
      "SELECT make_timestamp(epoch_us(TIMESTAMP '2026-10-30 00:00:00.000') + _r1.i * epoch_us(to_microseconds(86400000000))) AS \"Day\" FROM range(greatest(((epoch_us(TIMESTAMP '2026-11-01 00:00:00.000') - epoch_us(TIMESTAMP '2026-10-30 00:00:00.000')) // epoch_us(to_microseconds(86400000000))) + 1, 0)) AS _r1(i)",
    clickhouse:
      "SELECT fromUnixTimestamp64Micro(toUnixTimestamp64Micro(toDateTime64('2026-10-30 00:00:00.000', 6, 'UTC')) + _r1.i * toInt64(toIntervalMicrosecond(86400000000)), 'UTC') AS `Day` FROM (SELECT arrayJoin(range(toUInt64(greatest(intDiv((toUnixTimestamp64Micro(toDateTime64('2026-11-01 00:00:00.000', 6, 'UTC')) - toUnixTimestamp64Micro(toDateTime64('2026-10-30 00:00:00.000', 6, 'UTC'))), toInt64(toIntervalMicrosecond(86400000000))) + 1, 0)))) AS i) AS _r1",
    rows: [['2026-10-30T00:00:00.000Z'], ['2026-10-31T00:00:00.000Z'], ['2026-11-01T00:00:00.000Z']],
  },
  {
    name: 'range as days to count mail in, including empty days',
    kql: 'range Day from datetime(2026-10-30) to datetime(2026-11-01) step 1d | join kind=leftouter (MessageTrace | summarize n = count() by Day = bin(Received, 1d)) on Day | project Day, n = coalesce(n, 0)',
    duckdb:
      'SELECT _l2."Day" AS "Day", coalesce(_r3."n", 0) AS "n" FROM (SELECT make_timestamp(epoch_us(TIMESTAMP \'2026-10-30 00:00:00.000\') + _r1.i * epoch_us(to_microseconds(86400000000))) AS "Day" FROM range(greatest(((epoch_us(TIMESTAMP \'2026-11-01 00:00:00.000\') - epoch_us(TIMESTAMP \'2026-10-30 00:00:00.000\')) // epoch_us(to_microseconds(86400000000))) + 1, 0)) AS _r1(i)) AS _l2 LEFT JOIN (SELECT date_trunc(\'day\', "Received") AS "Day", count(*) AS "n" FROM "MessageTrace" GROUP BY date_trunc(\'day\', "Received")) AS _r3 ON _l2."Day" = _r3."Day"',
    clickhouse:
      "SELECT _l2.`Day` AS `Day`, coalesce(_r3.`n`, 0) AS `n` FROM (SELECT fromUnixTimestamp64Micro(toUnixTimestamp64Micro(toDateTime64('2026-10-30 00:00:00.000', 6, 'UTC')) + _r1.i * toInt64(toIntervalMicrosecond(86400000000)), 'UTC') AS `Day` FROM (SELECT arrayJoin(range(toUInt64(greatest(intDiv((toUnixTimestamp64Micro(toDateTime64('2026-11-01 00:00:00.000', 6, 'UTC')) - toUnixTimestamp64Micro(toDateTime64('2026-10-30 00:00:00.000', 6, 'UTC'))), toInt64(toIntervalMicrosecond(86400000000))) + 1, 0)))) AS i) AS _r1) AS _l2 LEFT JOIN (SELECT date_trunc('day', `Received`) AS `Day`, count() AS `n` FROM `MessageTrace` GROUP BY date_trunc('day', `Received`)) AS _r3 ON _l2.`Day` = _r3.`Day`",
    rows: [
      ['2026-10-30T00:00:00.000Z', 0],
      ['2026-10-31T00:00:00.000Z', 2],
      ['2026-11-01T00:00:00.000Z', 6],
    ],
  },
  {
    name: 'dynamic values indexed with ["key"] and [\'key\']',
    kql: 'print d = dynamic({"a": {"b": 5}}) | project x = tolong(d["a"]["b"]), y = tolong(d[\'a\'].b)',
    duckdb:
      'SELECT TRY_CAST(json_extract_string(json_extract(json_extract(CAST($1 AS JSON), $2), $3), \'$\') AS BIGINT) AS "x", TRY_CAST(json_extract_string(json_extract(json_extract(CAST($1 AS JSON), $2), $3), \'$\') AS BIGINT) AS "y"',
    clickhouse:
      "SELECT accurateCastOrNull(if(JSONType(JSON_QUERY(JSON_QUERY({p1:String}, {p2:String}), {p3:String})) = 'String', JSONExtractString(JSON_QUERY(JSON_QUERY({p1:String}, {p2:String}), {p3:String})), JSON_QUERY(JSON_QUERY({p1:String}, {p2:String}), {p3:String})), 'Int64') AS `x`, accurateCastOrNull(if(JSONType(JSON_QUERY(JSON_QUERY({p1:String}, {p2:String}), {p3:String})) = 'String', JSONExtractString(JSON_QUERY(JSON_QUERY({p1:String}, {p2:String}), {p3:String})), JSON_QUERY(JSON_QUERY({p1:String}, {p2:String}), {p3:String})), 'Int64') AS `y`",
    rows: [[5, 5]],
  },
];
