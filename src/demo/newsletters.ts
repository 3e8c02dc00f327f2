/** Newsletters and notifications: fixed senders at fixed local times to many recipients (not campaigns). */
import type { HourInfo } from './calendar.js';
import { bulkMessageId, guid } from './ids.js';
import type { TraceSink } from './mail.js';
import { Rng } from './rng.js';
import type { World } from './world.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One regular mailing. */
export interface Newsletter {
  readonly sender: string;
  readonly ip: string;
  readonly recipients: string[];
  /** Whether it goes out on this local day (weekday 0 = Sunday). */
  readonly on: (weekday: number, workday: boolean) => boolean;
  readonly hour: number;
  readonly minute: number;
  readonly subject: (y: number, m: number, d: number) => string;
  readonly size: number;
  /** Internal mailings go through a distribution list. */
  readonly list?: string;
}

/** The tenant's regular mailings; recipients are fixed for the whole window. */
export function newsletters(world: World): Newsletter[] {
  const rng = new Rng(world.seed ^ 0x4e57);
  const pop = world.pop;
  const people = pop.people.map((p) => p.address);
  const it = (pop.byDepartment.get('it') ?? []).map((p) => p.address);
  const home = world.org.acceptedDomains[0]!;
  const fourthCoffee = pop.partners.find((p) => p.domain === 'fourthcoffee.co.jp');
  return [
    {
      sender: 'digest@news.lucernepublishing.com',
      ip: world.pop.freshIp(rng, 'US'),
      recipients: rng.sample(people, 200),
      on: (_w, work) => work,
      hour: 7,
      minute: 30,
      size: 48_000,
      subject: (y, m, d) => `【Lucerne IT Daily】${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')} 今日の注目ニュース`,
    },
    {
      sender: 'bulletin@firstupconsultants.com',
      ip: world.pop.freshIp(rng, 'US'),
      recipients: [...it, ...rng.sample(people, 110)].filter((a, i, all) => all.indexOf(a) === i),
      on: (w) => w === 1,
      hour: 9,
      minute: 5,
      size: 35_000,
      subject: (y, m, d) => `Weekly Security Bulletin - ${MONTHS[m - 1]} ${d}, ${y}`,
    },
    {
      sender: 'news@fourthcoffee.co.jp',
      ip: fourthCoffee?.outIps[0] ?? world.pop.freshIp(rng, 'JP'),
      recipients: rng.sample(people, 80),
      on: (w) => w === 3,
      hour: 12,
      minute: 0,
      size: 120_000,
      subject: (_y, m, d) => `Fourth Coffee 今週のおすすめ（${m}/${d}）`,
    },
    {
      sender: 'sale@mail.margiestravel.jp',
      ip: world.pop.freshIp(rng, 'JP'),
      recipients: rng.sample(people, 60),
      on: (w) => w === 5,
      hour: 15,
      minute: 0,
      size: 90_000,
      subject: (_y, m, d) => `【マージーズトラベル】週末セール情報 ${m}月${d}日号`,
    },
    {
      sender: 'no-reply@monitor.cohovineyard.com',
      ip: world.pop.freshIp(rng, 'US'),
      recipients: it,
      on: () => true,
      hour: 6,
      minute: 0,
      size: 12_000,
      subject: (y, m, d) => `[Coho Monitor] Daily uptime report ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    },
    {
      sender: `soumu@${home}`,
      ip: '',
      recipients: pop.lists.find((l) => l.address.startsWith('managers@'))?.members ?? [],
      list: `managers@${home}`,
      on: (w, work) => w === 1 && work,
      hour: 8,
      minute: 30,
      size: 26_000,
      subject: (_y, m, d) => `【総務部】今週の社内連絡（${m}/${d}）`,
    },
  ];
}

/** Appends the mailings that go out in this hour. */
export function newsletterHour(world: World, letters: readonly Newsletter[], hour: HourInfo, rng: Rng, sink: TraceSink): void {
  for (const n of letters) {
    if (hour.localHour !== n.hour || !n.on(hour.weekday, hour.workday)) continue;
    const [y, m, d] = hour.localDate.split('-').map(Number) as [number, number, number];
    const subject = n.subject(y, m, d);
    const start = hour.utc + n.minute * 60_000 + rng.int(0, 59_000);
    if (n.list) {
      const traceId = guid(rng);
      const messageId = world.internalMessageId(rng, n.sender);
      sink.row(start, n.sender, n.list, subject, 'Expanded', '', '', n.size, messageId, traceId);
      for (const r of n.recipients)
        if (r !== n.sender) sink.row(start, n.sender, r, subject, 'Delivered', '', '', n.size, messageId, traceId);
      continue;
    }
    // Bulk mailers send one personalised message per recipient, a few per second.
    const domain = n.sender.slice(n.sender.indexOf('@') + 1);
    let t = start;
    for (const r of n.recipients) {
      t += rng.int(150, 1500);
      const status = rng.chance(0.004) ? 'FilteredAsSpam' : 'Delivered';
      sink.row(
        t,
        n.sender,
        r,
        subject,
        status,
        n.ip,
        '',
        Math.round(n.size * (0.95 + rng.next() * 0.1)),
        bulkMessageId(rng, domain),
        guid(rng),
      );
    }
  }
}
