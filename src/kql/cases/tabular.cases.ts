/** Case table: join kinds, union, mv-expand, parse, search, render, as, and tabular `in`. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'join kind=inner on a shared column',
    kql: 'MessageTrace | join kind=inner (MessageEvents | project MessageTraceId, Event) on MessageTraceId | project MessageTraceId, RecipientAddress, Event',
    duckdb:
      'SELECT _l1."MessageTraceId" AS "MessageTraceId", _l1."RecipientAddress" AS "RecipientAddress", _r2."Event" AS "Event" FROM "MessageTrace" AS _l1 JOIN (SELECT "MessageTraceId", "Event" FROM "MessageEvents") AS _r2 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      'SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_RecipientAddress` AS `RecipientAddress`, `_c2_Event` AS `Event` FROM (SELECT _l1.`MessageTraceId` AS `_c0_MessageTraceId`, _l1.`RecipientAddress` AS `_c1_RecipientAddress`, _r2.`Event` AS `_c2_Event` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`MessageTraceId`), 1, 0) AS `_jl1_1`, assumeNotNull(`MessageTraceId`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _t3) AS _l1 GLOBAL JOIN (SELECT `MessageTraceId`, `Event`, if(isNull(`MessageTraceId`), 2, 0) AS `_jr1_1`, assumeNotNull(`MessageTraceId`) AS `_jr1_2` FROM (SELECT `MessageTraceId`, `Event` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t4) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a5',
    rows: [
      ['m1', 'bob@fabrikam.com', 'DELIVER'],
      ['m1', 'bob@fabrikam.com', 'RECEIVE'],
      ['m3', 'bob@contoso.com', 'QUARANTINE'],
      ['m3', 'dave@contoso.com', 'QUARANTINE'],
    ],
  },
  {
    name: 'default join is innerunique (one left row per key)',
    kql: 'MessageTrace | join (MessageEvents | project MessageTraceId, Event) on MessageTraceId | project MessageTraceId, Event',
    duckdb:
      'SELECT _l1."MessageTraceId" AS "MessageTraceId", _r2."Event" AS "Event" FROM (SELECT DISTINCT ON ("MessageTraceId") * FROM (SELECT * FROM "MessageTrace") AS _u3) AS _l1 JOIN (SELECT "MessageTraceId", "Event" FROM "MessageEvents") AS _r2 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      'SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_Event` AS `Event` FROM (SELECT _l1.`MessageTraceId` AS `_c0_MessageTraceId`, _r2.`Event` AS `_c1_Event` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`MessageTraceId`), 1, 0) AS `_jl1_1`, assumeNotNull(`MessageTraceId`) AS `_jl1_2` FROM (SELECT * FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _u3 LIMIT 1 BY `MessageTraceId`) AS _t4) AS _l1 GLOBAL JOIN (SELECT `MessageTraceId`, `Event`, if(isNull(`MessageTraceId`), 2, 0) AS `_jr1_1`, assumeNotNull(`MessageTraceId`) AS `_jr1_2` FROM (SELECT `MessageTraceId`, `Event` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t5) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a6',
    rows: [
      ['m1', 'DELIVER'],
      ['m1', 'RECEIVE'],
      ['m3', 'QUARANTINE'],
    ],
  },
  {
    name: 'join leftouter on $left/$right',
    kql: 'MessageTrace | join kind=leftouter (Indicators | project Indicator, Confidence) on $left.SenderAddress == $right.Indicator | project MessageTraceId, RecipientAddress, Indicator, Confidence',
    duckdb:
      'SELECT _l1."MessageTraceId" AS "MessageTraceId", _l1."RecipientAddress" AS "RecipientAddress", coalesce(_r2."Indicator", \'\') AS "Indicator", _r2."Confidence" AS "Confidence" FROM "MessageTrace" AS _l1 LEFT JOIN (SELECT "Indicator", "Confidence" FROM "Indicators") AS _r2 ON _l1."SenderAddress" = _r2."Indicator"',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_RecipientAddress` AS `RecipientAddress`, `_c2_Indicator` AS `Indicator`, `_c3_Confidence` AS `Confidence` FROM (SELECT _l1.`MessageTraceId` AS `_c0_MessageTraceId`, _l1.`RecipientAddress` AS `_c1_RecipientAddress`, coalesce(_r2.`Indicator`, '') AS `_c2_Indicator`, _r2.`Confidence` AS `_c3_Confidence` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`SenderAddress`), 1, 0) AS `_jl1_1`, assumeNotNull(`SenderAddress`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _t3) AS _l1 GLOBAL LEFT JOIN (SELECT `Indicator`, `Confidence`, if(isNull(`Indicator`), 2, 0) AS `_jr1_1`, assumeNotNull(`Indicator`) AS `_jr1_2` FROM (SELECT `Indicator`, `Confidence` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, _version FROM `Indicators` FINAL WHERE _deleted = 0)) AS _t4) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a5",
    rows: [
      ['m1', 'bob@fabrikam.com', '', null],
      ['m2', 'carol@contoso.com', '', null],
      ['m3', 'bob@contoso.com', 'billing@phish.example', 90],
      ['m3', 'dave@contoso.com', 'billing@phish.example', 90],
      ['m4', 'alice@contoso.com', '', null],
      ['m5', 'eve@example.net', '', null],
      ['m6', 'eve@example.net', '', null],
      ['m7', 'bob@contoso.com', '', null],
      ['m8', 'bob@contoso.com', '', null],
    ],
  },
  {
    name: 'join leftsemi',
    kql: 'MessageTrace | join kind=leftsemi (Watchlist) on $left.RecipientAddress == $right.User | project MessageTraceId',
    duckdb:
      'SELECT _l1."MessageTraceId" AS "MessageTraceId" FROM "MessageTrace" AS _l1 SEMI JOIN "Watchlist" AS _r2 ON _l1."RecipientAddress" = _r2."User"',
    clickhouse:
      'SELECT `_c0_MessageTraceId` AS `MessageTraceId` FROM (SELECT _l1.`MessageTraceId` AS `_c0_MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`RecipientAddress`), 1, 0) AS `_jl1_1`, assumeNotNull(`RecipientAddress`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _t3) AS _l1 GLOBAL ANY INNER JOIN (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, if(isNull(`User`), 2, 0) AS `_jr1_1`, assumeNotNull(`User`) AS `_jr1_2` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, _version FROM `Watchlist` FINAL WHERE _deleted = 0)) AS _t4) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a5',
    rows: [['m3'], ['m7'], ['m8']],
  },
  {
    name: 'join leftanti',
    kql: 'MessageTrace | join kind=leftanti (MessageEvents) on MessageTraceId | distinct MessageTraceId',
    duckdb:
      'SELECT DISTINCT _l1."MessageTraceId" AS "MessageTraceId" FROM "MessageTrace" AS _l1 ANTI JOIN "MessageEvents" AS _r2 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      'SELECT `_c0_MessageTraceId` AS `MessageTraceId` FROM (SELECT DISTINCT _k3.`MessageTraceId` AS `_c0_MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _k3 WHERE _k3.`MessageTraceId` IS NULL OR _k3.`MessageTraceId` GLOBAL NOT IN (SELECT `MessageTraceId` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t4 WHERE `MessageTraceId` IS NOT NULL)) AS _a5',
    rows: [['m2'], ['m4'], ['m5'], ['m6'], ['m7'], ['m8']],
  },
  {
    name: 'join keeps clashing right columns with a suffix',
    kql: 'MessageTrace | where MessageTraceId == "m3" and RecipientAddress == "bob@contoso.com" | join kind=inner (MessageEvents) on MessageTraceId | project MessageTraceId, MessageTraceId1, SenderAddress1, Event',
    duckdb:
      'SELECT _l1."MessageTraceId" AS "MessageTraceId", _r2."MessageTraceId" AS "MessageTraceId1", _r2."SenderAddress" AS "SenderAddress1", _r2."Event" AS "Event" FROM (SELECT * FROM "MessageTrace" WHERE ("MessageTraceId" = $1) AND ("RecipientAddress" = $2)) AS _l1 JOIN "MessageEvents" AS _r2 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_MessageTraceId1` AS `MessageTraceId1`, `_c2_SenderAddress1` AS `SenderAddress1`, `_c3_Event` AS `Event` FROM (SELECT _l1.`MessageTraceId` AS `_c0_MessageTraceId`, _r2.`MessageTraceId` AS `_c1_MessageTraceId1`, _r2.`SenderAddress` AS `_c2_SenderAddress1`, _r2.`Event` AS `_c3_Event` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`MessageTraceId`), 1, 0) AS `_jl1_1`, assumeNotNull(`MessageTraceId`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm3') AND (`RecipientAddress` = 'bob@contoso.com'))) AS _t3) AS _l1 GLOBAL JOIN (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, if(isNull(`MessageTraceId`), 2, 0) AS `_jr1_1`, assumeNotNull(`MessageTraceId`) AS `_jr1_2` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t4) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a5",
    rows: [['m3', 'm3', 'billing@phish.example', 'QUARANTINE']],
  },
  {
    name: 'union of two tables',
    kql: 'union (MessageTrace | where Status == "Failed" | project Time = Received, Who = SenderAddress), (Watchlist | project Time = Timestamp, Who = User, Detection)',
    duckdb:
      'SELECT * FROM (SELECT "Time", "Who", \'\' AS "Detection" FROM (SELECT "Received" AS "Time", "SenderAddress" AS "Who" FROM "MessageTrace" WHERE "Status" = $1) AS _t1 UNION ALL SELECT "Time", "Who", "Detection" FROM (SELECT "Timestamp" AS "Time", "User" AS "Who", "Detection" FROM "Watchlist") AS _t2) AS _t3',
    clickhouse:
      "SELECT concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Time` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Time` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Time` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Time` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Time` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Time` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`Time` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Time` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Time` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`Time` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `Time`, `Who`, `Detection` FROM (SELECT `Time`, `Who`, `Detection` FROM (SELECT `Time`, `Who`, '' AS `Detection` FROM (SELECT `Received` AS `Time`, `SenderAddress` AS `Who` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Status` = 'Failed') AS _t1 UNION ALL SELECT `Time`, `Who`, `Detection` FROM (SELECT `Timestamp` AS `Time`, `User` AS `Who`, `Detection` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, _version FROM `Watchlist` FINAL WHERE _deleted = 0)) AS _t2) AS _t3) AS _out4",
    rows: [
      ['2026-10-31T12:00:00.000Z', 'bob@contoso.com', ''],
      ['2026-11-01T11:00:00.000Z', 'bob@contoso.com', 'Emotet'],
    ],
  },
  {
    name: 'union operator',
    kql: 'MessageEvents | project MessageTraceId | union (MessageTrace | where Size == 0 | project MessageTraceId) | count',
    duckdb:
      'SELECT count(*) AS "Count" FROM (SELECT "MessageTraceId" FROM (SELECT "MessageTraceId" FROM "MessageEvents") AS _t1 UNION ALL SELECT "MessageTraceId" FROM (SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Size" = 0) AS _t2) AS _t3',
    clickhouse:
      'SELECT count() AS `Count` FROM (SELECT `MessageTraceId` FROM (SELECT `MessageTraceId` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t1 UNION ALL SELECT `MessageTraceId` FROM (SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Size` = 0) AS _t2) AS _t3',
    rows: [[4]],
  },
  {
    name: 'mv-expand',
    kql: 'Indicators | mv-expand Label = Labels to typeof(string) | project Indicator, Label',
    duckdb:
      'SELECT "Indicator", "Label" FROM (SELECT "Indicator", "Type", "Confidence", "Actor", "Labels", "Feed", "ValidFrom", "ValidUntil", unnest(CASE WHEN json_type("Labels") = \'OBJECT\' THEN list_transform(json_keys("Labels"), _k -> CAST(json_object(_k, json_extract("Labels", \'$."\' || replace(_k, \'"\', \'\\"\') || \'"\')) AS VARCHAR)) ELSE from_json("Labels", \'["varchar"]\') END) AS "Label" FROM "Indicators") AS _t1',
    clickhouse:
      "SELECT `Indicator`, `Label` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, arrayJoin(arrayMap(__e -> if(__e = 'null', NULL, if(startsWith(__e, '\"'), visitParamExtractString(concat('{\"v\":', __e, '}'), 'v'), __e)), arrayElement(arrayMap(__j6 -> if(startsWith(replaceRegexpAll(ifNull(__j6, ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', ''), '{'), arrayMap(__m -> concat('{', __m[1], ':', __m[2], '}'), arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '{', arrayMap((__s, __e) -> [__j3[__s], arrayStringConcat(arraySlice(__j3, __s + 2, __e - __s - 1))], if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), arrayResize([emptyArrayString()], 0)), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)), arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '[', arrayMap((__s, __e) -> arrayStringConcat(arraySlice(__j3, __s, __e - __s + 1)), if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), emptyArrayString()), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)), [ifNull(`Labels`, '')]), 1))) AS `Label` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, _version FROM `Indicators` FINAL WHERE _deleted = 0)) AS _t1",
    rows: [
      ['198.51.100.0/24', 'botnet'],
      ['billing@phish.example', 'invoice'],
      ['billing@phish.example', 'phishing'],
    ],
  },
  {
    name: 'mv-expand then filter',
    kql: 'Indicators | mv-expand Labels | where Labels == "botnet" | project Indicator',
    duckdb:
      'SELECT "Indicator" FROM (SELECT "Indicator", "Type", "Confidence", "Actor", unnest(CASE WHEN json_type("Labels") = \'OBJECT\' THEN list_transform(json_keys("Labels"), _k -> json_object(_k, json_extract("Labels", \'$."\' || replace(_k, \'"\', \'\\"\') || \'"\'))) ELSE from_json("Labels", \'["json"]\') END) AS "Labels", "Feed", "ValidFrom", "ValidUntil" FROM "Indicators") AS _t1 WHERE coalesce(json_extract_string("Labels", \'$\'), \'\') = $1',
    clickhouse:
      "SELECT `Indicator` FROM (SELECT `_c0_Indicator` AS `Indicator`, `_c1_Type` AS `Type`, `_c2_Confidence` AS `Confidence`, `_c3_Actor` AS `Actor`, `_c4_Labels` AS `Labels`, `_c5_Feed` AS `Feed`, `_c6_ValidFrom` AS `ValidFrom`, `_c7_ValidUntil` AS `ValidUntil` FROM (SELECT `Indicator` AS `_c0_Indicator`, `Type` AS `_c1_Type`, `Confidence` AS `_c2_Confidence`, `Actor` AS `_c3_Actor`, arrayJoin(arrayMap(__e -> if(__e = 'null', NULL, __e), arrayElement(arrayMap(__j6 -> if(startsWith(replaceRegexpAll(ifNull(__j6, ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', ''), '{'), arrayMap(__m -> concat('{', __m[1], ':', __m[2], '}'), arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '{', arrayMap((__s, __e) -> [__j3[__s], arrayStringConcat(arraySlice(__j3, __s + 2, __e - __s - 1))], if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), arrayResize([emptyArrayString()], 0)), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)), arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '[', arrayMap((__s, __e) -> arrayStringConcat(arraySlice(__j3, __s, __e - __s + 1)), if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), emptyArrayString()), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)), [ifNull(`Labels`, '')]), 1))) AS `_c4_Labels`, `Feed` AS `_c5_Feed`, `ValidFrom` AS `_c6_ValidFrom`, `ValidUntil` AS `_c7_ValidUntil` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, _version FROM `Indicators` FINAL WHERE _deleted = 0)) AS _a2) AS _t1 WHERE coalesce(if(startsWith(replaceRegexpAll(ifNull(`Labels`, ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', ''), '\"'), visitParamExtractString(concat('{\"v\":', replaceRegexpAll(ifNull(`Labels`, ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', ''), '}'), 'v'), replaceRegexpAll(ifNull(`Labels`, ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', '')), '') = 'botnet'",
    rows: [['198.51.100.0/24']],
  },
  {
    name: 'parse simple pattern',
    kql: 'MessageTrace | where Subject startswith "Invoice" | parse Subject with "Invoice " Number:long " from " Company | project Number, Company',
    duckdb:
      'SELECT TRY_CAST(nullif(regexp_extract("Subject", $1, 1), \'\') AS BIGINT) AS "Number", regexp_extract("Subject", $1, 2) AS "Company" FROM "MessageTrace" WHERE "Subject" ILIKE $2',
    clickhouse:
      "SELECT toInt64OrNull(toString(nullif(if(match(`Subject`, '(?s)Invoice (.*?) from (.*)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(?s)Invoice (.*?) from (.*)', ').*$'), '\\\\1'), ''), ''))) AS `Number`, if(match(`Subject`, '(?s)Invoice (.*?) from (.*)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(?s)Invoice (.*?) from (.*)', ').*$'), '\\\\2'), '') AS `Company` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (lowerUTF8(`Subject`) LIKE lowerUTF8('Invoice%'))",
    rows: [[4711, 'Contoso']],
  },
  {
    name: 'parse with star and no match',
    kql: 'MessageTrace | where MessageTraceId in ("m1", "m2") | parse Subject with * "from " Company | project MessageTraceId, Company',
    duckdb: 'SELECT "MessageTraceId", regexp_extract("Subject", $1, 1) AS "Company" FROM "MessageTrace" WHERE "MessageTraceId" IN ($2, $3)',
    clickhouse:
      "SELECT `MessageTraceId`, if(match(`Subject`, '(?s).*?from (.*)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(?s).*?from (.*)', ').*$'), '\\\\1'), '') AS `Company` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m1', 'm2')))",
    rows: [
      ['m1', 'Contoso'],
      ['m2', ''],
    ],
  },
  {
    name: 'search',
    kql: 'MessageTrace | search "phish" | distinct MessageTraceId',
    duckdb:
      'SELECT DISTINCT "MessageTraceId" FROM "MessageTrace" WHERE ((contains(lower("SenderAddress"), $1) AND regexp_matches("SenderAddress", $2)) OR (contains(lower("RecipientAddress"), $1) AND regexp_matches("RecipientAddress", $2)) OR (contains(lower("Subject"), $1) AND regexp_matches("Subject", $2)) OR (contains(lower("Status"), $1) AND regexp_matches("Status", $2)) OR (contains(lower("FromIP"), $1) AND regexp_matches("FromIP", $2)) OR (contains(lower("ToIP"), $1) AND regexp_matches("ToIP", $2)) OR (contains(lower("MessageId"), $1) AND regexp_matches("MessageId", $2)) OR (contains(lower("MessageTraceId"), $1) AND regexp_matches("MessageTraceId", $2)) OR (contains(lower("Organization"), $1) AND regexp_matches("Organization", $2)) OR (contains(lower("SenderDomain"), $1) AND regexp_matches("SenderDomain", $2)) OR (contains(lower("RecipientDomain"), $1) AND regexp_matches("RecipientDomain", $2)) OR (contains(lower("Direction"), $1) AND regexp_matches("Direction", $2)) OR (contains(lower("FromCountry"), $1) AND regexp_matches("FromCountry", $2)) OR (contains(lower("ToCountry"), $1) AND regexp_matches("ToCountry", $2)) OR (contains(lower("FromAsOrg"), $1) AND regexp_matches("FromAsOrg", $2)) OR (contains(lower("ToAsOrg"), $1) AND regexp_matches("ToAsOrg", $2)) OR (contains(lower("Source"), $1) AND regexp_matches("Source", $2)))',
    clickhouse:
      "SELECT DISTINCT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (((position(lowerUTF8(`SenderAddress`), 'phish') > 0) AND match(`SenderAddress`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`RecipientAddress`), 'phish') > 0) AND match(`RecipientAddress`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`Subject`), 'phish') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`Status`), 'phish') > 0) AND match(`Status`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`FromIP`), 'phish') > 0) AND match(`FromIP`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`ToIP`), 'phish') > 0) AND match(`ToIP`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`MessageId`), 'phish') > 0) AND match(`MessageId`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`MessageTraceId`), 'phish') > 0) AND match(`MessageTraceId`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`Organization`), 'phish') > 0) AND match(`Organization`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`SenderDomain`), 'phish') > 0) AND match(`SenderDomain`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`RecipientDomain`), 'phish') > 0) AND match(`RecipientDomain`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`Direction`), 'phish') > 0) AND match(`Direction`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`FromCountry`), 'phish') > 0) AND match(`FromCountry`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`ToCountry`), 'phish') > 0) AND match(`ToCountry`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`FromAsOrg`), 'phish') > 0) AND match(`FromAsOrg`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`ToAsOrg`), 'phish') > 0) AND match(`ToAsOrg`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))) OR ((position(lowerUTF8(`Source`), 'phish') > 0) AND match(`Source`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])phish(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))))",
    rows: [['m3']],
  },
  {
    name: 'render keeps a hint',
    kql: 'MessageTrace | summarize Bytes = sum(Size) by Direction | render piechart with (title="Bytes by direction")',
    duckdb: 'SELECT "Direction", CAST(sum("Size") AS BIGINT) AS "Bytes" FROM "MessageTrace" GROUP BY "Direction"',
    clickhouse:
      'SELECT `Direction`, CAST(sum(`Size`) AS Nullable(Int64)) AS `Bytes` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`',
    rows: [
      ['Inbound', 20396],
      ['Internal', 52010],
      ['Outbound', 151200],
    ],
  },
  {
    name: 'as names the rows for later',
    kql: 'MessageTrace | where Status == "Quarantined" | as Q | join kind=inner (MessageEvents) on MessageTraceId | project RecipientAddress, Event',
    duckdb:
      'SELECT _l1."RecipientAddress" AS "RecipientAddress", _r2."Event" AS "Event" FROM (SELECT * FROM "MessageTrace" WHERE "Status" = $1) AS _l1 JOIN "MessageEvents" AS _r2 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      "SELECT `_c0_RecipientAddress` AS `RecipientAddress`, `_c1_Event` AS `Event` FROM (SELECT _l1.`RecipientAddress` AS `_c0_RecipientAddress`, _r2.`Event` AS `_c1_Event` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`MessageTraceId`), 1, 0) AS `_jl1_1`, assumeNotNull(`MessageTraceId`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Status` = 'Quarantined') AS _t3) AS _l1 GLOBAL JOIN (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, if(isNull(`MessageTraceId`), 2, 0) AS `_jr1_1`, assumeNotNull(`MessageTraceId`) AS `_jr1_2` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t4) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a5",
    rows: [['bob@contoso.com', 'QUARANTINE']],
  },
  {
    name: 'in with a tabular expression',
    kql: 'MessageTrace | where SenderAddress in (Indicators | where Type == "email" | project Indicator) | project RecipientAddress',
    duckdb:
      'SELECT "RecipientAddress" FROM "MessageTrace" WHERE "SenderAddress" IN (SELECT "Indicator" FROM "Indicators" WHERE "Type" = $1)',
    clickhouse:
      "SELECT `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `SenderAddress` GLOBAL IN (SELECT `Indicator` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, _version FROM `Indicators` FINAL WHERE _deleted = 0) WHERE `Type` = 'email')",
    rows: [['bob@contoso.com'], ['dave@contoso.com']],
  },
  {
    name: 'in with a let-bound tabular expression',
    kql: 'let bad = Indicators | where Confidence >= 80 | project Indicator;\nMessageTrace | where SenderDomain in (bad) | count',
    duckdb:
      'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE "SenderDomain" IN (SELECT * FROM (SELECT "Indicator" FROM "Indicators" WHERE "Confidence" >= 80) AS _t1)',
    clickhouse:
      'SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `SenderDomain` GLOBAL IN (SELECT `Indicator` FROM (SELECT `Indicator` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, _version FROM `Indicators` FINAL WHERE _deleted = 0) WHERE `Confidence` >= 80) AS _t1)',
    rows: [[2]],
  },
];
