/** threat-intel-match: a sender address, sender domain, FromIP or recipient listed by an active indicator. */
import { z } from 'zod';
import {
  computeMatches,
  createMatcher,
  loadIndicators,
  UNASSIGNED_ACTOR,
  type IntelMatch,
  type MatchEntityType,
} from '../../intel/index.js';
import { plural } from '../describe.js';
import { SEVERITIES, type FindingDraft, type FindingEntities, type Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { defineRule } from '../rule.js';
import { entityDays } from './entity-days.js';
import { countJa, listJa } from '../describe-ja.js';

const params = z
  .object({
    /** Indicators below this confidence (0-100) are ignored. */
    minConfidence: z.number().min(0).max(100).default(0),
    /** Confidence from which a match is high severity (critical when mail was also delivered and >= 90). */
    highConfidence: z.number().min(0).max(100).default(75),
    /** Confidence from which a match is medium severity. */
    mediumConfidence: z.number().min(0).max(100).default(50),
  })
  .strict();

const COLUMN: Record<MatchEntityType, string> = {
  sender: 'SenderAddress',
  senderDomain: 'SenderDomain',
  fromIP: 'FromIP',
  recipient: 'RecipientAddress',
};
const SLOT: Record<MatchEntityType, keyof FindingEntities> = {
  sender: 'sender',
  senderDomain: 'senderDomain',
  fromIP: 'ip',
  recipient: 'recipient',
};
const NOUN: Record<MatchEntityType, string> = {
  sender: 'Sender',
  senderDomain: 'Sender domain',
  fromIP: 'Sending IP',
  recipient: 'Recipient',
};
const NOUN_JA: Record<MatchEntityType, string> = {
  sender: '送信者',
  senderDomain: '送信ドメイン',
  fromIP: '送信元 IP',
  recipient: '受信者',
};

export const threatIntelMatch = defineRule({
  id: 'threat-intel-match',
  summary: 'Sender address, sender domain, FromIP or recipient matching an active threat-intel indicator',
  params,
  async run(ctx, p) {
    const indicators = await loadIndicators(ctx.store);
    if (indicators.length === 0) return [];
    const matcher = createMatcher(indicators, Math.min(ctx.now, ctx.to));
    const matches = await computeMatches(ctx.store, matcher, { from: ctx.from, to: ctx.to + 1, minConfidence: p.minConfidence });
    // The strongest indicator per matched value; the others go into details.
    const byEntity = new Map<string, IntelMatch[]>();
    for (const m of matches) {
      const k = `${m.type}\u0000${m.entity}`;
      const list = byEntity.get(k);
      if (list) list.push(m);
      else byEntity.set(k, [m]);
    }
    const out: FindingDraft[] = [];
    for (const type of Object.keys(COLUMN) as MatchEntityType[]) {
      const entities = [...byEntity.values()].filter((l) => l[0]!.type === type);
      if (entities.length === 0) continue;
      const values = new Map(entities.map((l) => [l[0]!.entity, l]));
      const days = await entityDays(ctx, COLUMN[type], [...values.keys()], { recipients: 5, subjects: 3 });
      for (const {
        value,
        day: d,
        count: n,
        first,
        last,
        delivered,
        senders,
        senderCount,
        recipients,
        recipientCount,
        ips,
        subjects,
      } of days) {
        const hits = values.get(value)!;
        const top = hits[0]!;
        let severity: Severity = top.confidence >= p.highConfidence ? 'high' : top.confidence >= p.mediumConfidence ? 'medium' : 'low';
        if (severity === 'high' && delivered > 0 && top.confidence >= 90) severity = 'critical';
        if (delivered === 0 && type !== 'recipient') severity = SEVERITIES[Math.max(0, SEVERITIES.indexOf(severity) - 1)]!;
        const entities: Partial<FindingEntities> = { [SLOT[type]]: value };
        if (senderCount === 1) {
          entities.sender ??= senders[0]!;
          entities.senderDomain ??= senders[0]!.slice(senders[0]!.lastIndexOf('@') + 1);
        }
        if (recipientCount === 1) entities.recipient ??= recipients[0]!;
        if (ips.length === 1 && ips[0]) entities.ip ??= ips[0];
        const labels = top.labels.length ? ` (${top.labels.join(', ')})` : '';
        out.push({
          rule: 'threat-intel-match',
          severity,
          title: `${NOUN[type]} ${value} matches ${actorPhrase(top.actor)} indicator${labels}, confidence ${top.confidence}: ${plural(n, 'message')}`,
          titleJa: `${NOUN_JA[type]} ${value} が${actorName(top.actor) === 'unknown' ? '攻撃者不明の' : ` ${actorName(top.actor)} の`}脅威インテリジェンス指標${top.labels.length ? `（${listJa(top.labels)}）` : ''}に一致、確信度 ${top.confidence}: ${countJa(n, '通')}`,
          from: first,
          to: last,
          count: n,
          entities,
          query: evidenceQuery([kqlBetween(first, last), `${COLUMN[type]} == ${kqlString(value)}`]),
          details: {
            matchedOn: COLUMN[type],
            indicators: hits.map((h) => ({
              indicator: h.indicator,
              type: h.indicatorType,
              confidence: h.confidence,
              actor: actorName(h.actor),
              feed: h.feed,
              labels: h.labels,
            })),
            delivered,
            blocked: n - delivered,
            senders,
            recipients,
            distinctRecipients: recipientCount,
            fromIPs: ips,
            subjects,
          },
          key: [type, value, String(d)],
        });
      }
    }
    return out;
  },
});

/** The actor as shown: "unknown" when the feed names none (never the stored placeholder "Unassigned"). */
function actorName(actor: string): string {
  return !actor || actor === UNASSIGNED_ACTOR ? 'unknown' : actor;
}

/** "a TA542 indicator", or "an indicator of an unknown actor" wording ("an unknown-actor indicator"). */
function actorPhrase(actor: string): string {
  const name = actorName(actor);
  return name === 'unknown' ? 'an unknown-actor' : `a ${name}`;
}
