/**
 * `make-series`: per group, one array per aggregate with an element per step of the axis (absent bins get the
 * default), and the axis itself as an array. Rows are first aggregated per group and bin, then per group the bins
 * are laid out over the steps with the dialect's list hooks.
 */
import type { MakeSeriesNode } from '../ast/index.js';
import { columnNamer, uniqueName } from '../semantic/naming.js';
import { isNumeric } from '../semantic/types.js';
import { AGGREGATE_NAMES, aggregateOutputs } from './aggregates.js';
import { checkNewName, compileAssignment, toColumn } from './columns.js';
import type { CompileContext } from './context.js';
import { compileExpr } from './expression.js';
import { andWhere, canFilter, ensure, wrap } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import type { SqlExpr } from './sql-expr.js';

const COUNTS = new Set(['count', 'countif', 'dcount', 'dcountif']);
// Microseconds from 0001-01-01 to 1970-01-01.
const TICKS_EPOCH_US = 62_135_596_800_000_000n;

/** `make-series`. */
export function compileMakeSeries(ctx: CompileContext, state: SelectState, node: MakeSeriesNode): SelectState {
  const fn = ctx.dialect.fn;
  const src = ensure(ctx, state, canFilter);
  const rowScope = { columns: src.columns, aggregates: false };
  const axis = compileExpr(ctx, rowScope, node.axis);
  const time = axis.type === 'datetime';
  if (!time && !isNumeric(axis.type) && axis.type !== 'timespan')
    throw ctx.error('type-mismatch', 'series-axis', { type: axis.type }, node.axis.pos);
  const step = compileExpr(ctx, rowScope, node.step);
  const stepValue = step.constant?.value;
  if (typeof stepValue !== 'number' || !(stepValue > 0)) throw ctx.error('invalid-argument', 'series-step', {}, node.step.pos);
  if (time !== (step.type === 'timespan') || (axis.type === 'timespan' && step.type !== 'timespan'))
    throw ctx.error('type-mismatch', 'series-step-type', { type: time ? 'timespan' : axis.type }, node.step.pos);
  // Axis values as numbers: microseconds for datetimes and timespans.
  const asNumber = (e: SqlExpr): string =>
    e.type === 'datetime' ? fn.timestampToMicros(e.sql) : e.type === 'timespan' ? fn.intervalToMicros(e.sql) : e.sql;
  const ax = asNumber(axis);
  const stepSql = String(stepValue);
  // bin() of a datetime counts steps from 0001-01-01 (.NET ticks), not from 1970: a 7d step starts on a Monday.
  const offset = time && Number.isInteger(stepValue) ? String(Number(TICKS_EPOCH_US % BigInt(stepValue))) : '0';
  if (src.from === undefined) throw ctx.error('unsupported', 'series-needs-rows', {}, node.pos);
  // Without from (to): the bin of the first (last) axis value, counted from 0 as bin() counts, read in a one-row join.
  const edges: string[] = [];
  const edge = (which: 'min' | 'max'): string => {
    const name = which === 'min' ? '_s' : '_e';
    const binned = `${fn.floor(`(${which}(${ax}) + ${offset}) / ${stepSql}`)} * ${stepSql} - ${offset}`;
    edges.push(`${which === 'min' ? binned : `${binned} + ${stepSql}`} AS ${ctx.q(name)}`);
    return ctx.q(name);
  };
  const bound = (e: MakeSeriesNode['from'], which: 'min' | 'max'): string => {
    if (e === undefined) return edge(which);
    const b = compileExpr(ctx, rowScope, e);
    if (b.type !== axis.type && !(isNumeric(b.type) && isNumeric(axis.type)))
      throw ctx.error('type-mismatch', 'series-bound-type', { bound: which === 'min' ? 'from' : 'to', type: axis.type }, e.pos);
    return asNumber(b);
  };
  const start = bound(node.from, 'min');
  const end = bound(node.to, 'max');
  const where = src.where.length ? ` WHERE ${andWhere(src.where)}` : '';
  const from =
    edges.length === 0
      ? src.from
      : `${src.from} ${fn.join('CROSS JOIN')} (SELECT ${edges.join(', ')} FROM ${src.from}${where}) AS ${ctx.alias('e')}`;

  // Layer 1: one row per group and bin.
  const taken = new Set<string>();
  const next = columnNamer(taken);
  const keys: Column[] = [];
  for (const b of node.by) {
    const { name, expr } = compileAssignment(ctx, rowScope, b, next);
    if (expr.type === 'dynamic') throw ctx.error('type-mismatch', 'cannot-group-dynamic', {}, b.pos);
    const unique = uniqueName(name, taken);
    taken.add(unique);
    keys.push(toColumn(unique, expr));
  }
  const bin: Column = { name: '_bin', type: 'long', sql: fn.cast(fn.floor(`(${ax} - ${start}) / ${stepSql}`), 'long'), atomic: true };
  const aggScope = { columns: src.columns, aggregates: true };
  const series: { name: string; value: Column; fill: string }[] = [];
  node.aggregates.forEach((a, i) => {
    const e = a.column.expr;
    if (e.kind !== 'Call' || !AGGREGATE_NAMES.has(e.name)) throw ctx.error('invalid-argument', 'series-aggregates', {}, a.column.pos);
    const outputs = aggregateOutputs(ctx, aggScope, e, []);
    if (outputs.length !== 1) throw ctx.error('invalid-argument', 'series-several-columns', { name: e.name }, a.column.pos);
    const { name: derived, expr: x } = outputs[0]!;
    if (!isNumeric(x.type)) throw ctx.error('type-mismatch', 'series-numbers', { type: x.type }, a.column.pos);
    const name = uniqueName(a.column.name !== undefined ? checkNewName(ctx, a.column.name, a.column.pos) : derived, taken);
    taken.add(name);
    const fill = a.fill === undefined ? '0' : compileExpr(ctx, rowScope, a.fill);
    if (typeof fill !== 'string' && !fill.constant) throw ctx.error('invalid-argument', 'series-default', {}, a.fill!.pos);
    series.push({
      name,
      // Counts typed as longs: ClickHouse's count() is a UInt64, which has no common type with a null long default.
      value: { name: `_v${i}`, type: x.type, sql: COUNTS.has(e.name) ? fn.cast(x.sql, 'long') : x.sql, atomic: true },
      fill: typeof fill === 'string' ? fill : fill.sql,
    });
  });
  const axisName = uniqueName(node.axis.kind === 'Name' ? node.axis.name : 'axis', taken);
  const one: Column = { name: '_g', type: 'long', sql: fn.integer(0), atomic: true };
  const first: Column = { name: '_start', type: 'real', sql: fn.min(start), atomic: true };
  const last: Column = { name: '_end', type: 'real', sql: fn.min(end), atomic: true };
  const grouped: SelectState = {
    from,
    columns: [...keys, one, first, last, bin, ...series.map((s) => s.value)],
    where: [...src.where, `${ax} >= ${start}`, `${ax} < ${end}`],
    groupBy: [...keys.map((k) => k.sql), bin.sql],
    distinct: false,
    orderBy: [],
    limit: undefined,
    sealed: false,
    star: false,
  };
  // Layer 2: per group, the bins and values as lists (a group exists only where it has rows, as in Kusto).
  const lists = wrap(ctx, grouped);
  const listed: SelectState = {
    ...lists,
    columns: [
      ...keys.map((k) => ({ ...k, sql: ctx.q(k.name), atomic: true })),
      { name: '_start', type: 'real', sql: fn.min(ctx.q('_start')), atomic: true },
      { name: '_end', type: 'real', sql: fn.min(ctx.q('_end')), atomic: true },
      { name: '_bins', type: 'dynamic', sql: fn.groupList(ctx.q('_bin')), atomic: true },
      ...series.map((s) => ({ name: s.value.name, type: 'dynamic' as const, sql: fn.groupList(ctx.q(s.value.name)), atomic: true })),
    ],
    groupBy: [...keys.map((k) => ctx.q(k.name)), ctx.q('_g')],
    star: false,
  };
  // Layer 3: the lists laid out over the steps.
  const laid = wrap(ctx, listed);
  // The axis of a long axis holds longs (the bounds were computed as reals).
  const whole = (x: string): string => (axis.type === 'long' || axis.type === 'int' ? fn.cast(x, 'long') : x);
  const n = `ceil((${ctx.q('_end')} - ${ctx.q('_start')}) / ${stepSql})`;
  const out: Column[] = [
    ...keys.map((k) => ({ ...k, sql: ctx.q(k.name), atomic: true })),
    ...series.map((s) => ({
      name: s.name,
      type: 'dynamic' as const,
      sql: fn.seriesFill(n, ctx.q('_bins'), ctx.q(s.value.name), s.fill),
      atomic: true,
    })),
    { name: axisName, type: 'dynamic', sql: fn.seriesRange(n, (i) => whole(`${ctx.q('_start')} + ${i} * ${stepSql}`), time), atomic: true },
  ];
  // Layer 4: the lists as JSON arrays.
  const json = wrap(ctx, { ...laid, columns: out, star: false });
  return {
    ...json,
    columns: json.columns.map((c) => (c.type === 'dynamic' ? { ...c, sql: fn.listJson(c.sql) } : c)),
    star: false,
  };
}
