/** Reading dynamic (JSON) values as scalars: by their text for strings, by a checked cast otherwise. */
import type { CompileContext } from './context.js';
import type { SqlExpr } from './sql-expr.js';

/** A dynamic value as `type`: its text for strings, a checked cast otherwise. */
export function fromDynamic(ctx: CompileContext, e: SqlExpr, type: SqlExpr['type']): SqlExpr {
  const fn = ctx.dialect.fn;
  const text = `coalesce(${fn.jsonText(e.sql)}, '')`;
  if (type === 'string') return { sql: text, type: 'string', atomic: true, aggregate: e.aggregate };
  return { sql: fn.tryCast(fn.jsonText(e.sql), type), type, atomic: true, aggregate: e.aggregate };
}
