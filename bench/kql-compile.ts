/**
 * Benchmark of the KQL engine (run: npx tsx bench/kql-compile.ts; ROWS=1000000 for a quicker run):
 * compile time of typical dashboard queries, and the compiled SQL against hand-written DuckDB SQL on ROWS rows.
 */
import { compileKql } from '../src/kql/index.js';
import { openStore } from '../src/store/index.js';
import { median, table } from './lib.js';
import type { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

const ROWS = Number(process.env['ROWS'] ?? 10_000_000);
const NOW = Date.UTC(2026, 10, 1);

/** KQL and the SQL an engineer would write by hand for the same answer. */
const QUERIES: { name: string; kql: string; sql: string }[] = [
  {
    name: 'per-sender status pivot, top 10',
    kql: `MessageTrace
| summarize Delivered = countif(Status == "Delivered"), None = countif(Status == "None"), Failed = countif(Status == "Failed"),
  Pending = countif(Status == "Pending"), Expanded = countif(Status == "Expanded"), Quarantined = countif(Status == "Quarantined"),
  FilteredAsSpam = countif(Status == "FilteredAsSpam"), TotalCount = count() by SenderAddress
| top 10 by TotalCount`,
    sql: `SELECT "SenderAddress", count(*) FILTER (WHERE "Status" = 'Delivered') AS "Delivered", count(*) FILTER (WHERE "Status" = 'None') AS "None",
  count(*) FILTER (WHERE "Status" = 'Failed') AS "Failed", count(*) FILTER (WHERE "Status" = 'Pending') AS "Pending",
  count(*) FILTER (WHERE "Status" = 'Expanded') AS "Expanded", count(*) FILTER (WHERE "Status" = 'Quarantined') AS "Quarantined",
  count(*) FILTER (WHERE "Status" = 'FilteredAsSpam') AS "FilteredAsSpam", count(*) AS "TotalCount"
  FROM "MessageTrace" GROUP BY "SenderAddress" ORDER BY "TotalCount" DESC LIMIT 10`,
  },
  {
    name: 'daily status counts, last 7 days',
    kql: 'MessageTrace | where Received > ago(7d) | summarize count() by bin(Received, 1d), Status',
    sql: `SELECT date_trunc('day', "Received") AS "Received", "Status", count(*) AS "count_" FROM "MessageTrace"
  WHERE "Received" > TIMESTAMP '2026-10-25 00:00:00' GROUP BY ALL`,
  },
  {
    name: 'subject has a term, by sender domain',
    kql: 'MessageTrace | where Subject has "invoice" | summarize count() by SenderDomain | top 10 by count_',
    sql: `SELECT "SenderDomain", count(*) AS "count_" FROM "MessageTrace"
  WHERE regexp_matches("Subject", '(?i)(?:^|[^\\p{L}\\p{N}])invoice(?:[^\\p{L}\\p{N}]|$)') GROUP BY ALL ORDER BY 2 DESC LIMIT 10`,
  },
  {
    name: 'subject contains, count',
    kql: 'MessageTrace | where Subject contains "report" | count',
    sql: `SELECT count(*) FROM "MessageTrace" WHERE "Subject" ILIKE '%report%'`,
  },
  {
    name: 'bytes per day',
    kql: 'MessageTrace | summarize Bytes = sum(Size) by bin(Received, 1d)',
    sql: `SELECT date_trunc('day', "Received") AS "Received", sum("Size") AS "Bytes" FROM "MessageTrace" GROUP BY 1`,
  },
  {
    name: 'quarantined in a window, newest 100',
    kql: 'MessageTrace | where Status == "Quarantined" and Received between (datetime(2026-10-10) .. datetime(2026-10-12)) | project Received, SenderAddress, Subject | top 100 by Received',
    sql: `SELECT "Received", "SenderAddress", "Subject" FROM "MessageTrace" WHERE "Status" = 'Quarantined'
  AND "Received" BETWEEN TIMESTAMP '2026-10-10' AND TIMESTAMP '2026-10-12' ORDER BY "Received" DESC LIMIT 100`,
  },
  {
    name: 'subject words (mv-expand split), top 10',
    kql: 'MessageTrace | mv-expand w = split(Subject, " ") to typeof(string) | summarize n = count() by w | top 10 by n',
    sql: `SELECT w, count(*) AS n FROM (SELECT unnest(string_split("Subject", ' ')) AS w FROM "MessageTrace") GROUP BY w ORDER BY n DESC LIMIT 10`,
  },
  {
    name: 'days to their last tick (between .. endofday), by status',
    kql: 'MessageTrace | where Received between (datetime(2026-10-10) .. endofday(datetime(2026-10-12))) | summarize count() by Status',
    sql: `SELECT "Status", count(*) AS "count_" FROM "MessageTrace"
  WHERE "Received" BETWEEN TIMESTAMP '2026-10-10' AND TIMESTAMP '2026-10-12 23:59:59.999999' GROUP BY ALL`,
  },
  {
    name: 'age in ticks (x / 1tick), average by status',
    kql: 'MessageTrace | extend Age = (datetime(2026-11-01) - Received) / 1tick | summarize avg(Age) by Status',
    sql: `SELECT "Status", avg((epoch_us(TIMESTAMP '2026-11-01') - epoch_us("Received")) * 10.0) AS "avg_Age" FROM "MessageTrace" GROUP BY ALL`,
  },
  {
    name: 'severity from a datatable (lookup)',
    kql: 'MessageTrace | lookup (datatable(Status:string, Severity:long)["Quarantined", 3, "FilteredAsSpam", 2]) on Status | summarize s = sum(Severity)',
    sql: `SELECT sum(s."Severity") AS s FROM "MessageTrace" AS m LEFT JOIN (VALUES ('Quarantined', 3), ('FilteredAsSpam', 2)) AS s("Status", "Severity")
  ON m."Status" = s."Status"`,
  },
  {
    name: 'per-sender running count (row_number)',
    kql: 'MessageTrace | where SenderAddress startswith "sender1" | sort by Received asc | extend n = row_number() | where n % 1000 == 0 | count',
    sql: `SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY "Received") AS n FROM "MessageTrace" WHERE "SenderAddress" ILIKE 'sender1%')
  WHERE n % 1000 = 0`,
  },
  {
    // The data's month holds the end of summer time in Berlin (2026-10-25, a 25-hour day).
    name: "daily status counts in Berlin's local days (DST)",
    kql: 'MessageTrace | summarize count() by Day = datetime_local_to_utc(bin_at(datetime_utc_to_local(Received, "Europe/Berlin"), 1d, datetime(2026-10-01)), "Europe/Berlin"), Status',
    sql: `SELECT timezone('UTC', timezone('Europe/Berlin', d::TIMESTAMP)) AS "Day", "Status", n AS "count_" FROM (
  SELECT CAST(timezone('Europe/Berlin', timezone('UTC', "Received")) AS DATE) AS d, "Status", count(*) AS n FROM "MessageTrace" GROUP BY ALL)`,
  },
  {
    // What dashboards run for the same days: 24-hour steps between the changes, the 25-hour day as a constant.
    name: "Berlin's local days as the dashboards bin them (DST)",
    kql: 'MessageTrace | summarize count() by Day = case(Received < datetime(2026-10-24T22:00:00Z), bin_at(Received, 1d, datetime(2026-09-30T22:00:00Z)), Received < datetime(2026-10-25T23:00:00Z), datetime(2026-10-24T22:00:00Z), bin_at(Received, 1d, datetime(2026-10-25T23:00:00Z))), Status',
    sql: `SELECT timezone('UTC', timezone('Europe/Berlin', d::TIMESTAMP)) AS "Day", "Status", n AS "count_" FROM (
  SELECT CAST(timezone('Europe/Berlin', timezone('UTC', "Received")) AS DATE) AS d, "Status", count(*) AS n FROM "MessageTrace" GROUP BY ALL)`,
  },
  {
    name: 'daily status counts from a fixed local midnight (no DST)',
    kql: 'MessageTrace | summarize count() by Day = bin_at(Received, 1d, datetime(2026-09-30T22:00:00Z)), Status',
    sql: `SELECT time_bucket(INTERVAL 1 day, "Received", TIMESTAMP '2026-09-30 22:00:00') AS "Day", "Status", count(*) AS "count_" FROM "MessageTrace" GROUP BY ALL`,
  },
];

function compileTimes(): string[][] {
  const rows: string[][] = [];
  for (const q of QUERIES) {
    for (let i = 0; i < 500; i++) compileKql(q.kql, { dialect: 'duckdb', now: NOW });
    const times: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = performance.now();
      compileKql(q.kql, { dialect: 'duckdb', now: NOW });
      times.push(performance.now() - t);
    }
    rows.push([
      q.name,
      `${(median(times) * 1000).toFixed(1)} µs`,
      `${(times.sort((a, b) => a - b)[Math.floor(times.length * 0.99)]! * 1000).toFixed(1)} µs`,
    ]);
  }
  return rows;
}

