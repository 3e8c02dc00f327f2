/** Column operators: project, extend, project-away, project-rename, parse, mv-expand. */
import type {
  ExtendNode,
  MvExpandNode,
  ParseNode,
  ProjectAwayNode,
  ProjectKeepNode,
  ProjectNode,
  ProjectRenameNode,
  ProjectReorderNode,
  SerializeNode,
} from '../ast/index.js';
import { derivedName, columnNamer, uniqueName } from '../semantic/naming.js';
import { suggest } from '../semantic/suggest.js';
import { checkNewName, toColumn } from './columns.js';
import type { CompileContext } from './context.js';
import { compileAssignments } from './multi-column.js';
import { compileExpr } from './expression.js';
import { canCompute, canFilter, ensure, tooLongToInline, wrap } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import { escapeRegex } from './string-predicates.js';
import { windowCollector, withWindowRows } from './window-columns.js';
import type { WindowCollector } from './window-columns.js';

const plainSelect = (s: SelectState): boolean => !s.distinct && !s.sealed;

/** `project`. */
export function compileProject(ctx: CompileContext, state: SelectState, node: ProjectNode): SelectState {
  const computes = node.columns.some((a) => a.expr.kind !== 'Name');
  const s = ensure(ctx, state, computes ? canCompute : plainSelect);
  const found = windowCollector(ctx);
  const columns = projectColumns(ctx, s, node, found);
  return withWindowRows(ctx, s, found, (base, windows) => projectColumns(ctx, base, node, windows)) ?? { ...s, columns, star: false };
}

function projectColumns(ctx: CompileContext, s: SelectState, node: ProjectNode, windows: WindowCollector): Column[] {
  const taken = new Set<string>();
  const next = columnNamer(new Set(node.columns.map((a) => a.name ?? derivedName(a.expr)).filter((n): n is string => n !== undefined)));
  return node.columns.flatMap((a) =>
    compileAssignments(ctx, { columns: s.columns, aggregates: false, order: s.orderBy, windows }, a, next).map((compiled) => {
      const given = a.name ?? (a.names ? compiled.name : undefined);
      if (given !== undefined && taken.has(given)) throw ctx.error('invalid-name', 'projected-twice', { name: given }, a.pos);
      // A derived name that is taken gets a suffix, as in KQL (Size, Size1).
      const name = given ?? uniqueName(compiled.name, taken);
      taken.add(name);
      return toColumn(name, compiled.expr);
    }),
  );
}

/** `extend`: later assignments see earlier ones; a known name is replaced in place. */
export function compileExtend(ctx: CompileContext, state: SelectState, node: ExtendNode): SelectState {
  const s = ensure(ctx, state, canCompute);
  const found = windowCollector(ctx);
  const extended = extendColumns(ctx, s, node, found, true);
  return withWindowRows(ctx, s, found, (base, windows) => extendColumns(ctx, base, node, windows, false).columns) ?? extended;
}

function extendColumns(
  ctx: CompileContext,
  state: SelectState,
  node: ExtendNode,
  windows: WindowCollector,
  wrapLong: boolean,
): SelectState {
  let s = state;
  let columns: Column[] = [...s.columns];
  const next = columnNamer(new Set(columns.map((c) => c.name)));
  for (const a of node.columns) {
    // A long computed column is read by the assignments after it from a new SELECT layer, not copied into them
    // (not over the rows of window calls, which read the columns of one SELECT).
    if (wrapLong && windows.uses.length === 0 && columns.some(tooLongToInline)) {
      s = wrap(ctx, { ...s, columns, star: false });
      columns = [...s.columns];
    }
    const scope = { columns, aggregates: false, order: s.orderBy, windows };
    for (const { name, expr } of compileAssignments(ctx, scope, a, next)) {
      const col = toColumn(name, expr);
      const at = columns.findIndex((c) => c.name === name);
      columns = at >= 0 ? columns.map((c, i) => (i === at ? col : c)) : [...columns, col];
    }
  }
  return { ...s, columns, star: false };
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
}

