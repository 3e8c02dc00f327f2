/** Findings related to one finding: those that share its sender, sender domain or IP address, near it in time. */
import type { Store } from '../store/index.js';
import type { StoredFinding } from './finding.js';
import { listFindings } from './findings-store.js';

const DAY_MS = 86_400_000;

/** What two findings share. */
export type SharedEntity = 'sender' | 'senderDomain' | 'ip';

/** A related finding and what it shares with the one asked about. */
export interface RelatedFinding {
  finding: StoredFinding;
  shared: SharedEntity[];
}

/**
 * Findings within `days` of `finding` (either side) sharing its sender, its sender's domain or its IP address,
 * newest first, at most `limit`. A sender's domain counts as the sender domain of a finding that names only a sender.
 */
export async function relatedFindings(
  store: Store,
  finding: StoredFinding,
  options: { days?: number; limit?: number } = {},
): Promise<RelatedFinding[]> {
  const days = options.days ?? 30;
  const mine = keys(finding);
  if (mine.size === 0) return [];
  const near = await listFindings(store, {
    from: Date.parse(finding.from) - days * DAY_MS,
    to: Date.parse(finding.to) + days * DAY_MS,
    limit: 5000,
  });
  const out: RelatedFinding[] = [];
  for (const other of near) {
    if (other.id === finding.id) continue;
    const shared = [...keys(other)].filter(([kind, value]) => mine.get(kind) === value).map(([kind]) => kind);
    if (shared.length > 0) out.push({ finding: other, shared });
    if (out.length >= (options.limit ?? 20)) break;
  }
  return out;
}

/** The sender, sender domain and IP of a finding, lower-cased, those it has. */
function keys(f: StoredFinding): Map<SharedEntity, string> {
  const out = new Map<SharedEntity, string>();
  const sender = f.entities.sender.trim().toLowerCase();
  const domain = (f.entities.senderDomain || (sender.includes('@') ? sender.slice(sender.lastIndexOf('@') + 1) : '')).trim().toLowerCase();
  const ip = f.entities.ip.trim().toLowerCase();
  if (sender) out.set('sender', sender);
  if (domain) out.set('senderDomain', domain);
  if (ip) out.set('ip', ip);
  return out;
}
