/** The detection hooks in DuckDB SQL (see ../detect-queries.ts): the aggregations KQL cannot say well. */
import type {
  CampaignCandidate,
  CampaignStats,
  DetectQueries,
  FollowUp,
  FollowUpAlert,
  LocalOffsets,
  SenderDayRow,
  SenderDaysQuery,
  ShapeStep,
} from '../detect-queries.js';
import { senderDayFromRow } from '../detect-queries.js';
import type { QueryResult } from '../store.js';
import { Params } from './params.js';

type Read = (sql: string, params: readonly unknown[]) => Promise<QueryResult>;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Local wall-clock ms of an epoch-ms expression: the offsets enter as bound parameters. */
function localMs(p: Params, epochMs: string, o: LocalOffsets): string {
  if (o.changes.length === 0) return `(${epochMs} + ${p.add(o.first)})`;
  const cases = o.changes
    .map((c, i) => `WHEN ${epochMs} < ${p.add(c.at)} THEN ${p.add(i === 0 ? o.first : o.changes[i - 1]!.offsetMs)}`)
    .join(' ');
  return `(${epochMs} + CASE ${cases} ELSE ${p.add(o.changes[o.changes.length - 1]!.offsetMs)} END)`;
}

/** The subject shape of a column (lower-cased, each step's regex replaced everywhere, trimmed). */
function shapeSql(p: Params, column: string, steps: readonly ShapeStep[]): string {
  let x = `lower(${column})`;
  for (const s of steps) x = `regexp_replace(${x}, ${p.add(s.pattern)}, ${p.add(s.replacement)}, 'g')`;
  return `trim(${x})`;
}