/** `serialize [Name = expr, ...]`: the rows keep their order; new columns as in extend. */
export function compileSerialize(ctx: CompileContext, state: SelectState, node: SerializeNode): SelectState {
  return node.columns.length === 0 ? state : compileExtend(ctx, state, { kind: 'Extend', columns: node.columns, pos: node.pos });
}

/** The columns matching each pattern, in the patterns' order (each column once); unknown plain names are errors. */
function matching(ctx: CompileContext, columns: readonly Column[], patterns: ProjectAwayNode['patterns']): Column[] {
  const out: Column[] = [];
  for (const p of patterns) {
    if (!p.pattern.includes('*') && !columns.some((c) => c.name === p.pattern)) {
      throw ctx.error(
        'unknown-column',
        'unknown-column',
        {
          name: p.pattern,
          suggestion: suggest(
            p.pattern,
            columns.map((c) => c.name),
          ),
        },
        p.pos,
      );
    }
    const re = wildcard(p.pattern);
    for (const c of columns) if (re.test(c.name) && !out.includes(c)) out.push(c);
  }
  return out;
}

/** `project-keep`: the matching columns in their current order. */
export function compileProjectKeep(ctx: CompileContext, state: SelectState, node: ProjectKeepNode): SelectState {
  const s = ensure(ctx, state, plainSelect);
  const keep = new Set(matching(ctx, s.columns, node.patterns));
  return { ...s, columns: s.columns.filter((c) => keep.has(c)), star: false };
}

/** `project-reorder`: the matching columns first, in the patterns' order, then the others. */
export function compileProjectReorder(ctx: CompileContext, state: SelectState, node: ProjectReorderNode): SelectState {
  const s = ensure(ctx, state, plainSelect);
  const first = matching(ctx, s.columns, node.patterns);
  return { ...s, columns: [...first, ...s.columns.filter((c) => !first.includes(c))], star: false };
}

/** `project-away`. */
export function compileProjectAway(ctx: CompileContext, state: SelectState, node: ProjectAwayNode): SelectState {
  const s = ensure(ctx, state, plainSelect);
  const away = new Set(matching(ctx, s.columns, node.patterns));
  return { ...s, columns: s.columns.filter((c) => !away.has(c)), star: false };
}

/** `project-rename`. */
export function compileProjectRename(ctx: CompileContext, state: SelectState, node: ProjectRenameNode): SelectState {
  const s = ensure(ctx, state, plainSelect);
  let columns = [...s.columns];
  for (const r of node.renames) {
    const at = columns.findIndex((c) => c.name === r.from);
    if (at < 0)
      throw ctx.error(
        'unknown-column',
        'unknown-column',
        {
          name: r.from,
          suggestion: suggest(
            r.from,
            columns.map((c) => c.name),
          ),
        },
        r.pos,
      );
    const to = checkNewName(ctx, r.to, r.pos);
    columns = columns.filter((c) => c.name !== to || c.name === r.from).map((c) => (c.name === r.from ? { ...c, name: to } : c));
  }
  return { ...s, columns, star: false };
}

/** `parse expr with "text" Col:type * ...` (simple mode): unmatched rows get '' (strings) or null. */
export function compileParse(ctx: CompileContext, state: SelectState, node: ParseNode): SelectState {
  const s = ensure(ctx, state, node.filter ? (st) => canCompute(st) && canFilter(st) : canCompute);
  const fn = ctx.dialect.fn;
  const source = compileExpr(ctx, { columns: s.columns, aggregates: false }, node.source);
  const text = source.type === 'string' ? source.sql : `coalesce(${fn.cast(source.sql, 'string')}, '')`;
  let pattern = '(?s)';
  const extracted: { name: string; type: Column['type']; group: number }[] = [];
  node.parts.forEach((p, i) => {
    if (p.kind === 'text') pattern += node.mode === 'regex' ? p.text : escapeRegex(p.text);
    else if (p.kind === 'star') pattern += '.*?';
    else {
      extracted.push({ name: checkNewName(ctx, p.name, p.pos), type: p.type, group: extracted.length + 1 });
      pattern += i === node.parts.length - 1 ? '(.*)' : '(.*?)';
    }
  });
  const re = ctx.param(pattern, 'string');
  let columns: Column[] = [...s.columns];
  for (const x of extracted) {
    const raw = fn.regexExtract(text, re, x.group);
    const sql = x.type === 'string' ? raw : fn.tryCast(`nullif(${raw}, '')`, x.type);
    const col: Column = { name: x.name, type: x.type, sql, atomic: true };
    const at = columns.findIndex((c) => c.name === x.name);
    columns = at >= 0 ? columns.map((c, i) => (i === at ? col : c)) : [...columns, col];
  }
  const where = node.filter ? [...s.where, fn.regexMatches(text, re)] : s.where;
  return { ...s, columns, where, star: false };
}

