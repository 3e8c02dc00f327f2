/**
 * Who may see and change what users make in the app (saved searches, dashboards): the owner sees and changes
 * their own; shared ones are seen by everyone allowed the kind and changed by their owner or an admin.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/authenticate.js';
import { ForbiddenError } from '../errors.js';

/** Something a user made. */
export interface Owned {
  owner: string;
  shared: boolean;
}

/** Whether `who` sees `item`. */
export function canSee(who: Principal, item: Owned): boolean {
  return item.shared || item.owner === who.user;
}

/** Whether `who` may change or delete `item` (viewers never do). */
export function canChange(who: Principal, item: Owned): boolean {
  if (who.role === 'viewer') return false;
  return item.owner === who.user || (item.shared && who.role === 'admin');
}

/** Throws ForbiddenError unless `who` may change `item`; `what` names it in the message. */
export function mustChange(who: Principal, item: Owned, what: string): void {
  if (!canChange(who, item))
    throw new ForbiddenError(`${what} belongs to ${item.owner}; only its owner${item.shared ? ' or an admin' : ''} may change it`, {
      reason: item.shared ? 'owned-shared' : 'owned',
      params: { owner: item.owner },
    });
}

/** A new id: a prefix and 12 random base-36 characters (never one of the built-in dashboards' names). */
export function newId(prefix: string): string {
  const n = randomBytes(8).readBigUInt64BE();
  return `${prefix}-${n.toString(36).padStart(13, '0').slice(-12)}`;
}
