/**
 * `evaluate bag_unpack(Column [, Prefix]) [: (Name:type, ...)]`: a column per key of the dynamic objects in Column
 * (sorted by name, typed as the values are when all share one type, else dynamic), beside the other columns.
 */
import type { ColumnType } from '../../schema/index.js';
import type { EvaluateNode, ExprNode } from '../ast/index.js';
import type { CompileContext } from './context.js';
import { valuesFor } from './values-from-data.js';
import { compileExpr } from './expression.js';
import { canCompute, ensure, toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';

/** DuckDB json_type names (the hook's contract) as KQL types. */
const JSON_TYPES: Readonly<Record<string, ColumnType>> = {
  BIGINT: 'long',
  UBIGINT: 'long',
  DOUBLE: 'real',
  VARCHAR: 'string',
  BOOLEAN: 'bool',
};
const CONVERT: Partial<Record<ColumnType, string>> = {
  long: 'tolong',
  int: 'toint',
  real: 'todouble',
  string: 'tostring',
  bool: 'tobool',
  datetime: 'todatetime',
  timespan: 'totimespan',
};

/** `evaluate bag_unpack`. */
export function compileBagUnpack(ctx: CompileContext, state: SelectState, node: EvaluateNode): SelectState {
  const s = ensure(ctx, state, canCompute);
  const [bag, prefixArg] = node.args;
  if (bag === undefined || node.args.length > 2) throw ctx.error('invalid-argument', 'bag-unpack-arguments', {}, node.pos);
  const scope = { columns: s.columns, aggregates: false };
  const b = compileExpr(ctx, scope, bag);
  if (b.type !== 'dynamic') throw ctx.error('type-mismatch', 'bag-unpack-needs-dynamic', { type: b.type }, bag.pos);
  let prefix = '';
  if (prefixArg !== undefined) {
    const p = compileExpr(ctx, scope, prefixArg);
    if (typeof p.constant?.value !== 'string') throw ctx.error('invalid-argument', 'bag-unpack-prefix', {}, prefixArg.pos);
    prefix = p.constant.value;
  }
  const kept = s.columns.filter((c) => !(bag.kind === 'Name' && c.name === bag.name));
  let keys: { key: string; type: ColumnType }[];
  if (node.schema) {
    keys = node.schema.filter((c) => !kept.some((k) => k.name === c.name)).map((c) => ({ key: c.name.slice(prefix.length), type: c.type }));
  } else {
    const discover = ctx.dialect.fn.bagKeyTypes(
      toSql(ctx, { ...s, columns: [{ name: '_d', type: 'dynamic', sql: b.sql, atomic: b.atomic }], star: false }),
      ctx.q('_d'),
      ctx.alias('b'),
    );
    if (discover === undefined) throw ctx.error('unsupported', 'bag-unpack-schema', { engine: ctx.dialect.name }, node.pos);
    const found = valuesFor(ctx, node, () => discover);
    const types = new Map<string, Set<ColumnType>>();
    for (const f of found) {
      const t = types.get(f.value) ?? new Set<ColumnType>();
      if (f.type !== 'NULL') t.add(JSON_TYPES[f.type] ?? 'dynamic');
      types.set(f.value, t);
    }
    keys = [...types]
      .sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
      .map(([key, t]) => ({ key, type: t.size === 1 ? [...t][0]! : 'dynamic' }));
  }
  const columns: Column[] = [...kept];
  for (const { key, type } of keys) {
    const name = prefix + key;
    if (columns.some((c) => c.name === name)) throw ctx.error('invalid-name', 'column-exists', { operator: 'bag_unpack', name }, node.pos);
    const at: ExprNode = {
      kind: 'Index',
      target: bag,
      index: { kind: 'Literal', type: 'string', value: key, pos: node.pos },
      pos: node.pos,
    };
    const convert = CONVERT[type];
    const e = compileExpr(ctx, scope, convert ? { kind: 'Call', name: convert, args: [at], pos: node.pos } : at);
    columns.push({ name, type: e.type, sql: e.sql, atomic: e.atomic });
  }
  return { ...s, columns, star: false };
}
