/** Everything the traffic and incident generators share: the tenant, its people, its calendar. */
import type { Calendar, HourInfo } from './calendar.js';
import { exoHost, exoMessageId, mailboxServers } from './ids.js';
import type { Population } from './population.js';
import { Rng } from './rng.js';
import type { SubjectContext } from './subjects.js';
import type { DemoOrganization } from './types.js';

/** Largest message Exchange Online accepts by default (35 MB send limit). */
export const MAX_SIZE = 35 * 1024 * 1024;

/** The generator's shared, read-only state. */
export class World {
  readonly servers: string[];
  private readonly serverByAddress = new Map<string, string>();
  private readonly hostByAddress = new Map<string, string>();
  private readonly internalSuffixes: string[];
  private readonly receivedDetails = new Map<string, string>();

  constructor(
    readonly seed: number,
    readonly org: DemoOrganization,
    readonly pop: Population,
    readonly cal: Calendar,
    readonly messagesPerDay: number,
  ) {
    this.servers = mailboxServers(new Rng(seed ^ 0x5e7e), 24);
    this.internalSuffixes = org.acceptedDomains.map((d) => `@${d}`);
  }

  /** Tenant name (Organization column). */
  get tenant(): string {
    return this.pop.tenant;
  }

  /** The mailbox server an internal address lives on (stable per address). */
  serverOf(address: string): string {
    let s = this.serverByAddress.get(address);
    if (!s) {
      let h = 0;
      for (let i = 0; i < address.length; i++) h = (Math.imul(h, 31) + address.charCodeAt(i)) | 0;
      s = this.servers[(h >>> 0) % this.servers.length]!;
      this.serverByAddress.set(address, s);
    }
    return s;
  }

  /** Host name of the mailbox server of an internal address. */
  hostOf(address: string): string {
    let h = this.hostByAddress.get(address);
    if (!h) {
      h = exoHost(this.serverOf(address));
      this.hostByAddress.set(address, h);
    }
    return h;
  }

  /** Message-ID for mail sent from an internal mailbox. */
  internalMessageId(rng: Rng, sender: string): string {
    return exoMessageId(rng, this.serverOf(sender));
  }

  /** Whether an address belongs to the tenant. */
  isInternal(address: string): boolean {
    for (const suffix of this.internalSuffixes) if (address.endsWith(suffix)) return true;
    return false;
  }

  /** Detail text of a RECEIVE event at a host (shared strings: millions of events repeat them). */
  receivedDetail(host: string): string {
    let d = this.receivedDetails.get(host);
    if (!d) {
      d = `Message received by: ${host}`;
      this.receivedDetails.set(host, d);
    }
    return d;
  }

  /** Subject placeholders for an hour (local date). */
  subjectContext(hour: HourInfo, rng: Rng): SubjectContext {
    const [y, m, d] = hour.localDate.split('-');
    return {
      ymd: `${y}/${m}/${d}`,
      md: `${Number(m)}/${Number(d)}`,
      month: Number(m),
      partner: rng.pick(this.pop.partners).name,
      surname: '',
    };
  }
}

/** Size of an ordinary message: mostly text, a fifth with attachments (log-normal, capped). */
export function messageSize(rng: Rng): number {
  const size = rng.chance(0.22) ? rng.logNormal(600_000, 1.25) : rng.logNormal(28_000, 0.7);
  return Math.min(MAX_SIZE, Math.max(2_000, Math.round(size)));
}