/** The hooks bound to a reader. */
export function duckdbDetectQueries(read: Read): DetectQueries {
  return {
    async campaignStats(q): Promise<(CampaignStats | undefined)[]> {
      const out: (CampaignStats | undefined)[] = q.candidates.map(() => undefined);
      if (q.candidates.length === 0) return out;
      const p = new Params();
      const shapes = q.candidates.flatMap((c, i) => c.shapes.map((shape) => `(${p.add(i)}, ${p.add(shape)})`));
      const windows = q.candidates.map(
        (c: CampaignCandidate, i) => `(${p.add(i)}, ${p.time(c.from)}, ${p.time(c.to)}, ${p.time(c.knownFrom)}, ${p.time(c.knownTo)})`,
      );
      const days = [...new Map(q.candidates.map((c) => [`${c.from}-${c.to}`, c])).values()].map((c) => p.between(c.from, c.to));
      const shape = shapeSql(p, '"Subject"', q.steps);
      const text = `
        WITH k(ci, shape) AS (VALUES ${shapes.join(', ')}),
        w(ci, ds, de, ks, ke) AS (VALUES ${windows.join(', ')}),
        t AS (
          SELECT "Subject", "SenderAddress", "SenderDomain", "RecipientAddress", "Received", "Status", "FromCountry" FROM "MessageTrace"
          WHERE (${days.join(' OR ')}) AND "Direction" IN ${p.list(q.directions)} AND "Subject" <> ''),
        m AS (SELECT "Subject", ${shape} AS shape FROM (SELECT DISTINCT "Subject" FROM t)),
        c AS (
          SELECT w.ci, t.* FROM t JOIN m ON m."Subject" = t."Subject" JOIN k ON k.shape = m.shape
            JOIN w ON w.ci = k.ci AND t."Received" >= w.ds AND t."Received" <= w.de),
        sd AS (SELECT DISTINCT ci, "SenderDomain" FROM c),
        known AS (
          SELECT DISTINCT sd.ci, sd."SenderDomain" FROM sd JOIN w ON w.ci = sd.ci
            JOIN "MessageTrace" h ON h."SenderDomain" = sd."SenderDomain" AND h."Received" >= w.ks AND h."Received" < w.ke)
        SELECT c.ci, count(*), count(DISTINCT c."SenderAddress"), count(DISTINCT c."SenderDomain"),
          count(DISTINCT c."SenderDomain") FILTER (WHERE known.ci IS NULL),
          count(DISTINCT c."RecipientAddress"), epoch_ms(min(c."Received")), epoch_ms(max(c."Received")),
          count(*) FILTER (WHERE c."Status" IN ('Delivered', 'Expanded')), arg_min(c."Subject", c."Received"),
          list_slice(list(DISTINCT c."SenderAddress" ORDER BY c."SenderAddress"), 1, 10), list_slice(list(DISTINCT c."RecipientAddress" ORDER BY c."RecipientAddress"), 1, 10),
          list_slice(list(DISTINCT c."Subject" ORDER BY c."Subject"), 1, 5), count(DISTINCT c."FromCountry")
        FROM c LEFT JOIN known ON known.ci = c.ci AND known."SenderDomain" = c."SenderDomain"
        GROUP BY 1`;
      for (const r of (await read(text, p.values)).rows) {
        const [
          ci,
          rows,
          senders,
          senderDomains,
          newSenderDomains,
          recipients,
          first,
          last,
          delivered,
          sample,
          sl,
          rl,
          subjects,
          countries,
        ] = r;
        out[Number(ci)] = {
          rows: Number(rows),
          senders: Number(senders),
          senderDomains: Number(senderDomains),
          newSenderDomains: Number(newSenderDomains),
          recipients: Number(recipients),
          first: Number(first),
          last: Number(last),
          delivered: Number(delivered),
          sample: String(sample),
          senderList: sl as string[],
          recipientList: rl as string[],
          subjects: subjects as string[],
          countries: Number(countries),
        };
      }
      return out;
    },

    async senderDays(q: SenderDaysQuery): Promise<SenderDayRow[]> {
      const p = new Params();
      const local = localMs(p, 'epoch_ms("Received")', q.offsets);
      const partnerList = p.list(q.partners);
      const [open, close] = [p.add(q.businessHours[0]), p.add(q.businessHours[1])];
      const r = await read(
        `
        WITH o AS (
          SELECT "SenderAddress" AS s, "RecipientDomain" AS rd, "Size" AS size, "Status" AS status, ${local} AS lt
          FROM "MessageTrace" WHERE ${p.between(q.from, q.to)} AND "Direction" = 'Outbound'),
        firsts AS (SELECT s, rd, min(lt // ${DAY_MS}) AS fd FROM o GROUP BY 1, 2),
        fresh AS (SELECT s, fd, count(*) AS n FROM firsts GROUP BY 1, 2)
        SELECT o.s, o.lt // ${DAY_MS} AS d, count(*), sum(o.size), sum(o.size) FILTER (WHERE o.rd NOT IN ${partnerList}),
          count(DISTINCT o.rd), any_value(fresh.n), count(*) FILTER (WHERE o.status = 'Failed'),
          count(*) FILTER (WHERE (o.lt // ${HOUR_MS}) % 24 < ${open} OR (o.lt // ${HOUR_MS}) % 24 >= ${close} OR ((o.lt // ${DAY_MS}) + 4) % 7 IN (0, 6))
        FROM o LEFT JOIN fresh ON fresh.s = o.s AND fresh.fd = o.lt // ${DAY_MS}
        GROUP BY 1, 2 ORDER BY 1, 2`,
        p.values,
      );
      return r.rows.map(senderDayFromRow);
    },

    async followUps(alerts: readonly FollowUpAlert[]): Promise<FollowUp[]> {
      if (alerts.length === 0) return [];
      const p = new Params();
      const values = alerts.map(
        (a, i) => `(${p.add(i)}, ${p.add(a.address)}, ${p.time(a.at)}, ${p.time(a.until)}, ${p.time(a.baselineFrom)})`,
      );
      const r = await read(
        `
        WITH a(i, u, t, e, b) AS (VALUES ${values.join(', ')}),
        m AS (
          SELECT a.i, mt."RecipientAddress" AS ra, mt."RecipientDomain" AS rd, mt."Size" AS size, mt."Received" AS r, mt."Subject" AS subject, mt."ToCountry" AS tc
          FROM a JOIN "MessageTrace" mt ON mt."SenderAddress" = a.u AND mt."Received" > a.t AND mt."Received" <= a.e AND mt."Direction" = 'Outbound'),
        h AS (
          SELECT a.i, count(*) AS n, list(DISTINCT mt."RecipientDomain") AS domains
          FROM a JOIN "MessageTrace" mt ON mt."SenderAddress" = a.u AND mt."Received" < a.t AND mt."Received" >= a.b AND mt."Direction" = 'Outbound'
          GROUP BY 1),
        hd AS (SELECT i, unnest(domains) AS rd FROM h)
        SELECT m.i, count(*), count(DISTINCT m.ra), count(DISTINCT m.rd), count(DISTINCT m.rd) FILTER (WHERE hd.rd IS NULL),
          sum(m.size), epoch_ms(min(m.r)), epoch_ms(max(m.r)), any_value(h.n),
          list_slice(list(DISTINCT m.ra ORDER BY m.ra) FILTER (WHERE hd.rd IS NULL), 1, 10), list_slice(list(DISTINCT m.subject ORDER BY m.subject), 1, 5), list_slice(list(DISTINCT m.tc ORDER BY m.tc), 1, 10)
        FROM m JOIN a ON a.i = m.i LEFT JOIN hd ON hd.i = m.i AND hd.rd = m.rd LEFT JOIN h ON h.i = m.i
        GROUP BY 1 ORDER BY 1`,
        p.values,
      );
      return r.rows.map(([i, n, recipients, domains, newDomains, bytes, first, last, before, newRecipients, subjects, countries]) => ({
        index: Number(i),
        rows: Number(n),
        recipients: Number(recipients),
        domains: Number(domains),
        newDomains: Number(newDomains),
        bytes: Number(bytes),
        first: Number(first),
        last: Number(last),
        before: Number(before ?? 0),
        newRecipients: (newRecipients as string[] | null) ?? [],
        subjects: subjects as string[],
        countries: countries as string[],
      }));
    },
  };
}
