// The calendar SQL on a real ClickHouse server against JavaScript's Date (proleptic Gregorian, UTC) over Kusto's
// whole range: edge days (year 1, 9999, the 1970 and 2106 ends of 18.16's DateTime, leap and century days) and
// datetimes spread evenly from 0001-01-01 to 9999-12-31.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer, type ClickHouseCluster } from '../../../../test/support/clickhouse-cluster.js';
import { openStore, type Store } from '../../../store/index.js';
import {
  addMonths,
  civil,
  dayOfWeek,
  dayOfYear,
  daysOfCivil,
  isoWeek,
  atDay,
  startOfMonth,
  startOfMonthPlus,
  startOfYear,
} from './calendar.js';
import { datetimeFromText } from './datetime-parse.js';
import { isoText } from './datetime-text.js';

const EDGES = [
  '0001-01-01T00:00:00.000Z',
  '0001-12-31T23:59:59.999Z',
  '0004-02-29T12:00:00.000Z',
  '0100-02-28T00:00:00.000Z',
  '0100-03-01T00:00:00.000Z',
  '1600-02-29T10:00:00.000Z',
  '1899-12-31T23:00:00.000Z',
  '1900-02-28T00:00:00.000Z',
  '1900-03-01T00:00:00.000Z',
  '1947-11-30T10:00:05.000Z',
  '1969-12-28T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '2000-02-29T00:00:00.000Z',
  '2020-12-31T00:00:00.000Z',
  '2021-01-03T00:00:00.000Z',
  '2026-11-01T09:45:00.000Z',
  '2100-02-28T00:00:00.000Z',
  '2106-02-07T06:28:16.000Z',
  '2400-02-29T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
].map((t) => new Date(t).getTime());
const FIRST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const SPREAD = Array.from({ length: 1500 }, (_, i) => Math.round(FIRST + ((LAST - FIRST) / 1499) * i));
const TIMES = [...EDGES, ...SPREAD];

/** ISO 8601 week of a UTC date (the week of its Thursday). */
function isoWeekOf(ms: number): number {
  const d = new Date(ms);
  const thursday = new Date(0);
  thursday.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3);
  const jan1 = new Date(0);
  jan1.setUTCFullYear(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
}

/** `ms` moved by `n` months as .NET's AddMonths (the day clamped to the month's last). */
function addMonthsOf(ms: number, n: number): number {
  const d = new Date(ms);
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const y = Math.floor(months / 12);
  const m = months - y * 12;
  const end = new Date(0);
  end.setUTCFullYear(y, m + 1, 0);
  const out = new Date(ms);
  out.setUTCFullYear(y, m, Math.min(d.getUTCDate(), end.getUTCDate()));
  return out.getTime();
}

const utc = (y: number, m: number, d: number): number => {
  const t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return t.getTime();
};

let server: ClickHouseCluster;
let store: Store;

describe.skipIf(!HAS_CLICKHOUSE_SERVER)('calendar arithmetic on ClickHouse 18.16', () => {
  beforeAll(async () => {
    server = await startClickHouseServer();
    store = await openStore(server.url('kql_calendar', { single: true }));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  it('splits, moves and writes every datetime from 0001-01-01 to 9999-12-31 as the proleptic Gregorian calendar', async () => {
    const x = '__x';
    const c = civil(x);
    const columns = [
      c.year,
      c.month,
      c.day,
      dayOfWeek(x),
      dayOfYear(c),
      isoWeek(x),
      startOfMonth(x),
      startOfYear(x),
      startOfYear(x, '1'),
      startOfMonthPlus(x, '1'),
      addMonths(x, '1'),
      addMonths(x, '-13'),
      isoText(x),
      datetimeFromText(isoText(x)),
      datetimeFromText(`replaceOne(${isoText(x)}, 'Z', '-09:30')`),
      atDay(daysOfCivil(c.year, c.month, c.day)),
    ];
    const values = TIMES.map((ms) => `toInt64(${BigInt(ms) * 1000n})`).join(', ');
    const sql = `SELECT ${columns.map((e) => `toString(${e})`).join(', ')} FROM (SELECT arrayJoin([${values}]) AS ${x})`;
    const { rows } = await store.query(sql);
    expect(rows).toHaveLength(TIMES.length);
    const us = (ms: number) => String(BigInt(ms) * 1000n);
    for (const [i, ms] of TIMES.entries()) {
      const d = new Date(ms);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
      const iso = d.toISOString();
      const expected = [
        y,
        m + 1,
        day,
        d.getUTCDay(),
        Math.round((utc(y, m, day) - utc(y, 0, 1)) / 86_400_000) + 1,
        isoWeekOf(ms),
        us(utc(y, m, 1)),
        us(utc(y, 0, 1)),
        us(utc(y + 1, 0, 1)),
        us(utc(y, m + 1, 1)),
        us(addMonthsOf(ms, 1)),
        // Before year 1 is outside Kusto's range.
        y > 2 ? us(addMonthsOf(ms, -13)) : rows[i]![11],
        iso,
        us(ms),
        us(ms + 570 * 60_000),
        us(utc(y, m, day)),
      ].map(String);
      expect(rows[i], iso).toEqual(expected);
    }
  });
});
