/** Case table: datetimes and timespans (now() is 2026-11-02T00:00:00Z in every case). */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'ago with a timespan literal',
    kql: 'MessageTrace | where Received > ago(1d) | count',
    duckdb: 'SELECT count(*) AS "Count" FROM "MessageTrace" WHERE "Received" > TIMESTAMP \'2026-11-01 00:00:00.000\'',
    clickhouse: "SELECT count() AS `Count` FROM `MessageTrace` WHERE `Received` > toDateTime64('2026-11-01 00:00:00.000', 6, 'UTC')",
    rows: [[6]],
  },
  {
    name: 'datetime literal and between',
    kql: 'MessageTrace | where Received between (datetime(2026-10-31) .. datetime(2026-10-31T23:59:59Z)) | project MessageTraceId',
    duckdb:
      'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Received" BETWEEN TIMESTAMP \'2026-10-31 00:00:00.000\' AND TIMESTAMP \'2026-10-31 23:59:59.000\'',
    clickhouse:
      "SELECT `MessageTraceId` FROM `MessageTrace` WHERE `Received` BETWEEN toDateTime64('2026-10-31 00:00:00.000', 6, 'UTC') AND toDateTime64('2026-10-31 23:59:59.000', 6, 'UTC')",
    rows: [['m5'], ['m6']],
  },
  {
    name: 'between a datetime and a timespan',
    kql: 'MessageTrace | where Received between (datetime(2026-11-01T10:00:00Z) .. 2h) | project RecipientAddress',
    duckdb:
      'SELECT "RecipientAddress" FROM "MessageTrace" WHERE "Received" BETWEEN TIMESTAMP \'2026-11-01 10:00:00.000\' AND TIMESTAMP \'2026-11-01 12:00:00.000\'',
    clickhouse:
      "SELECT `RecipientAddress` FROM `MessageTrace` WHERE `Received` BETWEEN toDateTime64('2026-11-01 10:00:00.000', 6, 'UTC') AND toDateTime64('2026-11-01 12:00:00.000', 6, 'UTC')",
    rows: [['bob@contoso.com'], ['bob@contoso.com'], ['dave@contoso.com']],
  },
  {
    name: 'timespan literals',
    kql: 'print a = 30m, b = 1.5h, c = 100ms, d = 7d, e = 2d / 1h',
    duckdb:
      'SELECT to_microseconds(1800000000) AS "a", to_microseconds(5400000000) AS "b", to_microseconds(100000) AS "c", to_microseconds(604800000000) AS "d", epoch_us(to_microseconds(172800000000)) / epoch_us(to_microseconds(3600000000)) AS "e"',
    clickhouse:
      'SELECT toIntervalMicrosecond(1800000000) AS `a`, toIntervalMicrosecond(5400000000) AS `b`, toIntervalMicrosecond(100000) AS `c`, toIntervalMicrosecond(604800000000) AS `d`, toInt64(toIntervalMicrosecond(172800000000)) / toInt64(toIntervalMicrosecond(3600000000)) AS `e`',
    rows: [['00:30:00', '01:30:00', '00:00:00.1000000', '7.00:00:00', 48]],
  },
  {
    name: 'datetime arithmetic',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project Later = Received + 90m, Age = now() - Received, Hours = (now() - Received) / 1h',
    duckdb:
      'SELECT "Received" + to_microseconds(5400000000) AS "Later", TIMESTAMP \'2026-11-02 00:00:00.000\' - "Received" AS "Age", epoch_us(TIMESTAMP \'2026-11-02 00:00:00.000\' - "Received") / epoch_us(to_microseconds(3600000000)) AS "Hours" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT `Received` + toIntervalMicrosecond(5400000000) AS `Later`, toDateTime64('2026-11-02 00:00:00.000', 6, 'UTC') - `Received` AS `Age`, toInt64(toDateTime64('2026-11-02 00:00:00.000', 6, 'UTC') - `Received`) / toInt64(toIntervalMicrosecond(3600000000)) AS `Hours` FROM `MessageTrace` WHERE `MessageTraceId` = {p1:String}",
    rows: [['2026-11-01T09:45:00.000Z', '15:45:00', 15.75]],
  },
  {
    name: 'bin on datetimes',
    kql: 'MessageTrace | summarize count() by bin(Received, 1d)',
    duckdb:
      'SELECT date_trunc(\'day\', "Received") AS "Received", count(*) AS "count_" FROM "MessageTrace" GROUP BY date_trunc(\'day\', "Received")',
    clickhouse:
      "SELECT date_trunc('day', `Received`) AS `Received`, count() AS `count_` FROM `MessageTrace` GROUP BY date_trunc('day', `Received`)",
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
      "SELECT fromUnixTimestamp64Micro(toUnixTimestamp64Micro(toDateTime64('2026-10-01 15:00:00.000', 6, 'UTC')) + (toUnixTimestamp64Micro(`Received`) - toUnixTimestamp64Micro(toDateTime64('2026-10-01 15:00:00.000', 6, 'UTC'))) - (((toUnixTimestamp64Micro(`Received`) - toUnixTimestamp64Micro(toDateTime64('2026-10-01 15:00:00.000', 6, 'UTC'))) % 86400000000) + 86400000000) % 86400000000, 'UTC') AS `D`, fromUnixTimestamp64Micro(toUnixTimestamp64Micro(toDateTime64('2030-01-01 00:30:00.000', 6, 'UTC')) + (toUnixTimestamp64Micro(`Received`) - toUnixTimestamp64Micro(toDateTime64('2030-01-01 00:30:00.000', 6, 'UTC'))) - (((toUnixTimestamp64Micro(`Received`) - toUnixTimestamp64Micro(toDateTime64('2030-01-01 00:30:00.000', 6, 'UTC'))) % 3600000000) + 3600000000) % 3600000000, 'UTC') AS `H` FROM `MessageTrace` WHERE `MessageTraceId` = {p1:String}",
    rows: [['2026-10-31T15:00:00.000Z', '2026-11-01T07:30:00.000Z']],
  },
  {
    name: 'bin on datetimes by hours from 0001-01-01',
    kql: 'MessageTrace | where MessageTraceId == "m1" | project B5 = bin(Received, 5h), B7d = bin(Received, 7d), B90 = bin(Received, 90m)',
    duckdb:
      'SELECT time_bucket(to_microseconds(18000000000), "Received", TIMESTAMP \'0001-01-01 00:00:00\') AS "B5", time_bucket(to_microseconds(604800000000), "Received", TIMESTAMP \'0001-01-01 00:00:00\') AS "B7d", time_bucket(to_microseconds(5400000000), "Received", TIMESTAMP \'0001-01-01 00:00:00\') AS "B90" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT fromUnixTimestamp64Micro(intDiv(toUnixTimestamp64Micro(`Received`) + 62135596800000000, 18000000000) * 18000000000 - 62135596800000000, 'UTC') AS `B5`, fromUnixTimestamp64Micro(intDiv(toUnixTimestamp64Micro(`Received`) + 62135596800000000, 604800000000) * 604800000000 - 62135596800000000, 'UTC') AS `B7d`, fromUnixTimestamp64Micro(intDiv(toUnixTimestamp64Micro(`Received`) + 62135596800000000, 5400000000) * 5400000000 - 62135596800000000, 'UTC') AS `B90` FROM `MessageTrace` WHERE `MessageTraceId` = {p1:String}",
    rows: [['2026-11-01T05:00:00.000Z', '2026-10-26T00:00:00.000Z', '2026-11-01T07:30:00.000Z']],
  },
  {
    name: 'startofday, startofweek (Sunday), startofmonth',
    kql: 'MessageTrace | where MessageTraceId in ("m1", "m5") | project MessageTraceId, D = startofday(Received), W = startofweek(Received), M = startofmonth(Received)',
    duckdb:
      'SELECT "MessageTraceId", date_trunc(\'day\', "Received") AS "D", time_bucket(to_microseconds(604800000000), "Received" + to_microseconds(86400000000), TIMESTAMP \'0001-01-01 00:00:00\') - to_microseconds(86400000000) AS "W", date_trunc(\'month\', "Received") AS "M" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)',
    clickhouse:
      "SELECT `MessageTraceId`, date_trunc('day', `Received`) AS `D`, fromUnixTimestamp64Micro(intDiv(toUnixTimestamp64Micro(`Received` + toIntervalMicrosecond(86400000000)) + 62135596800000000, 604800000000) * 604800000000 - 62135596800000000, 'UTC') - toIntervalMicrosecond(86400000000) AS `W`, date_trunc('month', `Received`) AS `M` FROM `MessageTrace` WHERE `MessageTraceId` IN ({p1:String}, {p2:String})",
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
      "SELECT `MessageTraceId`, toIntervalDay((toDayOfWeek(`Received`) % 7)) AS `Dow`, accurateCastOrNull(trunc(toInt64(toIntervalDay((toDayOfWeek(`Received`) % 7))) / toInt64(toIntervalMicrosecond(86400000000))), 'Int32') AS `DowNumber`, CAST(toHour(`Received`) AS Int32) AS `H` FROM `MessageTrace` WHERE `MessageTraceId` IN ({p1:String}, {p2:String})",
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
      "SELECT coalesce(formatDateTime(`Received`, '%Y-%m-%d %H:%M:%S'), '') AS `F`, coalesce(formatDateTime(`Received`, '%-d/%-m/%y'), '') AS `G` FROM `MessageTrace` WHERE `MessageTraceId` = {p1:String}",
    rows: [['2026-11-01 08:15:00', '1/11/26']],
  },
  {
    name: 'datetime_diff',
    kql: 'MessageTrace | where MessageTraceId == "m5" | project Days = datetime_diff("day", now(), Received), Hours = datetime_diff("hour", now(), Received), Months = datetime_diff("month", now(), Received)',
    duckdb:
      'SELECT CAST(date_diff(\'day\', "Received", TIMESTAMP \'2026-11-02 00:00:00.000\') AS BIGINT) AS "Days", CAST(date_diff(\'hour\', "Received", TIMESTAMP \'2026-11-02 00:00:00.000\') AS BIGINT) AS "Hours", CAST(date_diff(\'month\', "Received", TIMESTAMP \'2026-11-02 00:00:00.000\') AS BIGINT) AS "Months" FROM "MessageTrace" WHERE "MessageTraceId" = $1',
    clickhouse:
      "SELECT CAST(dateDiff('day', `Received`, toDateTime64('2026-11-02 00:00:00.000', 6, 'UTC')) AS Int64) AS `Days`, CAST(dateDiff('hour', `Received`, toDateTime64('2026-11-02 00:00:00.000', 6, 'UTC')) AS Int64) AS `Hours`, CAST(dateDiff('month', `Received`, toDateTime64('2026-11-02 00:00:00.000', 6, 'UTC')) AS Int64) AS `Months` FROM `MessageTrace` WHERE `MessageTraceId` = {p1:String}",
    rows: [[2, 36, 1]],
  },
  {
    name: 'todatetime and tostring of a datetime',
    kql: 'print D = todatetime("2026-11-01 10:00:00"), S = tostring(datetime(2026-11-01T10:30:00Z)), Bad = todatetime("not a date")',
    duckdb:
      'SELECT TRY_CAST($1 AS TIMESTAMP) AS "D", coalesce(strftime(TIMESTAMP \'2026-11-01 10:30:00.000\', \'%Y-%m-%dT%H:%M:%SZ\'), \'\') AS "S", TRY_CAST($2 AS TIMESTAMP) AS "Bad"',
    clickhouse:
      "SELECT accurateCastOrNull({p1:String}, 'DateTime64(6, \\'UTC\\')') AS `D`, coalesce(formatDateTime(toDateTime64('2026-11-01 10:30:00.000', 6, 'UTC'), '%Y-%m-%dT%H:%M:%SZ'), '') AS `S`, accurateCastOrNull({p2:String}, 'DateTime64(6, \\'UTC\\')') AS `Bad`",
    rows: [['2026-11-01T10:00:00.000Z', '2026-11-01T10:30:00Z', null]],
  },
  {
    name: 'datetime compared with now()',
    kql: 'MessageTrace | where Received < now() - 7d | project MessageTraceId',
    duckdb: 'SELECT "MessageTraceId" FROM "MessageTrace" WHERE "Received" < TIMESTAMP \'2026-10-26 00:00:00.000\'',
    clickhouse: "SELECT `MessageTraceId` FROM `MessageTrace` WHERE `Received` < toDateTime64('2026-10-26 00:00:00.000', 6, 'UTC')",
    rows: [['m7']],
  },
];
