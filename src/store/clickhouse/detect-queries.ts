/**
 * The detection hooks in ClickHouse SQL (see ../detect-queries.ts), in the subset 18.16 runs: no table CTEs
 * (nested subqueries instead), equality-only JOIN ... USING, times as Int64 microseconds.
 */
import type { DetectQueries, LocalOffsets, SenderDayRow, SenderDaysQuery, ShapeDay, ShapeDaysQuery, ShapeStep } from '../detect-queries.js';
import { getDialect } from '../../kql/index.js';
import { StoreQueryError } from '../errors.js';
import type { Connection } from './connection.js';

/** MessageTrace as KQL reads it (newest versions). */
const TRACES = getDialect('clickhouse').tableSource('MessageTrace');

type Lit = (value: unknown, type?: 'string' | 'long') => string;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The hooks on a connection; `lit` is the dialect's literal function (the one escaper). */
export function clickhouseDetectQueries(db: Connection, lit: Lit): DetectQueries {
  const n = (v: number) => lit(Math.round(v), 'long');
  const list = (vs: readonly string[]) => (vs.length === 0 ? '(NULL)' : `(${vs.map((v) => lit(v)).join(', ')})`);
  const between = (from: number, to: number) => `Received >= ${n(from * 1000)} AND Received <= ${n(to * 1000)}`;

  /** Local wall-clock ms of the row (epoch ms + the offset in force). */
  const localMs = (o: LocalOffsets) => {
    const ms = 'intDiv(Received, 1000)';
    if (o.changes.length === 0) return `(${ms} + ${n(o.first)})`;
    const arms = o.changes.map((c, i) => `${ms} < ${n(c.at)}, ${n(i === 0 ? o.first : o.changes[i - 1]!.offsetMs)}`);
    return `(${ms} + multiIf(${arms.join(', ')}, ${n(o.changes[o.changes.length - 1]!.offsetMs)}))`;
  };

  /** Lower-cased, each step replaced everywhere, spaces trimmed (DuckDB's trim: spaces only; 18.16 has no trim). */
  const shapeSql = (steps: readonly ShapeStep[]) => {
    let x = 'lowerUTF8(Subject)';
    for (const s of steps) x = `replaceRegexpAll(${x}, ${lit(s.pattern)}, ${lit(s.replacement)})`;
    return `replaceRegexpAll(${x}, '^ +| +$', '')`;
  };

  return {
    async shapeDays(q: ShapeDaysQuery): Promise<ShapeDay[]> {
      const where = `${between(q.from, q.to)} AND Direction IN ${list(q.directions)} AND Subject != ''`;
      // Shapes are computed once per distinct subject, not per row.
      const r = await db.select(`
        SELECT shape, d, count(), uniqExact(SenderDomain), uniqExact(RecipientAddress)
        FROM (SELECT Subject, intDiv(${localMs(q.offsets)}, ${DAY_MS}) AS d, SenderDomain, RecipientAddress FROM ${TRACES} WHERE ${where})
        ANY INNER JOIN (SELECT Subject, ${shapeSql(q.steps)} AS shape FROM (SELECT DISTINCT Subject FROM ${TRACES} WHERE ${where})) USING Subject
        WHERE shape != '' GROUP BY shape, d HAVING count() >= 2`);
      return r.data.map(([shape, d, rows, senderDomains, recipients]) => ({
        shape: String(shape),
        day: Number(d),
        rows: Number(rows),
        senderDomains: Number(senderDomains),
        recipients: Number(recipients),
      }));
    },

    async senderDays(q: SenderDaysQuery): Promise<SenderDayRow[]> {
      const [open, close] = q.businessHours;
      const o = `(SELECT SenderAddress AS s, RecipientDomain AS rd, Size AS size, Status AS status, ${localMs(q.offsets)} AS lt, intDiv(lt, ${DAY_MS}) AS d
        FROM ${TRACES} WHERE ${between(q.from, q.to)} AND Direction = 'Outbound')`;
      const hour = `(intDiv(lt, ${HOUR_MS}) % 24)`;
      const r = await db.select(`
        SELECT s, d, rows, bytes, strangers, domains, fresh, failed, off FROM (
          SELECT s, d, count() AS rows, sum(size) AS bytes, sumIf(size, rd NOT IN ${list(q.partners)}) AS strangers, uniqExact(rd) AS domains,
            countIf(status = 'Failed') AS failed,
            countIf(${hour} < ${n(open)} OR ${hour} >= ${n(close)} OR (d + 4) % 7 IN (0, 6)) AS off
          FROM ${o} GROUP BY s, d)
        ANY LEFT JOIN (SELECT s, fd AS d, count() AS fresh FROM (SELECT s, rd, min(d) AS fd FROM ${o} GROUP BY s, rd) GROUP BY s, d) USING s, d`);
      return r.data.map(([sender, day, rows, bytes, strangers, domains, fresh, failed, off]) => ({
        sender: String(sender),
        day: Number(day),
        rows: Number(rows),
        bytes: Number(bytes),
        bytesToStrangers: Number(strangers ?? 0),
        domains: Number(domains),
        newDomains: Number(fresh ?? 0),
        failed: Number(failed),
        offHours: Number(off),
      }));
    },

    async campaignStats(): Promise<never> {
      throw new StoreQueryError('subject-campaign statistics are not available on the ClickHouse store yet');
    },

    async followUps(): Promise<never> {
      throw new StoreQueryError('watchlist follow-ups are not available on the ClickHouse store yet');
    },
  };
}