/** `mv-expand`: one row per array element (several arrays side by side); the rest of the pipeline reads it as a subquery. */
export function compileMvExpand(ctx: CompileContext, state: SelectState, node: MvExpandNode): SelectState {
  const s = ensure(ctx, state, (st) => canCompute(st) && st.limit === undefined);
  const fn = ctx.dialect.fn;
  const scope = { columns: s.columns, aggregates: false };
  const items = node.items.map((item) => {
    const e = compileExpr(ctx, scope, item.column.expr);
    if (e.type !== 'dynamic')
      throw ctx.error('type-mismatch', 'needs-dynamic-array', { operator: 'mv-expand', type: e.type }, item.column.pos);
    const name = item.column.name !== undefined ? checkNewName(ctx, item.column.name, item.column.pos) : derivedName(item.column.expr);
    if (name === undefined)
      throw ctx.error('invalid-argument', 'name-expanded-column', { example: 'mv-expand Name = expr' }, item.column.pos);
    return { name, type: item.toType ?? 'dynamic', sql: e.sql };
  });
  const plain = items.length === 1 && node.itemIndex === undefined && node.limit === undefined && node.bagExpansion === 'bag';
  const unnested = plain
    ? [fn.unnestJson(items[0]!.sql, items[0]!.type !== 'dynamic')]
    : fn.unnestJsonZip(
        items.map((i) => ({ sql: i.sql, asText: i.type !== 'dynamic', pairs: node.bagExpansion === 'array' })),
        node.itemIndex !== undefined,
        node.limit,
      );
  if (unnested === undefined)
    throw ctx.error(
      'unsupported',
      'feature-not-on-engine',
      { feature: `mv-expand ${node.bagExpansion === 'array' ? 'kind=array' : 'of several arrays'}`, engine: ctx.dialect.name },
      node.pos,
    );
  // mv-expand w = split(s, d) to typeof(string): the parts themselves, without a JSON array per row in between.
  const call = node.items[0]!.column.expr;
  if (
    plain &&
    items[0]!.type === 'string' &&
    call.kind === 'Call' &&
    call.name === 'split' &&
    call.args.length === 2 &&
    !ctx.bindings.has('split')
  ) {
    const [text, delimiter] = call.args.map((a) => compileExpr(ctx, scope, a));
    if (text!.type === 'string' && delimiter!.type === 'string') unnested[0] = fn.unnestSplit(text!.sql, delimiter!.sql);
  }
  const added: Column[] = items.map((item, i) => {
    const sql = item.type !== 'dynamic' && item.type !== 'string' ? fn.tryCast(unnested[i]!, item.type) : unnested[i]!;
    return { name: item.name, type: item.type, sql, atomic: true };
  });
  if (node.itemIndex !== undefined) {
    const name = checkNewName(ctx, node.itemIndex, node.pos);
    added.push({ name, type: 'long', sql: unnested[items.length]!, atomic: true });
  }
  let columns = s.columns;
  for (const col of added) {
    const at = columns.findIndex((c) => c.name === col.name);
    columns = at >= 0 ? columns.map((c, i) => (i === at ? col : c)) : [...columns, col];
  }
  return { ...s, columns, star: false, sealed: true };
}
