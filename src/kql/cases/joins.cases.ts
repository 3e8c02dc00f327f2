/** Case table: every join kind over key columns of one name on both sides, null keys, several keys, and lookup. */
import type { KqlCase } from '../test/kql-case.js';

export const CASES: readonly KqlCase[] = [
  {
    name: 'join inner reads the right key as Key1',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=inner (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT _l3."Key" AS "Key", _l3."L" AS "L", _r4."Key" AS "Key1", _r4."R" AS "R" FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _l3 JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L`, `_c2_Key1` AS `Key1`, `_c3_R` AS `R` FROM (SELECT _l3.`Key` AS `_c0_Key`, _l3.`L` AS `_c1_L`, _r4.`Key` AS `_c2_Key1`, _r4.`R` AS `_c3_R` FROM (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL JOIN (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['b', 2, 'b', 10],
      ['b', 3, 'b', 10],
      ['c', 4, 'c', 20],
      ['c', 4, 'c', 30],
    ],
  },
  {
    name: 'join innerunique keeps one left row per key',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key | project Key, Key1, R',
    duckdb:
      'SELECT _l3."Key" AS "Key", _r4."Key" AS "Key1", _r4."R" AS "R" FROM (SELECT DISTINCT ON ("Key") * FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _u5) AS _l3 JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_Key1` AS `Key1`, `_c2_R` AS `R` FROM (SELECT _l3.`Key` AS `_c0_Key`, _r4.`Key` AS `_c1_Key1`, _r4.`R` AS `_c2_R` FROM (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT * FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _u6 LIMIT 1 BY `Key`) AS _t7) AS _l3 GLOBAL JOIN (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a8) AS _t9) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a10",
    rows: [
      ['b', 'b', 10],
      ['c', 'c', 20],
      ['c', 'c', 30],
    ],
  },
  {
    name: 'join leftouter: an unmatched row reads the right key as empty',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=leftouter (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT _l3."Key" AS "Key", _l3."L" AS "L", coalesce(_r4."Key", \'\') AS "Key1", _r4."R" AS "R" FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _l3 LEFT JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L`, `_c2_Key1` AS `Key1`, `_c3_R` AS `R` FROM (SELECT _l3.`Key` AS `_c0_Key`, _l3.`L` AS `_c1_L`, coalesce(_r4.`Key`, '') AS `_c2_Key1`, _r4.`R` AS `_c3_R` FROM (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL LEFT JOIN (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['a', 1, '', null],
      ['b', 2, 'b', 10],
      ['b', 3, 'b', 10],
      ['c', 4, 'c', 20],
      ['c', 4, 'c', 30],
    ],
  },
  {
    name: 'join rightouter: the left key of an unmatched right row is empty',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=rightouter (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT coalesce(_l3."Key", \'\') AS "Key", _l3."L" AS "L", _r4."Key" AS "Key1", _r4."R" AS "R" FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _l3 RIGHT JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L`, `_c2_Key1` AS `Key1`, `_c3_R` AS `R` FROM (SELECT coalesce(_l3.`Key`, '') AS `_c0_Key`, _l3.`L` AS `_c1_L`, _r4.`Key` AS `_c2_Key1`, _r4.`R` AS `_c3_R` FROM (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL RIGHT JOIN (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['', null, 'd', 40],
      ['b', 2, 'b', 10],
      ['b', 3, 'b', 10],
      ['c', 4, 'c', 20],
      ['c', 4, 'c', 30],
    ],
  },
  {
    name: 'join fullouter of two datatables',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=fullouter (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT coalesce(_l3."Key", \'\') AS "Key", _l3."L" AS "L", coalesce(_r4."Key", \'\') AS "Key1", _r4."R" AS "R" FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _l3 FULL JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L`, `_c2_Key1` AS `Key1`, `_c3_R` AS `R` FROM (SELECT coalesce(_l3.`Key`, '') AS `_c0_Key`, _l3.`L` AS `_c1_L`, coalesce(_r4.`Key`, '') AS `_c2_Key1`, _r4.`R` AS `_c3_R` FROM (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL FULL JOIN (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['', null, 'd', 40],
      ['a', 1, '', null],
      ['b', 2, 'b', 10],
      ['b', 3, 'b', 10],
      ['c', 4, 'c', 20],
      ['c', 4, 'c', 30],
    ],
  },
  {
    name: 'join leftsemi of two datatables',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=leftsemi (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT _l3."Key" AS "Key", _l3."L" AS "L" FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _l3 SEMI JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _l3.`Key` AS `_c0_Key`, _l3.`L` AS `_c1_L` FROM (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL ANY INNER JOIN (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['b', 2],
      ['b', 3],
      ['c', 4],
    ],
  },
  {
    name: 'join rightsemi of two datatables',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=rightsemi (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT _r4."Key" AS "Key", _r4."R" AS "R" FROM (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($1, 10), ($2, 20), ($2, 30), ($3, 40)) AS _d2("Key", "R")) AS _r4 SEMI JOIN (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($4, 1), ($1, 2), ($1, 3), ($2, 4)) AS _d1("Key", "L")) AS _l3 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _r4.`Key` AS `_c0_Key`, _r4.`R` AS `_c1_R` FROM (SELECT `Key`, `R`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 GLOBAL ANY INNER JOIN (SELECT `Key`, `L`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['b', 10],
      ['c', 20],
      ['c', 30],
    ],
  },
  {
    name: 'join leftanti of two datatables',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=leftanti (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT _l3."Key" AS "Key", _l3."L" AS "L" FROM (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($1, 1), ($2, 2), ($2, 3), ($3, 4)) AS _d1("Key", "L")) AS _l3 ANTI JOIN (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($2, 10), ($3, 20), ($3, 30), ($4, 40)) AS _d2("Key", "R")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _k5.`Key` AS `_c0_Key`, _k5.`L` AS `_c1_L` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a8) AS _k5 WHERE _k5.`Key` IS NULL OR _k5.`Key` GLOBAL NOT IN (SELECT `Key` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a6) AS _t7 WHERE `Key` IS NOT NULL)) AS _a9",
    rows: [['a', 1]],
  },
  {
    name: 'join rightanti of two datatables',
    kql: 'datatable(Key:string, L:long)["a", 1, "b", 2, "b", 3, "c", 4] | join kind=rightanti (datatable(Key:string, R:long)["b", 10, "c", 20, "c", 30, "d", 40]) on Key',
    duckdb:
      'SELECT _r4."Key" AS "Key", _r4."R" AS "R" FROM (SELECT _d2."Key" AS "Key", _d2."R" AS "R" FROM (VALUES ($1, 10), ($2, 20), ($2, 30), ($3, 40)) AS _d2("Key", "R")) AS _r4 ANTI JOIN (SELECT _d1."Key" AS "Key", _d1."L" AS "L" FROM (VALUES ($4, 1), ($1, 2), ($1, 3), ($2, 4)) AS _d1("Key", "L")) AS _l3 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _k5.`Key` AS `_c0_Key`, _k5.`R` AS `_c1_R` FROM (SELECT `_c0_Key` AS `Key`, `_c1_R` AS `R` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`R` AS `_c1_R` FROM (SELECT `Key`, `R` FROM (SELECT 0 AS __row, 'b' AS `Key`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, 'c' AS `Key`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, 'c' AS `Key`, CAST(30 AS Nullable(Int64)) AS `R` UNION ALL SELECT 3 AS __row, 'd' AS `Key`, CAST(40 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a8) AS _k5 WHERE _k5.`Key` IS NULL OR _k5.`Key` GLOBAL NOT IN (SELECT `Key` FROM (SELECT `_c0_Key` AS `Key`, `_c1_L` AS `L` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`L` AS `_c1_L` FROM (SELECT `Key`, `L` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `Key`, CAST(3 AS Nullable(Int64)) AS `L` UNION ALL SELECT 3 AS __row, 'c' AS `Key`, CAST(4 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a6) AS _t7 WHERE `Key` IS NOT NULL)) AS _a9",
    rows: [['d', 40]],
  },
  {
    name: 'join leftanti keeps rows whose key is null (null matches nothing)',
    kql: 'datatable(K:long, L:long)[1, 1, long(null), 2, 3, 3] | join kind=leftanti (datatable(K:long, R:long)[1, 10, long(null), 20, 4, 4]) on K',
    duckdb:
      'SELECT _l3."K" AS "K", _l3."L" AS "L" FROM (SELECT _d1."K" AS "K", _d1."L" AS "L" FROM (VALUES (1, 1), (CAST(NULL AS BIGINT), 2), (3, 3)) AS _d1("K", "L")) AS _l3 ANTI JOIN (SELECT _d2."K" AS "K", _d2."R" AS "R" FROM (VALUES (1, 10), (CAST(NULL AS BIGINT), 20), (4, 4)) AS _d2("K", "R")) AS _r4 ON _l3."K" = _r4."K"',
    clickhouse:
      'SELECT `_c0_K` AS `K`, `_c1_L` AS `L` FROM (SELECT _k5.`K` AS `_c0_K`, _k5.`L` AS `_c1_L` FROM (SELECT `_c0_K` AS `K`, `_c1_L` AS `L` FROM (SELECT _d1.`K` AS `_c0_K`, _d1.`L` AS `_c1_L` FROM (SELECT `K`, `L` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, CAST(3 AS Nullable(Int64)) AS `K`, CAST(3 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a8) AS _k5 WHERE _k5.`K` IS NULL OR _k5.`K` GLOBAL NOT IN (SELECT `K` FROM (SELECT `_c0_K` AS `K`, `_c1_R` AS `R` FROM (SELECT _d2.`K` AS `_c0_K`, _d2.`R` AS `_c1_R` FROM (SELECT `K`, `R` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, CAST(4 AS Nullable(Int64)) AS `K`, CAST(4 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a6) AS _t7 WHERE `K` IS NOT NULL)) AS _a9',
    rows: [
      [3, 3],
      [null, 2],
    ],
  },
  {
    name: 'join rightanti keeps right rows whose key is null',
    kql: 'datatable(K:long, L:long)[1, 1, long(null), 2, 3, 3] | join kind=rightanti (datatable(K:long, R:long)[1, 10, long(null), 20, 4, 4]) on K',
    duckdb:
      'SELECT _r4."K" AS "K", _r4."R" AS "R" FROM (SELECT _d2."K" AS "K", _d2."R" AS "R" FROM (VALUES (1, 10), (CAST(NULL AS BIGINT), 20), (4, 4)) AS _d2("K", "R")) AS _r4 ANTI JOIN (SELECT _d1."K" AS "K", _d1."L" AS "L" FROM (VALUES (1, 1), (CAST(NULL AS BIGINT), 2), (3, 3)) AS _d1("K", "L")) AS _l3 ON _l3."K" = _r4."K"',
    clickhouse:
      'SELECT `_c0_K` AS `K`, `_c1_R` AS `R` FROM (SELECT _k5.`K` AS `_c0_K`, _k5.`R` AS `_c1_R` FROM (SELECT `_c0_K` AS `K`, `_c1_R` AS `R` FROM (SELECT _d2.`K` AS `_c0_K`, _d2.`R` AS `_c1_R` FROM (SELECT `K`, `R` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, CAST(4 AS Nullable(Int64)) AS `K`, CAST(4 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a8) AS _k5 WHERE _k5.`K` IS NULL OR _k5.`K` GLOBAL NOT IN (SELECT `K` FROM (SELECT `_c0_K` AS `K`, `_c1_L` AS `L` FROM (SELECT _d1.`K` AS `_c0_K`, _d1.`L` AS `_c1_L` FROM (SELECT `K`, `L` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, CAST(3 AS Nullable(Int64)) AS `K`, CAST(3 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a6) AS _t7 WHERE `K` IS NOT NULL)) AS _a9',
    rows: [
      [4, 4],
      [null, 20],
    ],
  },
  {
    name: 'join fullouter keeps the rows of null keys of both sides apart',
    kql: 'datatable(K:long, L:long)[1, 1, long(null), 2, 3, 3] | join kind=fullouter (datatable(K:long, R:long)[1, 10, long(null), 20, 4, 4]) on K',
    duckdb:
      'SELECT _l3."K" AS "K", _l3."L" AS "L", _r4."K" AS "K1", _r4."R" AS "R" FROM (SELECT _d1."K" AS "K", _d1."L" AS "L" FROM (VALUES (1, 1), (CAST(NULL AS BIGINT), 2), (3, 3)) AS _d1("K", "L")) AS _l3 FULL JOIN (SELECT _d2."K" AS "K", _d2."R" AS "R" FROM (VALUES (1, 10), (CAST(NULL AS BIGINT), 20), (4, 4)) AS _d2("K", "R")) AS _r4 ON _l3."K" = _r4."K"',
    clickhouse:
      'SELECT `_c0_K` AS `K`, `_c1_L` AS `L`, `_c2_K1` AS `K1`, `_c3_R` AS `R` FROM (SELECT _l3.`K` AS `_c0_K`, _l3.`L` AS `_c1_L`, _r4.`K` AS `_c2_K1`, _r4.`R` AS `_c3_R` FROM (SELECT `K`, `L`, if(isNull(`K`), 1, 0) AS `_jl1_1`, assumeNotNull(`K`) AS `_jl1_2` FROM (SELECT `_c0_K` AS `K`, `_c1_L` AS `L` FROM (SELECT _d1.`K` AS `_c0_K`, _d1.`L` AS `_c1_L` FROM (SELECT `K`, `L` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, CAST(3 AS Nullable(Int64)) AS `K`, CAST(3 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL FULL JOIN (SELECT `K`, `R`, if(isNull(`K`), 2, 0) AS `_jr1_1`, assumeNotNull(`K`) AS `_jr1_2` FROM (SELECT `_c0_K` AS `K`, `_c1_R` AS `R` FROM (SELECT _d2.`K` AS `_c0_K`, _d2.`R` AS `_c1_R` FROM (SELECT `K`, `R` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(20 AS Nullable(Int64)) AS `R` UNION ALL SELECT 2 AS __row, CAST(4 AS Nullable(Int64)) AS `K`, CAST(4 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9',
    rows: [
      [1, 1, 1, 10],
      [3, 3, null, null],
      [null, 2, null, null],
      [null, null, 4, 4],
      [null, null, null, 20],
    ],
  },
  {
    name: 'join inner on a long and an int key',
    kql: 'datatable(K:long, L:long)[1, 1, long(null), 2, 3, 3] | join kind=inner (datatable(K:int, R:long)[1, 10, int(null), 20]) on K',
    duckdb:
      'SELECT _l3."K" AS "K", _l3."L" AS "L", _r4."K" AS "K1", _r4."R" AS "R" FROM (SELECT _d1."K" AS "K", _d1."L" AS "L" FROM (VALUES (1, 1), (CAST(NULL AS BIGINT), 2), (3, 3)) AS _d1("K", "L")) AS _l3 JOIN (SELECT _d2."K" AS "K", _d2."R" AS "R" FROM (VALUES (CAST(1 AS INTEGER), 10), (CAST(NULL AS INTEGER), 20)) AS _d2("K", "R")) AS _r4 ON _l3."K" = _r4."K"',
    clickhouse:
      'SELECT `_c0_K` AS `K`, `_c1_L` AS `L`, `_c2_K1` AS `K1`, `_c3_R` AS `R` FROM (SELECT _l3.`K` AS `_c0_K`, _l3.`L` AS `_c1_L`, _r4.`K` AS `_c2_K1`, _r4.`R` AS `_c3_R` FROM (SELECT `K`, `L`, if(isNull(CAST(`K` AS Nullable(Int64))), 1, 0) AS `_jl1_1`, assumeNotNull(CAST(`K` AS Nullable(Int64))) AS `_jl1_2` FROM (SELECT `_c0_K` AS `K`, `_c1_L` AS `L` FROM (SELECT _d1.`K` AS `_c0_K`, _d1.`L` AS `_c1_L` FROM (SELECT `K`, `L` FROM (SELECT 0 AS __row, CAST(1 AS Nullable(Int64)) AS `K`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int64)) AS Nullable(Int64)) AS `K`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, CAST(3 AS Nullable(Int64)) AS `K`, CAST(3 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL JOIN (SELECT `K`, `R`, if(isNull(CAST(`K` AS Nullable(Int64))), 2, 0) AS `_jr1_1`, assumeNotNull(CAST(`K` AS Nullable(Int64))) AS `_jr1_2` FROM (SELECT `_c0_K` AS `K`, `_c1_R` AS `R` FROM (SELECT _d2.`K` AS `_c0_K`, _d2.`R` AS `_c1_R` FROM (SELECT `K`, `R` FROM (SELECT 0 AS __row, CAST(CAST(1 AS Nullable(Int32)) AS Nullable(Int32)) AS `K`, CAST(10 AS Nullable(Int64)) AS `R` UNION ALL SELECT 1 AS __row, CAST(CAST(NULL AS Nullable(Int32)) AS Nullable(Int32)) AS `K`, CAST(20 AS Nullable(Int64)) AS `R`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9',
    rows: [[1, 1, 1, 10]],
  },
  {
    name: 'join leftanti on two keys',
    kql: 'datatable(A:string, B:long, L:long)["a", 1, 1, "a", 2, 2, "b", 1, 3] | join kind=leftanti (datatable(A:string, B:long)["a", 1, "b", 2]) on A, B',
    duckdb:
      'SELECT _l3."A" AS "A", _l3."B" AS "B", _l3."L" AS "L" FROM (SELECT _d1."A" AS "A", _d1."B" AS "B", _d1."L" AS "L" FROM (VALUES ($1, 1, 1), ($1, 2, 2), ($2, 1, 3)) AS _d1("A", "B", "L")) AS _l3 ANTI JOIN (SELECT _d2."A" AS "A", _d2."B" AS "B" FROM (VALUES ($1, 1), ($2, 2)) AS _d2("A", "B")) AS _r4 ON _l3."A" = _r4."A" AND _l3."B" = _r4."B"',
    clickhouse:
      "SELECT `_c0_A` AS `A`, `_c1_B` AS `B`, `_c2_L` AS `L` FROM (SELECT _k5.`A` AS `_c0_A`, _k5.`B` AS `_c1_B`, _k5.`L` AS `_c2_L` FROM (SELECT `_c0_A` AS `A`, `_c1_B` AS `B`, `_c2_L` AS `L` FROM (SELECT _d1.`A` AS `_c0_A`, _d1.`B` AS `_c1_B`, _d1.`L` AS `_c2_L` FROM (SELECT `A`, `B`, `L` FROM (SELECT 0 AS __row, 'a' AS `A`, CAST(1 AS Nullable(Int64)) AS `B`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'a' AS `A`, CAST(2 AS Nullable(Int64)) AS `B`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `A`, CAST(1 AS Nullable(Int64)) AS `B`, CAST(3 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a8) AS _k5 WHERE _k5.`A` IS NULL OR _k5.`B` IS NULL OR (_k5.`A`, _k5.`B`) GLOBAL NOT IN (SELECT `A`, `B` FROM (SELECT `_c0_A` AS `A`, `_c1_B` AS `B` FROM (SELECT _d2.`A` AS `_c0_A`, _d2.`B` AS `_c1_B` FROM (SELECT `A`, `B` FROM (SELECT 0 AS __row, 'a' AS `A`, CAST(1 AS Nullable(Int64)) AS `B` UNION ALL SELECT 1 AS __row, 'b' AS `A`, CAST(2 AS Nullable(Int64)) AS `B`) ORDER BY __row) AS _d2) AS _a6) AS _t7 WHERE `A` IS NOT NULL AND `B` IS NOT NULL)) AS _a9",
    rows: [
      ['a', 2, 2],
      ['b', 1, 3],
    ],
  },
  {
    name: 'join fullouter on a shared and a $left/$right key',
    kql: 'datatable(A:string, B:long, L:long)["a", 1, 1, "a", 2, 2, "b", 1, 3] | join kind=fullouter (datatable(A:string, C:long)["a", 1, "b", 2]) on A, $left.B == $right.C',
    duckdb:
      'SELECT coalesce(_l3."A", \'\') AS "A", _l3."B" AS "B", _l3."L" AS "L", coalesce(_r4."A", \'\') AS "A1", _r4."C" AS "C" FROM (SELECT _d1."A" AS "A", _d1."B" AS "B", _d1."L" AS "L" FROM (VALUES ($1, 1, 1), ($1, 2, 2), ($2, 1, 3)) AS _d1("A", "B", "L")) AS _l3 FULL JOIN (SELECT _d2."A" AS "A", _d2."C" AS "C" FROM (VALUES ($1, 1), ($2, 2)) AS _d2("A", "C")) AS _r4 ON _l3."A" = _r4."A" AND _l3."B" = _r4."C"',
    clickhouse:
      "SELECT `_c0_A` AS `A`, `_c1_B` AS `B`, `_c2_L` AS `L`, `_c3_A1` AS `A1`, `_c4_C` AS `C` FROM (SELECT coalesce(_l3.`A`, '') AS `_c0_A`, _l3.`B` AS `_c1_B`, _l3.`L` AS `_c2_L`, coalesce(_r4.`A`, '') AS `_c3_A1`, _r4.`C` AS `_c4_C` FROM (SELECT `A`, `B`, `L`, if(isNull(`A`), 1, 0) AS `_jl1_1`, assumeNotNull(`A`) AS `_jl1_2`, if(isNull(`B`), 1, 0) AS `_jl2_1`, assumeNotNull(`B`) AS `_jl2_2` FROM (SELECT `_c0_A` AS `A`, `_c1_B` AS `B`, `_c2_L` AS `L` FROM (SELECT _d1.`A` AS `_c0_A`, _d1.`B` AS `_c1_B`, _d1.`L` AS `_c2_L` FROM (SELECT `A`, `B`, `L` FROM (SELECT 0 AS __row, 'a' AS `A`, CAST(1 AS Nullable(Int64)) AS `B`, CAST(1 AS Nullable(Int64)) AS `L` UNION ALL SELECT 1 AS __row, 'a' AS `A`, CAST(2 AS Nullable(Int64)) AS `B`, CAST(2 AS Nullable(Int64)) AS `L` UNION ALL SELECT 2 AS __row, 'b' AS `A`, CAST(1 AS Nullable(Int64)) AS `B`, CAST(3 AS Nullable(Int64)) AS `L`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL FULL JOIN (SELECT `A`, `C`, if(isNull(`A`), 2, 0) AS `_jr1_1`, assumeNotNull(`A`) AS `_jr1_2`, if(isNull(`C`), 2, 0) AS `_jr2_1`, assumeNotNull(`C`) AS `_jr2_2` FROM (SELECT `_c0_A` AS `A`, `_c1_C` AS `C` FROM (SELECT _d2.`A` AS `_c0_A`, _d2.`C` AS `_c1_C` FROM (SELECT `A`, `C` FROM (SELECT 0 AS __row, 'a' AS `A`, CAST(1 AS Nullable(Int64)) AS `C` UNION ALL SELECT 1 AS __row, 'b' AS `A`, CAST(2 AS Nullable(Int64)) AS `C`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2` AND _l3.`_jl2_1` = _r4.`_jr2_1` AND _l3.`_jl2_2` = _r4.`_jr2_2`) AS _a9",
    rows: [
      ['', null, null, 'b', 2],
      ['a', 1, 1, 'a', 1],
      ['a', 2, 2, '', null],
      ['b', 1, 3, '', null],
    ],
  },
  {
    name: 'join rightouter of MessageTrace and MessageEvents reads both keys',
    kql: 'MessageTrace | join kind=rightouter (MessageEvents | project MessageTraceId, Event) on MessageTraceId | project MessageTraceId, MessageTraceId1, Event, RecipientAddress',
    duckdb:
      'SELECT coalesce(_l1."MessageTraceId", \'\') AS "MessageTraceId", _r2."MessageTraceId" AS "MessageTraceId1", _r2."Event" AS "Event", coalesce(_l1."RecipientAddress", \'\') AS "RecipientAddress" FROM "MessageTrace" AS _l1 RIGHT JOIN (SELECT "MessageTraceId", "Event" FROM "MessageEvents") AS _r2 ON _l1."MessageTraceId" = _r2."MessageTraceId"',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_MessageTraceId1` AS `MessageTraceId1`, `_c2_Event` AS `Event`, `_c3_RecipientAddress` AS `RecipientAddress` FROM (SELECT coalesce(_l1.`MessageTraceId`, '') AS `_c0_MessageTraceId`, _r2.`MessageTraceId` AS `_c1_MessageTraceId1`, _r2.`Event` AS `_c2_Event`, coalesce(_l1.`RecipientAddress`, '') AS `_c3_RecipientAddress` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`MessageTraceId`), 1, 0) AS `_jl1_1`, assumeNotNull(`MessageTraceId`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _t3) AS _l1 GLOBAL RIGHT JOIN (SELECT `MessageTraceId`, `Event`, if(isNull(`MessageTraceId`), 2, 0) AS `_jr1_1`, assumeNotNull(`MessageTraceId`) AS `_jr1_2` FROM (SELECT `MessageTraceId`, `Event` FROM (SELECT `Timestamp`, `MessageTraceId`, `MessageId`, `SenderAddress`, `RecipientAddress`, `Event`, `Source`, `Detail`, `ClientIP`, `ServerHostname`, _version FROM `MessageEvents` FINAL)) AS _t4) AS _r2 ON _l1.`_jl1_1` = _r2.`_jr1_1` AND _l1.`_jl1_2` = _r2.`_jr1_2`) AS _a5",
    rows: [
      ['m1', 'm1', 'DELIVER', 'bob@fabrikam.com'],
      ['m1', 'm1', 'RECEIVE', 'bob@fabrikam.com'],
      ['m3', 'm3', 'QUARANTINE', 'bob@contoso.com'],
      ['m3', 'm3', 'QUARANTINE', 'dave@contoso.com'],
    ],
  },
  {
    name: 'join leftouter of MessageTrace with a datatable on a key of one name',
    kql: 'MessageTrace | join kind=leftouter (datatable(Status:string, Severity:long)["Quarantined", 3]) on Status | project MessageTraceId, Status, Status1, Severity',
    duckdb:
      'SELECT _l2."MessageTraceId" AS "MessageTraceId", _l2."Status" AS "Status", coalesce(_r3."Status", \'\') AS "Status1", _r3."Severity" AS "Severity" FROM "MessageTrace" AS _l2 LEFT JOIN (SELECT _d1."Status" AS "Status", _d1."Severity" AS "Severity" FROM (VALUES ($1, 3)) AS _d1("Status", "Severity")) AS _r3 ON _l2."Status" = _r3."Status"',
    clickhouse:
      "SELECT `_c0_MessageTraceId` AS `MessageTraceId`, `_c1_Status` AS `Status`, `_c2_Status1` AS `Status1`, `_c3_Severity` AS `Severity` FROM (SELECT _l2.`MessageTraceId` AS `_c0_MessageTraceId`, _l2.`Status` AS `_c1_Status`, coalesce(_r3.`Status`, '') AS `_c2_Status1`, _r3.`Severity` AS `_c3_Severity` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, if(isNull(`Status`), 1, 0) AS `_jl1_1`, assumeNotNull(`Status`) AS `_jl1_2` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source` FROM (SELECT `Received`, `SenderAddress`, `RecipientAddress`, `Subject`, `Status`, `FromIP`, `ToIP`, `Size`, `MessageId`, `MessageTraceId`, `Organization`, `SenderDomain`, `RecipientDomain`, `Direction`, `FromCountry`, `ToCountry`, `FromAsn`, `ToAsn`, `FromAsOrg`, `ToAsOrg`, `Source`, _version FROM `MessageTrace` FINAL)) AS _t4) AS _l2 GLOBAL LEFT JOIN (SELECT `Status`, `Severity`, if(isNull(`Status`), 2, 0) AS `_jr1_1`, assumeNotNull(`Status`) AS `_jr1_2` FROM (SELECT `_c0_Status` AS `Status`, `_c1_Severity` AS `Severity` FROM (SELECT _d1.`Status` AS `_c0_Status`, _d1.`Severity` AS `_c1_Severity` FROM (SELECT `Status`, `Severity` FROM (SELECT 0 AS __row, 'Quarantined' AS `Status`, CAST(3 AS Nullable(Int64)) AS `Severity`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _r3 ON _l2.`_jl1_1` = _r3.`_jr1_1` AND _l2.`_jl1_2` = _r3.`_jr1_2`) AS _a7",
    rows: [
      ['m1', 'Delivered', '', null],
      ['m2', 'Delivered', '', null],
      ['m3', 'FilteredAsSpam', '', null],
      ['m3', 'Quarantined', 'Quarantined', 3],
      ['m4', 'Delivered', '', null],
      ['m5', 'Failed', '', null],
      ['m6', 'Pending', '', null],
      ['m7', 'Delivered', '', null],
      ['m8', 'None', '', null],
    ],
  },
  {
    name: 'lookup of two datatables',
    kql: 'datatable(Key:string, x:long)["a", 1, "b", 2] | lookup (datatable(Key:string, y:long)["a", 10]) on Key',
    duckdb:
      'SELECT _l3."Key" AS "Key", _l3."x" AS "x", _r4."y" AS "y" FROM (SELECT _d1."Key" AS "Key", _d1."x" AS "x" FROM (VALUES ($1, 1), ($2, 2)) AS _d1("Key", "x")) AS _l3 LEFT JOIN (SELECT _d2."Key" AS "Key", _d2."y" AS "y" FROM (VALUES ($1, 10)) AS _d2("Key", "y")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_x` AS `x`, `_c2_y` AS `y` FROM (SELECT _l3.`Key` AS `_c0_Key`, _l3.`x` AS `_c1_x`, _r4.`y` AS `_c2_y` FROM (SELECT `Key`, `x`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_x` AS `x` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`x` AS `_c1_x` FROM (SELECT `Key`, `x` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `x` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `x`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL LEFT JOIN (SELECT `Key`, `y`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_y` AS `y` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`y` AS `_c1_y` FROM (SELECT `Key`, `y` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(10 AS Nullable(Int64)) AS `y`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [
      ['a', 1, 10],
      ['b', 2, null],
    ],
  },
  {
    name: 'lookup kind=inner of two datatables',
    kql: 'datatable(Key:string, x:long)["a", 1, "b", 2] | lookup kind=inner (datatable(Key:string, y:long)["a", 10]) on Key',
    duckdb:
      'SELECT _l3."Key" AS "Key", _l3."x" AS "x", _r4."y" AS "y" FROM (SELECT _d1."Key" AS "Key", _d1."x" AS "x" FROM (VALUES ($1, 1), ($2, 2)) AS _d1("Key", "x")) AS _l3 JOIN (SELECT _d2."Key" AS "Key", _d2."y" AS "y" FROM (VALUES ($1, 10)) AS _d2("Key", "y")) AS _r4 ON _l3."Key" = _r4."Key"',
    clickhouse:
      "SELECT `_c0_Key` AS `Key`, `_c1_x` AS `x`, `_c2_y` AS `y` FROM (SELECT _l3.`Key` AS `_c0_Key`, _l3.`x` AS `_c1_x`, _r4.`y` AS `_c2_y` FROM (SELECT `Key`, `x`, if(isNull(`Key`), 1, 0) AS `_jl1_1`, assumeNotNull(`Key`) AS `_jl1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_x` AS `x` FROM (SELECT _d1.`Key` AS `_c0_Key`, _d1.`x` AS `_c1_x` FROM (SELECT `Key`, `x` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(1 AS Nullable(Int64)) AS `x` UNION ALL SELECT 1 AS __row, 'b' AS `Key`, CAST(2 AS Nullable(Int64)) AS `x`) ORDER BY __row) AS _d1) AS _a5) AS _t6) AS _l3 GLOBAL JOIN (SELECT `Key`, `y`, if(isNull(`Key`), 2, 0) AS `_jr1_1`, assumeNotNull(`Key`) AS `_jr1_2` FROM (SELECT `_c0_Key` AS `Key`, `_c1_y` AS `y` FROM (SELECT _d2.`Key` AS `_c0_Key`, _d2.`y` AS `_c1_y` FROM (SELECT `Key`, `y` FROM (SELECT 0 AS __row, 'a' AS `Key`, CAST(10 AS Nullable(Int64)) AS `y`) ORDER BY __row) AS _d2) AS _a7) AS _t8) AS _r4 ON _l3.`_jl1_1` = _r4.`_jr1_1` AND _l3.`_jl1_2` = _r4.`_jr1_2`) AS _a9",
    rows: [['a', 1, 10]],
  },
];
