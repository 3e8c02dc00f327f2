/** Case table: summarize and the aggregates, with KQL's default column names. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'count() by',
    kql: 'MessageTrace | summarize count() by Status',
    duckdb: 'SELECT "Status", count(*) AS "count_" FROM "MessageTrace" GROUP BY "Status"',
    clickhouse:
      'SELECT `Status`, count() AS `count_` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Status`',
    rows: [
      ['Delivered', 4],
      ['Failed', 1],
      ['FilteredAsSpam', 1],
      ['None', 1],
      ['Pending', 1],
      ['Quarantined', 1],
    ],
  },
  {
    name: 'default names of aggregates',
    kql: 'MessageTrace | summarize count(), sum(Size), avg(Size), min(Size), max(Received), dcount(SenderAddress), countif(Size > 5000) by Direction',
    duckdb:
      'SELECT "Direction", count(*) AS "count_", CAST(sum("Size") AS BIGINT) AS "sum_Size", avg("Size") AS "avg_Size", min("Size") AS "min_Size", max("Received") AS "max_Received", count(DISTINCT hash("SenderAddress")) FILTER (WHERE "SenderAddress" IS NOT NULL) AS "dcount_SenderAddress", count_if("Size" > 5000) AS "countif_" FROM "MessageTrace" GROUP BY "Direction"',
    clickhouse:
      "SELECT `Direction`, `count_`, `sum_Size`, `avg_Size`, `min_Size`, concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`max_Received` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`max_Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`max_Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`max_Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`max_Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`max_Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`max_Received` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`max_Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`max_Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`max_Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `max_Received`, `dcount_SenderAddress`, `countif_` FROM (SELECT `Direction`, count() AS `count_`, CAST(sum(`Size`) AS Nullable(Int64)) AS `sum_Size`, avg(`Size`) AS `avg_Size`, min(`Size`) AS `min_Size`, max(`Received`) AS `max_Received`, uniqExact(`SenderAddress`) AS `dcount_SenderAddress`, countIf(`Size` > 5000) AS `countif_` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`) AS _out1",
    rows: [
      ['Inbound', 4, 20396, 5099, 300, '2026-11-01T23:59:59.000Z', 2, 2],
      ['Internal', 2, 52010, 26005, 10, '2026-11-01T12:00:00.000Z', 2, 1],
      ['Outbound', 3, 151200, 50400, 0, '2026-11-01T08:15:00.000Z', 2, 1],
    ],
  },
  {
    name: 'dcountif and sumif',
    kql: 'MessageTrace | summarize dcountif(RecipientAddress, Status == "Delivered"), sumif(Size, Status == "Delivered")',
    duckdb:
      'SELECT count(DISTINCT hash("RecipientAddress")) FILTER (WHERE "RecipientAddress" IS NOT NULL AND ("Status" = $1)) AS "dcountif_RecipientAddress", CAST(sum("Size") FILTER (WHERE "Status" = $1) AS BIGINT) AS "sumif_Size" FROM "MessageTrace"',
    clickhouse:
      "SELECT uniqExactIf(`RecipientAddress`, `Status` = 'Delivered') AS `dcountif_RecipientAddress`, CAST(sumIf(`Size`, `Status` = 'Delivered') AS Nullable(Int64)) AS `sumif_Size` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)",
    rows: [[4, 57596]],
  },
  {
    name: 'percentile and percentiles',
    kql: 'MessageTrace | summarize percentile(Size, 50), percentiles(Size, 25, 99.5)',
    duckdb:
      'SELECT quantile_disc("Size", 0.5) AS "percentile_Size_50", quantile_disc("Size", 0.25) AS "percentile_Size_25", quantile_disc("Size", 0.995) AS "percentile_Size_99_5" FROM "MessageTrace"',
    clickhouse:
      'SELECT if(count(`Size`) = 0, NULL, arrayElement(arraySort(groupArray(`Size`)), toUInt64(greatest(ceil(count(`Size`) * 0.5), 1)))) AS `percentile_Size_50`, if(count(`Size`) = 0, NULL, arrayElement(arraySort(groupArray(`Size`)), toUInt64(greatest(ceil(count(`Size`) * 0.25), 1)))) AS `percentile_Size_25`, if(count(`Size`) = 0, NULL, arrayElement(arraySort(groupArray(`Size`)), toUInt64(greatest(ceil(count(`Size`) * 0.995), 1)))) AS `percentile_Size_99_5` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)',
    rows: [[4096, 300, 150000]],
  },
  {
    name: 'make_set and make_list',
    kql: 'MessageTrace | where SenderAddress == "billing@phish.example" | summarize make_set(Status), make_list(Size) by SenderAddress',
    duckdb:
      'SELECT "SenderAddress", to_json(list(DISTINCT "Status" ORDER BY "Status")) AS "set_Status", to_json(list("Size")) AS "list_Size" FROM "MessageTrace" WHERE "SenderAddress" = $1 GROUP BY "SenderAddress"',
    clickhouse:
      "SELECT `SenderAddress`, concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), arraySort(groupUniqArray(`Status`))), ','), ']') AS `set_Status`, concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), groupArray(`Size`)), ','), ']') AS `list_Size` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `SenderAddress` = 'billing@phish.example' GROUP BY `SenderAddress`",
    rows: [['billing@phish.example', '["FilteredAsSpam","Quarantined"]', '[8000,8000]']],
  },
  {
    name: 'arg_max returns the row columns',
    kql: 'MessageTrace | summarize arg_max(Received, Subject, Status) by SenderAddress',
    duckdb:
      'SELECT "SenderAddress", max("Received") AS "Received", arg_max("Subject", "Received") AS "Subject", arg_max("Status", "Received") AS "Status" FROM "MessageTrace" GROUP BY "SenderAddress"',
    clickhouse:
      "SELECT `SenderAddress`, concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `Received`, `Subject`, `Status` FROM (SELECT `_c0_SenderAddress` AS `SenderAddress`, `_c1_Received` AS `Received`, `_c2_Subject` AS `Subject`, `_c3_Status` AS `Status` FROM (SELECT `SenderAddress` AS `_c0_SenderAddress`, max(`Received`) AS `_c1_Received`, argMax(`Subject`, `Received`) AS `_c2_Subject`, argMax(`Status`, `Received`) AS `_c3_Status` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `SenderAddress`) AS _a1) AS _out2",
    rows: [
      ['alice@contoso.com', '2026-11-01T09:30:00.000Z', 'Quarterly report', 'Delivered'],
      ['billing@phish.example', '2026-11-01T10:06:00.000Z', 'Urgent: invoice overdue', 'FilteredAsSpam'],
      ['bob@contoso.com', '2026-10-31T13:00:00.000Z', 'Re: 会議', 'Pending'],
      ['news@fabrikam.com', '2026-11-01T23:59:59.000Z', 'Concatenate your reports', 'Delivered'],
      ["o'brien@contoso.com", '2026-11-01T12:00:00.000Z', 'it\'s "quoted" -- /* not a comment */ \\n', 'None'],
    ],
  },
  {
    name: 'arg_min with star',
    kql: 'Watchlist | summarize arg_min(Timestamp, *) by User',
    duckdb:
      'SELECT "User", min("Timestamp") AS "Timestamp", arg_min("Product", "Timestamp") AS "Product", arg_min("Detection", "Timestamp") AS "Detection", arg_min("Severity", "Timestamp") AS "Severity", arg_min("Name", "Timestamp") AS "Name" FROM "Watchlist" GROUP BY "User"',
    clickhouse:
      "SELECT `User`, concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Timestamp` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Timestamp` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Timestamp` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Timestamp` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Timestamp` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Timestamp` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`Timestamp` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Timestamp` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Timestamp` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`Timestamp` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `Timestamp`, `Product`, `Detection`, `Severity`, `Name` FROM (SELECT `_c0_User` AS `User`, `_c1_Timestamp` AS `Timestamp`, `_c2_Product` AS `Product`, `_c3_Detection` AS `Detection`, `_c4_Severity` AS `Severity`, `_c5_Name` AS `Name` FROM (SELECT `User` AS `_c0_User`, min(`Timestamp`) AS `_c1_Timestamp`, argMin(`Product`, `Timestamp`) AS `_c2_Product`, argMin(`Detection`, `Timestamp`) AS `_c3_Detection`, argMin(`Severity`, `Timestamp`) AS `_c4_Severity`, argMin(`Name`, `Timestamp`) AS `_c5_Name` FROM (SELECT `Timestamp`, `User`, `Product`, `Detection`, `Severity`, `Name`, _version FROM `Watchlist` FINAL WHERE _deleted = 0) GROUP BY `User`) AS _a1) AS _out2",
    rows: [['bob@contoso.com', '2026-11-01T11:00:00.000Z', 'EDR', 'Emotet', 'high', 'edr']],
  },
  {
    name: 'take_any',
    kql: 'MessageTrace | where MessageTraceId == "m3" | summarize take_any(Subject) by MessageTraceId',
    duckdb:
      'SELECT "MessageTraceId", any_value("Subject") AS "Subject" FROM "MessageTrace" WHERE "MessageTraceId" = $1 GROUP BY "MessageTraceId"',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_Subject` AS `Subject` FROM (SELECT `MessageTraceId` AS `_c0_MessageTraceId`, any(`Subject`) AS `_c1_Subject` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm3')) GROUP BY `MessageTraceId`) AS _a1",
    rows: [['m3', 'Urgent: invoice overdue']],
  },
  {
    name: 'named aggregates and an expression of aggregates',
    kql: 'MessageTrace | summarize Total = count(), Ratio = todouble(countif(Status == "Delivered")) / count() by SenderDomain | where Total > 1',
    duckdb:
      'SELECT * FROM (SELECT "SenderDomain", count(*) AS "Total", TRY_CAST(count_if("Status" = $1) AS DOUBLE) / count(*) AS "Ratio" FROM "MessageTrace" GROUP BY "SenderDomain") AS _t1 WHERE "Total" > 1',
    clickhouse:
      "SELECT `SenderDomain`, `Total`, `Ratio` FROM (SELECT `SenderDomain`, count() AS `Total`, toFloat64OrNull(toString(countIf(`Status` = 'Delivered'))) / count() AS `Ratio` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `SenderDomain`) AS _t1 WHERE `Total` > 1",
    rows: [
      ['contoso.com', 5, 0.4],
      ['fabrikam.com', 2, 1],
      ['phish.example', 2, 0],
    ],
  },
  {
    name: 'summarize by only',
    kql: 'MessageTrace | summarize by Direction',
    duckdb: 'SELECT "Direction" FROM "MessageTrace" GROUP BY "Direction"',
    clickhouse:
      'SELECT `Direction` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`',
    rows: [['Inbound'], ['Internal'], ['Outbound']],
  },
  {
    name: 'summarize then sort by an aggregate',
    kql: 'MessageTrace | summarize Bytes = sum(Size) by SenderAddress | sort by Bytes desc | take 2',
    ordered: true,
    duckdb:
      'SELECT "SenderAddress", CAST(sum("Size") AS BIGINT) AS "Bytes" FROM "MessageTrace" GROUP BY "SenderAddress" ORDER BY CAST(sum("Size") AS BIGINT) DESC NULLS LAST LIMIT 2',
    clickhouse:
      'SELECT `SenderAddress`, CAST(sum(`Size`) AS Nullable(Int64)) AS `Bytes` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `SenderAddress` ORDER BY CAST(sum(`Size`) AS Nullable(Int64)) DESC NULLS LAST LIMIT 2',
    rows: [
      ['bob@contoso.com', 150000],
      ['alice@contoso.com', 53200],
    ],
  },
  {
    name: 'summarize after summarize',
    kql: 'MessageTrace | summarize n = count() by SenderAddress | summarize Senders = count(), Max = max(n)',
    duckdb:
      'SELECT count(*) AS "Senders", max("n") AS "Max" FROM (SELECT "SenderAddress", count(*) AS "n" FROM "MessageTrace" GROUP BY "SenderAddress") AS _t1',
    clickhouse:
      'SELECT count() AS `Senders`, max(`n`) AS `Max` FROM (SELECT `SenderAddress`, count() AS `n` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `SenderAddress`) AS _t1',
    rows: [[5, 2]],
  },
  {
    name: 'per-sender status pivot (Sumo Logic Exchange dashboard)',
    kql: 'MessageTrace\n| summarize Delivered = countif(Status == "Delivered"), None = countif(Status == "None"), Failed = countif(Status == "Failed"),\n            Pending = countif(Status == "Pending"), Expanded = countif(Status == "Expanded"), Quarantined = countif(Status == "Quarantined"),\n            FilteredAsSpam = countif(Status == "FilteredAsSpam"), TotalCount = count() by SenderAddress\n| top 10 by TotalCount',
    ordered: false,
    duckdb:
      'SELECT "SenderAddress", count_if("Status" = $1) AS "Delivered", count_if("Status" = $2) AS "None", count_if("Status" = $3) AS "Failed", count_if("Status" = $4) AS "Pending", count_if("Status" = $5) AS "Expanded", count_if("Status" = $6) AS "Quarantined", count_if("Status" = $7) AS "FilteredAsSpam", count(*) AS "TotalCount" FROM "MessageTrace" WHERE ("SenderAddress" IN (SELECT "SenderAddress" FROM "MessageTrace" GROUP BY "SenderAddress" ORDER BY count(*) DESC NULLS LAST LIMIT 10) OR "SenderAddress" IS NULL) GROUP BY "SenderAddress" ORDER BY count(*) DESC NULLS LAST LIMIT 10',
    clickhouse:
      "SELECT `SenderAddress`, countIf(`Status` = 'Delivered') AS `Delivered`, countIf(`Status` = 'None') AS `None`, countIf(`Status` = 'Failed') AS `Failed`, countIf(`Status` = 'Pending') AS `Pending`, countIf(`Status` = 'Expanded') AS `Expanded`, countIf(`Status` = 'Quarantined') AS `Quarantined`, countIf(`Status` = 'FilteredAsSpam') AS `FilteredAsSpam`, count() AS `TotalCount` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `SenderAddress` ORDER BY count() DESC NULLS LAST LIMIT 10",
    rows: [
      ['alice@contoso.com', 2, 0, 0, 0, 0, 0, 0, 2],
      ['billing@phish.example', 0, 0, 0, 0, 0, 1, 1, 2],
      ['bob@contoso.com', 0, 0, 1, 1, 0, 0, 0, 2],
      ['news@fabrikam.com', 2, 0, 0, 0, 0, 0, 0, 2],
      ["o'brien@contoso.com", 0, 1, 0, 0, 0, 0, 0, 1],
    ],
  },
  {
    name: 'top after summarize ranks its keys first: a null key among the top',
    kql: 'MessageTrace | summarize Delivered = countif(Status == "Delivered"), Failed = countif(Status == "Failed"), Bytes = sum(Size), Rows = count() by Small = iff(Size < 5000, Size / 1000, long(null)) | top 2 by Rows',
    duckdb:
      'SELECT CASE WHEN "Size" < 5000 THEN ("Size" // 1000) ELSE CAST(NULL AS BIGINT) END AS "Small", count_if("Status" = $1) AS "Delivered", count_if("Status" = $2) AS "Failed", CAST(sum("Size") AS BIGINT) AS "Bytes", count(*) AS "Rows" FROM "MessageTrace" WHERE (CASE WHEN "Size" < 5000 THEN ("Size" // 1000) ELSE CAST(NULL AS BIGINT) END IN (SELECT CASE WHEN "Size" < 5000 THEN ("Size" // 1000) ELSE CAST(NULL AS BIGINT) END AS "Small" FROM "MessageTrace" GROUP BY CASE WHEN "Size" < 5000 THEN ("Size" // 1000) ELSE CAST(NULL AS BIGINT) END ORDER BY count(*) DESC NULLS LAST LIMIT 2) OR CASE WHEN "Size" < 5000 THEN ("Size" // 1000) ELSE CAST(NULL AS BIGINT) END IS NULL) GROUP BY CASE WHEN "Size" < 5000 THEN ("Size" // 1000) ELSE CAST(NULL AS BIGINT) END ORDER BY count(*) DESC NULLS LAST LIMIT 2',
    clickhouse:
      "SELECT CASE WHEN `Size` < 5000 THEN intDiv(`Size`, 1000) ELSE CAST(NULL AS Nullable(Int64)) END AS `Small`, countIf(`Status` = 'Delivered') AS `Delivered`, countIf(`Status` = 'Failed') AS `Failed`, CAST(sum(`Size`) AS Nullable(Int64)) AS `Bytes`, count() AS `Rows` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY CASE WHEN `Size` < 5000 THEN intDiv(`Size`, 1000) ELSE CAST(NULL AS Nullable(Int64)) END ORDER BY count() DESC NULLS LAST LIMIT 2",
    rows: [
      [0, 1, 0, 310, 3],
      [null, 1, 1, 218000, 4],
    ],
  },
  {
    name: 'sort and take after summarize rank the keys first',
    kql: 'MessageTrace | summarize Delivered = countif(Status == "Delivered"), Failed = countif(Status == "Failed"), Bytes = sum(Size), Rows = count() by Direction | sort by Bytes desc | take 1',
    duckdb:
      'SELECT "Direction", count_if("Status" = $1) AS "Delivered", count_if("Status" = $2) AS "Failed", CAST(sum("Size") AS BIGINT) AS "Bytes", count(*) AS "Rows" FROM "MessageTrace" WHERE ("Direction" IN (SELECT "Direction" FROM "MessageTrace" GROUP BY "Direction" ORDER BY CAST(sum("Size") AS BIGINT) DESC NULLS LAST LIMIT 1) OR "Direction" IS NULL) GROUP BY "Direction" ORDER BY CAST(sum("Size") AS BIGINT) DESC NULLS LAST LIMIT 1',
    clickhouse:
      "SELECT `Direction`, countIf(`Status` = 'Delivered') AS `Delivered`, countIf(`Status` = 'Failed') AS `Failed`, CAST(sum(`Size`) AS Nullable(Int64)) AS `Bytes`, count() AS `Rows` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction` ORDER BY CAST(sum(`Size`) AS Nullable(Int64)) DESC NULLS LAST LIMIT 1",
    rows: [['Outbound', 1, 1, 151200, 3]],
  },
  {
    name: 'daily status counts',
    kql: 'MessageTrace | summarize count() by bin(Received, 1d), Status | render columnchart with (kind=stacked, title="Daily status")',
    duckdb:
      'SELECT date_trunc(\'day\', "Received") AS "Received", "Status", count(*) AS "count_" FROM "MessageTrace" GROUP BY date_trunc(\'day\', "Received"), "Status"',
    clickhouse:
      "SELECT concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Received` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`Received` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `Received`, `Status`, `count_` FROM (SELECT `_c0_Received` AS `Received`, `_c1_Status` AS `Status`, `_c2_count_` AS `count_` FROM (SELECT (`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) AS `_c0_Received`, `Status` AS `_c1_Status`, count() AS `_c2_count_` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY (`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))), `Status`) AS _a1) AS _out2",
    rows: [
      ['2026-10-25T00:00:00.000Z', 'Delivered', 1],
      ['2026-10-31T00:00:00.000Z', 'Failed', 1],
      ['2026-10-31T00:00:00.000Z', 'Pending', 1],
      ['2026-11-01T00:00:00.000Z', 'Delivered', 3],
      ['2026-11-01T00:00:00.000Z', 'FilteredAsSpam', 1],
      ['2026-11-01T00:00:00.000Z', 'None', 1],
      ['2026-11-01T00:00:00.000Z', 'Quarantined', 1],
    ],
  },
  {
    name: 'time bins from a fixed point, grouped on integers and filtered after',
    kql: 'MessageTrace | summarize n = count() by Day = bin_at(Received, 1d, datetime(2026-10-01T15:00:00Z)), Status | where Day >= datetime(2026-10-31T15:00:00Z) | sort by Day asc, Status asc',
    duckdb:
      'SELECT make_timestamp(epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\') + "Day") AS "Day", "Status", "n" FROM (SELECT (epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\')) - (((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\')) % 86400000000) + 86400000000) % 86400000000 AS "Day", "Status", count(*) AS "n" FROM "MessageTrace" GROUP BY (epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\')) - (((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\')) % 86400000000) + 86400000000) % 86400000000, "Status") AS _t1 WHERE make_timestamp(epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\') + "Day") >= TIMESTAMP \'2026-10-31 15:00:00.000\' ORDER BY make_timestamp(epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\') + "Day") ASC NULLS FIRST, "Status" ASC NULLS FIRST',
    clickhouse:
      "SELECT concat(substring(toString(10000 + ((100 * intDiv((4 * intDiv((`Day` + toInt64(62162035200000000)), 86400000000) + 3), 146097) + bitShiftRight((2939745 * (4 * intDiv((4 * intDiv((`Day` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 32)) + (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Day` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 4), '-', substring(toString(100 + (bitShiftRight((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Day` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 16) - 12 * (intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Day` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) >= 306))), 2, 2), '-', substring(toString(100 + (intDiv(bitAnd((2141 * intDiv(bitAnd((2939745 * (4 * intDiv((4 * intDiv((`Day` + toInt64(62162035200000000)), 86400000000) + 3) % 146097, 4) + 3)), 4294967295), 11758980) + 197913), 65535), 2141) + 1)), 2, 2), 'T', substring(toString(100 + intDiv(((`Day` + toInt64(62162035200000000)) % toInt64(86400000000)), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Day` + toInt64(62162035200000000)) % toInt64(86400000000)) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(((`Day` + toInt64(62162035200000000)) % toInt64(86400000000)) % 60000000, 1000000)), 2, 2), '.', replaceRegexpOne(substring(toString(1000000 + (((`Day` + toInt64(62162035200000000)) % toInt64(86400000000)) % 1000000)), 2, 6), '^([0-9]{3})000$', '\\\\1'), 'Z') AS `Day`, `Status`, `n` FROM (SELECT `_c0_Day` AS `Day`, `_c1_Status` AS `Status`, `_c2_n` AS `n` FROM (SELECT ((toInt64(1790866800000000)) + `Day`) AS `_c0_Day`, `Status` AS `_c1_Status`, `n` AS `_c2_n` FROM (SELECT ((`Received`) - (toInt64(1790866800000000))) - ((((`Received`) - (toInt64(1790866800000000))) % toInt64(86400000000)) + toInt64(86400000000)) % toInt64(86400000000) AS `Day`, `Status`, count() AS `n` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY ((`Received`) - (toInt64(1790866800000000))) - ((((`Received`) - (toInt64(1790866800000000))) % toInt64(86400000000)) + toInt64(86400000000)) % toInt64(86400000000), `Status`) AS _t1 WHERE ((toInt64(1790866800000000)) + `Day`) >= toInt64(1793458800000000) ORDER BY ((toInt64(1790866800000000)) + `Day`) ASC NULLS FIRST, `Status` ASC NULLS FIRST) AS _a2) AS _out3",
    rows: [
      ['2026-10-31T15:00:00.000Z', 'Delivered', 2],
      ['2026-10-31T15:00:00.000Z', 'FilteredAsSpam', 1],
      ['2026-10-31T15:00:00.000Z', 'None', 1],
      ['2026-10-31T15:00:00.000Z', 'Quarantined', 1],
      ['2026-11-01T15:00:00.000Z', 'Delivered', 1],
    ],
  },
];
