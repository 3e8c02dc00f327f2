/** Case table: make-series, top-nested, mv-apply, evaluate pivot and bag_unpack. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'make-series by a key with from, to and default',
    kql: 'MessageTrace | make-series Messages = count() default = 0, Bytes = sum(Size) on Received from datetime(2026-11-01) to datetime(2026-11-02) step 12h by Direction',
    duckdb:
      'SELECT "Direction", to_json("Messages") AS "Messages", to_json("Bytes") AS "Bytes", to_json("Received") AS "Received" FROM (SELECT "Direction", list_transform(range(CAST(ceil(("_end" - "_start") / 43200000000) AS BIGINT)), _i -> coalesce(list_extract("_v0", list_position("_bins", _i)), 0)) AS "Messages", list_transform(range(CAST(ceil(("_end" - "_start") / 43200000000) AS BIGINT)), _i -> coalesce(list_extract("_v1", list_position("_bins", _i)), 0)) AS "Bytes", list_transform(range(CAST(ceil(("_end" - "_start") / 43200000000) AS BIGINT)), _i -> strftime(make_timestamp(CAST("_start" + _i * 43200000000 AS BIGINT)), \'%Y-%m-%dT%H:%M:%S.%f0Z\')) AS "Received" FROM (SELECT "Direction", min("_start") AS "_start", min("_end") AS "_end", list("_bin") AS "_bins", list("_v0") AS "_v0", list("_v1") AS "_v1" FROM (SELECT "Direction", 0 AS "_g", min(epoch_us(TIMESTAMP \'2026-11-01 00:00:00.000\')) AS "_start", min(epoch_us(TIMESTAMP \'2026-11-02 00:00:00.000\')) AS "_end", CAST(floor((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-11-01 00:00:00.000\')) / 43200000000) AS BIGINT) AS "_bin", count(*) AS "_v0", CAST(sum("Size") AS BIGINT) AS "_v1" FROM "MessageTrace" WHERE epoch_us("Received") >= epoch_us(TIMESTAMP \'2026-11-01 00:00:00.000\') AND epoch_us("Received") < epoch_us(TIMESTAMP \'2026-11-02 00:00:00.000\') GROUP BY "Direction", CAST(floor((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-11-01 00:00:00.000\')) / 43200000000) AS BIGINT)) AS _t1 GROUP BY "Direction", "_g") AS _t2) AS _t3',
    clickhouse:
      "SELECT `_c0_Direction` AS `Direction`, `_c1_Messages` AS `Messages`, `_c2_Bytes` AS `Bytes`, `_c3_Received` AS `Received` FROM (SELECT `Direction` AS `_c0_Direction`, concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `Messages`), ','), ']') AS `_c1_Messages`, concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `Bytes`), ','), ']') AS `_c2_Bytes`, concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `Received`), ','), ']') AS `_c3_Received` FROM (SELECT `Direction`, arrayMap(_i -> if(has(`_bins`, _i), arrayElement(`_v0`, indexOf(`_bins`, _i)), 0), range(toUInt64(ceil((`_end` - `_start`) / 43200000000) + 0 * length(`_bins`) + 0 * length(`_v0`)))) AS `Messages`, arrayMap(_i -> if(has(`_bins`, _i), arrayElement(`_v1`, indexOf(`_bins`, _i)), 0), range(toUInt64(ceil((`_end` - `_start`) / 43200000000) + 0 * length(`_bins`) + 0 * length(`_v1`)))) AS `Bytes`, arrayMap(_i -> concat(replaceOne(toString(toDateTime(intDiv(toInt64(`_start` + _i * 43200000000) - ((toInt64(`_start` + _i * 43200000000) % 1000000 + 1000000) % 1000000), 1000000), 'UTC')), ' ', 'T'), '.', if(((toInt64(`_start` + _i * 43200000000) % 1000000 + 1000000) % 1000000) * 10 < 10000000, substring(toString(toInt64(10000000) + ((toInt64(`_start` + _i * 43200000000) % 1000000 + 1000000) % 1000000) * 10), 2, 7), toString(((toInt64(`_start` + _i * 43200000000) % 1000000 + 1000000) % 1000000) * 10)), 'Z'), range(toUInt64(ceil((`_end` - `_start`) / 43200000000)))) AS `Received` FROM (SELECT `_c0_Direction` AS `Direction`, `_c1__start` AS `_start`, `_c2__end` AS `_end`, `_c3__bins` AS `_bins`, `_c4__v0` AS `_v0`, `_c5__v1` AS `_v1` FROM (SELECT `Direction` AS `_c0_Direction`, min(`_start`) AS `_c1__start`, min(`_end`) AS `_c2__end`, groupArray(`_bin`) AS `_c3__bins`, groupArray(`_v0`) AS `_c4__v0`, groupArray(`_v1`) AS `_c5__v1` FROM (SELECT `Direction`, toInt64(0) AS `_g`, min((toInt64(1793491200000000))) AS `_start`, min((toInt64(1793577600000000))) AS `_end`, CAST(floor(((`Received`) - (toInt64(1793491200000000))) / 43200000000) AS Nullable(Int64)) AS `_bin`, count() AS `_v0`, CAST(sum(`Size`) AS Nullable(Int64)) AS `_v1` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE (`Received`) >= (toInt64(1793491200000000)) AND (`Received`) < (toInt64(1793577600000000)) GROUP BY `Direction`, CAST(floor(((`Received`) - (toInt64(1793491200000000))) / 43200000000) AS Nullable(Int64))) AS _t1 GROUP BY `Direction`, `_g`) AS _a3) AS _t2) AS _t4) AS _a5",
    rows: [
      ['Inbound', '[2,1]', '[16000,300]', '["2026-11-01T00:00:00.0000000Z","2026-11-01T12:00:00.0000000Z"]'],
      ['Internal', '[1,1]', '[52000,10]', '["2026-11-01T00:00:00.0000000Z","2026-11-01T12:00:00.0000000Z"]'],
      ['Outbound', '[1,0]', '[1200,0]', '["2026-11-01T00:00:00.0000000Z","2026-11-01T12:00:00.0000000Z"]'],
    ],
  },
  {
    name: 'make-series without from and to',
    kql: 'MessageTrace | where Direction == "Inbound" | make-series count() on Received step 1d',
    duckdb:
      'SELECT to_json("count_") AS "count_", to_json("Received") AS "Received" FROM (SELECT list_transform(range(CAST(ceil(("_end" - "_start") / 86400000000) AS BIGINT)), _i -> coalesce(list_extract("_v0", list_position("_bins", _i)), 0)) AS "count_", list_transform(range(CAST(ceil(("_end" - "_start") / 86400000000) AS BIGINT)), _i -> strftime(make_timestamp(CAST("_start" + _i * 86400000000 AS BIGINT)), \'%Y-%m-%dT%H:%M:%S.%f0Z\')) AS "Received" FROM (SELECT min("_start") AS "_start", min("_end") AS "_end", list("_bin") AS "_bins", list("_v0") AS "_v0" FROM (SELECT 0 AS "_g", min("_s") AS "_start", min("_e") AS "_end", CAST(floor((epoch_us("Received") - "_s") / 86400000000) AS BIGINT) AS "_bin", count(*) AS "_v0" FROM "MessageTrace" CROSS JOIN (SELECT floor(min(epoch_us("Received")) / 86400000000) * 86400000000 AS "_s", floor(max(epoch_us("Received")) / 86400000000) * 86400000000 + 86400000000 AS "_e" FROM "MessageTrace" WHERE "Direction" = $1) AS _e1 WHERE "Direction" = $1 AND epoch_us("Received") >= "_s" AND epoch_us("Received") < "_e" GROUP BY CAST(floor((epoch_us("Received") - "_s") / 86400000000) AS BIGINT)) AS _t2 GROUP BY "_g") AS _t3) AS _t4',
    clickhouse:
      "SELECT `_c0_count_` AS `count_`, `_c1_Received` AS `Received` FROM (SELECT concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `count_`), ','), ']') AS `_c0_count_`, concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `Received`), ','), ']') AS `_c1_Received` FROM (SELECT arrayMap(_i -> if(has(`_bins`, _i), arrayElement(`_v0`, indexOf(`_bins`, _i)), 0), range(toUInt64(ceil((`_end` - `_start`) / 86400000000) + 0 * length(`_bins`) + 0 * length(`_v0`)))) AS `count_`, arrayMap(_i -> concat(replaceOne(toString(toDateTime(intDiv(toInt64(`_start` + _i * 86400000000) - ((toInt64(`_start` + _i * 86400000000) % 1000000 + 1000000) % 1000000), 1000000), 'UTC')), ' ', 'T'), '.', if(((toInt64(`_start` + _i * 86400000000) % 1000000 + 1000000) % 1000000) * 10 < 10000000, substring(toString(toInt64(10000000) + ((toInt64(`_start` + _i * 86400000000) % 1000000 + 1000000) % 1000000) * 10), 2, 7), toString(((toInt64(`_start` + _i * 86400000000) % 1000000 + 1000000) % 1000000) * 10)), 'Z'), range(toUInt64(ceil((`_end` - `_start`) / 86400000000)))) AS `Received` FROM (SELECT `_c0__start` AS `_start`, `_c1__end` AS `_end`, `_c2__bins` AS `_bins`, `_c3__v0` AS `_v0` FROM (SELECT min(`_start`) AS `_c0__start`, min(`_end`) AS `_c1__end`, groupArray(`_bin`) AS `_c2__bins`, groupArray(`_v0`) AS `_c3__v0` FROM (SELECT toInt64(0) AS `_g`, min(`_s`) AS `_start`, min(`_e`) AS `_end`, CAST(floor(((`Received`) - `_s`) / 86400000000) AS Nullable(Int64)) AS `_bin`, count() AS `_v0` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GLOBAL CROSS JOIN (SELECT floor(min((`Received`)) / 86400000000) * 86400000000 AS `_s`, floor(max((`Received`)) / 86400000000) * 86400000000 + 86400000000 AS `_e` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) WHERE `Direction` = 'Inbound') AS _e1 WHERE `Direction` = 'Inbound' AND (`Received`) >= `_s` AND (`Received`) < `_e` GROUP BY CAST(floor(((`Received`) - `_s`) / 86400000000) AS Nullable(Int64))) AS _t2 GROUP BY `_g`) AS _a4) AS _t3) AS _t5) AS _a6",
    rows: [
      [
        '[1,0,0,0,0,0,0,3]',
        '["2026-10-25T00:00:00.0000000Z","2026-10-26T00:00:00.0000000Z","2026-10-27T00:00:00.0000000Z","2026-10-28T00:00:00.0000000Z","2026-10-29T00:00:00.0000000Z","2026-10-30T00:00:00.0000000Z","2026-10-31T00:00:00.0000000Z","2026-11-01T00:00:00.0000000Z"]',
      ],
    ],
  },
  {
    name: 'make-series over a numeric axis',
    kql: 'range x from 1 to 10 step 1 | make-series Total = sum(x) default = -1 on x from 0 to 12 step 4',
    duckdb:
      'SELECT to_json("Total") AS "Total", to_json("x") AS "x" FROM (SELECT list_transform(range(CAST(ceil(("_end" - "_start") / 4) AS BIGINT)), _i -> coalesce(list_extract("_v0", list_position("_bins", _i)), -1)) AS "Total", list_transform(range(CAST(ceil(("_end" - "_start") / 4) AS BIGINT)), _i -> CAST("_start" + _i * 4 AS BIGINT)) AS "x" FROM (SELECT min("_start") AS "_start", min("_end") AS "_end", list("_bin") AS "_bins", list("_v0") AS "_v0" FROM (SELECT 0 AS "_g", min(0) AS "_start", min(12) AS "_end", CAST(floor((1 + _r1.i * 1 - 0) / 4) AS BIGINT) AS "_bin", CAST(sum(1 + _r1.i * 1) AS BIGINT) AS "_v0" FROM range(greatest(CAST(floor((10 - 1) / CAST(1 AS DOUBLE)) AS BIGINT) + 1, 0)) AS _r1(i) WHERE 1 + _r1.i * 1 >= 0 AND 1 + _r1.i * 1 < 12 GROUP BY CAST(floor((1 + _r1.i * 1 - 0) / 4) AS BIGINT)) AS _t2 GROUP BY "_g") AS _t3) AS _t4',
    clickhouse:
      "SELECT `_c0_Total` AS `Total`, `_c1_x` AS `x` FROM (SELECT concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `Total`), ','), ']') AS `_c0_Total`, concat('[', arrayStringConcat(arrayMap(v -> if(toTypeName(v) IN ('String', 'Nullable(String)'), concat('\"', replaceAll(replaceAll(replaceAll(replaceAll(toString(v), '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '\"'), toString(v)), `x`), ','), ']') AS `_c1_x` FROM (SELECT arrayMap(_i -> if(has(`_bins`, _i), arrayElement(`_v0`, indexOf(`_bins`, _i)), -1), range(toUInt64(ceil((`_end` - `_start`) / 4) + 0 * length(`_bins`) + 0 * length(`_v0`)))) AS `Total`, arrayMap(_i -> CAST(`_start` + _i * 4 AS Nullable(Int64)), range(toUInt64(ceil((`_end` - `_start`) / 4)))) AS `x` FROM (SELECT `_c0__start` AS `_start`, `_c1__end` AS `_end`, `_c2__bins` AS `_bins`, `_c3__v0` AS `_v0` FROM (SELECT min(`_start`) AS `_c0__start`, min(`_end`) AS `_c1__end`, groupArray(`_bin`) AS `_c2__bins`, groupArray(`_v0`) AS `_c3__v0` FROM (SELECT toInt64(0) AS `_g`, min(0) AS `_start`, min(12) AS `_end`, CAST(floor((1 + _r1.i * 1 - 0) / 4) AS Nullable(Int64)) AS `_bin`, CAST(sum(1 + _r1.i * 1) AS Nullable(Int64)) AS `_v0` FROM (SELECT arrayJoin(range(toUInt64(greatest(CAST(floor((10 - 1) / CAST(1 AS Nullable(Float64))) AS Nullable(Int64)) + 1, 0)))) AS i) AS _r1 WHERE 1 + _r1.i * 1 >= 0 AND 1 + _r1.i * 1 < 12 GROUP BY CAST(floor((1 + _r1.i * 1 - 0) / 4) AS Nullable(Int64))) AS _t2 GROUP BY `_g`) AS _a4) AS _t3) AS _t5) AS _a6",
    rows: [['[6,22,27]', '[0,4,8]']],
  },
  {
    name: 'top-nested two levels',
    kql: 'MessageTrace | top-nested 2 of Direction by Messages = count(), top-nested 2 of Status by Bytes = sum(Size)',
    duckdb:
      'SELECT * FROM (SELECT * FROM (SELECT _o2."Direction" AS "Direction", _o2."Messages" AS "Messages", _g3."Status" AS "Status", _g3."Bytes" AS "Bytes" FROM (SELECT * FROM (SELECT "Direction", count(*) AS "Messages" FROM "MessageTrace" GROUP BY "Direction") AS _t1 QUALIFY row_number() OVER (ORDER BY "Messages" DESC) <= 2) AS _o2 JOIN (SELECT "Direction", "Status", CAST(sum("Size") AS BIGINT) AS "Bytes" FROM "MessageTrace" GROUP BY "Direction", "Status") AS _g3 ON _o2."Direction" = _g3."Direction") AS _t4 QUALIFY row_number() OVER (PARTITION BY "Direction" ORDER BY "Bytes" DESC) <= 2) AS _t5',
    clickhouse:
      'SELECT `Direction`, `Messages`, `Status`, `Bytes` FROM (SELECT * FROM (SELECT _o2.`Direction` AS `Direction`, _o2.`Messages` AS `Messages`, _g3.`Status` AS `Status`, _g3.`Bytes` AS `Bytes` FROM (SELECT * FROM (SELECT `Direction`, count() AS `Messages` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`) AS _t1 ORDER BY `Messages` DESC LIMIT 2) AS _o2 GLOBAL JOIN (SELECT `Direction`, `Status`, CAST(sum(`Size`) AS Nullable(Int64)) AS `Bytes` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`, `Status`) AS _g3 ON _o2.`Direction` = _g3.`Direction`) AS _t4 ORDER BY `Direction`, `Bytes` DESC LIMIT 2 BY `Direction`) AS _t5',
    rows: [
      ['Inbound', 4, 'FilteredAsSpam', 8000],
      ['Inbound', 4, 'Quarantined', 8000],
      ['Outbound', 3, 'Delivered', 1200],
      ['Outbound', 3, 'Failed', 150000],
    ],
  },
  {
    name: 'top-nested without a count and ascending',
    kql: 'MessageTrace | top-nested of Direction by min(Size) asc',
    duckdb: 'SELECT * FROM (SELECT "Direction", min("Size") AS "aggregated_Direction" FROM "MessageTrace" GROUP BY "Direction") AS _t1',
    clickhouse:
      'SELECT `Direction`, `aggregated_Direction` FROM (SELECT `Direction`, min(`Size`) AS `aggregated_Direction` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`) AS _t1',
    rows: [
      ['Inbound', 300],
      ['Internal', 10],
      ['Outbound', 0],
    ],
  },
  {
    name: 'mv-apply top of each array',
    kql: 'MessageTrace | where MessageTraceId in ("m1", "m2") | project MessageTraceId, Sizes = pack_array(Size, 5, 100000) | mv-apply s = Sizes to typeof(long) on (top 2 by s desc)',
    duckdb:
      'SELECT * FROM (SELECT _o1."MessageTraceId" AS "MessageTraceId", _o1."Sizes" AS "Sizes", _s4."s" AS "s" FROM (SELECT "MessageTraceId", json_array(to_json("Size"), to_json(5), to_json(100000)) AS "Sizes" FROM "MessageTrace" WHERE "MessageTraceId" IN ($1, $2)) AS _o1 CROSS JOIN LATERAL (SELECT * FROM (SELECT TRY_CAST(unnest(CASE WHEN json_type(_o1."Sizes") = \'OBJECT\' THEN list_transform(json_keys(_o1."Sizes"), _k -> CAST(json_object(_k, json_extract(_o1."Sizes", \'$."\' || replace(_k, \'"\', \'\\"\') || \'"\')) AS VARCHAR)) ELSE from_json(_o1."Sizes", \'["varchar"]\') END) AS BIGINT) AS "s") AS _t3 ORDER BY "s" DESC NULLS LAST LIMIT 2) AS _s4) AS _t5',
    clickhouseError: 'line 1, column 87: pack_array() is not supported on clickhouse yet',
    rows: [
      ['m1', '[1200,5,100000]', 100000],
      ['m1', '[1200,5,100000]', 1200],
      ['m2', '[52000,5,100000]', 100000],
      ['m2', '[52000,5,100000]', 52000],
    ],
  },
  {
    name: 'evaluate pivot counts by the other columns',
    kql: 'MessageTrace | project Direction, Status | evaluate pivot(Status)',
    duckdb:
      'SELECT "Direction", count_if("Status" = $1) AS "Delivered", count_if("Status" = $2) AS "Failed", count_if("Status" = $3) AS "FilteredAsSpam", count_if("Status" = $4) AS "None", count_if("Status" = $5) AS "Pending", count_if("Status" = $6) AS "Quarantined" FROM "MessageTrace" GROUP BY "Direction"',
    clickhouse:
      "SELECT `Direction`, countIf(`Status` = 'Delivered') AS `Delivered`, countIf(`Status` = 'Failed') AS `Failed`, countIf(`Status` = 'FilteredAsSpam') AS `FilteredAsSpam`, countIf(`Status` = 'None') AS `None`, countIf(`Status` = 'Pending') AS `Pending`, countIf(`Status` = 'Quarantined') AS `Quarantined` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`",
    rows: [
      ['Inbound', 2, 0, 1, 0, 0, 1],
      ['Internal', 1, 0, 0, 1, 0, 0],
      ['Outbound', 1, 1, 0, 0, 1, 0],
    ],
  },
  {
    name: 'evaluate pivot with sum and a group column',
    kql: 'MessageTrace | evaluate pivot(Direction, sum(Size), Source)',
    duckdb:
      'SELECT "Source", coalesce(CAST(sum(CASE WHEN "Direction" = $1 THEN "Size" ELSE CAST(NULL AS BIGINT) END) AS BIGINT), 0) AS "Inbound", coalesce(CAST(sum(CASE WHEN "Direction" = $2 THEN "Size" ELSE CAST(NULL AS BIGINT) END) AS BIGINT), 0) AS "Internal", coalesce(CAST(sum(CASE WHEN "Direction" = $3 THEN "Size" ELSE CAST(NULL AS BIGINT) END) AS BIGINT), 0) AS "Outbound" FROM "MessageTrace" GROUP BY "Source"',
    clickhouse:
      "SELECT `Source`, coalesce(CAST(sum(CASE WHEN `Direction` = 'Inbound' THEN `Size` ELSE CAST(NULL AS Nullable(Int64)) END) AS Nullable(Int64)), 0) AS `Inbound`, coalesce(CAST(sum(CASE WHEN `Direction` = 'Internal' THEN `Size` ELSE CAST(NULL AS Nullable(Int64)) END) AS Nullable(Int64)), 0) AS `Internal`, coalesce(CAST(sum(CASE WHEN `Direction` = 'Outbound' THEN `Size` ELSE CAST(NULL AS Nullable(Int64)) END) AS Nullable(Int64)), 0) AS `Outbound` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Source`",
    rows: [['graph', 20396, 52010, 151200]],
  },
  {
    name: 'evaluate bag_unpack reads the keys',
    kql: 'datatable(Id:long, d:dynamic)[1, dynamic({"Name": "John", "Age": 20}), 2, dynamic({"Name": "Dave", "Age": 40, "Tags": [1]})] | evaluate bag_unpack(d, "p_")',
    duckdb:
      'SELECT _d1."Id" AS "Id", TRY_CAST(json_extract_string(json_extract(_d1."d", $1), \'$\') AS BIGINT) AS "p_Age", coalesce(json_extract_string(json_extract(_d1."d", $2), \'$\'), \'\') AS "p_Name", json_extract(_d1."d", $3) AS "p_Tags" FROM (VALUES (1, CAST($4 AS JSON)), (2, CAST($5 AS JSON))) AS _d1("Id", "d")',
    clickhouseError:
      'line 1, column 128: bag_unpack without an output schema is not supported on clickhouse (give one: evaluate bag_unpack(d) : (Name:string, Age:long))',
    rows: [
      [1, 20, 'John', null],
      [2, 40, 'Dave', '[1]'],
    ],
  },
  {
    name: 'evaluate bag_unpack with an output schema',
    kql: 'datatable(Id:long, d:dynamic)[1, dynamic({"Name": "John", "Age": 20})] | evaluate bag_unpack(d) : (Id:long, Name:string, Age:long)',
    duckdb:
      'SELECT _d1."Id" AS "Id", coalesce(json_extract_string(json_extract(_d1."d", $1), \'$\'), \'\') AS "Name", TRY_CAST(json_extract_string(json_extract(_d1."d", $2), \'$\') AS BIGINT) AS "Age" FROM (VALUES (1, CAST($3 AS JSON))) AS _d1("Id", "d")',
    clickhouse:
      "SELECT `_c0_Id` AS `Id`, `_c1_Name` AS `Name`, `_c2_Age` AS `Age` FROM (SELECT _d1.`Id` AS `_c0_Id`, coalesce(if(startsWith(if(startsWith('$.\"Name\"', '$['), if(abs(toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$'))) + (toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0) <= length(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"')), concat('\"', arrayElement(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"'), toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) + (toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0)), '\"'), NULL), visitParamExtractRaw(_d1.`d`, visitParamExtractString(concat('{\"k\":', extract('$.\"Name\"', '^[$][.](.*)$'), '}'), 'k'))), '\"'), visitParamExtractString(concat('{\"v\":', if(startsWith('$.\"Name\"', '$['), if(abs(toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$'))) + (toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0) <= length(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"')), concat('\"', arrayElement(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"'), toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) + (toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0)), '\"'), NULL), visitParamExtractRaw(_d1.`d`, visitParamExtractString(concat('{\"k\":', extract('$.\"Name\"', '^[$][.](.*)$'), '}'), 'k'))), '}'), 'v'), if(startsWith('$.\"Name\"', '$['), if(abs(toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$'))) + (toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0) <= length(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"')), concat('\"', arrayElement(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"'), toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) + (toInt64(extract('$.\"Name\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0)), '\"'), NULL), visitParamExtractRaw(_d1.`d`, visitParamExtractString(concat('{\"k\":', extract('$.\"Name\"', '^[$][.](.*)$'), '}'), 'k')))), '') AS `_c1_Name`, toInt64OrNull(toString(if(startsWith(if(startsWith('$.\"Age\"', '$['), if(abs(toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$'))) + (toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0) <= length(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"')), concat('\"', arrayElement(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"'), toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) + (toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0)), '\"'), NULL), visitParamExtractRaw(_d1.`d`, visitParamExtractString(concat('{\"k\":', extract('$.\"Age\"', '^[$][.](.*)$'), '}'), 'k'))), '\"'), visitParamExtractString(concat('{\"v\":', if(startsWith('$.\"Age\"', '$['), if(abs(toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$'))) + (toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0) <= length(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"')), concat('\"', arrayElement(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"'), toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) + (toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0)), '\"'), NULL), visitParamExtractRaw(_d1.`d`, visitParamExtractString(concat('{\"k\":', extract('$.\"Age\"', '^[$][.](.*)$'), '}'), 'k'))), '}'), 'v'), if(startsWith('$.\"Age\"', '$['), if(abs(toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$'))) + (toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0) <= length(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"')), concat('\"', arrayElement(extractAll(_d1.`d`, '\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"'), toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) + (toInt64(extract('$.\"Age\"', '^[$][[]#?(-?[0-9]+)[]]$')) >= 0)), '\"'), NULL), visitParamExtractRaw(_d1.`d`, visitParamExtractString(concat('{\"k\":', extract('$.\"Age\"', '^[$][.](.*)$'), '}'), 'k')))))) AS `_c2_Age` FROM (SELECT 1 AS `Id`, '{\"Name\":\"John\",\"Age\":20}' AS `d`) AS _d1) AS _a2",
    rows: [[1, 'John', 20]],
  },
  {
    name: 'series functions over a made series',
    kql: 'MessageTrace | make-series n = count() default = long(null) on Received from datetime(2026-10-31) to datetime(2026-11-02) step 12h | project Stats = series_stats_dynamic(n, true), Forward = series_fill_forward(n), Backward = series_fill_backward(n), Zero = series_fill_const(n, 0), Double = series_add(n, n)',
    duckdb:
      'SELECT CASE WHEN NOT coalesce(TRUE, false) AND list_count(from_json(to_json("n"), \'["double"]\')) < len(from_json(to_json("n"), \'["double"]\')) THEN json_object(\'min\', NULL, \'min_idx\', NULL, \'max\', NULL, \'max_idx\', NULL, \'avg\', NULL, \'stdev\', NULL, \'variance\', NULL, \'sum\', NULL, \'len\', len(from_json(to_json("n"), \'["double"]\'))) ELSE json_object(\'min\', list_min(from_json(to_json("n"), \'["double"]\')), \'min_idx\', list_position(from_json(to_json("n"), \'["double"]\'), list_min(from_json(to_json("n"), \'["double"]\'))) - 1, \'max\', list_max(from_json(to_json("n"), \'["double"]\')), \'max_idx\', list_position(from_json(to_json("n"), \'["double"]\'), list_max(from_json(to_json("n"), \'["double"]\'))) - 1, \'avg\', list_avg(from_json(to_json("n"), \'["double"]\')), \'stdev\', list_stddev_samp(from_json(to_json("n"), \'["double"]\')), \'variance\', list_var_samp(from_json(to_json("n"), \'["double"]\')), \'sum\', list_sum(from_json(to_json("n"), \'["double"]\')), \'len\', len(from_json(to_json("n"), \'["double"]\'))) END AS "Stats", to_json(list_transform(range(1, len(from_json(to_json("n"), \'["double"]\')) + 1), _i -> coalesce(list_last(list_filter(list_slice(from_json(to_json("n"), \'["double"]\'), 1, _i), _x -> NOT _x IS NULL)), list_extract(from_json(to_json("n"), \'["double"]\'), _i - 1 + 1)))) AS "Forward", to_json(list_transform(range(1, len(from_json(to_json("n"), \'["double"]\')) + 1), _i -> coalesce(list_first(list_filter(list_slice(from_json(to_json("n"), \'["double"]\'), _i, len(from_json(to_json("n"), \'["double"]\'))), _x -> NOT _x IS NULL)), list_extract(from_json(to_json("n"), \'["double"]\'), _i - 1 + 1)))) AS "Backward", to_json(list_transform(from_json(to_json("n"), \'["double"]\'), _x -> CASE WHEN _x IS NULL THEN 0 ELSE _x END)) AS "Zero", to_json(list_transform(range(greatest(len(from_json(to_json("n"), \'["double"]\')), len(from_json(to_json("n"), \'["double"]\')))), _i -> list_extract(from_json(to_json("n"), \'["double"]\'), _i + 1) + list_extract(from_json(to_json("n"), \'["double"]\'), _i + 1))) AS "Double" FROM (SELECT list_transform(range(CAST(ceil(("_end" - "_start") / 43200000000) AS BIGINT)), _i -> coalesce(list_extract("_v0", list_position("_bins", _i)), CAST(NULL AS BIGINT))) AS "n", list_transform(range(CAST(ceil(("_end" - "_start") / 43200000000) AS BIGINT)), _i -> strftime(make_timestamp(CAST("_start" + _i * 43200000000 AS BIGINT)), \'%Y-%m-%dT%H:%M:%S.%f0Z\')) AS "Received" FROM (SELECT min("_start") AS "_start", min("_end") AS "_end", list("_bin") AS "_bins", list("_v0") AS "_v0" FROM (SELECT 0 AS "_g", min(epoch_us(TIMESTAMP \'2026-10-31 00:00:00.000\')) AS "_start", min(epoch_us(TIMESTAMP \'2026-11-02 00:00:00.000\')) AS "_end", CAST(floor((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-31 00:00:00.000\')) / 43200000000) AS BIGINT) AS "_bin", count(*) AS "_v0" FROM "MessageTrace" WHERE epoch_us("Received") >= epoch_us(TIMESTAMP \'2026-10-31 00:00:00.000\') AND epoch_us("Received") < epoch_us(TIMESTAMP \'2026-11-02 00:00:00.000\') GROUP BY CAST(floor((epoch_us("Received") - epoch_us(TIMESTAMP \'2026-10-31 00:00:00.000\')) / 43200000000) AS BIGINT)) AS _t1 GROUP BY "_g") AS _t2) AS _t3',
    clickhouseError: 'line 1, column 150: series_stats_dynamic() is not supported on clickhouse yet',
    rows: [
      [
        '{"min":2.0,"min_idx":1,"max":4.0,"max_idx":2,"avg":2.6666666666666665,"stdev":1.1547005383792515,"variance":1.3333333333333333,"sum":8.0,"len":4}',
        '[null,2.0,4.0,2.0]',
        '[2.0,2.0,4.0,2.0]',
        '[0.0,2.0,4.0,2.0]',
        '[null,4.0,8.0,4.0]',
      ],
    ],
  },
  {
    name: 'evaluate pivot with an output schema reads nothing first',
    kql: 'MessageTrace | project Direction, Status | evaluate pivot(Status) : (Direction:string, Delivered:long, Failed:long)',
    duckdb:
      'SELECT "Direction", count_if("Status" = $1) AS "Delivered", count_if("Status" = $2) AS "Failed" FROM "MessageTrace" GROUP BY "Direction"',
    clickhouse:
      "SELECT `Direction`, countIf(`Status` = 'Delivered') AS `Delivered`, countIf(`Status` = 'Failed') AS `Failed` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL) GROUP BY `Direction`",
    rows: [
      ['Inbound', 2, 0],
      ['Internal', 1, 0],
      ['Outbound', 1, 1],
    ],
  },
];
