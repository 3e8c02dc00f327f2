/** subject-campaign: many messages of one subject shape from several new senders (or to many recipients) in a day. */
import { z } from 'zod';
import { plural } from '../describe.js';
import type { FindingDraft, Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlIn, kqlString } from '../kql-text.js';
import { median } from '../robust-stats.js';
import type { CampaignStats } from '../../store/index.js';
import { asNumber } from '../kql-values.js';
import { defineRule, type RuleContext } from '../rule.js';
import { dayOf } from '../time-zone.js';
import { SHAPE_STEPS, shapeTokens, subjectShapeKql } from '../subject-shape.js';
import { knownCount, knownSenderOrigins } from './known-sender-campaign.js';
import { ShapeClusters, type ShapeCluster } from './shape-clusters.js';
import { countJa, listJa } from '../describe-ja.js';

const params = z
  .object({
    /** Directions looked at (Inbound: malspam; add Internal or Outbound to watch those). */
    directions: z.array(z.enum(['Inbound', 'Outbound', 'Internal', 'External'])).default(['Inbound']),
    /** Messages (rows) of the shape in one local day. */
    minMessages: z.number().int().min(2).default(20),
    /** Distinct sender domains never seen before that day (a campaign from several senders)... */
    minNewSenders: z.number().int().min(1).default(3),
    /** ...or this many recipients, all from senders never seen before (one new sender mass-mailing). */
    minRecipients: z.number().int().min(2).default(20),
    /** Shapes at least this alike (Jaccard of their word tokens) are one campaign. */
    similarity: z.number().min(0.5).max(1).default(0.8),
    /** The day's count must be this many times the shape's usual daily count (recurring mail is not a campaign). */
    burstFactor: z.number().min(1).default(4),
    /** Days of history needed before a day is judged (so the first days of a store are not all "new"). */
    minHistoryDays: z.number().int().min(1).default(5),
    /** Known sender domains (mail in the history) sending the shape: a reply-chain wave from stolen threads... */
    minKnownSenders: z.number().int().min(2).default(10),
    /** ...that many of them within this many hours... */
    knownWithinHours: z.number().int().min(1).max(24).default(4),
    /** ...or with this share of them sending from a country or AS they never used (any time of the day). */
    unusualShare: z.number().min(0).max(1).default(0.5),
  })
  .strict();

type Params = z.infer<typeof params>;

interface DayCount {
  count: number;
  senderDomains: number;
  recipients: number;
}

export const subjectCampaign = defineRule({
  id: 'subject-campaign',
  summary:
    'Many messages whose subjects share a shape, from several new senders, many known senders at once, or to many recipients, in one day',
  params,
  async run(ctx, p) {
    // Shapes are computed once per distinct subject, not per row.
    const window = `MessageTrace
      | where ${kqlBetween(ctx.historyFrom, ctx.to)} and ${kqlIn('Direction', p.directions)} and Subject != ""`;
    const rows = (
      await ctx.kql(`let t = ${window}
        | project Subject, Day = ${ctx.clock.localDateKql('Received', ctx.historyFrom, ctx.to + 1)}, SenderDomain, RecipientAddress;
      let m = t | distinct Subject | extend Shape = ${subjectShapeKql('Subject', kqlString)} | where Shape != "";
      t
      | join kind=inner (m) on Subject
      | summarize Rows = count(), SenderDomains = dcount(SenderDomain), Recipients = dcount(RecipientAddress) by Shape, Day
      | where Rows >= 2`)
    ).map(
      ([shape, day, n, senders, recipients]) =>
        [String(shape), dayOf(day), asNumber(n), asNumber(senders), asNumber(recipients)] as [string, number, number, number, number],
    );
    if (rows.length === 0) return [];
    const firstDay = rows.reduce((m, r) => Math.min(m, r[1]), Infinity);
    const fromDay = ctx.clock.day(ctx.from);
    const toDay = ctx.clock.day(ctx.to);
    // Cluster the shapes that might be a campaign in the window, biggest first; history joins those clusters.
    const clusters = new ShapeClusters(p.similarity);
    const recent = rows.filter((r) => r[1] >= fromDay && r[1] <= toDay && r[2] >= 3 && shapeTokens(r[0]).some((t) => t !== '#'));
    recent.sort((a, b) => b[2] - a[2]);
    for (const r of recent) clusters.add(r[0]);
    const perCluster = new Map<number, Map<number, DayCount>>();
    for (const [s, d, n, senders, recipients] of rows) {
      const c = clusters.match(s);
      if (!c) continue;
      let days = perCluster.get(c.id);
      if (!days) perCluster.set(c.id, (days = new Map()));
      const x = days.get(d) ?? { count: 0, senderDomains: 0, recipients: 0 };
      x.count += n;
      x.senderDomains += senders;
      x.recipients += recipients;
      days.set(d, x);
    }
    const candidates: Candidate[] = [];
    for (const [id, days] of perCluster) {
      const cluster = clusters.clusters[id]!;
      for (const [d, x] of days) {
        if (d < fromDay || d > toDay || d - firstDay < p.minHistoryDays) continue;
        if (x.count < p.minMessages) continue;
        if (x.senderDomains < p.minNewSenders && x.recipients < p.minRecipients) continue;
        const prior: number[] = [];
        for (let k = 1; k <= ctx.settings.baselineDays && d - k >= firstDay; k++) prior.push(days.get(d - k)?.count ?? 0);
        const usual = median(prior);
        if (x.count < p.burstFactor * Math.max(usual, 1)) continue;
        candidates.push({ cluster, day: d, usual });
      }
    }
    const out: FindingDraft[] = [];
    for (let i = 0; i < candidates.length; i += 50) {
      const batch = candidates.slice(i, i + 50);
      const stats = await measure(ctx, p, batch);
      for (const [j, c] of batch.entries()) {
        const st = stats[j];
        if (!st) continue;
        const f =
          judge(p, c, st) ??
          (st.rows >= p.minMessages && knownCount(st) >= p.minKnownSenders ? await judgeKnown(ctx, p, c, st) : undefined);
        if (f) out.push(f);
      }
    }
    return out;
  },
});

