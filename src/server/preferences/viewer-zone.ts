/** The time zone a request's answer is written in: the one asked for, else the user's choice, else organization.timeZone. */
import { isValidTimeZone, organizationTimeZone } from '../../config/index.js';
import type { AppContext } from '../app-context.js';
import { BadRequestError } from '../errors.js';

/** The zone to use for `user`; `asked` (a `timeZone` parameter) wins when given, and must be an IANA zone. */
export async function viewerZone(ctx: Pick<AppContext, 'config' | 'preferences'>, user: string, asked?: unknown): Promise<string> {
  if (asked !== undefined && asked !== null && asked !== '') {
    if (typeof asked !== 'string' || !isValidTimeZone(asked))
      throw new BadRequestError('timeZone must be an IANA time zone such as Asia/Tokyo', { reason: 'time-zone' });
    return asked;
  }
  return (await ctx.preferences.get(user)).timeZone ?? organizationTimeZone(ctx.config);
}
