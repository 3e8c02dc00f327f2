/** Case table: string operators with KQL semantics (has is whole-term and case-insensitive, == is case-sensitive). */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: '== is case-sensitive',
    kql: 'MessageTrace | where Status == "delivered" | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE "Status" = $1',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Status` = 'delivered'",
    rows: [[0]],
  },
  {
    name: '=~ is case-insensitive',
    kql: 'MessageTrace | where Status =~ "delivered" | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE lower("Status") = $1',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE lowerUTF8(`Status`) = 'delivered'",
    rows: [[4]],
  },
  {
    name: '!~',
    kql: 'MessageTrace | where Status !~ "DELIVERED" | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE lower("Status") <> $1',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE lowerUTF8(`Status`) <> 'delivered'",
    rows: [[5]],
  },
  {
    name: 'has matches whole terms only',
    kql: 'MessageTrace | where Subject has "cat" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE contains(lower("Subject"), $1) AND regexp_matches("Subject", $2)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`Subject`), 'cat') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])cat(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [['m7']],
  },
  {
    name: 'has is case-insensitive',
    kql: 'MessageTrace | where Subject has "INVOICE" | project MessageTraceId, RecipientAddress',
    duckdb:
      'SELECT "MessageTraceId", "RecipientAddress" FROM "MessageTrace" WHERE contains(lower("Subject"), $1) AND regexp_matches("Subject", $2)',
    clickhouse:
      "SELECT `MessageTraceId`, `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`Subject`), 'invoice') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])INVOICE(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [
      ['m1', 'bob@fabrikam.com'],
      ['m3', 'bob@contoso.com'],
      ['m3', 'dave@contoso.com'],
    ],
  },
  {
    name: 'has with a Japanese term',
    kql: 'MessageTrace | where Subject has "会議" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE contains(lower("Subject"), $1) AND regexp_matches("Subject", $2)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`Subject`), '会議') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])会議(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [['m6']],
  },
  {
    name: '!has',
    kql: 'MessageTrace | where Subject !has "invoice" | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE NOT (contains(lower("Subject"), $1) AND regexp_matches("Subject", $2))',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE NOT ((position(lowerUTF8(`Subject`), 'invoice') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])invoice(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]')))",
    rows: [[6]],
  },
  {
    name: 'has_cs',
    kql: 'MessageTrace | where Subject has_cs "CAT" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE contains("Subject", $1) AND regexp_matches("Subject", $2)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(`Subject`, 'CAT') > 0) AND match(`Subject`, concat('(?:^|[^\\\\p{L}\\\\p{N}])CAT(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [['m7']],
  },
  {
    name: 'has with punctuation in the needle',
    kql: 'MessageTrace | where SenderAddress has "@phish.example" | count',
    duckdb:
      'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE contains(lower("SenderAddress"), $1) AND regexp_matches("SenderAddress", $2)',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`SenderAddress`), '@phish.example') > 0) AND match(`SenderAddress`, concat('(?i)@phish\\\\.example(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [[2]],
  },
  {
    name: 'has_any',
    kql: 'MessageTrace | where Subject has_any ("report", "facts") | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE regexp_matches("Subject", $1)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE match(`Subject`, concat('(?i)(?:(?:^|[^\\\\p{L}\\\\p{N}])report(?:[^\\\\p{L}\\\\p{N}]|$)|(?:^|[^\\\\p{L}\\\\p{N}])facts(?:[^\\\\p{L}\\\\p{N}]|$))', '|[^\\\\s\\\\S]'))",
    rows: [['m2'], ['m7']],
  },
  {
    name: 'has_all',
    kql: 'MessageTrace | where Subject has_all ("invoice", "urgent") | project RecipientAddress',
    duckdb:
      'SELECT "RecipientAddress" FROM "MessageTrace" WHERE contains(lower("Subject"), $1) AND regexp_matches("Subject", $2) AND contains(lower("Subject"), $3) AND regexp_matches("Subject", $4)',
    clickhouse:
      "SELECT `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`Subject`), 'invoice') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])invoice(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]')) AND (position(lowerUTF8(`Subject`), 'urgent') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])urgent(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [['bob@contoso.com'], ['dave@contoso.com']],
  },
  {
    name: 'contains is a case-insensitive substring',
    kql: 'MessageTrace | where Subject contains "CAT" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE contains(lower("Subject"), $1)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`Subject`), 'cat') > 0)",
    rows: [['m4'], ['m7']],
  },
  {
    name: '!contains',
    kql: 'MessageTrace | where Subject !contains "o" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE NOT (contains(lower("Subject"), $1))',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE NOT ((position(lowerUTF8(`Subject`), 'o') > 0))",
    rows: [['m5'], ['m6'], ['m7']],
  },
  {
    name: 'contains_cs',
    kql: 'MessageTrace | where Subject contains_cs "Con" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE contains("Subject", $1)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(`Subject`, 'Con') > 0)",
    rows: [['m1'], ['m4']],
  },
  {
    name: 'startswith',
    kql: 'MessageTrace | where Subject startswith "re:" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Subject" ILIKE $1',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (lowerUTF8(`Subject`) LIKE lowerUTF8('re:%'))",
    rows: [['m6']],
  },
  {
    name: 'startswith with LIKE wildcards in the needle',
    kql: 'MessageTrace | where Subject startswith "it%" | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE starts_with(lower("Subject"), $1)',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE startsWith(lowerUTF8(`Subject`), 'it%')",
    rows: [[0]],
  },
  {
    name: 'endswith',
    kql: 'MessageTrace | where SenderAddress endswith "@FABRIKAM.COM" | distinct SenderAddress',
    duckdb: 'SELECT DISTINCT "SenderAddress" FROM "MessageTrace" WHERE "SenderAddress" ILIKE $1',
    clickhouse:
      "SELECT DISTINCT `SenderAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (lowerUTF8(`SenderAddress`) LIKE lowerUTF8('%@FABRIKAM.COM'))",
    rows: [['news@fabrikam.com']],
  },
  {
    name: 'matches regex',
    kql: 'MessageTrace | where Subject matches regex @"\\d{4}" | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE regexp_matches("Subject", $1)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE match(`Subject`, concat('\\\\d{4}', '|[^\\\\s\\\\S]'))",
    rows: [['m1']],
  },
  {
    name: 'in and !in',
    kql: 'MessageTrace | where Status in ("Quarantined", "FilteredAsSpam") and RecipientAddress !in ("dave@contoso.com") | project RecipientAddress',
    duckdb: 'SELECT "RecipientAddress" FROM "MessageTrace" WHERE ("Status" IN ($1, $2)) AND ("RecipientAddress" NOT IN ($3))',
    clickhouse:
      "SELECT `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`RecipientAddress` NOT IN ('dave@contoso.com'))) WHERE (`Status` IN ('Quarantined', 'FilteredAsSpam'))",
    rows: [['bob@contoso.com']],
  },
  {
    name: 'in~',
    kql: 'MessageTrace | where Status in~ ("failed", "PENDING") | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE lower("Status") IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE lowerUTF8(`Status`) IN ('failed', 'pending')",
    rows: [['m5'], ['m6']],
  },
  {
    name: '!in~',
    kql: 'MessageTrace | where Status !in~ ("delivered", "none") | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE lower("Status") NOT IN ($1, $2)',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE lowerUTF8(`Status`) NOT IN ('delivered', 'none')",
    rows: [[4]],
  },
  {
    name: 'in with a dynamic array',
    kql: 'MessageTrace | where MessageTraceId in (dynamic(["m1", "m2"])) | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m1', 'm2')))",
    rows: [[2]],
  },
  {
    name: 'strcat, tolower, toupper, strlen',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project A = strcat(SenderAddress, " -> ", RecipientAddress, " ", Size), L = tolower(Status), U = toupper(Status), strlen(Subject)',
    duckdb:
      'SELECT concat("SenderAddress", $1, "RecipientAddress", $2, coalesce(CAST("Size" AS VARCHAR), \'\')) AS "A", lower("Status") AS "L", upper("Status") AS "U", CAST(length("Subject") AS BIGINT) AS "strlen_Subject" FROM "MessageTrace" WHERE "MessageTraceId" = $3',
    clickhouse:
      "SELECT concat(`SenderAddress`, ' -> ', `RecipientAddress`, ' ', coalesce(CAST(`Size` AS Nullable(String)), '')) AS `A`, lowerUTF8(`Status`) AS `L`, upperUTF8(`Status`) AS `U`, CAST(lengthUTF8(`Subject`) AS Nullable(Int64)) AS `strlen_Subject` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['alice@contoso.com -> bob@fabrikam.com 1200', 'delivered', 'DELIVERED', 25]],
  },
  {
    name: 'substring and indexof',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project S = substring(Subject, 8, 4), Rest = substring(Subject, 13), I = indexof(Subject, "from"), Missing = indexof(Subject, "zzz")',
    duckdb:
      'SELECT substring("Subject", 9, greatest(4, 0)) AS "S", substring("Subject", 14) AS "Rest", CAST(strpos("Subject", $1) AS BIGINT) - 1 AS "I", CAST(strpos("Subject", $2) AS BIGINT) - 1 AS "Missing" FROM "MessageTrace" WHERE "MessageTraceId" = $3',
    clickhouse:
      "SELECT substringUTF8(`Subject`, toUInt64(9), toUInt64(greatest(4, 0))) AS `S`, substringUTF8(`Subject`, toUInt64(14), toUInt64(2147483647)) AS `Rest`, CAST(positionUTF8(`Subject`, 'from') AS Nullable(Int64)) - 1 AS `I`, CAST(positionUTF8(`Subject`, 'zzz') AS Nullable(Int64)) - 1 AS `Missing` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['4711', 'from Contoso', 13, -1]],
  },
  {
    name: 'split with and without index',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project Parts = split(SenderAddress, "@"), Domain = tostring(split(SenderAddress, "@")[1]), Last = split(SenderAddress, ".", -1)',
    duckdb:
      'SELECT to_json(string_split("SenderAddress", $1)) AS "Parts", coalesce(json_extract_string(json_extract(to_json(string_split("SenderAddress", $1)), $2), \'$\'), \'\') AS "Domain", to_json(list_slice(string_split("SenderAddress", $3), -1, -1)) AS "Last" FROM "MessageTrace" WHERE "MessageTraceId" = $4',
    clickhouse:
      "SELECT concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), splitByString('@', `SenderAddress`)), ','), ']') AS `Parts`, coalesce(if(startsWith(replaceRegexpAll(ifNull(arrayElement(arrayMap(__j6 -> if(startsWith('$[1]', '$['), arrayElement(arrayMap(__j2 -> arrayElement(arrayMap(__j3 -> if(__j3 >= length(__j2) OR -__j3 > length(__j2), NULL, __j2[if(__j3 >= 0, __j3 + 1, __j3)]), [toInt64(toInt64OrZero(extract('$[1]', '^[$][[]#?(-?[0-9]+)[]]$')))]), 1), [arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '[', arrayMap((__s, __e) -> arrayStringConcat(arraySlice(__j3, __s, __e - __s + 1)), if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), emptyArrayString()), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)]), 1), arrayElement(arrayMap(__j2 -> arrayElement(arrayMap(__j3 -> if(__j3 = 0, NULL, __j2[__j3][2]), [arrayFirstIndex(__m -> if(startsWith(__m[1], '\"'), visitParamExtractString(concat('{\"v\":', __m[1], '}'), 'v'), __m[1]) = visitParamExtractString(concat('{\"k\":', extract('$[1]', '^[$][.](.*)$'), '}'), 'k'), __j2)]), 1), [arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '{', arrayMap((__s, __e) -> [__j3[__s], arrayStringConcat(arraySlice(__j3, __s + 2, __e - __s - 1))], if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), arrayResize([emptyArrayString()], 0)), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)]), 1)), [concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), splitByString('@', `SenderAddress`)), ','), ']')]), 1), ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', ''), '\"'), visitParamExtractString(concat('{\"v\":', replaceRegexpAll(ifNull(arrayElement(arrayMap(__j6 -> if(startsWith('$[1]', '$['), arrayElement(arrayMap(__j2 -> arrayElement(arrayMap(__j3 -> if(__j3 >= length(__j2) OR -__j3 > length(__j2), NULL, __j2[if(__j3 >= 0, __j3 + 1, __j3)]), [toInt64(toInt64OrZero(extract('$[1]', '^[$][[]#?(-?[0-9]+)[]]$')))]), 1), [arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '[', arrayMap((__s, __e) -> arrayStringConcat(arraySlice(__j3, __s, __e - __s + 1)), if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), emptyArrayString()), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)]), 1), arrayElement(arrayMap(__j2 -> arrayElement(arrayMap(__j3 -> if(__j3 = 0, NULL, __j2[__j3][2]), [arrayFirstIndex(__m -> if(startsWith(__m[1], '\"'), visitParamExtractString(concat('{\"v\":', __m[1], '}'), 'v'), __m[1]) = visitParamExtractString(concat('{\"k\":', extract('$[1]', '^[$][.](.*)$'), '}'), 'k'), __j2)]), 1), [arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '{', arrayMap((__s, __e) -> [__j3[__s], arrayStringConcat(arraySlice(__j3, __s + 2, __e - __s - 1))], if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), arrayResize([emptyArrayString()], 0)), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)]), 1)), [concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), splitByString('@', `SenderAddress`)), ','), ']')]), 1), ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', ''), '}'), 'v'), replaceRegexpAll(ifNull(arrayElement(arrayMap(__j6 -> if(startsWith('$[1]', '$['), arrayElement(arrayMap(__j2 -> arrayElement(arrayMap(__j3 -> if(__j3 >= length(__j2) OR -__j3 > length(__j2), NULL, __j2[if(__j3 >= 0, __j3 + 1, __j3)]), [toInt64(toInt64OrZero(extract('$[1]', '^[$][[]#?(-?[0-9]+)[]]$')))]), 1), [arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '[', arrayMap((__s, __e) -> arrayStringConcat(arraySlice(__j3, __s, __e - __s + 1)), if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), emptyArrayString()), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)]), 1), arrayElement(arrayMap(__j2 -> arrayElement(arrayMap(__j3 -> if(__j3 = 0, NULL, __j2[__j3][2]), [arrayFirstIndex(__m -> if(startsWith(__m[1], '\"'), visitParamExtractString(concat('{\"v\":', __m[1], '}'), 'v'), __m[1]) = visitParamExtractString(concat('{\"k\":', extract('$[1]', '^[$][.](.*)$'), '}'), 'k'), __j2)]), 1), [arrayElement(arrayMap(__j3 -> arrayElement(arrayMap(__j5 -> arrayElement(arrayMap(__j4 -> if(__j3[1] = '{', arrayMap((__s, __e) -> [__j3[__s], arrayStringConcat(arraySlice(__j3, __s + 2, __e - __s - 1))], if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1))), arrayResize(arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(__j4, length(__j3))), length(if(length(__j3) <= 2 OR NOT __j3[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(__j4, 1)))))), arrayResize([emptyArrayString()], 0)), [arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(__j3), __j3, __j5)]), 1), [arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), __j3))]), 1), [extractAll(ifNull(__j6, ''), '\"(?:[^\"\\\\\\\\]|\\\\\\\\.)*\"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]')]), 1)]), 1)), [concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), splitByString('@', `SenderAddress`)), ','), ']')]), 1), ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', '')), '') AS `Domain`, concat('[', arrayStringConcat(arrayMap(__v -> ifNull(if(toTypeName(__v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(__v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(__v)), 'null'), arraySlice(splitByString('.', `SenderAddress`), -1, 1)), ','), ']') AS `Last` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['["alice","contoso.com"]', 'contoso.com', '["com"]']],
  },
  {
    name: 'trim with a regex',
    kql: 'print T = trim(@"[-\\s]+", " -- padded -- ")',
    duckdb: 'SELECT regexp_replace($1, $2, $3, \'g\') AS "T"',
    clickhouse: "SELECT replaceRegexpAll(' -- padded -- ', '^(?:[-\\\\s]+)+|(?:[-\\\\s]+)+$', '') AS `T`",
    rows: [['padded']],
  },
  {
    name: 'extract',
    kql: 'MessageTrace | where Subject has "invoice" | project N = extract(@"(\\d+)", 1, Subject), L = extract(@"(\\d+)", 1, Subject, typeof(long))',
    duckdb:
      'SELECT regexp_extract("Subject", $1, 1) AS "N", TRY_CAST(nullif(regexp_extract("Subject", $1, 1), \'\') AS BIGINT) AS "L" FROM "MessageTrace" WHERE contains(lower("Subject"), $2) AND regexp_matches("Subject", $3)',
    clickhouse:
      "SELECT if(match(`Subject`, '(\\\\d+)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(\\\\d+)', ').*$'), '\\\\1'), '') AS `N`, toInt64OrNull(toString(nullif(if(match(`Subject`, '(\\\\d+)'), replaceRegexpOne(`Subject`, concat('(?s)^.*?(?:', '(\\\\d+)', ').*$'), '\\\\1'), ''), ''))) AS `L` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (position(lowerUTF8(`Subject`), 'invoice') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])invoice(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    rows: [
      ['', null],
      ['', null],
      ['4711', 4711],
    ],
  },
  {
    name: 'replace_string and replace_regex',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project A = replace_string(Subject, "Contoso", "C"), B = replace_regex(Subject, @"(\\d+)", @"#\\1")',
    duckdb:
      'SELECT replace("Subject", $1, $2) AS "A", regexp_replace("Subject", $3, $4, \'g\') AS "B" FROM "MessageTrace" WHERE "MessageTraceId" = $5',
    clickhouse:
      "SELECT replaceAll(`Subject`, 'Contoso', 'C') AS `A`, replaceRegexpAll(`Subject`, '(\\\\d+)', '#\\\\1') AS `B` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['Invoice 4711 from C', 'Invoice #4711 from Contoso']],
  },
  {
    name: 'isempty and isnotempty on strings',
    kql: 'MessageTrace | where isempty(FromIP) or isnotempty(ToIP) | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE ("FromIP" = \'\') OR ("ToIP" <> \'\')',
    clickhouse:
      "SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (`FromIP` = '') OR (`ToIP` <> '')",
    rows: [['m8']],
  },
  {
    name: 'indexof with a start and a length',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project a = indexof(SenderAddress, "o", 3), b = indexof(SenderAddress, "@", 1, 3), c = indexof(SenderAddress, "c", 6, -1), d = indexof(SenderAddress, "@", 0, -1)',
    duckdb:
      'SELECT CASE WHEN 3 > length("SenderAddress") OR CAST(strpos(substring("SenderAddress", 4), $1) AS BIGINT) = 0 THEN -1 ELSE CAST(strpos(substring("SenderAddress", 4), $1) AS BIGINT) - 1 + 3 END AS "a", CASE WHEN 1 > length("SenderAddress") OR CAST(strpos(substring("SenderAddress", 2, 3), $2) AS BIGINT) = 0 THEN -1 ELSE CAST(strpos(substring("SenderAddress", 2, 3), $2) AS BIGINT) - 1 + 1 END AS "b", CASE WHEN 6 > length("SenderAddress") OR CAST(strpos(substring("SenderAddress", 7), $3) AS BIGINT) = 0 THEN -1 ELSE CAST(strpos(substring("SenderAddress", 7), $3) AS BIGINT) - 1 + 6 END AS "c", CASE WHEN 0 > length("SenderAddress") OR CAST(strpos(substring("SenderAddress", 1), $2) AS BIGINT) = 0 THEN -1 ELSE CAST(strpos(substring("SenderAddress", 1), $2) AS BIGINT) - 1 + 0 END AS "d" FROM "MessageTrace" WHERE "MessageTraceId" = $4',
    clickhouse:
      "SELECT CASE WHEN 3 > lengthUTF8(`SenderAddress`) OR CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(4), toUInt64(2147483647)), 'o') AS Nullable(Int64)) = 0 THEN -1 ELSE CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(4), toUInt64(2147483647)), 'o') AS Nullable(Int64)) - 1 + 3 END AS `a`, CASE WHEN 1 > lengthUTF8(`SenderAddress`) OR CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(2), toUInt64(3)), '@') AS Nullable(Int64)) = 0 THEN -1 ELSE CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(2), toUInt64(3)), '@') AS Nullable(Int64)) - 1 + 1 END AS `b`, CASE WHEN 6 > lengthUTF8(`SenderAddress`) OR CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(7), toUInt64(2147483647)), 'c') AS Nullable(Int64)) = 0 THEN -1 ELSE CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(7), toUInt64(2147483647)), 'c') AS Nullable(Int64)) - 1 + 6 END AS `c`, CASE WHEN 0 > lengthUTF8(`SenderAddress`) OR CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(1), toUInt64(2147483647)), '@') AS Nullable(Int64)) = 0 THEN -1 ELSE CAST(positionUTF8(substringUTF8(`SenderAddress`, toUInt64(1), toUInt64(2147483647)), '@') AS Nullable(Int64)) - 1 + 0 END AS `d` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [[7, -1, 6, 5]],
  },
];