/** A cluster on a day that may be a campaign. */
interface Candidate {
  cluster: ShapeCluster;
  day: number;
  usual: number;
}

/** Exact counts for each candidate (cluster on a day), senders checked against the history, in one store call. */
function measure(ctx: RuleContext, p: Params, candidates: readonly Candidate[]): Promise<(CampaignStats | undefined)[]> {
  return ctx.store.detect.campaignStats({
    directions: p.directions,
    steps: SHAPE_STEPS,
    candidates: candidates.map((c) => {
      const dayStart = ctx.clock.dayStart(c.day);
      return {
        shapes: c.cluster.shapes.slice(0, 50),
        from: Math.max(ctx.from, dayStart),
        to: Math.min(ctx.to, ctx.clock.dayStart(c.day + 1) - 1),
        knownFrom: dayStart - ctx.settings.baselineDays * 86_400_000,
        knownTo: dayStart,
      };
    }),
  });
}

/** A finding when the measured candidate is a campaign. */
function judge(p: Params, candidate: Candidate, stats: CampaignStats): FindingDraft | undefined {
  const { cluster, day: d, usual } = candidate;
  const shapes = cluster.shapes.slice(0, 50);
  const {
    rows: n,
    senders,
    senderDomains,
    newSenderDomains: newDomains,
    recipients,
    first,
    last,
    delivered,
    sample,
    senderList,
    recipientList,
    subjects,
    countries,
  } = stats;
  if (n < p.minMessages) return undefined;
  const manySenders = newDomains >= p.minNewSenders;
  const massMailing = recipients >= p.minRecipients && newDomains === senderDomains && newDomains > 0;
  if (!manySenders && !massMailing) return undefined;
  const deliveredShare = delivered / n;
  const severity: Severity =
    manySenders && newDomains >= 5 && deliveredShare >= 0.5 ? 'high' : manySenders && deliveredShare >= 0.2 ? 'medium' : 'low';
  return {
    rule: 'subject-campaign',
    severity,
    title: `Campaign "${clip(sample)}"${cluster.shapes.length > 1 ? ' and similar' : ''}: ${plural(n, 'message')} from ${plural(senders, 'sender')} (${newDomains} new ${newDomains === 1 ? 'domain' : 'domains'}) to ${plural(recipients, 'recipient')}`,
    titleJa: `キャンペーン「${clip(sample)}」${cluster.shapes.length > 1 ? 'と類似の件名' : ''}: 送信者 ${countJa(senders, '件')}（新しいドメイン ${countJa(newDomains, '件')}）から受信者 ${countJa(recipients, '人')}へ ${countJa(n, '通')}`,
    from: first,
    to: last,
    count: n,
    entities: {
      subject: sample,
      sender: senders === 1 ? senderList[0]! : '',
      senderDomain: senderDomains === 1 ? senderList[0]!.slice(senderList[0]!.lastIndexOf('@') + 1) : '',
      recipient: recipients === 1 ? recipientList[0]! : '',
    },
    query: evidenceQuery(
      [kqlBetween(first, last), kqlIn('Direction', p.directions)],
      [`| extend SubjectShape = ${subjectShapeKql('Subject', kqlString)}`, `| where ${kqlIn('SubjectShape', shapes)}`],
    ),
    details: {
      shape: cluster.representative,
      shapes,
      senders: senderList,
      distinctSenders: senders,
      senderDomains,
      newSenderDomains: newDomains,
      recipients: recipientList,
      distinctRecipients: recipients,
      delivered,
      deliveredShare: Math.round(deliveredShare * 100) / 100,
      senderCountries: countries,
      usualPerDay: usual,
      subjects,
    },
    key: [cluster.representative, String(d)],
  };
}

