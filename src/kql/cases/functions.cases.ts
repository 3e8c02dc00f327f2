/** Case table: dynamic, math, string and time functions, more aggregates, window functions, join kinds and column operators. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'dynamic functions: pack, pack_array, bag_keys, array_concat, set_has_element',
    kql: 'print p = pack("a", 1, "b", "x"), a = pack_array(1, 2), k = bag_keys(dynamic({"a": 1, "b": 2})), c = array_concat(dynamic([1]), dynamic([2, 3])), h = set_has_element(dynamic(["x", "y"]), "y")',
    duckdb:
      'SELECT json_object($1, to_json(1), $2, to_json($3)) AS "p", json_array(to_json(1), to_json(2)) AS "a", to_json(json_keys(CAST($4 AS JSON))) AS "k", to_json(list_concat(from_json(CAST($5 AS JSON), \'["json"]\'), from_json(CAST($6 AS JSON), \'["json"]\'))) AS "c", list_contains(from_json(CAST($7 AS JSON), \'["json"]\'), to_json($8)) AS "h"',
    clickhouseError: 'line 1, column 11: pack() is not supported on clickhouse yet',
    rows: [['{"a":1,"b":"x"}', '[1,2]', '["a","b"]', '[1,2,3]', true]],
  },
  {
    name: 'parse_json and members',
    kql: 'print d = parse_json(\'{"ip": "203.0.113.5", "n": 2}\') | project ip = tostring(d.ip), n = tolong(d["n"])',
    duckdb:
      "SELECT coalesce(json_extract_string(json_extract(CASE WHEN json_valid($1) THEN CAST($1 AS JSON) ELSE to_json($1) END, $2), '$'), '') AS \"ip\", TRY_CAST(json_extract_string(json_extract(CASE WHEN json_valid($1) THEN CAST($1 AS JSON) ELSE to_json($1) END, $3), '$') AS BIGINT) AS \"n\"",
    clickhouseError: 'line 1, column 11: parse_json() is not supported on clickhouse yet',
    rows: [['203.0.113.5', 2]],
  },
  {
    name: 'array_slice, array_index_of, array_sort_asc, set_union',
    kql: 'print s = array_slice(dynamic([1, 2, 3, 4]), 1, 2), i = array_index_of(dynamic(["a", "b"]), "b"), o = array_sort_asc(dynamic([3, 1, 2])), u = array_sort_asc(set_union(dynamic([1, 2]), dynamic([2, 3])))',
    duckdb:
      "SELECT to_json(list_slice(from_json(CAST($1 AS JSON), '[\"json\"]'), CASE WHEN 1 < 0 THEN 1 ELSE 1 + 1 END, CASE WHEN 2 < 0 THEN 2 ELSE 2 + 1 END)) AS \"s\", CAST(coalesce(list_position(from_json(CAST($2 AS JSON), '[\"json\"]'), to_json($3)), 0) - 1 AS BIGINT) AS \"i\", CASE json_type(CAST($4 AS JSON), '$[0]') WHEN 'VARCHAR' THEN to_json(list_sort(from_json(CAST($4 AS JSON), '[\"varchar\"]'), 'ASC')) WHEN 'BIGINT' THEN to_json(list_sort(from_json(CAST($4 AS JSON), '[\"bigint\"]'), 'ASC')) WHEN 'UBIGINT' THEN to_json(list_sort(from_json(CAST($4 AS JSON), '[\"bigint\"]'), 'ASC')) WHEN 'DOUBLE' THEN to_json(list_sort(from_json(CAST($4 AS JSON), '[\"double\"]'), 'ASC')) ELSE to_json(list_sort(from_json(CAST($4 AS JSON), '[\"json\"]'), 'ASC')) END AS \"o\", CASE json_type(to_json(list_distinct(list_concat(from_json(CAST($5 AS JSON), '[\"json\"]'), from_json(CAST($6 AS JSON), '[\"json\"]')))), '$[0]') WHEN 'VARCHAR' THEN to_json(list_sort(from_json(to_json(list_distinct(list_concat(from_json(CAST($5 AS JSON), '[\"json\"]'), from_json(CAST($6 AS JSON), '[\"json\"]')))), '[\"varchar\"]'), 'ASC')) WHEN 'BIGINT' THEN to_json(list_sort(from_json(to_json(list_distinct(list_concat(from_json(CAST($5 AS JSON), '[\"json\"]'), from_json(CAST($6 AS JSON), '[\"json\"]')))), '[\"bigint\"]'), 'ASC')) WHEN 'UBIGINT' THEN to_json(list_sort(from_json(to_json(list_distinct(list_concat(from_json(CAST($5 AS JSON), '[\"json\"]'), from_json(CAST($6 AS JSON), '[\"json\"]')))), '[\"bigint\"]'), 'ASC')) WHEN 'DOUBLE' THEN to_json(list_sort(from_json(to_json(list_distinct(list_concat(from_json(CAST($5 AS JSON), '[\"json\"]'), from_json(CAST($6 AS JSON), '[\"json\"]')))), '[\"double\"]'), 'ASC')) ELSE to_json(list_sort(from_json(to_json(list_distinct(list_concat(from_json(CAST($5 AS JSON), '[\"json\"]'), from_json(CAST($6 AS JSON), '[\"json\"]')))), '[\"json\"]'), 'ASC')) END AS \"u\"",
    clickhouseError: 'line 1, column 11: array_slice() is not supported on clickhouse yet',
    rows: [['[2,3]', 1, '[1,2,3]', '[1,2,3]']],
  },
  {
    name: 'math and bitwise functions',
    kql: 'print r = sqrt(16.0), p = pow(2, 10), l = log10(1000.0), m = max_of(3, 7, 5), b = binary_and(6, 3)',
    duckdb:
      'SELECT sqrt(16.0) AS "r", pow(2, 10) AS "p", log10(1000.0) AS "l", greatest(3, 7, 5) AS "m", (CAST(6 AS BIGINT) & CAST(3 AS BIGINT)) AS "b"',
    clickhouse:
      'SELECT sqrt(16.0) AS `r`, pow(2, 10) AS `p`, log10(1000.0) AS `l`, greatest(greatest(3, 7), 5) AS `m`, bitAnd(toInt64(6), toInt64(3)) AS `b`',
    rows: [[4, 1024, 3, 7, 2]],
  },
  {
    name: 'string functions: reverse, base64, sha256, countof, strcat_array, extract_all',
    kql: 'print r = reverse("abc"), b = base64_encode_tostring("Kusto"), h = hash_sha256("World"), c = countof("aaaa", "aa"), s = strcat_array(dynamic(["a", "b"]), "-"), e = extract_all(@"(\\d+)", "a1b22")',
    duckdb:
      'SELECT reverse($1) AS "r", to_base64(encode($2)) AS "b", sha256($3) AS "h", CAST((length($4) - length(replace($4, $5, \'\'))) // greatest(length($5), 1) AS BIGINT) AS "c", array_to_string(from_json(CAST($6 AS JSON), \'["varchar"]\'), $7) AS "s", to_json(regexp_extract_all($8, $9, 1)) AS "e"',
    clickhouseError: 'line 1, column 94: countof() is not supported on clickhouse yet',
    rows: [['cba', 'S3VzdG8=', '78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524', 2, 'a-b', '["1","22"]']],
  },
  {
    name: 'datetime_add, datetime_part, make_datetime, startofmonth with offset',
    kql: 'print a = datetime_add("month", 1, datetime(2026-01-31)), p = datetime_part("dayOfYear", datetime(2026-11-02)), m = make_datetime(2026, 11, 2, 10, 30), s = startofmonth(datetime(2026-11-15), -1)',
    duckdb:
      'SELECT (TIMESTAMP \'2026-01-31 00:00:00.000\' + to_months(CAST(1 AS INTEGER))) AS "a", CAST(dayofyear(TIMESTAMP \'2026-11-02 00:00:00.000\') AS INTEGER) AS "p", make_timestamp(CAST(2026 AS BIGINT), CAST(11 AS BIGINT), CAST(2 AS BIGINT), CAST(10 AS BIGINT), CAST(30 AS BIGINT), CAST(0 AS DOUBLE)) AS "m", ((date_trunc(\'month\', TIMESTAMP \'2026-11-15 00:00:00.000\')) + to_months(CAST(-1 AS INTEGER))) AS "s"',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`a` - ((`a` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`a` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `a`, `p`, concat(replaceOne(toString(toDateTime(intDiv((`m` - ((`m` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`m` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `m`, concat(replaceOne(toString(toDateTime(intDiv((`s` - ((`s` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`s` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `s` FROM (SELECT ((toInt64(toUnixTimestamp(toDateTime(addMonths(toDateTime(intDiv(toInt64(1769817600000000), 1000000), 'UTC'), toInt64(1)), 'UTC'))) * 1000000) + ((toInt64(1769817600000000) % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000))) AS `a`, toInt32(toDayOfYear(toDateTime(intDiv(toInt64(1793577600000000), 1000000), 'UTC'))) AS `p`, ((toInt64(toUnixTimestamp(toDateTime(toDate(concat(toString(toInt64(2026)), '-', substring(toString(100 + toInt64(11)), 2, 2), '-', substring(toString(100 + toInt64(2)), 2, 2))), 'UTC'))) * 1000000) + toInt64(round((((toInt64(10) * 60 + toInt64(30)) * 60 + (0))) * 1000000))) AS `m`, ((toInt64(toUnixTimestamp(toDateTime(addMonths(toDateTime(intDiv(((toInt64(toUnixTimestamp(toDateTime(toStartOfMonth(toDateTime(intDiv(toInt64(1794700800000000), 1000000), 'UTC')), 'UTC'))) * 1000000)), 1000000), 'UTC'), toInt64(-1)), 'UTC'))) * 1000000) + ((((toInt64(toUnixTimestamp(toDateTime(toStartOfMonth(toDateTime(intDiv(toInt64(1794700800000000), 1000000), 'UTC')), 'UTC'))) * 1000000)) % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000))) AS `s`) AS _out1",
    rows: [['2026-02-28T00:00:00.000Z', 306, '2026-11-02T10:30:00.000Z', '2026-10-01T00:00:00.000Z']],
  },
  {
    name: 'datetime_diff in weeks counts Sunday boundaries',
    kql: 'print w = datetime_diff("week", datetime(2017-10-29 00:00), datetime(2017-09-30 23:59))',
    duckdb:
      "SELECT CAST((date_diff('day', date_trunc('day', TIMESTAMP '2017-09-30 23:59:00.000') - to_days(CAST(dayofweek(TIMESTAMP '2017-09-30 23:59:00.000') AS INTEGER)), date_trunc('day', TIMESTAMP '2017-10-29 00:00:00.000') - to_days(CAST(dayofweek(TIMESTAMP '2017-10-29 00:00:00.000') AS INTEGER))) // 7) AS BIGINT) AS \"w\"",
    clickhouse:
      "SELECT CAST(intDiv((intDiv((toInt64(1509235200000000) - ((toInt64(1509235200000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(toInt64(1509235200000000), 1000000), 'UTC')) % 7)) * 86400000000) - (((toInt64(1509235200000000) - ((toInt64(1509235200000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(toInt64(1509235200000000), 1000000), 'UTC')) % 7)) * 86400000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)), 86400000000) - intDiv((toInt64(1506815940000000) - ((toInt64(1506815940000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(toInt64(1506815940000000), 1000000), 'UTC')) % 7)) * 86400000000) - (((toInt64(1506815940000000) - ((toInt64(1506815940000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(toInt64(1506815940000000), 1000000), 'UTC')) % 7)) * 86400000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)), 86400000000)), 7) AS Nullable(Int64)) AS `w`",
    rows: [[5]],
  },
  {
    name: 'stdev, variance, make_set_if, take_anyif, percentiles_array',
    kql: 'MessageTrace | summarize sd = stdev(Size), v = variance(Size), s = make_set_if(Status, Size > 5000), t = take_anyif(MessageTraceId, Status == "Failed"), p = percentiles_array(Size, 50, 90)',
    duckdb:
      'SELECT stddev_samp(CAST("Size" AS DOUBLE)) AS "sd", var_samp(CAST("Size" AS DOUBLE)) AS "v", to_json(coalesce(list(DISTINCT "Status" ORDER BY "Status") FILTER (WHERE "Size" > 5000), [])) AS "s", any_value("MessageTraceId") FILTER (WHERE "Status" = $1) AS "t", to_json(quantile_disc("Size", [0.5, 0.9])) AS "p" FROM "MessageTrace"',
    clickhouse:
      "SELECT stddevSamp(CAST(`Size` AS Nullable(Float64))) AS `sd`, varSamp(CAST(`Size` AS Nullable(Float64))) AS `v`, toJSONString(arraySort(groupUniqArrayIf(`Status`, `Size` > 5000))) AS `s`, anyIf(`MessageTraceId`, `Status` = 'Failed') AS `t`, toJSONString(quantilesExactLow(0.5, 0.9)(`Size`)) AS `p` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)",
    rows: [[49742.82787609799, 2474348925.111111, '["Delivered","Failed","FilteredAsSpam","Quarantined"]', 'm5', '[4096,150000]']],
  },
  {
    name: 'row_number, prev and row_cumsum after sort',
    kql: 'MessageTrace | where Direction == "Outbound" | sort by Received asc | extend n = row_number(), before = prev(Size), total = row_cumsum(Size) | project MessageTraceId, n, before, total',
    ordered: true,
    duckdb:
      'SELECT "MessageTraceId", "n", "before", "total" FROM (SELECT "Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size", "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn", "FromAsOrg", "ToAsOrg", "Source", row_number() OVER (ORDER BY "Received" ASC NULLS FIRST) AS "n", lag("Size", 1) OVER (ORDER BY "Received" ASC NULLS FIRST) AS "before", CAST(sum("Size") OVER (ORDER BY "Received" ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "total" FROM "MessageTrace" WHERE "Direction" = $1 ORDER BY "Received" ASC NULLS FIRST) AS _t1 ORDER BY "Received" ASC NULLS FIRST',
    clickhouseError: 'line 1, column 82: row_number() is not supported on clickhouse',
    rows: [
      ['m5', 1, null, 150000],
      ['m6', 2, 150000, 150000],
      ['m1', 3, 0, 151200],
    ],
  },
  {
    name: 'a window column is filtered from a new SELECT layer',
    kql: 'MessageTrace | sort by Received asc | extend n = row_number() | where n <= 2 | project MessageTraceId, n',
    ordered: true,
    duckdb:
      'SELECT "MessageTraceId", "n" FROM (SELECT "Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size", "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn", "FromAsOrg", "ToAsOrg", "Source", row_number() OVER (ORDER BY "Received" ASC NULLS FIRST) AS "n" FROM "MessageTrace" ORDER BY "Received" ASC NULLS FIRST) AS _t1 WHERE "n" <= 2 ORDER BY "Received" ASC NULLS FIRST',
    clickhouseError: 'line 1, column 50: row_number() is not supported on clickhouse',
    rows: [
      ['m7', 1],
      ['m5', 2],
    ],
  },
  {
    name: 'join kind=rightanti and rightsemi',
    kql: 'MessageEvents | join kind=rightanti (MessageTrace | project MessageTraceId, Status) on MessageTraceId | distinct MessageTraceId',
    duckdb:
      'SELECT DISTINCT _r2."MessageTraceId" AS "MessageTraceId" FROM (SELECT "MessageTraceId", "Status" FROM "MessageTrace") AS _r2 ANTI JOIN "MessageEvents" AS _l1 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      'SELECT `_c0_MessageTraceId` AS `MessageTraceId` FROM (SELECT DISTINCT _r2.`MessageTraceId` AS `_c0_MessageTraceId` FROM (SELECT `MessageTraceId`, `Status` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _r2 GLOBAL LEFT ANTI JOIN (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _l1 ON _l1.`MessageTraceId` = _r2.`MessageTraceId`) AS _a3',
    rows: [['m2'], ['m4'], ['m5'], ['m6'], ['m7'], ['m8']],
  },
  {
    name: 'join kind=fullouter',
    kql: 'MessageEvents | where Event == "QUARANTINE" | project MessageTraceId, Event | join kind=fullouter (Watchlist | project User, Detection) on $left.MessageTraceId == $right.User',
    duckdb:
      'SELECT coalesce(_l1."MessageTraceId", \'\') AS "MessageTraceId", coalesce(_l1."Event", \'\') AS "Event", coalesce(_r2."User", \'\') AS "User", coalesce(_r2."Detection", \'\') AS "Detection" FROM (SELECT "MessageTraceId", "Event" FROM "MessageEvents" WHERE "Event" = $1) AS _l1 FULL JOIN (SELECT "User", "Detection" FROM "Watchlist") AS _r2 ON _l1."MessageTraceId" = _r2."User"',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_Event` AS `Event`, `_c2_User` AS `User`, `_c3_Detection` AS `Detection` FROM (SELECT coalesce(_l1.`MessageTraceId`, '') AS `_c0_MessageTraceId`, coalesce(_l1.`Event`, '') AS `_c1_Event`, coalesce(_r2.`User`, '') AS `_c2_User`, coalesce(_r2.`Detection`, '') AS `_c3_Detection` FROM (SELECT `MessageTraceId`, `Event` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL WHERE (`Event` = 'QUARANTINE'))) AS _l1 GLOBAL FULL JOIN (SELECT `User`, `Detection` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, _version FROM `Watchlist` FINAL WHERE _deleted = 0)) AS _r2 ON _l1.`MessageTraceId` = _r2.`User`) AS _a3",
    rows: [
      ['', '', 'bob@contoso.com', 'Emotet'],
      ['m3', 'QUARANTINE', '', ''],
    ],
  },
  {
    name: 'lookup adds the right columns but not its key',
    kql: 'MessageTrace | project MessageTraceId, Status | lookup (datatable(Status:string, Severity:long)["Quarantined", 3, "FilteredAsSpam", 2]) on Status | where isnotnull(Severity)',
    duckdb:
      'SELECT _l2."MessageTraceId" AS "MessageTraceId", _l2."Status" AS "Status", _r3."Severity" AS "Severity" FROM (SELECT "MessageTraceId", "Status" FROM "MessageTrace") AS _l2 LEFT JOIN (SELECT _d1."Status" AS "Status", _d1."Severity" AS "Severity" FROM (VALUES ($1, 3), ($2, 2)) AS _d1("Status", "Severity")) AS _r3 ON _l2."Status" = _r3."Status" WHERE _r3."Severity" IS NOT NULL',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_Status` AS `Status`, `_c2_Severity` AS `Severity` FROM (SELECT _l2.`MessageTraceId` AS `_c0_MessageTraceId`, _l2.`Status` AS `_c1_Status`, _r3.`Severity` AS `_c2_Severity` FROM (SELECT `MessageTraceId`, `Status` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _l2 GLOBAL LEFT JOIN (SELECT `_c0_Status` AS `Status`, `_c1_Severity` AS `Severity` FROM (SELECT _d1.`Status` AS `_c0_Status`, _d1.`Severity` AS `_c1_Severity` FROM (SELECT 'Quarantined' AS `Status`, CAST(3 AS Nullable(Int64)) AS `Severity` UNION ALL SELECT 'FilteredAsSpam' AS `Status`, CAST(2 AS Nullable(Int64)) AS `Severity`) AS _d1) AS _a4) AS _r3 ON _l2.`Status` = _r3.`Status` WHERE _r3.`Severity` IS NOT NULL) AS _a5",
    rows: [
      ['m3', 'FilteredAsSpam', 2],
      ['m3', 'Quarantined', 3],
    ],
  },
  {
    name: 'project-keep and project-reorder',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project-keep Sender*, Size | project-reorder Size',
    duckdb: 'SELECT "Size", "SenderAddress", "SenderDomain" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT `Size`, `SenderAddress`, `SenderDomain` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [[1200, 'alice@contoso.com', 'contoso.com']],
  },
  {
    name: "union withsource names each row's table",
    kql: 'union withsource=Source (datatable(x:long)[1]), MessageTrace | summarize n = count() by Source',
    duckdb:
      'SELECT "Source", count(*) AS "n" FROM (SELECT "Source", "x", CAST(NULL AS TIMESTAMP) AS "Received", \'\' AS "SenderAddress", \'\' AS "RecipientAddress", \'\' AS "Subject", \'\' AS "Status", \'\' AS "FromIP", \'\' AS "ToIP", CAST(NULL AS BIGINT) AS "Size", \'\' AS "MessageId", \'\' AS "MessageTraceId", \'\' AS "Organization", \'\' AS "SenderDomain", \'\' AS "RecipientDomain", \'\' AS "Direction", \'\' AS "FromCountry", \'\' AS "ToCountry", CAST(NULL AS BIGINT) AS "FromAsn", CAST(NULL AS BIGINT) AS "ToAsn", \'\' AS "FromAsOrg", \'\' AS "ToAsOrg" FROM (SELECT $1 AS "Source", _d1."x" AS "x" FROM (VALUES (1)) AS _d1("x")) AS _t2 UNION ALL SELECT "Source", CAST(NULL AS BIGINT) AS "x", "Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size", "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn", "FromAsOrg", "ToAsOrg" FROM (SELECT $2 AS "Source", "Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size", "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn", "FromAsOrg", "ToAsOrg" FROM "MessageTrace") AS _t3) AS _t4 GROUP BY "Source"',
    clickhouse:
      "SELECT `Source`, count() AS `n` FROM (SELECT `Source`, `x`, CAST(NULL AS Nullable(Int64)) AS `Received`, '' AS `SenderAddress`, '' AS `RecipientAddress`, '' AS `Subject`, '' AS `Status`, '' AS `FromIP`, '' AS `ToIP`, CAST(NULL AS Nullable(Int64)) AS `Size`, '' AS `MessageId`, '' AS `MessageTraceId`, '' AS `Organization`, '' AS `SenderDomain`, '' AS `RecipientDomain`, '' AS `Direction`, '' AS `FromCountry`, '' AS `ToCountry`, CAST(NULL AS Nullable(Int64)) AS `FromAsn`, CAST(NULL AS Nullable(Int64)) AS `ToAsn`, '' AS `FromAsOrg`, '' AS `ToAsOrg` FROM (SELECT `_c0_Source` AS `Source`, `_c1_x` AS `x` FROM (SELECT 'union_arg0' AS `_c0_Source`, _d1.`x` AS `_c1_x` FROM (SELECT CAST(1 AS Nullable(Int64)) AS `x`) AS _d1) AS _a3) AS _t2 UNION ALL SELECT `Source`, CAST(NULL AS Nullable(Int64)) AS `x`, `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg` FROM (SELECT 'MessageTrace' AS `Source`, `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _t4) AS _t5 GROUP BY `Source`",
    rows: [
      ['MessageTrace', 9],
      ['union_arg0', 1],
    ],
  },
  {
    name: 'modulo takes the sign of the divisor; timespan times a number',
    kql: 'print m = -7 % 3, t = 1h * 3',
    duckdb: 'SELECT ((-7 % 3) + 3) % 3 AS "m", to_microseconds(CAST(round(epoch_us(to_microseconds(3600000000)) * 3) AS BIGINT)) AS "t"',
    clickhouse:
      "SELECT `m`, concat(if(`t` < 0, '-', ''), if(intDiv(abs(`t`), 86400000000) > 0, concat(toString(intDiv(abs(`t`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`t`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`t`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`t`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`t`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`t`) % toInt64(1000000)) * 10), 2, 7)))) AS `t` FROM (SELECT ((-7 % 3) + 3) % 3 AS `m`, toInt64(round((toInt64(3600000000)) * 3)) AS `t`) AS _out1",
    rows: [[2, '03:00:00']],
  },
  {
    name: 'user-defined scalar function',
    kql: 'let twice = (x:long) { x * 2 }; MessageTrace | where MessageTraceId == "m1" | project d = twice(Size)',
    duckdb: 'SELECT "Size" * 2 AS "d" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT `Size` * 2 AS `d` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [[2400]],
  },
  {
    name: 'user-defined tabular function',
    kql: 'let bySender = (sender:string) { MessageTrace | where SenderAddress == sender | project MessageTraceId }; bySender("alice@contoso.com")',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "SenderAddress" = $1',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `SenderAddress` = 'alice@contoso.com'",
    rows: [['m1'], ['m2']],
  },
  {
    name: 'toscalar of a summarize',
    kql: 'let biggest = toscalar(MessageTrace | summarize max(Size)); MessageTrace | where Size == biggest | project MessageTraceId',
    duckdb:
      'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Size" = (SELECT "max_Size" FROM (SELECT max("Size") AS "max_Size" FROM "MessageTrace") AS _s1 LIMIT 1)',
    clickhouse:
      'SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Size` = (SELECT `max_Size` FROM (SELECT max(`Size`) AS `max_Size` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _s1 LIMIT 1)',
    rows: [['m5']],
  },
  {
    name: 'materialize and in ((subquery))',
    kql: 'let Spam = materialize(MessageTrace | where Status == "FilteredAsSpam" | project SenderAddress); MessageTrace | where SenderAddress in ((Spam | project SenderAddress)) | distinct MessageTraceId',
    duckdb:
      'SELECT DISTINCT "MessageTraceId" FROM "MessageTrace" WHERE "SenderAddress" IN (SELECT "SenderAddress" FROM (SELECT "SenderAddress" FROM "MessageTrace" WHERE "Status" = $1) AS _t1)',
    clickhouse:
      "SELECT DISTINCT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `SenderAddress` GLOBAL IN (SELECT `SenderAddress` FROM (SELECT `SenderAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Status` = 'FilteredAsSpam') AS _t1)",
    rows: [['m3']],
  },
  {
    name: 'parse kind=regex',
    kql: 'MessageTrace | where MessageTraceId == "m1" | parse kind=regex SenderAddress with @"(?:\\w+)@" Domain | project Domain',
    duckdb: 'SELECT regexp_extract("SenderAddress", $1, 1) AS "Domain" FROM "MessageTrace" WHERE "MessageTraceId" = $2',
    clickhouse:
      "SELECT if(match(`SenderAddress`, '(?s)(?:\\\\w+)@(.*)'), replaceRegexpOne(`SenderAddress`, concat('(?s)^.*?(?:', '(?s)(?:\\\\w+)@(.*)', ').*$'), '\\\\1'), '') AS `Domain` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['contoso.com']],
  },
  {
    name: 'parse-where drops rows that do not match',
    kql: 'MessageTrace | parse-where Subject with "Invoice " Number:long " from " Company | project Number, Company',
    duckdb:
      'SELECT TRY_CAST(nullif(regexp_extract("Subject", $1, 1), \'\') AS BIGINT) AS "Number", regexp_extract("Subject", $1, 2) AS "Company" FROM "MessageTrace" WHERE regexp_matches("Subject", $1)',
    clickhouse:
      "SELECT toInt64OrNull(toString(nullif(if(match(`Subject`, '(?s)Invoice (.*?) from (.*)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(?s)Invoice (.*?) from (.*)', ').*$'), '\\\\1'), ''), ''))) AS `Number`, if(match(`Subject`, '(?s)Invoice (.*?) from (.*)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(?s)Invoice (.*?) from (.*)', ').*$'), '\\\\2'), '') AS `Company` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE match(`Subject`, concat('(?s)Invoice (.*?) from (.*)', '|[^\\\\s\\\\S]'))",
    rows: [[4711, 'Contoso']],
  },
  {
    name: 'parse_url, bag_remove_keys, zip and array_iff',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project u = parse_url(strcat("https://", SenderDomain, ":8443/a/b?who=", RecipientAddress, "#top")) | project Host = tostring(u.Host), Port = tostring(u.Port), Who = tostring(u["Query Parameters"].who), Rest = bag_remove_keys(u, dynamic(["Scheme", "Host", "Port", "Path", "Username", "Password", "Fragment"])), Zip = zip(dynamic([1, 2]), dynamic(["a"])), Iff = array_iff(dynamic([true, false]), dynamic([1, 2]), dynamic([3, 4]))',
    duckdb:
      "SELECT coalesce(json_extract_string(json_extract(\"u\", $1), '$'), '') AS \"Host\", coalesce(json_extract_string(json_extract(\"u\", $2), '$'), '') AS \"Port\", coalesce(json_extract_string(json_extract(json_extract(\"u\", $3), $4), '$'), '') AS \"Who\", (SELECT coalesce(json_group_object(_k, json_extract(\"u\", '$.\"' || replace(_k, '\"', '\\\"') || '\"')), '{}'::JSON) FROM unnest(list_filter(json_keys(\"u\"), _k -> NOT list_contains(from_json(CAST($5 AS JSON), '[\"varchar\"]'), _k))) AS _keys(_k)) AS \"Rest\", to_json(list_transform(range(CAST(greatest(json_array_length(CAST($6 AS JSON)), json_array_length(CAST($7 AS JSON))) AS BIGINT)), _i -> [coalesce(json_extract(CAST($6 AS JSON), '$[' || _i || ']'), 'null'::JSON), coalesce(json_extract(CAST($7 AS JSON), '$[' || _i || ']'), 'null'::JSON)])) AS \"Zip\", to_json(list_transform(range(CAST(json_array_length(CAST($8 AS JSON)) AS BIGINT)), _i -> CASE WHEN json_type(json_extract(CAST($8 AS JSON), '$[' || _i || ']')) <> 'BOOLEAN' THEN 'null'::JSON WHEN CAST(json_extract(CAST($8 AS JSON), '$[' || _i || ']') AS BOOLEAN) THEN coalesce(json_extract(CAST($6 AS JSON), '$[' || _i || ']'), 'null'::JSON) ELSE coalesce(json_extract(CAST($9 AS JSON), '$[' || _i || ']'), 'null'::JSON) END)) AS \"Iff\" FROM (SELECT CASE WHEN concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12) IS NULL OR regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 1) = '' THEN '{}'::JSON ELSE json_object('Scheme', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 1), 'Host', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 4), 'Port', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 5), 'Path', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 6), 'Username', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 2), 'Password', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 3), 'Query Parameters', CASE WHEN len(list_filter(string_split(regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 7), '&'), _p -> _p <> '')) = 0 THEN '{}'::JSON ELSE to_json(map_from_entries(list_transform(list_filter(string_split(regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 7), '&'), _p -> _p <> ''), _p -> struct_pack(k := url_decode(split_part(_p, '=', 1)), v := url_decode(split_part(_p, '=', 2)))))) END, 'Fragment', regexp_extract(concat($10, \"SenderDomain\", $11, \"RecipientAddress\", $12), '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$', 8)) END AS \"u\" FROM \"MessageTrace\" WHERE \"MessageTraceId\" = $13) AS _t1",
    clickhouseError: 'line 1, column 59: parse_url() is not supported on clickhouse yet',
    rows: [['contoso.com', '8443', 'bob@fabrikam.com', '{"Query Parameters":{"who":"bob@fabrikam.com"}}', '[[1,"a"],[2,null]]', '[1,4]']],
  },
];
