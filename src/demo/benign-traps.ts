/** Normal things that look odd at first sight: detections must stay quiet on them. */
import type { TraceRecord } from '../schema/index.js';
import { genericMessageId, guid } from './ids.js';
import { PLANTED_PEOPLE } from './population.js';
import type { Planter } from './planter.js';
import { invoiceSubject } from './subjects.js';

/** Partners' month-end invoices, a large transfer to a partner, and the calendar's own dips and peaks. */
export function plantBenignTraps(p: Planter): void {
  monthEndInvoices(p);
  partnerTransfer(p);
  const { cal } = p.world;
  p.trap({
    kind: 'newsletter',
    from: cal.start,
    to: cal.end - 1,
    entities: { sender: 'digest@news.lucernepublishing.com' },
    quietRules: ['subject-campaign', 'status-spike', 'outbound-burst', 'partner-compromise'],
    description: 'Daily IT news digest at 07:30 local to 200 people, one personalised message each (one sender: not a campaign)',
  });
  const full = cal.fullDays();
  const saturday = full.findIndex((d, i) => d.weekday === 6 && full[i + 1]?.weekday === 0);
  if (saturday >= 0) {
    p.trap({
      kind: 'weekend-dip',
      from: p.at(full[saturday]!, 0),
      to: p.at(full[saturday + 1]!, 23, 59),
      entities: {},
      quietRules: ['status-spike'],
      description: "Weekend: ~15% of a working day's mail, so spam is a larger share of it",
    });
  }
  const monday = full.find((d) => d.weekday === 1 && d.workday);
  if (monday) {
    p.trap({
      kind: 'monday-peak',
      from: p.at(monday, 8),
      to: p.at(monday, 12),
      entities: {},
      quietRules: ['status-spike', 'outbound-burst'],
      description: "Monday morning: the weekend's backlog, ~35% above other mornings",
    });
  }
}

/** Every partner sends its invoice to accounting in the last two and first two working days of a month. */
function monthEndInvoices(p: Planter): void {
  const { rng, world } = p;
  const work = world.cal.fullDays().filter((d) => d.workday);
  const home = world.org.acceptedDomains[0]!;
  const finance = (world.pop.byDepartment.get('finance') ?? []).map((x) => x.address);
  for (let i = 0; i < work.length; i++) {
    // The last working day of a month: the next working day is in another month.
    if (work[i]!.date.slice(0, 7) === world.cal.nextWorkday(work[i]!.date).slice(0, 7)) continue;
    const days = [work[i - 1], work[i], work[i + 1], work[i + 2]].filter((d) => d !== undefined);
    const rows: TraceRecord[] = [];
    for (const partner of world.pop.partners) {
      const day = rng.pick(days);
      const t = p.at(day, rng.int(9, 17), rng.int(0, 59));
      // The invoices are for the month that is closing.
      const [y, month] = work[i]!.date.split('-').map(Number) as [number, number];
      const subject = invoiceSubject(rng, partner.lang, { ymd: `${y}/${month}/1`, md: '', month, partner: partner.name, surname: '' });
      rows.push(
        ...p.mail({
          t,
          sender: rng.pick(partner.contacts),
          recipients: [`keiri@${home}`, rng.pick(finance)],
          subject,
          size: rng.int(80_000, 600_000),
          fromIp: rng.pick(partner.outIps),
          toIp: '',
          status: 'Delivered',
          messageId: genericMessageId(rng, partner.domain, t),
          traceId: guid(rng),
        }),
      );
    }
    const times = rows.map((r) => r.Received);
    p.trap({
      kind: 'month-end-invoices',
      from: Math.min(...times),
      to: Math.max(...times),
      entities: { recipient: `keiri@${home}` },
      quietRules: ['subject-campaign', 'lookalike-domain', 'partner-compromise'],
      description: `Month-end: ${world.pop.partners.length} partners send their invoices to accounting around the last working day of the month`,
    });
  }
}

/** t.nakamura sends design data to Fabrikam: large, but well under a gigabyte and to a known partner. */
function partnerTransfer(p: Planter): void {
  const { rng, world } = p;
  const sender = `${PLANTED_PEOPLE.partnerTransfer.local}@${world.org.acceptedDomains[0]!}`;
  const partner = world.pop.partners.find((x) => x.domain === 'fabrikam.co.jp')!;
  const recipient = partner.contacts[1] ?? partner.contacts[0]!;
  const day = p.days.partnerTransfer;
  const rows: TraceRecord[] = [];
  p.times(28, p.at(day, 10), p.at(day, 17)).forEach((t, i) => {
    rows.push(
      ...p.mail({
        t,
        sender,
        recipients: [recipient],
        subject: `図面データ送付 (${i + 1}/28)`,
        size: rng.int(17_000_000, 23_000_000),
        fromIp: `10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
        toIp: partner.inIp,
        status: 'Delivered',
        messageId: world.internalMessageId(rng, sender),
        traceId: guid(rng),
      }),
    );
  });
  const total = rows.reduce((s, r) => s + r.Size, 0);
  p.trap({
    kind: 'partner-large-transfer',
    from: rows[0]!.Received,
    to: rows[rows.length - 1]!.Received,
    entities: { sender, recipient },
    quietRules: ['large-transfer', 'outbound-burst'],
    description: `${sender} sends ${(total / 2 ** 20).toFixed(0)} MiB of drawings to partner Fabrikam: below 1 GiB, to a known partner`,
  });
}
