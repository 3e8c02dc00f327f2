/**
 * The detection hooks in ClickHouse SQL (see ../detect-queries.ts), in the subset 18.16 runs: no table CTEs
 * (nested subqueries instead), equality-only JOIN ... USING, times as Int64 microseconds.
 */
import type { DetectQueries, LocalOffsets, SenderDayRow, SenderDaysQuery } from '../detect-queries.js';
import { senderDayFromRow } from '../detect-queries.js';
import type { Connection } from './connection.js';
import { followerHooks } from './detect-followers.js';
import { readWhere } from './read.js';

type Lit = (value: unknown, type?: 'string' | 'long') => string;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The hooks on a connection; `lit` is the dialect's literal function (the one escaper). */
export function clickhouseDetectQueries(db: Connection, lit: Lit): DetectQueries {
  const n = (v: number) => lit(Math.round(v), 'long');
  const list = (vs: readonly string[]) => (vs.length === 0 ? '(NULL)' : `(${vs.map((v) => lit(v)).join(', ')})`);
  /** MessageTrace (newest versions) in [from, to], outbound. */
  const outbound = (from: number, to: number) =>
    readWhere('MessageTrace', [
      ['Received', `Received >= ${n(from * 1000)} AND Received <= ${n(to * 1000)}`],
      ['Direction', `Direction = 'Outbound'`],
    ]);

  /** Local wall-clock ms of the row (epoch ms + the offset in force). */
  const localMs = (o: LocalOffsets) => {
    const ms = 'intDiv(Received, 1000)';
    if (o.changes.length === 0) return `(${ms} + ${n(o.first)})`;
    const arms = o.changes.map((c, i) => `${ms} < ${n(c.at)}, ${n(i === 0 ? o.first : o.changes[i - 1]!.offsetMs)}`);
    return `(${ms} + multiIf(${arms.join(', ')}, ${n(o.changes[o.changes.length - 1]!.offsetMs)}))`;
  };

  return {
    async senderDays(q: SenderDaysQuery): Promise<SenderDayRow[]> {
      const [open, close] = q.businessHours;
      const o = `(SELECT SenderAddress AS s, RecipientDomain AS rd, Size AS size, Status AS status, ${localMs(q.offsets)} AS lt, intDiv(lt, ${DAY_MS}) AS d
        FROM ${outbound(q.from, q.to)})`;
      const hour = `(intDiv(lt, ${HOUR_MS}) % 24)`;
      const r = await db.select(`
        SELECT s, d, rows, bytes, strangers, domains, fresh, failed, off FROM (
          SELECT s, d, count() AS rows, sum(size) AS bytes, sumIf(size, rd NOT IN ${list(q.partners)}) AS strangers, uniqExact(rd) AS domains,
            countIf(status = 'Failed') AS failed,
            countIf(${hour} < ${n(open)} OR ${hour} >= ${n(close)} OR (d + 4) % 7 IN (0, 6)) AS off
          FROM ${o} GROUP BY s, d)
        ANY LEFT JOIN (SELECT s, fd AS d, count() AS fresh FROM (SELECT s, rd, min(d) AS fd FROM ${o} GROUP BY s, rd) GROUP BY s, d) USING s, d
        ORDER BY s, d`);
      return r.data.map(senderDayFromRow);
    },

    ...followerHooks(db, lit),
  };
}
