/** Case table: where, project, extend, project-away/rename, take, count, sort, top, distinct, let, print. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'where on a number',
    kql: 'MessageTrace | where Size > 8000 | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Size" > 8000',
    clickhouse:
      'SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Size` > 8000',
    rows: [['m2'], ['m5']],
  },
  {
    name: 'where with and/or/not',
    kql: 'MessageTrace | where (Size >= 8000 and Status != "Failed") or not(Direction == "Inbound") | project MessageTraceId, RecipientAddress',
    duckdb:
      'SELECT "MessageTraceId", "RecipientAddress" FROM "MessageTrace" WHERE (("Size" >= 8000) AND ("Status" <> $1)) OR (NOT ("Direction" = $2))',
    clickhouse:
      "SELECT `MessageTraceId`, `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE ((`Size` >= 8000) AND (`Status` <> 'Failed')) OR (NOT (`Direction` = 'Inbound'))",
    rows: [
      ['m1', 'bob@fabrikam.com'],
      ['m2', 'carol@contoso.com'],
      ['m3', 'bob@contoso.com'],
      ['m3', 'dave@contoso.com'],
      ['m5', 'eve@example.net'],
      ['m6', 'eve@example.net'],
      ['m8', 'bob@contoso.com'],
    ],
  },
  {
    name: 'a where with or, then another where: both hold',
    kql: 'MessageTrace | where (Size >= 8000 and Status != "Failed") or not(Direction == "Inbound") | where MessageTraceId != "m2" | project MessageTraceId, RecipientAddress',
    duckdb:
      'SELECT "MessageTraceId", "RecipientAddress" FROM "MessageTrace" WHERE ((("Size" >= 8000) AND ("Status" <> $1)) OR (NOT ("Direction" = $2))) AND ("MessageTraceId" <> $3)',
    clickhouse:
      "SELECT `MessageTraceId`, `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` <> 'm2')) WHERE ((`Size` >= 8000) AND (`Status` <> 'Failed')) OR (NOT (`Direction` = 'Inbound'))",
    rows: [
      ['m1', 'bob@fabrikam.com'],
      ['m3', 'bob@contoso.com'],
      ['m3', 'dave@contoso.com'],
      ['m5', 'eve@example.net'],
      ['m6', 'eve@example.net'],
      ['m8', 'bob@contoso.com'],
    ],
  },
  {
    name: 'project with a computed column',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project Sender = SenderAddress, KB = Size / 1000, Size',
    duckdb: 'SELECT "SenderAddress" AS "Sender", ("Size" // 1000) AS "KB", "Size" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT `SenderAddress` AS `Sender`, intDiv(`Size`, 1000) AS `KB`, `Size` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['alice@contoso.com', 1, 1200]],
  },
  {
    name: 'extend replaces a column in place and sees earlier columns',
    kql: 'MessageTrace | where MessageTraceId == "m2" | extend Size = Size * 2, Double = Size * 2 | project MessageTraceId, Size, Double',
    duckdb: 'SELECT "MessageTraceId", "Size" * 2 AS "Size", ("Size" * 2) * 2 AS "Double" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_Size` AS `Size`, `_c2_Double` AS `Double` FROM (SELECT `MessageTraceId` AS `_c0_MessageTraceId`, `Size` * 2 AS `_c1_Size`, (`Size` * 2) * 2 AS `_c2_Double` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm2'))) AS _a1",
    rows: [['m2', 104000, 208000]],
  },
  {
    name: 'extend after extend refers to the computed column',
    kql: 'MessageTrace | extend KB = Size / 1024 | extend Big = KB > 10 | where Big | project MessageTraceId, KB',
    duckdb: 'SELECT "MessageTraceId", ("Size" // 1024) AS "KB" FROM "MessageTrace" WHERE ("Size" // 1024) > 10',
    clickhouse:
      'SELECT `MessageTraceId`, intDiv(`Size`, 1024) AS `KB` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE intDiv(`Size`, 1024) > 10',
    rows: [
      ['m2', 50],
      ['m5', 146],
    ],
  },
  {
    name: 'project-away with a wildcard',
    kql: 'Watchlist | project-away Time*, Na*',
    duckdb: 'SELECT "User", "Product", "Detection", "Severity" FROM "Watchlist"',
    clickhouse:
      'SELECT `User`, `Product`, `Detection`, `Severity` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, _version FROM `Watchlist` FINAL WHERE _deleted = 0)',
    rows: [['bob@contoso.com', 'EDR', 'Emotet', 'high']],
  },
  {
    name: 'project-rename',
    kql: 'Watchlist | project-rename Who = User | project Who, Detection',
    duckdb: 'SELECT "User" AS "Who", "Detection" FROM "Watchlist"',
    clickhouse:
      'SELECT `User` AS `Who`, `Detection` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, _version FROM `Watchlist` FINAL WHERE _deleted = 0)',
    rows: [['bob@contoso.com', 'Emotet']],
  },
  {
    name: 'take',
    kql: 'MessageTrace | where Status == "Delivered" | take 2 | count',
    duckdb: 'SELECT count(*) AS "Count" FROM (SELECT * FROM "MessageTrace" WHERE "Status" = $1 LIMIT 2) AS _t1',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Status` = 'Delivered' LIMIT 2) AS _t1",
    rows: [[2]],
  },
  {
    name: 'limit after sort keeps the order',
    kql: 'MessageTrace | sort by Size asc | limit 3 | project MessageTraceId, Size',
    ordered: true,
    duckdb: 'SELECT "MessageTraceId", "Size" FROM "MessageTrace" ORDER BY "Size" ASC NULLS FIRST LIMIT 3',
    clickhouse:
      'SELECT `MessageTraceId`, `Size` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) ORDER BY `Size` ASC NULLS FIRST LIMIT 3',
    rows: [
      ['m6', 0],
      ['m8', 10],
      ['m4', 300],
    ],
  },
  {
    name: 'count',
    kql: 'MessageTrace | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace"',
    clickhouse:
      'SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)',
    rows: [[9]],
  },
  {
    name: 'order by defaults to descending',
    kql: 'MessageTrace | order by Received | project MessageTraceId, RecipientAddress',
    ordered: true,
    duckdb: 'SELECT "MessageTraceId", "RecipientAddress" FROM "MessageTrace" ORDER BY "Received" DESC NULLS LAST',
    clickhouse:
      'SELECT `MessageTraceId`, `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) ORDER BY `Received` DESC NULLS LAST',
    rows: [
      ['m4', 'alice@contoso.com'],
      ['m8', 'bob@contoso.com'],
      ['m3', 'dave@contoso.com'],
      ['m3', 'bob@contoso.com'],
      ['m2', 'carol@contoso.com'],
      ['m1', 'bob@fabrikam.com'],
      ['m6', 'eve@example.net'],
      ['m5', 'eve@example.net'],
      ['m7', 'bob@contoso.com'],
    ],
  },
  {
    name: 'sort by two keys with nulls',
    kql: 'Indicators | sort by ValidFrom asc nulls last, Indicator asc | project Indicator',
    ordered: true,
    duckdb: 'SELECT "Indicator" FROM "Indicators" ORDER BY "ValidFrom" ASC NULLS LAST, "Indicator" ASC NULLS FIRST',
    clickhouse:
      'SELECT `Indicator` FROM (SELECT `Indicator`, `Type`, `Confidence`, `Actor`, `Labels`, `Feed`, `ValidFrom`, `ValidUntil`, _version FROM `Indicators` FINAL WHERE _deleted = 0) ORDER BY `ValidFrom` ASC NULLS LAST, `Indicator` ASC NULLS FIRST',
    rows: [['billing@phish.example'], ['198.51.100.0/24'], ['phish.example']],
  },
  {
    name: 'top N by',
    kql: 'MessageTrace | top 2 by Size | project MessageTraceId, Size',
    ordered: true,
    duckdb: 'SELECT "MessageTraceId", "Size" FROM "MessageTrace" ORDER BY "Size" DESC NULLS LAST LIMIT 2',
    clickhouse:
      'SELECT `MessageTraceId`, `Size` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) ORDER BY `Size` DESC NULLS LAST LIMIT 2',
    rows: [
      ['m5', 150000],
      ['m2', 52000],
    ],
  },
  {
    name: 'where after top filters the top rows',
    kql: 'MessageTrace | top 3 by Size | where Status == "Failed" | project MessageTraceId',
    duckdb:
      'SELECT "MessageTraceId" FROM (SELECT * FROM "MessageTrace" ORDER BY "Size" DESC NULLS LAST LIMIT 3) AS _t1 WHERE "Status" = $1 ORDER BY "Size" DESC NULLS LAST',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) ORDER BY `Size` DESC NULLS LAST LIMIT 3) AS _t1 WHERE `Status` = 'Failed' ORDER BY `Size` DESC NULLS LAST",
    rows: [['m5']],
  },
  {
    name: 'distinct columns',
    kql: 'MessageTrace | distinct SenderAddress, Direction',
    duckdb: 'SELECT DISTINCT "SenderAddress", "Direction" FROM "MessageTrace"',
    clickhouse:
      'SELECT DISTINCT `SenderAddress`, `Direction` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)',
    rows: [
      ['alice@contoso.com', 'Internal'],
      ['alice@contoso.com', 'Outbound'],
      ['billing@phish.example', 'Inbound'],
      ['bob@contoso.com', 'Outbound'],
      ['news@fabrikam.com', 'Inbound'],
      ["o'brien@contoso.com", 'Internal'],
    ],
  },
  {
    name: 'distinct with an expression',
    kql: 'MessageTrace | distinct tolower(Status)',
    duckdb: 'SELECT DISTINCT lower("Status") AS "Column1" FROM "MessageTrace"',
    clickhouse:
      'SELECT DISTINCT lowerUTF8(`Status`) AS `Column1` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)',
    rows: [['delivered'], ['failed'], ['filteredasspam'], ['none'], ['pending'], ['quarantined']],
  },
  {
    name: 'let scalar',
    kql: 'let threshold = 5000;\nMessageTrace | where Size > threshold | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE "Size" > 5000',
    clickhouse:
      'SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Size` > 5000',
    rows: [[4]],
  },
  {
    name: 'let tabular used twice',
    kql: 'let inbound = MessageTrace | where Direction == "Inbound";\ninbound | where Size > 1000 | union (inbound | where Size <= 1000) | count',
    duckdb:
      'SELECT count(*) AS "Count" FROM (SELECT "Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size", "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn", "FromAsOrg", "ToAsOrg", "Source" FROM (SELECT * FROM (SELECT * FROM "MessageTrace" WHERE "Direction" = $1) AS _t1 WHERE "Size" > 1000) AS _t3 UNION ALL SELECT "Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size", "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn", "FromAsOrg", "ToAsOrg", "Source" FROM (SELECT * FROM (SELECT * FROM "MessageTrace" WHERE "Direction" = $1) AS _t2 WHERE "Size" <= 1000) AS _t4) AS _t5',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Direction` = 'Inbound') AS _t1 WHERE `Size` > 1000) AS _t3 UNION ALL SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Direction` = 'Inbound') AS _t2 WHERE `Size` <= 1000) AS _t4) AS _t5",
    rows: [[4]],
  },
  {
    name: 'bracketed column name',
    kql: "MessageTrace | where ['Status'] == 'Failed' | project ['MessageTraceId']",
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Status" = $1',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Status` = 'Failed'",
    rows: [['m5']],
  },
  {
    name: 'print',
    kql: 'print 1, x = 2.5, strcat("a", 1)',
    duckdb: 'SELECT 1 AS "print_0", 2.5 AS "x", concat($1, coalesce(CAST(1 AS VARCHAR), \'\')) AS "print_2"',
    clickhouse: "SELECT 1 AS `print_0`, 2.5 AS `x`, concat('a', coalesce(CAST(1 AS Nullable(String)), '')) AS `print_2`",
    rows: [[1, 2.5, 'a1']],
  },
  {
    name: 'comments and line breaks',
    kql: 'MessageTrace // all mail\n| where Size == 0 // empty ones\n| project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Size" = 0',
    clickhouse:
      'SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Size` = 0',
    rows: [['m6']],
  },
  {
    name: 'names KQL derives for unnamed expressions',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project strlen(Subject), tolower(Subject), bin(Size, 1000), tostring(Size), startofweek(Received), format_datetime(Received, "yyyy"), Size + 1',
    duckdb:
      'SELECT CAST(length("Subject") AS BIGINT) AS "strlen_Subject", lower("Subject") AS "Column1", CAST(floor("Size" / 1000) * 1000 AS BIGINT) AS "Size", coalesce(CAST("Size" AS VARCHAR), \'\') AS "Size1", time_bucket(to_microseconds(604800000000), "Received" + to_microseconds(86400000000), TIMESTAMP \'0001-01-01 00:00:00\') - to_microseconds(86400000000) AS "Column2", coalesce(strftime("Received", \'%Y\'), \'\') AS "Received", "Size" + 1 AS "Column3" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT `strlen_Subject`, `Column1`, `Size`, `Size1`, concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Column2` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Column2` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Column2` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Column2` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Column2` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Column2` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`Column2` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Column2` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Column2` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`Column2` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `Column2`, `Received`, `Column3` FROM (SELECT `_c0_strlen_Subject` AS `strlen_Subject`, `_c1_Column1` AS `Column1`, `_c2_Size` AS `Size`, `_c3_Size1` AS `Size1`, `_c4_Column2` AS `Column2`, `_c5_Received` AS `Received`, `_c6_Column3` AS `Column3` FROM (SELECT CAST(lengthUTF8(`Subject`) AS Nullable(Int64)) AS `_c0_strlen_Subject`, lowerUTF8(`Subject`) AS `_c1_Column1`, CAST(floor(`Size` / 1000) * 1000 AS Nullable(Int64)) AS `_c2_Size`, coalesce(CAST(`Size` AS Nullable(String)), '') AS `_c3_Size1`, (`Received` + toInt64(86400000000) - (((`Received` + toInt64(86400000000) + 259200000000) % toInt64(604800000000) + toInt64(604800000000)) % toInt64(604800000000))) - toInt64(86400000000) AS `_c4_Column2`, coalesce(concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), ''), '') AS `_c5_Received`, `Size` + 1 AS `_c6_Column3` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))) AS _a1) AS _out2",
    rows: [[25, 'invoice 4711 from contoso', 1000, '1200', '2026-11-01T00:00:00.000Z', '2026', 1201]],
  },
  {
    name: 'summarize names: duplicates get a suffix',
    kql: 'MessageTrace | summarize count(), count(), sum(Size * 2), take_any(Size) by bin(Size, 1000), strlen(Subject)',
    duckdb:
      'SELECT CAST(floor("Size" / 1000) * 1000 AS BIGINT) AS "Size", CAST(length("Subject") AS BIGINT) AS "strlen_Subject", count(*) AS "count_", count(*) AS "count_1", CAST(sum("Size" * 2) AS BIGINT) AS "sum_", any_value("Size") AS "Size1" FROM "MessageTrace" GROUP BY CAST(floor("Size" / 1000) * 1000 AS BIGINT), CAST(length("Subject") AS BIGINT)',
    clickhouse:
      'SELECT `_c0_Size` AS `Size`, `_c1_strlen_Subject` AS `strlen_Subject`, `_c2_count_` AS `count_`, `_c3_count_1` AS `count_1`, `_c4_sum_` AS `sum_`, `_c5_Size1` AS `Size1` FROM (SELECT CAST(floor(`Size` / 1000) * 1000 AS Nullable(Int64)) AS `_c0_Size`, CAST(lengthUTF8(`Subject`) AS Nullable(Int64)) AS `_c1_strlen_Subject`, count() AS `_c2_count_`, count() AS `_c3_count_1`, CAST(sum(`Size` * 2) AS Nullable(Int64)) AS `_c4_sum_`, any(`Size`) AS `_c5_Size1` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY CAST(floor(`Size` / 1000) * 1000 AS Nullable(Int64)), CAST(lengthUTF8(`Subject`) AS Nullable(Int64))) AS _a1',
    rows: [
      [0, 24, 1, 1, 600, 300],
      [0, 39, 1, 1, 20, 10],
      [0, 6, 1, 1, 0, 0],
      [1000, 25, 1, 1, 2400, 1200],
      [150000, 10, 1, 1, 300000, 150000],
      [4000, 16, 1, 1, 8192, 4096],
      [52000, 16, 1, 1, 104000, 52000],
      [8000, 23, 2, 2, 32000, 8000],
    ],
  },
];
