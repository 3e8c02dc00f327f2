/** lookalike-domain: a sender domain imitating one of our accepted domains or a frequent partner's. */
import { z } from 'zod';
import { LookalikeIndex, protectedDomain, type LookalikeMatch, type ProtectedDomain } from '../domain-similarity.js';
import { plural } from '../describe.js';
import type { FindingDraft, Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { defineRule } from '../rule.js';
import { entityDays } from './entity-days.js';
import { isPartner, partnerDomains } from './partner-domains.js';
import { countJa } from '../describe-ja.js';

const params = z
  .object({
    /** Largest edit distance of a typo (labels of 8+ characters; shorter ones allow 1). */
    maxEditDistance: z.number().int().min(1).max(3).default(2),
    /** Protected names shorter than this are compared only for homoglyphs and TLD swaps. */
    minLabelLength: z.number().int().min(2).default(4),
    /** Also protect partners' domains (learned from the mail and detections.partnerDomains). */
    protectPartners: z.boolean().default(true),
    /**
     * Largest edit distance counted as a typo of a partner learned from the mail (accepted domains and
     * detections.partnerDomains use maxEditDistance): names of unrelated companies often differ by two letters.
     */
    learnedPartnerMaxEditDistance: z.number().int().min(0).max(3).default(1),
    /** At most this many partners are protected, the most frequent first. */
    maxPartners: z.number().int().min(0).default(500),
    /** Domains never reported (your own other brands, known look-alike partners). */
    allow: z.array(z.string().transform((s) => s.trim().toLowerCase())).default([]),
  })
  .strict();

const STRONG = new Set(['homoglyph', 'embedded', 'hyphenated', 'typo']);

export const lookalikeDomain = defineRule({
  id: 'lookalike-domain',
  summary: 'Sender domain imitating an accepted domain or a frequent partner (typos, homoglyphs, punycode, TLD swaps, added words)',
  params,
  async run(ctx, p) {
    const accepted = ctx.organization.acceptedDomains;
    const partners = p.protectPartners ? await partnerDomains(ctx) : new Map<string, number>();
    const protectedList: ProtectedDomain[] = [];
    const seen = new Set<string>();
    const protect = (d: string, maxTypo?: number) => {
      const x = protectedDomain(d, maxTypo);
      if (x && !seen.has(x.domain)) {
        seen.add(x.domain);
        protectedList.push(x);
      }
    };
    accepted.forEach((d) => protect(d));
    ctx.settings.partnerDomains.forEach((d) => protect(d));
    const learned = [...partners.entries()].sort((a, b) => b[1] - a[1]).slice(0, p.maxPartners);
    for (const [d] of learned) protect(d, p.learnedPartnerMaxEditDistance);
    if (protectedList.length === 0) return [];
    const domains = await ctx.kql(`MessageTrace
      | where ${kqlBetween(ctx.from, ctx.to)} and Direction in ("Inbound", "External") and SenderDomain != ""
      | distinct SenderDomain`);
    const allow = new Set(p.allow);
    const hits = new Map<string, LookalikeMatch>();
    const index = new LookalikeIndex(protectedList, p);
    for (const [d] of domains as [string][]) {
      if (allow.has(d) || isPartner(partners, d)) continue;
      const m = index.find(d);
      if (m) hits.set(d, m);
    }
    if (hits.size === 0) return [];
    const days = await entityDays(ctx, 'SenderDomain', [...hits.keys()], { recipients: 10, subjects: 5 });
    return days.map(
      ({
        value: domain,
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
        countries,
      }) => {
        const m = hits.get(domain)!;
        const ours = accepted.includes(m.imitates);
        let severity: Severity = STRONG.has(m.kind) ? 'high' : 'medium';
        if (delivered === 0 && severity === 'high') severity = 'medium';
        const whose = ours ? 'our domain' : 'partner domain';
        return {
          rule: 'lookalike-domain',
          severity,
          title: `${domain} imitates ${whose} ${m.imitates} (${m.kind}): ${plural(n, 'message')} to ${plural(recipientCount, 'recipient')}`,
          titleJa: `${domain} が${ours ? '自社ドメイン' : '取引先ドメイン'} ${m.imitates} を模倣（${m.kind}）: 受信者 ${countJa(recipientCount, '人')}へ ${countJa(n, '通')}`,
          from: first,
          to: last,
          count: n,
          entities: {
            senderDomain: domain,
            sender: senderCount === 1 ? senders[0]! : '',
            recipient: recipientCount === 1 ? recipients[0]! : '',
            ip: ips.length === 1 ? ips[0]! : '',
            country: countries.length === 1 ? countries[0]! : '',
          },
          query: evidenceQuery([kqlBetween(first, last), `SenderDomain == ${kqlString(domain)}`]),
          details: {
            imitates: m.imitates,
            imitatesOwnDomain: ours,
            technique: m.kind,
            editDistance: m.distance ?? null,
            delivered,
            senders,
            recipients,
            fromIPs: ips,
            subjects,
          },
          key: [domain, String(d)],
        } satisfies FindingDraft;
      },
    );
  },
});
