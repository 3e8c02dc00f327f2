/**
 * Time-zone functions: datetime_utc_to_local(d, zone) and datetime_local_to_utc(d, zone), as in Kusto. With them
 * a day or week is the viewer's, DST included:
 * `datetime_local_to_utc(startofday(datetime_utc_to_local(Received, 'America/New_York')), 'America/New_York')`.
 */
import type { CallNode } from '../ast/index.js';
import type { ScalarFunction } from './arguments.js';
import { constString, want } from './arguments.js';
import type { CompileContext } from './context.js';
import { atom } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

/** The IANA name of a zone as the runtime spells it (asia/tokyo -> Asia/Tokyo), or undefined when it is none. */
export function canonicalZone(zone: string): string | undefined {
  if (zone.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function zoneArgument(ctx: CompileContext, call: CallNode, e: SqlExpr): string {
  const zone = canonicalZone(constString(ctx, call, 1, want(ctx, call, 1, e, 'string')));
  if (zone === undefined) throw ctx.error('invalid-argument', 'time-zone-argument', { name: call.name }, call.args[1]!.pos);
  return zone;
}

const DAY = 86_400_000_000;

function convert(direction: 'utcToLocal' | 'localToUtc'): ScalarFunction {
  return {
    min: 2,
    max: 2,
    compile: (ctx, [d, z], call) => {
      const x = want(ctx, call, 0, d!, 'datetime');
      const zone = zoneArgument(ctx, call, z!);
      const sql = ctx.dialect.fn[direction](x.sql, zone);
      const e = atom(sql, 'datetime', x.aggregate);
      // The UTC start of a local bin of whole days (bin_at 1d, startofday/week/month/year): summarize groups on the
      // bin and converts once per group, not once per row. Exact: bins are whole days apart, and no zone's clock
      // has jumped forward by a whole day but at midnight (Pacific/Apia, 2011), so no two bins that occur start at
      // the same instant.
      const bin = x.bucket?.of === x.sql ? x.bucket : undefined;
      if (direction === 'localToUtc' && bin?.step !== undefined && bin.step % DAY === 0) {
        return { ...e, bucket: { of: sql, key: bin.key, time: (k) => ctx.dialect.fn.localToUtc(bin.time(k), zone) } };
      }
      return e;
    },
  };
}

/** Zone functions by KQL name. */
export const ZONE_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  datetime_utc_to_local: convert('utcToLocal'),
  datetime_local_to_utc: convert('localToUtc'),
};
