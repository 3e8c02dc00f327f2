/**
 * The two narrow detection hooks on ClickHouse: the rows they measure are few (a candidate campaign's rows, an
 * alerted user's outbound mail), so ClickHouse selects exactly those rows (shapes computed in SQL, windows and
 * addresses filtered there) and the facts are counted here, with the DuckDB hooks' definitions.
 */
import type { CampaignStats, DetectQueries, FollowUp, ShapeStep } from '../detect-queries.js';
import type { Connection } from './connection.js';
import { readWhere } from './read.js';
import { compareUtf8 } from '../utf8-order.js';

type Lit = (value: unknown, type?: 'string' | 'long') => string;

/** The distinct values. */
const distinct = (xs: Iterable<string>) => [...new Set(xs)];
/** The first `n` distinct values in UTF-8 byte order (the engines' string order, as make_set(x, n) gives them). */
const smallest = (xs: Iterable<string>, n: number) => distinct(xs).sort(compareUtf8).slice(0, n);

export function followerHooks(db: Connection, lit: Lit): Pick<DetectQueries, 'campaignStats' | 'followUps'> {
  const us = (ms: number) => lit(Math.round(ms) * 1000, 'long');
  const list = (vs: readonly string[]) => (vs.length === 0 ? '(NULL)' : `(${vs.map((v) => lit(v)).join(', ')})`);
  /** Lower-cased, each step replaced everywhere, spaces trimmed (DuckDB's trim: spaces only; 18.16 has no trim). */
  const shapeSql = (steps: readonly ShapeStep[]) => {
    let x = 'lowerUTF8(Subject)';
    for (const s of steps) x = `replaceRegexpAll(${x}, ${lit(s.pattern)}, ${lit(s.replacement)})`;
    return `replaceRegexpAll(${x}, '^ +| +$', '')`;
  };

  return {
    async campaignStats(q) {
      const out: (CampaignStats | undefined)[] = q.candidates.map(() => undefined);
      if (q.candidates.length === 0) return out;
      const windows = q.candidates.map((c) => `(Received >= ${us(c.from)} AND Received <= ${us(c.to)})`);
      const shapes = [...new Set(q.candidates.flatMap((c) => c.shapes))];
      const r = await db.select(
        `SELECT shape, Subject, SenderAddress, SenderDomain, RecipientAddress, Received, Status, FromCountry FROM (
           SELECT *, ${shapeSql(q.steps)} AS shape FROM ${readWhere('MessageTrace', [
             ['Received', `(${windows.join(' OR ')})`],
             ['Direction', `Direction IN ${list(q.directions)}`],
             ['Subject', `Subject != ''`],
           ])})
         WHERE shape IN ${list(shapes)} ORDER BY Received`,
      );
      const rows = r.data.map(([shape, subject, sender, domain, recipient, received, status, country]) => ({
        shape: String(shape),
        subject: String(subject),
        sender: String(sender),
        domain: String(domain),
        recipient: String(recipient),
        at: Math.round(Number(received) / 1000),
        status: String(status),
        country: String(country),
      }));
      for (const [i, c] of q.candidates.entries()) {
        const mine = rows.filter((x) => c.shapes.includes(x.shape) && x.at >= c.from && x.at <= c.to);
        if (mine.length === 0) continue;
        const domains = distinct(mine.map((x) => x.domain));
        const known = await db.select(
          `SELECT DISTINCT SenderDomain FROM ${readWhere('MessageTrace', [
            ['SenderDomain', `SenderDomain IN ${list(domains)}`],
            ['Received', `Received >= ${us(c.knownFrom)} AND Received < ${us(c.knownTo)}`],
          ])}`,
        );
        const knownSet = new Set(known.data.map((v) => String(v[0])));
        out[i] = {
          rows: mine.length,
          senders: distinct(mine.map((x) => x.sender)).length,
          senderDomains: domains.length,
          newSenderDomains: domains.filter((d) => !knownSet.has(d)).length,
          recipients: distinct(mine.map((x) => x.recipient)).length,
          first: mine[0]!.at,
          last: mine[mine.length - 1]!.at,
          delivered: mine.filter((x) => x.status === 'Delivered' || x.status === 'Expanded').length,
          sample: mine[0]!.subject,
          senderList: smallest(
            mine.map((x) => x.sender),
            10,
          ),
          recipientList: smallest(
            mine.map((x) => x.recipient),
            10,
          ),
          subjects: smallest(
            mine.map((x) => x.subject),
            5,
          ),
          countries: distinct(mine.map((x) => x.country)).length,
        };
      }
      return out;
    },

    async followUps(alerts) {
      if (alerts.length === 0) return [];
      const addresses = distinct(alerts.map((a) => a.address));
      const from = Math.min(...alerts.map((a) => a.baselineFrom));
      const to = Math.max(...alerts.map((a) => a.until));
      const r = await db.select(
        `SELECT SenderAddress, RecipientAddress, RecipientDomain, Size, Received, Subject, ToCountry FROM ${readWhere('MessageTrace', [
          ['SenderAddress', `SenderAddress IN ${list(addresses)}`],
          ['Direction', `Direction = 'Outbound'`],
          ['Received', `Received >= ${us(from)} AND Received <= ${us(to)}`],
        ])} ORDER BY Received`,
      );
      const rows = r.data.map(([sender, recipient, domain, size, received, subject, country]) => ({
        sender: String(sender),
        recipient: String(recipient),
        domain: String(domain),
        size: Number(size),
        at: Math.round(Number(received) / 1000),
        subject: String(subject),
        country: String(country),
      }));
      const out: FollowUp[] = [];
      for (const [index, a] of alerts.entries()) {
        const after = rows.filter((x) => x.sender === a.address && x.at > a.at && x.at <= a.until);
        if (after.length === 0) continue;
        const baseline = rows.filter((x) => x.sender === a.address && x.at < a.at && x.at >= a.baselineFrom);
        const seen = new Set(baseline.map((x) => x.domain));
        const domains = distinct(after.map((x) => x.domain));
        out.push({
          index,
          rows: after.length,
          recipients: distinct(after.map((x) => x.recipient)).length,
          domains: domains.length,
          newDomains: domains.filter((d) => !seen.has(d)).length,
          bytes: after.reduce((s, x) => s + x.size, 0),
          first: after[0]!.at,
          last: after[after.length - 1]!.at,
          before: baseline.length,
          newRecipients: smallest(
            after.filter((x) => !seen.has(x.domain)).map((x) => x.recipient),
            10,
          ),
          subjects: smallest(
            after.map((x) => x.subject),
            5,
          ),
          countries: smallest(
            after.map((x) => x.country),
            10,
          ),
        });
      }
      return out;
    },
  };
}