/** A campaign from known senders: many of them within hours, or many from infrastructure they never used. */
async function judgeKnown(ctx: RuleContext, p: Params, candidate: Candidate, stats: CampaignStats): Promise<FindingDraft | undefined> {
  const { cluster, day: d, usual } = candidate;
  const shapes = cluster.shapes.slice(0, 50);
  const origins = await knownSenderOrigins(ctx, {
    shapes,
    directions: p.directions,
    day: d,
    stats,
    knownFrom: ctx.clock.dayStart(d) - ctx.settings.baselineDays * 86_400_000,
    windowHours: p.knownWithinHours,
  });
  const known = knownCount(stats);
  const unusual = origins.unusualDomains.length;
  const unusualShare = unusual / Math.max(1, stats.senderDomains);
  const fast = origins.peakDomains >= p.minKnownSenders;
  const foreign = unusual >= p.minKnownSenders && unusualShare >= p.unusualShare;
  if (!fast && !foreign) return undefined;
  const n = stats.rows;
  const deliveredShare = stats.delivered / n;
  // Known senders on their usual infrastructure (a burst of replies to our own announcement) is worth a look only.
  const severity: Severity = !foreign ? 'low' : deliveredShare >= 0.5 ? 'high' : deliveredShare >= 0.2 ? 'medium' : 'low';
  const countries = Object.entries(origins.countries).sort((a, b) => b[1].rows - a[1].rows);
  const strange = countries.filter(([, c]) => c.newForDomains > 0).map(([c]) => c);
  return {
    rule: 'subject-campaign',
    severity,
    title: `Campaign "${clip(stats.sample)}"${cluster.shapes.length > 1 ? ' and similar' : ''} from ${plural(known, 'known sender domain')}${unusual > 0 ? ` (${unusual} sending from ${strange.slice(0, 5).join(', ')} for the first time)` : ''}: ${plural(n, 'message')} to ${plural(stats.recipients, 'recipient')}`,
    titleJa: `キャンペーン「${clip(stats.sample)}」${cluster.shapes.length > 1 ? 'と類似の件名' : ''}: 既知の送信ドメイン ${countJa(known, '件')}から${unusual > 0 ? `（うち ${countJa(unusual, '件')}が ${listJa(strange.slice(0, 5))} から初めて送信）` : ''}受信者 ${countJa(stats.recipients, '人')}へ ${countJa(n, '通')}`,
    from: stats.first,
    to: stats.last,
    count: n,
    entities: {
      subject: stats.sample,
      sender: stats.senders === 1 ? stats.senderList[0]! : '',
      recipient: stats.recipients === 1 ? stats.recipientList[0]! : '',
      country: countries.length === 1 ? countries[0]![0] : '',
    },
    query: evidenceQuery(
      [kqlBetween(stats.first, stats.last), kqlIn('Direction', p.directions)],
      [`| extend SubjectShape = ${subjectShapeKql('Subject', kqlString)}`, `| where ${kqlIn('SubjectShape', shapes)}`],
    ),
    details: {
      kind: 'known-senders',
      shape: cluster.representative,
      shapes,
      // How unusual each part is: the shape against its usual daily count, the senders against their history.
      usualPerDay: usual,
      knownSenderDomains: known,
      newSenderDomains: stats.newSenderDomains,
      peakSenderDomains: { count: origins.peakDomains, withinHours: p.knownWithinHours },
      unusualOriginDomains: origins.unusualDomains.slice(0, 50),
      unusualOriginShare: Math.round(unusualShare * 100) / 100,
      senderCountries: Object.fromEntries(countries),
      knownDomains: origins.knownDomains,
      senders: stats.senderList,
      distinctSenders: stats.senders,
      recipients: stats.recipientList,
      distinctRecipients: stats.recipients,
      delivered: stats.delivered,
      deliveredShare: Math.round(deliveredShare * 100) / 100,
      subjects: stats.subjects,
    },
    key: [cluster.representative, String(d)],
  };
}

function clip(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