async function sqlTimes(): Promise<string[][]> {
  const store = await openStore('duckdb::memory:');
  const fill = performance.now();
  await (store as DuckDbStore)
    .runSql(`INSERT INTO "MessageTrace" ("Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "ToIP", "Size",
    "MessageId", "MessageTraceId", "Organization", "SenderDomain", "RecipientDomain", "Direction", "FromCountry", "ToCountry", "FromAsn", "ToAsn",
    "FromAsOrg", "ToAsOrg", "Source")
    SELECT TIMESTAMP '2026-10-01' + to_microseconds(i * (2592000000000 // ${ROWS})),
      'sender' || (hash(i) % 5000) || '@' || ['contoso.com', 'fabrikam.com', 'example.net'][CAST(1 + i % 3 AS BIGINT)],
      'user' || (i % 20000) || '@contoso.com',
      ['Invoice ' || (i % 9999) || ' from Contoso', 'Quarterly report', 'Urgent: invoice overdue', 'Weekly cat facts',
       'Concatenate your reports', '会議の資料について'][CAST(1 + hash(i * 7) % 6 AS BIGINT)],
      ['Delivered', 'Delivered', 'Delivered', 'Failed', 'Pending', 'Expanded', 'Quarantined', 'FilteredAsSpam', 'None'][CAST(1 + hash(i * 3) % 9 AS BIGINT)],
      '203.0.113.' || (i % 250), '', CAST(hash(i) % 100000 AS BIGINT), '<' || i || '@contoso.com>', 'mt' || i, 'contoso',
      ['contoso.com', 'fabrikam.com', 'example.net'][CAST(1 + i % 3 AS BIGINT)], 'contoso.com', 'Inbound', 'US', '', 64500, 0, '', '', 'bench'
    FROM range(${ROWS}) t(i)`);
  console.error(`loaded ${ROWS} rows in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
  const rows: string[][] = [];
  for (const q of QUERIES) {
    const c = compileKql(q.kql, { dialect: 'duckdb', now: NOW });
    const ourTimes: number[] = [];
    const handTimes: number[] = [];
    await store.query(c.sql, c.params);
    await store.query(q.sql, []);
    // Interleaved, so that load from other processes and cache warmth fall on both sides alike.
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      await store.query(c.sql, c.params);
      ourTimes.push(performance.now() - t);
      t = performance.now();
      await store.query(q.sql, []);
      handTimes.push(performance.now() - t);
    }
    const ours = median(ourTimes);
    const hand = median(handTimes);
    rows.push([q.name, `${ours.toFixed(0)} ms`, `${hand.toFixed(0)} ms`, (ours / hand).toFixed(2)]);
  }
  await store.close();
  return rows;
}

console.log('## Compile time (after warm-up, 3000 runs each)\n');
console.log(table(['query', 'median', 'p99'], compileTimes()));
console.log(`\n## Compiled SQL vs hand-written DuckDB SQL on ${ROWS.toLocaleString('en')} rows (median of 7, interleaved)\n`);
console.log(table(['query', 'compiled', 'hand-written', 'ratio'], await sqlTimes()));
