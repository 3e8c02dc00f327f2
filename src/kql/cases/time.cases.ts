/** Case table: datetimes and timespans (now() is 2026-11-02T00:00:00Z in every case). */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'ago with a timespan literal',
    kql: 'MessageTrace | where Received > ago(1d) | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE "Received" > TIMESTAMP \'2026-11-01 00:00:00.000\'',
    clickhouse:
      'SELECT count() AS `Count` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`Received` > toInt64(1793491200000000)))',
    rows: [[6]],
  },
  {
    name: 'datetime literal and between',
    kql: 'MessageTrace | where Received between (datetime(2026-10-31) .. datetime(2026-10-31T23:59:59Z)) | project MessageTraceId',
    duckdb:
      'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Received" BETWEEN TIMESTAMP \'2026-10-31 00:00:00.000\' AND TIMESTAMP \'2026-10-31 23:59:59.000\'',
    clickhouse:
      'SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`Received` BETWEEN toInt64(1793404800000000) AND toInt64(1793491199000000)))',
    rows: [['m5'], ['m6']],
  },
  {
    name: 'between a datetime and a timespan',
    kql: 'MessageTrace | where Received between (datetime(2026-11-01T10:00:00Z) .. 2h) | project RecipientAddress',
    duckdb:
      'SELECT "RecipientAddress" FROM "MessageTrace" WHERE "Received" BETWEEN TIMESTAMP \'2026-11-01 10:00:00.000\' AND TIMESTAMP \'2026-11-01 12:00:00.000\'',
    clickhouse:
      'SELECT `RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`Received` BETWEEN toInt64(1793527200000000) AND toInt64(1793534400000000)))',
    rows: [['bob@contoso.com'], ['bob@contoso.com'], ['dave@contoso.com']],
  },
  {
    name: 'timespan literals',
    kql: 'print a = 30m, b = 1.5h, c = 100ms, d = 7d, e = 2d / 1h',
    duckdb:
      'SELECT to_microseconds(1800000000) AS "a", to_microseconds(5400000000) AS "b", to_microseconds(100000) AS "c", to_microseconds(604800000000) AS "d", epoch_us(to_microseconds(172800000000)) / epoch_us(to_microseconds(3600000000)) AS "e"',
    clickhouse:
      "SELECT concat(if(`a` < 0, '-', ''), if(intDiv(abs(`a`), 86400000000) > 0, concat(toString(intDiv(abs(`a`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`a`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`a`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`a`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`a`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`a`) % toInt64(1000000)) * 10), 2, 7)))) AS `a`, concat(if(`b` < 0, '-', ''), if(intDiv(abs(`b`), 86400000000) > 0, concat(toString(intDiv(abs(`b`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`b`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`b`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`b`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`b`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`b`) % toInt64(1000000)) * 10), 2, 7)))) AS `b`, concat(if(`c` < 0, '-', ''), if(intDiv(abs(`c`), 86400000000) > 0, concat(toString(intDiv(abs(`c`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`c`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`c`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`c`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`c`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`c`) % toInt64(1000000)) * 10), 2, 7)))) AS `c`, concat(if(`d` < 0, '-', ''), if(intDiv(abs(`d`), 86400000000) > 0, concat(toString(intDiv(abs(`d`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`d`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`d`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`d`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`d`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`d`) % toInt64(1000000)) * 10), 2, 7)))) AS `d`, `e` FROM (SELECT toInt64(1800000000) AS `a`, toInt64(5400000000) AS `b`, toInt64(100000) AS `c`, toInt64(604800000000) AS `d`, (toInt64(172800000000)) / (toInt64(3600000000)) AS `e`) AS _out1",
    rows: [['00:30:00', '01:30:00', '00:00:00.1000000', '7.00:00:00', 48]],
  },
  {
    name: 'datetime arithmetic',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project Later = Received + 90m, Age = now() - Received, Hours = (now() - Received) / 1h',
    duckdb:
      'SELECT "Received" + to_microseconds(5400000000) AS "Later", TIMESTAMP \'2026-11-02 00:00:00.000\' - "Received" AS "Age", epoch_us(TIMESTAMP \'2026-11-02 00:00:00.000\' - "Received") / epoch_us(to_microseconds(3600000000)) AS "Hours" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`Later` - ((`Later` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Later` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Later`, concat(if(`Age` < 0, '-', ''), if(intDiv(abs(`Age`), 86400000000) > 0, concat(toString(intDiv(abs(`Age`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`Age`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`Age`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`Age`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`Age`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`Age`) % toInt64(1000000)) * 10), 2, 7)))) AS `Age`, `Hours` FROM (SELECT `Received` + toInt64(5400000000) AS `Later`, toInt64(1793577600000000) - `Received` AS `Age`, (toInt64(1793577600000000) - `Received`) / (toInt64(3600000000)) AS `Hours` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))) AS _out1",
    rows: [['2026-11-01T09:45:00.000Z', '15:45:00', 15.75]],
  },
  {
    name: 'bin on datetimes',
    kql: 'MessageTrace | summarize count() by bin(Received, 1d)',
    duckdb:
      'SELECT date_trunc(\'day\', "Received") AS "Received", count(*) AS "count_" FROM "MessageTrace" GROUP BY date_trunc(\'day\', "Received")',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`Received` - ((`Received` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Received` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Received`, `count_` FROM (SELECT `_c0_Received` AS `Received`, `_c1_count_` AS `count_` FROM (SELECT (`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) AS `_c0_Received`, count() AS `_c1_count_` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY (`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)))) AS _a1) AS _out2",
    rows: [
      ['2026-10-25T00:00:00.000Z', 1],
      ['2026-10-31T00:00:00.000Z', 2],
      ['2026-11-01T00:00:00.000Z', 6],
    ],
  },
  {
    name: 'bin_at from a fixed point (local midnights), also before it',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project D = bin_at(Received, 1d, datetime(2026-10-01T15:00:00Z)), H = bin_at(Received, 1h, datetime(2030-01-01T00:30:00Z))',
    duckdb:
      'SELECT make_timestamp(epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\') + (epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\')) - (((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-01 15:00:00.000\')) % 86400000000) + 86400000000) % 86400000000) AS "D", make_timestamp(epoch_us(TIMESTAMP \'2030-01-01 00:30:00.000\') + (epoch_us("Received") - epoch_us(TIMESTAMP \'2030-01-01 00:30:00.000\')) - (((epoch_us("Received") - epoch_us(TIMESTAMP \'2030-01-01 00:30:00.000\')) % 3600000000) + 3600000000) % 3600000000) AS "H" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`D` - ((`D` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`D` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `D`, concat(replaceOne(toString(toDateTime(intDiv((`H` - ((`H` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`H` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `H` FROM (SELECT ((toInt64(1790866800000000)) + ((`Received`) - (toInt64(1790866800000000))) - ((((`Received`) - (toInt64(1790866800000000))) % toInt64(86400000000)) + toInt64(86400000000)) % toInt64(86400000000)) AS `D`, ((toInt64(1893457800000000)) + ((`Received`) - (toInt64(1893457800000000))) - ((((`Received`) - (toInt64(1893457800000000))) % toInt64(3600000000)) + toInt64(3600000000)) % toInt64(3600000000)) AS `H` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))) AS _out1",
    rows: [['2026-10-31T15:00:00.000Z', '2026-11-01T07:30:00.000Z']],
  },
  {
    name: 'bin on datetimes by hours from 0001-01-01',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project B5 = bin(Received, 5h), B7d = bin(Received, 7d), B90 = bin(Received, 90m)',
    duckdb:
      'SELECT time_bucket(to_microseconds(18000000000), "Received", TIMESTAMP \'0001-01-01 00:00:00\') AS "B5", time_bucket(to_microseconds(604800000000), "Received", TIMESTAMP \'0001-01-01 00:00:00\') AS "B7d", time_bucket(to_microseconds(5400000000), "Received", TIMESTAMP \'0001-01-01 00:00:00\') AS "B90" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`B5` - ((`B5` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`B5` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `B5`, concat(replaceOne(toString(toDateTime(intDiv((`B7d` - ((`B7d` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`B7d` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `B7d`, concat(replaceOne(toString(toDateTime(intDiv((`B90` - ((`B90` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`B90` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `B90` FROM (SELECT (`Received` - (((`Received` + 10800000000) % toInt64(18000000000) + toInt64(18000000000)) % toInt64(18000000000))) AS `B5`, (`Received` - (((`Received` + 259200000000) % toInt64(604800000000) + toInt64(604800000000)) % toInt64(604800000000))) AS `B7d`, (`Received` - ((`Received` % toInt64(5400000000) + toInt64(5400000000)) % toInt64(5400000000))) AS `B90` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))) AS _out1",
    rows: [['2026-11-01T05:00:00.000Z', '2026-10-26T00:00:00.000Z', '2026-11-01T07:30:00.000Z']],
  },
  {
    name: 'startofday, startofweek (Sunday), startofmonth',
    kql: 'MessageTrace | where MessageTraceId in ("m1", "m5") | project MessageTraceId, D = startofday(Received), W = startofweek(Received), M = startofmonth(Received)',
    duckdb:
      'SELECT "MessageTraceId", date_trunc(\'day\', "Received") AS "D", time_bucket(to_microseconds(604800000000), "Received" + to_microseconds(86400000000), TIMESTAMP \'0001-01-01 00:00:00\') - to_microseconds(86400000000) AS "W", date_trunc(\'month\', "Received") AS "M" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, concat(replaceOne(toString(toDateTime(intDiv((`D` - ((`D` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`D` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `D`, concat(replaceOne(toString(toDateTime(intDiv((`W` - ((`W` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`W` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `W`, concat(replaceOne(toString(toDateTime(intDiv((`M` - ((`M` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`M` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `M` FROM (SELECT `MessageTraceId`, (`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) AS `D`, (`Received` + toInt64(86400000000) - (((`Received` + toInt64(86400000000) + 259200000000) % toInt64(604800000000) + toInt64(604800000000)) % toInt64(604800000000))) - toInt64(86400000000) AS `W`, (toInt64(toUnixTimestamp(toDateTime(toStartOfMonth(toDateTime(intDiv(`Received`, 1000000), 'UTC')), 'UTC'))) * 1000000) AS `M` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m1', 'm5')))) AS _out1",
    rows: [
      ['m1', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
      ['m5', '2026-10-31T00:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
    ],
  },
  {
    name: 'dayofweek is a timespan, hourofday an int',
    kql: 'MessageTrace | where MessageTraceId in ("m1", "m5") | project MessageTraceId, Dow = dayofweek(Received), DowNumber = toint(dayofweek(Received) / 1d), H = hourofday(Received)',
    duckdb:
      'SELECT "MessageTraceId", to_days(CAST(dayofweek("Received") AS INTEGER)) AS "Dow", TRY_CAST(trunc(epoch_us(to_days(CAST(dayofweek("Received") AS INTEGER))) / epoch_us(to_microseconds(86400000000))) AS INTEGER) AS "DowNumber", CAST(hour("Received") AS INTEGER) AS "H" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, concat(if(`Dow` < 0, '-', ''), if(intDiv(abs(`Dow`), 86400000000) > 0, concat(toString(intDiv(abs(`Dow`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`Dow`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`Dow`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`Dow`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`Dow`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`Dow`) % toInt64(1000000)) * 10), 2, 7)))) AS `Dow`, `DowNumber`, `H` FROM (SELECT `MessageTraceId`, (toInt64((toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7)) * 86400000000) AS `Dow`, toInt32OrNull(toString(trunc(((toInt64((toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7)) * 86400000000)) / (toInt64(86400000000))))) AS `DowNumber`, CAST(toHour(toDateTime(intDiv(`Received`, 1000000), 'UTC')) AS Nullable(Int32)) AS `H` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m1', 'm5')))) AS _out1",
    rows: [
      ['m1', '00:00:00', 0, 8],
      ['m5', '6.00:00:00', 6, 12],
    ],
  },
  {
    name: 'format_datetime',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project F = format_datetime(Received, "yyyy-MM-dd HH:mm:ss"), G = format_datetime(Received, "d/M/yy")',
    duckdb:
      'SELECT coalesce(strftime("Received", \'%Y-%m-%d %H:%M:%S\'), \'\') AS "F", coalesce(strftime("Received", \'%-d/%-m/%y\'), \'\') AS "G" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT coalesce(formatDateTime(toDateTime(intDiv(`Received`, 1000000), 'UTC'), '%Y-%m-%d %H:%M:%S'), '') AS `F`, coalesce(concat(toString(toDayOfMonth(toDateTime(intDiv(`Received`, 1000000), 'UTC'))), formatDateTime(toDateTime(intDiv(`Received`, 1000000), 'UTC'), '/'), toString(toMonth(toDateTime(intDiv(`Received`, 1000000), 'UTC'))), formatDateTime(toDateTime(intDiv(`Received`, 1000000), 'UTC'), '/%y')), '') AS `G` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm1'))",
    rows: [['2026-11-01 08:15:00', '1/11/26']],
  },
  {
    name: 'datetime_diff',
    kql: 'MessageTrace | where MessageTraceId == "m5" | project Days = datetime_diff("day", now(), Received), Hours = datetime_diff("hour", now(), Received), Months = datetime_diff("month", now(), Received)',
    duckdb:
      'SELECT CAST(date_diff(\'day\', "Received", TIMESTAMP \'2026-11-02 00:00:00.000\') AS BIGINT) AS "Days", CAST(date_diff(\'hour\', "Received", TIMESTAMP \'2026-11-02 00:00:00.000\') AS BIGINT) AS "Hours", CAST(date_diff(\'month\', "Received", TIMESTAMP \'2026-11-02 00:00:00.000\') AS BIGINT) AS "Months" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT CAST((intDiv(toInt64(1793577600000000) - ((toInt64(1793577600000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)), 86400000000) - intDiv(`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)), 86400000000)) AS Nullable(Int64)) AS `Days`, CAST((intDiv(toInt64(1793577600000000) - ((toInt64(1793577600000000) % toInt64(3600000000) + toInt64(3600000000)) % toInt64(3600000000)), 3600000000) - intDiv(`Received` - ((`Received` % toInt64(3600000000) + toInt64(3600000000)) % toInt64(3600000000)), 3600000000)) AS Nullable(Int64)) AS `Hours`, CAST(dateDiff('month', toDateTime(intDiv(`Received`, 1000000), 'UTC'), toDateTime(intDiv(toInt64(1793577600000000), 1000000), 'UTC')) AS Nullable(Int64)) AS `Months` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm5'))",
    rows: [[2, 36, 1]],
  },
  {
    name: 'calendar and sub-second parts of a datetime column',
    kql: 'MessageTrace | where MessageTraceId in ("m4", "m7") | extend T = datetime_add("millisecond", 1234, Received) | project MessageTraceId, Y = getyear(T), M = getmonth(T), MY = monthofyear(T), D = dayofmonth(T), DY = dayofyear(T), W = week_of_year(T), Q = datetime_part("quarter", T), H = datetime_part("hour", T), S = datetime_part("second", T), Ms = datetime_part("millisecond", T), Us = datetime_part("microsecond", T)',
    duckdb:
      'SELECT "MessageTraceId", CAST(year(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "Y", CAST(month(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "M", CAST(month(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "MY", CAST(day(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "D", CAST(dayofyear(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "DY", CAST(weekofyear(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "W", CAST(quarter(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "Q", CAST(hour(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "H", CAST(second(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) AS INTEGER) AS "S", CAST((millisecond(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) % 1000) AS INTEGER) AS "Ms", CAST((microsecond(("Received" + to_milliseconds(CAST(1234 AS BIGINT)))) % 1000000) AS INTEGER) AS "Us" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, toInt32(toYear(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `Y`, toInt32(toMonth(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `M`, toInt32(toMonth(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `MY`, toInt32(toDayOfMonth(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `D`, toInt32(toDayOfYear(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `DY`, toInt32(toISOWeek(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `W`, toInt32(toQuarter(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `Q`, toInt32(toHour(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `H`, toInt32(toSecond(toDateTime(intDiv((`Received` + toInt64(1234) * 1000), 1000000), 'UTC'))) AS `S`, toInt32(intDiv((((`Received` + toInt64(1234) * 1000) % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000)), 1000)) AS `Ms`, toInt32((((`Received` + toInt64(1234) * 1000) % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000))) AS `Us` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m4', 'm7')))",
    rows: [
      ['m4', 2026, 11, 11, 2, 306, 45, 4, 0, 0, 234, 234000],
      ['m7', 2026, 10, 10, 25, 298, 43, 4, 0, 1, 234, 234000],
    ],
  },
  {
    name: 'datetime_add by calendar and fixed units, of a column',
    kql: 'MessageTrace | where MessageTraceId in ("m4", "m7") | project MessageTraceId, Mo = datetime_add("month", 1, Received), Q = datetime_add("quarter", -1, Received), Y = datetime_add("year", 1, Received), W = datetime_add("week", 2, Received), H = datetime_add("hour", -30, Received), Ms = datetime_add("millisecond", 1500, Received)',
    duckdb:
      'SELECT "MessageTraceId", ("Received" + to_months(CAST(1 AS INTEGER))) AS "Mo", ("Received" + to_months(CAST(3 * (-1) AS INTEGER))) AS "Q", ("Received" + to_years(CAST(1 AS INTEGER))) AS "Y", ("Received" + to_weeks(CAST(2 AS INTEGER))) AS "W", ("Received" + to_hours(CAST(-30 AS BIGINT))) AS "H", ("Received" + to_milliseconds(CAST(1500 AS BIGINT))) AS "Ms" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, concat(replaceOne(toString(toDateTime(intDiv((`Mo` - ((`Mo` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Mo` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Mo`, concat(replaceOne(toString(toDateTime(intDiv((`Q` - ((`Q` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Q` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Q`, concat(replaceOne(toString(toDateTime(intDiv((`Y` - ((`Y` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Y` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Y`, concat(replaceOne(toString(toDateTime(intDiv((`W` - ((`W` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`W` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `W`, concat(replaceOne(toString(toDateTime(intDiv((`H` - ((`H` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`H` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `H`, concat(replaceOne(toString(toDateTime(intDiv((`Ms` - ((`Ms` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Ms` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Ms` FROM (SELECT `MessageTraceId`, ((toInt64(toUnixTimestamp(toDateTime(addMonths(toDateTime(intDiv(`Received`, 1000000), 'UTC'), toInt64(1)), 'UTC'))) * 1000000) + ((`Received` % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000))) AS `Mo`, ((toInt64(toUnixTimestamp(toDateTime(addMonths(toDateTime(intDiv(`Received`, 1000000), 'UTC'), toInt64(3 * (-1))), 'UTC'))) * 1000000) + ((`Received` % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000))) AS `Q`, ((toInt64(toUnixTimestamp(toDateTime(addMonths(toDateTime(intDiv(`Received`, 1000000), 'UTC'), toInt64(12 * (1))), 'UTC'))) * 1000000) + ((`Received` % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000))) AS `Y`, (`Received` + toInt64(2) * 604800000000) AS `W`, (`Received` + toInt64(-30) * 3600000000) AS `H`, (`Received` + toInt64(1500) * 1000) AS `Ms` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m4', 'm7')))) AS _out1",
    rows: [
      [
        'm4',
        '2026-12-01T23:59:59.000Z',
        '2026-08-01T23:59:59.000Z',
        '2027-11-01T23:59:59.000Z',
        '2026-11-15T23:59:59.000Z',
        '2026-10-31T17:59:59.000Z',
        '2026-11-02T00:00:00.500Z',
      ],
      [
        'm7',
        '2026-11-25T00:00:00.000Z',
        '2026-07-25T00:00:00.000Z',
        '2027-10-25T00:00:00.000Z',
        '2026-11-08T00:00:00.000Z',
        '2026-10-23T18:00:00.000Z',
        '2026-10-25T00:00:01.500Z',
      ],
    ],
  },
  {
    name: 'endofday, endofweek, endofmonth, endofyear of a column, with offsets',
    kql: 'MessageTrace | where MessageTraceId in ("m4", "m7") | project MessageTraceId, D = endofday(Received), D1 = endofday(Received, 1), W = endofweek(Received), Wm1 = endofweek(Received, -1), M = endofmonth(Received), M2 = endofmonth(Received, 2), Y = endofyear(Received)',
    duckdb:
      'SELECT "MessageTraceId", (date_trunc(\'day\', "Received") + to_days(CAST(1 AS INTEGER)) - to_microseconds(1)) AS "D", (date_trunc(\'day\', "Received") + to_days(CAST(CAST(1 AS BIGINT) + 1 AS INTEGER)) - to_microseconds(1)) AS "D1", (date_trunc(\'day\', "Received") - to_days(CAST(dayofweek("Received") AS INTEGER)) + to_days(CAST(7 * (1) AS INTEGER)) - to_microseconds(1)) AS "W", (date_trunc(\'day\', "Received") - to_days(CAST(dayofweek("Received") AS INTEGER)) + to_days(CAST(7 * (CAST(-1 AS BIGINT) + 1) AS INTEGER)) - to_microseconds(1)) AS "Wm1", (date_trunc(\'month\', "Received") + to_months(CAST(1 AS INTEGER)) - to_microseconds(1)) AS "M", (date_trunc(\'month\', "Received") + to_months(CAST(CAST(2 AS BIGINT) + 1 AS INTEGER)) - to_microseconds(1)) AS "M2", (date_trunc(\'year\', "Received") + to_years(CAST(1 AS INTEGER)) - to_microseconds(1)) AS "Y" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, concat(replaceOne(toString(toDateTime(intDiv((`D` - ((`D` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`D` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `D`, concat(replaceOne(toString(toDateTime(intDiv((`D1` - ((`D1` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`D1` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `D1`, concat(replaceOne(toString(toDateTime(intDiv((`W` - ((`W` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`W` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `W`, concat(replaceOne(toString(toDateTime(intDiv((`Wm1` - ((`Wm1` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Wm1` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Wm1`, concat(replaceOne(toString(toDateTime(intDiv((`M` - ((`M` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`M` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `M`, concat(replaceOne(toString(toDateTime(intDiv((`M2` - ((`M2` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`M2` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `M2`, concat(replaceOne(toString(toDateTime(intDiv((`Y` - ((`Y` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Y` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Y` FROM (SELECT `MessageTraceId`, ((`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)) + 1 * 86400000000) - 1) AS `D`, ((`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)) + (toInt64(1) + 1) * 86400000000) - 1) AS `D1`, ((`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)) - toInt64(toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7) * 86400000000 + 1 * 604800000000) - 1) AS `W`, ((`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)) - toInt64(toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7) * 86400000000 + (toInt64(-1) + 1) * 604800000000) - 1) AS `Wm1`, ((toInt64(toUnixTimestamp(toDateTime(addMonths(toStartOfMonth(toDateTime(intDiv(`Received`, 1000000), 'UTC')), toInt64(1)), 'UTC'))) * 1000000) - 1) AS `M`, ((toInt64(toUnixTimestamp(toDateTime(addMonths(toStartOfMonth(toDateTime(intDiv(`Received`, 1000000), 'UTC')), toInt64((toInt64(2) + 1))), 'UTC'))) * 1000000) - 1) AS `M2`, ((toInt64(toUnixTimestamp(toDateTime(addYears(toStartOfYear(toDateTime(intDiv(`Received`, 1000000), 'UTC')), toInt64(1)), 'UTC'))) * 1000000) - 1) AS `Y` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m4', 'm7')))) AS _out1",
    rows: [
      [
        'm4',
        '2026-11-01T23:59:59.999Z',
        '2026-11-02T23:59:59.999Z',
        '2026-11-07T23:59:59.999Z',
        '2026-10-31T23:59:59.999Z',
        '2026-11-30T23:59:59.999Z',
        '2027-01-31T23:59:59.999Z',
        '2026-12-31T23:59:59.999Z',
      ],
      [
        'm7',
        '2026-10-25T23:59:59.999Z',
        '2026-10-26T23:59:59.999Z',
        '2026-10-31T23:59:59.999Z',
        '2026-10-24T23:59:59.999Z',
        '2026-10-31T23:59:59.999Z',
        '2026-12-31T23:59:59.999Z',
        '2026-12-31T23:59:59.999Z',
      ],
    ],
  },
  {
    name: 'make_datetime and unixtime conversions',
    kql: 'MessageTrace | where MessageTraceId == "m4" | project A = make_datetime(getyear(Received), 2, 28, 23, 59, 59.5), B = make_datetime(2026, 12, 31), S = unixtime_seconds_todatetime(1793577600.25), Ms = unixtime_milliseconds_todatetime(1793577600123), Us = unixtime_microseconds_todatetime(1793577600123456), Ns = unixtime_nanoseconds_todatetime(1793577600123456789)',
    duckdb:
      'SELECT make_timestamp(CAST(CAST(year("Received") AS INTEGER) AS BIGINT), CAST(2 AS BIGINT), CAST(28 AS BIGINT), CAST(23 AS BIGINT), CAST(59 AS BIGINT), CAST(59.5 AS DOUBLE)) AS "A", make_timestamp(CAST(2026 AS BIGINT), CAST(12 AS BIGINT), CAST(31 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS DOUBLE)) AS "B", make_timestamp(CAST(round((1793577600.25) * 1e6) AS BIGINT)) AS "S", make_timestamp(CAST(round((1793577600123) * 1e3) AS BIGINT)) AS "Ms", make_timestamp(CAST(1793577600123456 AS BIGINT)) AS "Us", make_timestamp(CAST((1793577600123456800) // 1000 AS BIGINT)) AS "Ns" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`A` - ((`A` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`A` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `A`, concat(replaceOne(toString(toDateTime(intDiv((`B` - ((`B` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`B` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `B`, concat(replaceOne(toString(toDateTime(intDiv((`S` - ((`S` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`S` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `S`, concat(replaceOne(toString(toDateTime(intDiv((`Ms` - ((`Ms` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Ms` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Ms`, concat(replaceOne(toString(toDateTime(intDiv((`Us` - ((`Us` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Us` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Us`, concat(replaceOne(toString(toDateTime(intDiv((`Ns` - ((`Ns` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Ns` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Ns` FROM (SELECT ((toInt64(toUnixTimestamp(toDateTime(toDate(concat(toString(toInt64(toInt32(toYear(toDateTime(intDiv(`Received`, 1000000), 'UTC'))))), '-', substring(toString(100 + toInt64(2)), 2, 2), '-', substring(toString(100 + toInt64(28)), 2, 2))), 'UTC'))) * 1000000) + toInt64(round((((toInt64(23) * 60 + toInt64(59)) * 60 + (59.5))) * 1000000))) AS `A`, ((toInt64(toUnixTimestamp(toDateTime(toDate(concat(toString(toInt64(2026)), '-', substring(toString(100 + toInt64(12)), 2, 2), '-', substring(toString(100 + toInt64(31)), 2, 2))), 'UTC'))) * 1000000) + toInt64(round((((toInt64(0) * 60 + toInt64(0)) * 60 + (0))) * 1000000))) AS `B`, toInt64(round((1793577600.25) * 1e6)) AS `S`, toInt64(round((1793577600123) * 1e3)) AS `Ms`, toInt64(1793577600123456) AS `Us`, intDiv(toInt64(1793577600123456800), 1000) AS `Ns` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` = 'm4'))) AS _out1",
    rows: [
      [
        '2026-02-28T23:59:59.500Z',
        '2026-12-31T00:00:00.000Z',
        '2026-11-02T00:00:00.250Z',
        '2026-11-02T00:00:00.123Z',
        '2026-11-02T00:00:00.123Z',
        '2026-11-02T00:00:00.123Z',
      ],
    ],
  },
  {
    name: 'datetime_diff in every unit between columns',
    kql: 'MessageTrace | where MessageTraceId in ("m4", "m7") | extend L = datetime(2027-01-04 00:00:00.250) | project MessageTraceId, Y = datetime_diff("year", L, Received), Q = datetime_diff("quarter", L, Received), W = datetime_diff("week", L, Received), Mi = datetime_diff("minute", L, Received), S = datetime_diff("second", L, Received), Ms = datetime_diff("millisecond", L, Received), Us = datetime_diff("microsecond", L, Received), Dow = dayofweek(Received), Hod = hourofday(Received)',
    duckdb:
      'SELECT "MessageTraceId", CAST(date_diff(\'year\', "Received", TIMESTAMP \'2027-01-04 00:00:00.250\') AS BIGINT) AS "Y", CAST(date_diff(\'quarter\', "Received", TIMESTAMP \'2027-01-04 00:00:00.250\') AS BIGINT) AS "Q", CAST((date_diff(\'day\', date_trunc(\'day\', "Received") - to_days(CAST(dayofweek("Received") AS INTEGER)), date_trunc(\'day\', TIMESTAMP \'2027-01-04 00:00:00.250\') - to_days(CAST(dayofweek(TIMESTAMP \'2027-01-04 00:00:00.250\') AS INTEGER))) // 7) AS BIGINT) AS "W", CAST(date_diff(\'minute\', "Received", TIMESTAMP \'2027-01-04 00:00:00.250\') AS BIGINT) AS "Mi", CAST(date_diff(\'second\', "Received", TIMESTAMP \'2027-01-04 00:00:00.250\') AS BIGINT) AS "S", CAST(date_diff(\'millisecond\', "Received", TIMESTAMP \'2027-01-04 00:00:00.250\') AS BIGINT) AS "Ms", CAST(date_diff(\'microsecond\', "Received", TIMESTAMP \'2027-01-04 00:00:00.250\') AS BIGINT) AS "Us", to_days(CAST(dayofweek("Received") AS INTEGER)) AS "Dow", CAST(hour("Received") AS INTEGER) AS "Hod" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, `Y`, `Q`, `W`, `Mi`, `S`, `Ms`, `Us`, concat(if(`Dow` < 0, '-', ''), if(intDiv(abs(`Dow`), 86400000000) > 0, concat(toString(intDiv(abs(`Dow`), 86400000000)), '.'), ''), substring(toString(100 + intDiv(abs(`Dow`) % toInt64(86400000000), 3600000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`Dow`) % toInt64(3600000000), 60000000)), 2, 2), ':', substring(toString(100 + intDiv(abs(`Dow`) % toInt64(60000000), 1000000)), 2, 2), if((abs(`Dow`) % toInt64(1000000)) = 0, '', concat('.', substring(toString(10000000 + (abs(`Dow`) % toInt64(1000000)) * 10), 2, 7)))) AS `Dow`, `Hod` FROM (SELECT `MessageTraceId`, CAST(dateDiff('year', toDateTime(intDiv(`Received`, 1000000), 'UTC'), toDateTime(intDiv(toInt64(1799020800250000), 1000000), 'UTC')) AS Nullable(Int64)) AS `Y`, CAST(dateDiff('quarter', toDateTime(intDiv(`Received`, 1000000), 'UTC'), toDateTime(intDiv(toInt64(1799020800250000), 1000000), 'UTC')) AS Nullable(Int64)) AS `Q`, CAST(intDiv((intDiv((toInt64(1799020800250000) - ((toInt64(1799020800250000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(toInt64(1799020800250000), 1000000), 'UTC')) % 7)) * 86400000000) - (((toInt64(1799020800250000) - ((toInt64(1799020800250000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(toInt64(1799020800250000), 1000000), 'UTC')) % 7)) * 86400000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)), 86400000000) - intDiv((`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7)) * 86400000000) - (((`Received` - ((`Received` % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000))) - (toInt64((toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7)) * 86400000000) % toInt64(86400000000) + toInt64(86400000000)) % toInt64(86400000000)), 86400000000)), 7) AS Nullable(Int64)) AS `W`, CAST((intDiv(toInt64(1799020800250000) - ((toInt64(1799020800250000) % toInt64(60000000) + toInt64(60000000)) % toInt64(60000000)), 60000000) - intDiv(`Received` - ((`Received` % toInt64(60000000) + toInt64(60000000)) % toInt64(60000000)), 60000000)) AS Nullable(Int64)) AS `Mi`, CAST((intDiv(toInt64(1799020800250000) - ((toInt64(1799020800250000) % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000)), 1000000) - intDiv(`Received` - ((`Received` % toInt64(1000000) + toInt64(1000000)) % toInt64(1000000)), 1000000)) AS Nullable(Int64)) AS `S`, CAST((intDiv(toInt64(1799020800250000) - ((toInt64(1799020800250000) % toInt64(1000) + toInt64(1000)) % toInt64(1000)), 1000) - intDiv(`Received` - ((`Received` % toInt64(1000) + toInt64(1000)) % toInt64(1000)), 1000)) AS Nullable(Int64)) AS `Ms`, CAST((intDiv(toInt64(1799020800250000) - ((toInt64(1799020800250000) % toInt64(1) + toInt64(1)) % toInt64(1)), 1) - intDiv(`Received` - ((`Received` % toInt64(1) + toInt64(1)) % toInt64(1)), 1)) AS Nullable(Int64)) AS `Us`, (toInt64((toDayOfWeek(toDateTime(intDiv(`Received`, 1000000), 'UTC')) % 7)) * 86400000000) AS `Dow`, CAST(toHour(toDateTime(intDiv(`Received`, 1000000), 'UTC')) AS Nullable(Int32)) AS `Hod` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`MessageTraceId` IN ('m4', 'm7')))) AS _out1",
    rows: [
      ['m4', 1, 1, 9, 90721, 5443201, 5443201250, 5443201250000, '00:00:00', 23],
      ['m7', 1, 1, 10, 102240, 6134400, 6134400250, 6134400250000, '00:00:00', 0],
    ],
  },
  {
    name: 'todatetime and tostring of a datetime',
    kql: 'print D = todatetime("2026-11-01 10:00:00"), S = tostring(datetime(2026-11-01T10:30:00Z)), Bad = todatetime("not a date")',
    duckdb:
      'SELECT TRY_CAST($1 AS TIMESTAMP) AS "D", coalesce(strftime(TIMESTAMP \'2026-11-01 10:30:00.000\', \'%Y-%m-%dT%H:%M:%SZ\'), \'\') AS "S", TRY_CAST($2 AS TIMESTAMP) AS "Bad"',
    clickhouse:
      "SELECT concat(replaceOne(toString(toDateTime(intDiv((`D` - ((`D` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`D` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `D`, `S`, concat(replaceOne(toString(toDateTime(intDiv((`Bad` - ((`Bad` % toInt64(1000000)) + 1000000) % toInt64(1000000)), 1000000), 'UTC')), ' ', 'T'), '.', substring(toString(1000 + intDiv(((`Bad` % toInt64(1000000)) + 1000000) % 1000000, 1000)), 2, 3), 'Z') AS `Bad` FROM (SELECT (toInt64(toUnixTimestamp(parseDateTimeBestEffortOrNull(toString('2026-11-01 10:00:00')))) * 1000000 + toInt64OrZero(substring(concat(extract(toString('2026-11-01 10:00:00'), '[.,]([0-9]{1,6})'), '000000'), 1, 6))) AS `D`, coalesce(formatDateTime(toDateTime(intDiv(toInt64(1793529000000000), 1000000), 'UTC'), '%Y-%m-%dT%H:%M:%SZ'), '') AS `S`, (toInt64(toUnixTimestamp(parseDateTimeBestEffortOrNull(toString('not a date')))) * 1000000 + toInt64OrZero(substring(concat(extract(toString('not a date'), '[.,]([0-9]{1,6})'), '000000'), 1, 6))) AS `Bad`) AS _out1",
    rows: [['2026-11-01T10:00:00.000Z', '2026-11-01T10:30:00Z', null]],
  },
  {
    name: 'datetime compared with now()',
    kql: 'MessageTrace | where Received < now() - 7d | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Received" < TIMESTAMP \'2026-10-26 00:00:00.000\'',
    clickhouse:
      'SELECT `MessageTraceId` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL WHERE (`Received` < toInt64(1792972800000000)))',
    rows: [['m7']],
  },
];
