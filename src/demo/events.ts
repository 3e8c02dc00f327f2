/** MessageEvents hops for trace rows: RECEIVE, then DELIVER, SEND, FAIL, DEFER, EXPAND, SPAM or QUARANTINE. */
import type { EventRow, TraceRecord } from '../schema/index.js';
import { exoHost } from './ids.js';
import type { Rng } from './rng.js';
import type { World } from './world.js';

const FRONT_DOORS = ['TYAPR01CA0012', 'TYAPR01CA0147', 'OS0P286CA0045', 'TYCP286CA0101', 'TY2PR0101CA0033', 'OS3P286CA0078'];

/** Whether a message (by its trace id) is in the sample that gets hop events. */
export function sampled(traceId: string, fraction: number): boolean {
  if (fraction >= 1) return true;
  if (fraction <= 0) return false;
  return parseInt(traceId.slice(0, 4), 16) < fraction * 65536;
}

function event(r: TraceRecord, t: number, name: string, source: string, detail: string, clientIp: string, host: string): EventRow {
  return {
    Timestamp: t,
    MessageTraceId: r.MessageTraceId,
    MessageId: r.MessageId,
    SenderAddress: r.SenderAddress,
    RecipientAddress: r.RecipientAddress,
    Event: name,
    Source: source,
    Detail: detail,
    ClientIP: clientIp,
    ServerHostname: host,
  };
}

const FRONT_DOOR_HOSTS = FRONT_DOORS.map((s) => exoHost(s));

/** Hop events of the sampled rows. */
export function eventsFor(world: World, rows: readonly TraceRecord[], fraction: number, rng: Rng): EventRow[] {
  const out: EventRow[] = [];
  if (fraction <= 0) return out;
  for (const r of rows) {
    if (!sampled(r.MessageTraceId, fraction)) continue;
    const fromInside = world.isInternal(r.SenderAddress);
    const toInside = world.isInternal(r.RecipientAddress);
    const receivedBy = fromInside
      ? world.hostOf(r.SenderAddress)
      : FRONT_DOOR_HOSTS[r.MessageTraceId.charCodeAt(9) % FRONT_DOOR_HOSTS.length]!;
    out.push(event(r, r.Received, 'RECEIVE', 'SMTP', world.receivedDetail(receivedBy), r.FromIP, receivedBy));
    const at = r.Received + rng.int(300, 6000);
    switch (r.Status) {
      case 'Delivered':
      case 'Recalled':
        if (toInside)
          out.push(event(r, at, 'DELIVER', 'STOREDRIVER', 'The message was successfully delivered.', '', world.hostOf(r.RecipientAddress)));
        else out.push(event(r, at, 'SEND', 'SMTP', "The message was sent to the recipient's mail server.", r.ToIP, receivedBy));
        break;
      case 'Failed':
        out.push(
          event(
            r,
            at,
            'FAIL',
            toInside ? 'ROUTING' : 'SMTP',
            toInside
              ? '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
              : '550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table',
            r.ToIP,
            receivedBy,
          ),
        );
        break;
      case 'Pending':
        out.push(
          event(
            r,
            at,
            'DEFER',
            'SMTP',
            '451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError."',
            r.ToIP,
            receivedBy,
          ),
        );
        break;
      case 'Expanded':
        out.push(
          event(
            r,
            at,
            'EXPAND',
            'ROUTING',
            'The message was sent to a distribution group, which was expanded to its members.',
            '',
            receivedBy,
          ),
        );
        break;
      case 'FilteredAsSpam':
        out.push(
          event(
            r,
            at,
            'SPAM',
            'AGENT',
            'SCL=6 SFV:SPM; the message was delivered to the Junk Email folder.',
            '',
            toInside ? world.hostOf(r.RecipientAddress) : receivedBy,
          ),
        );
        break;
      case 'Quarantined':
        out.push(
          event(
            r,
            at,
            'QUARANTINE',
            'AGENT',
            'The message was quarantined by the anti-spam policy (high confidence phish).',
            '',
            receivedBy,
          ),
        );
        break;
      default:
        break;
    }
  }
  return out;
}
