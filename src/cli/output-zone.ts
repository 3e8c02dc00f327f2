/** The zone a command prints times in: --tz, else organization.timeZone, else the machine's zone. */
import { isValidTimeZone, serverTimeZone } from '../config/index.js';
import { UsageError } from './exit-codes.js';
import { msg } from './messages.js';

/** `zone` to print in; `chosen` when someone picked it (--tz or organization.timeZone): JSON output then follows it too. */
export interface OutputZone {
  zone: string;
  chosen: boolean;
}

/** Resolve --tz against the configuration; a zone that is no IANA zone is a usage error. */
export function outputZone(flag: string | undefined, organization: { timeZone?: string }): OutputZone {
  if (flag !== undefined) {
    if (!isValidTimeZone(flag)) throw new UsageError(msg().errors.badZone(flag));
    return { zone: flag, chosen: true };
  }
  if (organization.timeZone) return { zone: organization.timeZone, chosen: true };
  return { zone: serverTimeZone(), chosen: false };
}
