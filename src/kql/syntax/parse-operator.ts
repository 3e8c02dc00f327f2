/** Parses one tabular operator after a `|` (where, project, summarize, join, ...). */
import type { ExprNode, JoinKey, JoinKind, OperatorNode, ParsePart, PipelineNode, SortKeyNode } from '../ast/index.js';
import type { ExpressionParser, PipelineParser } from './parse-expression.js';
import type { TokenStream } from './token-stream.js';
import { describe } from './token-stream.js';
import { own } from '../own.js';
import { kqlError } from '../kql-error.js';
import { suggest } from '../semantic/suggest.js';
import { positionOf } from './position.js';
import { MORE_OPERATOR_NAMES, parseMoreOperator } from './parse-more-operators.js';
import { parseMvExpand } from './parse-mv-expand.js';
import { typeName } from './parse-type.js';

const JOIN_KINDS = new Set<string>([
  'innerunique',
  'inner',
  'leftouter',
  'leftanti',
  'leftsemi',
  'rightouter',
  'rightanti',
  'rightsemi',
  'fullouter',
  'anti',
  'leftantisemi',
  'rightantisemi',
  'semi',
]);
const JOIN_ALIASES: Readonly<Record<string, JoinKind>> = {
  anti: 'leftanti',
  leftantisemi: 'leftanti',
  rightantisemi: 'rightanti',
  semi: 'leftsemi',
};

/** Kusto's tabular operators that this engine does not compile (yet): named as such, not as unknown. */
const KUSTO_ONLY_OPERATORS = new Set([
  'top-hitters',
  'parse-kv',
  'fork',
  'facet',
  'invoke',
  'scan',
  'sample',
  'sample-distinct',
  'getschema',
  'partition',
  'reduce',
  'find',
  'externaldata',
  'consume',
  'range',
  'print',
  'datatable',
  'extend-columns',
  'project-smart',
  'macro-expand',
  'graph-match',
]);

/** The operators this parser knows, for completion and "did you mean". */
export const OPERATOR_NAMES = [
  'where',
  'filter',
  'project',
  'project-away',
  'project-rename',
  'project-keep',
  'project-reorder',
  'serialize',
  'extend',
  'summarize',
  'order',
  'sort',
  'top',
  'take',
  'limit',
  'count',
  'distinct',
  'join',
  'lookup',
  'union',
  'mv-expand',
  'parse',
  'parse-where',
  'search',
  'render',
  'as',
  ...MORE_OPERATOR_NAMES,
] as const;

/** Parse the operator at the cursor. */
export function parseOperator(ts: TokenStream, ex: ExpressionParser, pipeline: PipelineParser): OperatorNode {
  const t = ts.next();
  const pos = t.offset;
  if (t.kind !== 'ident') throw ts.error('expected', { thing: 'operator', found: describe(t) }, pos);
  switch (t.text) {
    case 'where':
    case 'filter': {
      const predicate = ex.expression();
      if (ts.isPunct('=')) throw ts.error('use-double-equals', {});
      return { kind: 'Where', predicate, pos };
    }
    case 'project':
      return { kind: 'Project', columns: ex.assignments(), pos };
    case 'extend':
      return { kind: 'Extend', columns: ex.assignments(), pos };
    case 'project-away': {
      const patterns: { pattern: string; pos: number }[] = [];
      do patterns.push(namePattern(ts));
      while (ts.acceptPunct(','));
      return { kind: 'ProjectAway', patterns, pos };
    }
    case 'project-keep':
    case 'project-reorder': {
      const patterns: { pattern: string; pos: number }[] = [];
      do {
        patterns.push(namePattern(ts));
        // project-reorder's asc/desc ordering of wildcard matches is not supported; the matches keep their order.
        if (t.text === 'project-reorder' && (ts.isWord('asc') || ts.isWord('desc') || ts.isWord('granny-asc') || ts.isWord('granny-desc')))
          throw ts.error('feature-not-supported', { feature: `project-reorder ${ts.peek().text}` });
      } while (ts.acceptPunct(','));
      return { kind: t.text === 'project-keep' ? 'ProjectKeep' : 'ProjectReorder', patterns, pos };
    }
    case 'serialize':
      return { kind: 'Serialize', columns: ts.isPunct('|') || ts.peek().kind === 'eof' || ts.isPunct(')') ? [] : ex.assignments(), pos };
    case 'project-rename': {
      const renames: { to: string; from: string; pos: number }[] = [];
      do {
        const to = ts.expectName('new-column-name');
        ts.expectPunct('=');
        const from = ts.expectName('column-name');
        renames.push({ to: to.text, from: from.text, pos: from.offset });
      } while (ts.acceptPunct(','));
      return { kind: 'ProjectRename', renames, pos };
    }
    case 'summarize': {
      const aggregates = ts.isWord('by') || ts.isPunct('|') || ts.peek().kind === 'eof' ? [] : ex.assignments();
      const by = ts.acceptWord('by') ? ex.assignments() : [];
      return { kind: 'Summarize', aggregates, by, pos };
    }
    case 'order':
    case 'sort':
      ts.expectWord('by');
      return { kind: 'Sort', keys: sortKeys(ts, ex), pos };
    case 'top': {
      const count = ex.expression();
      ts.expectWord('by');
      return { kind: 'Top', count, keys: sortKeys(ts, ex), pos };
    }
    case 'take':
    case 'limit':
      return { kind: 'Take', count: ex.expression(), pos };
    case 'count':
      return { kind: 'Count', pos };
    case 'distinct':
      if (ts.acceptPunct('*')) return { kind: 'Distinct', columns: undefined, pos };
      return { kind: 'Distinct', columns: ex.assignments(), pos };
    case 'join':
      return parseJoin(ts, pipeline, pos);
    case 'lookup':
      return parseJoin(ts, pipeline, pos, true);
    case 'union':
      return { kind: 'Union', ...unionTables(ts, pipeline), pos };
    case 'mv-expand':
      return parseMvExpand(ts, ex, pos);
    case 'parse':
    case 'parse-where':
      return parseParse(ts, ex, pos, t.text === 'parse-where');
    case 'search': {
      if (ts.peek().kind !== 'string') throw ts.error('search-one-term', {});
      return { kind: 'Search', term: ts.next().text, pos };
    }
    case 'render': {
      const visualization = ts.expectName('visualization').text;
      const props: Record<string, unknown> = {};
      if (ts.acceptWord('with')) {
        ts.expectPunct('(');
        do {
          const key = ts.expectName('property-name').text;
          ts.expectPunct('=');
          Object.defineProperty(props, key, { value: renderValue(ts, ex), enumerable: true, writable: true, configurable: true });
        } while (ts.acceptPunct(','));
        ts.expectPunct(')');
      }
      return { kind: 'Render', visualization, props, pos };
    }
    case 'as':
      return { kind: 'As', name: ts.expectName('name').text, pos };
    case 'make-series':
    case 'top-nested':
    case 'mv-apply':
    case 'evaluate':
      return parseMoreOperator(t.text, ts, ex, (s) => parseOperator(s, ex, pipeline), pos);
    default:
      if (KUSTO_ONLY_OPERATORS.has(t.text)) {
        throw kqlError('unsupported', 'operator-not-supported', { name: t.text }, positionOf(ts.text, pos));
      }
      throw ts.error('unknown-operator', { name: t.text, suggestion: suggest(t.text, OPERATOR_NAMES) }, pos);
  }
}

/** A column name, possibly with `*` wildcards (Sender*). */
function namePattern(ts: TokenStream): { pattern: string; pos: number } {
  const first = ts.peek();
  let pattern = '';
  let end = first.offset;
  while (
    (ts.peek().kind === 'ident' || ts.isPunct('*') || ts.peek().kind === 'bracketed') &&
    (pattern === '' || ts.peek().offset === end)
  ) {
    const t = ts.next();
    pattern += t.text;
    end = t.end;
  }
  if (pattern === '') throw ts.error('expected', { thing: 'column-name', found: describe(first) });
  return { pattern, pos: first.offset };
}

function sortKeys(ts: TokenStream, ex: ExpressionParser): SortKeyNode[] {
  const keys: SortKeyNode[] = [];
  do {
    const pos = ts.peek().offset;
    const expr = ex.expression();
    let descending = true;
    if (ts.acceptWord('asc')) descending = false;
    else ts.acceptWord('desc');
    let nulls: 'first' | 'last' | undefined;
    if (ts.acceptWord('nulls')) {
      if (ts.acceptWord('first')) nulls = 'first';
      else {
        ts.expectWord('last');
        nulls = 'last';
      }
    }
    keys.push({ kind: 'SortKey', expr, descending, nulls, pos });
  } while (ts.acceptPunct(','));
  return keys;
}

/** A parenthesized pipeline or a bare table name. */
function tabularArgument(ts: TokenStream, pipeline: PipelineParser): PipelineNode {
  if (ts.acceptPunct('(')) {
    const p = pipeline(ts);
    ts.expectPunct(')');
    return p;
  }
  const name = ts.expectName('table-or-query');
  return { kind: 'Pipeline', source: { kind: 'TableRef', name: name.text, pos: name.offset }, operators: [], pos: name.offset };
}

function parseJoin(ts: TokenStream, pipeline: PipelineParser, pos: number, lookup = false): OperatorNode {
  let joinKind: JoinKind = lookup ? 'leftouter' : 'innerunique';
  while (ts.peek().kind === 'ident' && ts.isPunct('=', 1)) {
    const key = ts.next();
    ts.next();
    const value = ts.expectName('value');
    if (key.text === 'kind') {
      if (!JOIN_KINDS.has(value.text) || (lookup && value.text !== 'inner' && value.text !== 'leftouter')) {
        const kinds = lookup
          ? 'leftouter or inner'
          : 'inner, innerunique, leftouter, leftanti, leftsemi, rightouter, rightanti, rightsemi or fullouter';
        throw ts.error('unsupported-join-kind', { operator: lookup ? 'lookup' : 'join', kind: value.text, kinds }, value.offset);
      }
      joinKind = own(JOIN_ALIASES, value.text) ?? (value.text as JoinKind);
    } else if (!key.text.startsWith('hint.')) {
      throw ts.error('unknown-join-parameter', { name: key.text }, key.offset);
    }
  }
  const right = tabularArgument(ts, pipeline);
  ts.expectWord('on');
  const on: JoinKey[] = [];
  do {
    const at = ts.peek();
    if (at.kind === 'ident' && at.text === '$left') {
      ts.next();
      ts.expectPunct('.');
      const left = ts.expectName('left-column').text;
      ts.expectPunct('==');
      ts.expectWord('$right');
      ts.expectPunct('.');
      const r = ts.expectName('right-column').text;
      on.push({ left, right: r, pos: at.offset });
    } else {
      const name = ts.expectName('join-column').text;
      on.push({ left: name, right: name, pos: at.offset });
    }
  } while (ts.acceptPunct(','));
  return lookup ? { kind: 'Join', joinKind, right, on, lookup, pos } : { kind: 'Join', joinKind, right, on, pos };
}

/** The comma-separated tables of `union`. */
export function unionTables(ts: TokenStream, pipeline: PipelineParser): { tables: PipelineNode[]; withSource?: string } {
  let withSource: string | undefined;
  while (ts.peek().kind === 'ident' && ts.isPunct('=', 1)) {
    const key = ts.next();
    ts.next();
    const value = ts.next();
    if (key.text === 'withsource') withSource = value.text;
    else if (key.text === 'isfuzzy' && (value.text === 'true' || value.text === 'false')) continue;
    else if (key.text !== 'kind' || value.text !== 'outer')
      throw ts.error('unsupported-union-parameter', { name: key.text, value: value.text }, key.offset);
  }
  const tables: PipelineNode[] = [];
  do tables.push(tabularArgument(ts, pipeline));
  while (ts.acceptPunct(','));
  return withSource === undefined ? { tables } : { tables, withSource };
}

function parseParse(ts: TokenStream, ex: ExpressionParser, pos: number, filter: boolean): OperatorNode {
  let mode: 'simple' | 'regex' = 'simple';
  if (ts.isWord('kind') && ts.isPunct('=', 1)) {
    ts.next();
    ts.next();
    const k = ts.expectName('parse-kind');
    if (k.text !== 'simple' && k.text !== 'regex') throw ts.error('parse-kind-not-supported', { kind: k.text }, k.offset);
    mode = k.text;
    if (ts.isWord('flags') && ts.isPunct('=', 1)) throw ts.error('feature-not-supported', { feature: 'parse flags=' });
  }
  const source: ExprNode = ex.expression();
  ts.expectWord('with');
  const parts: ParsePart[] = [];
  for (;;) {
    const t = ts.peek();
    if (t.kind === 'string') {
      ts.next();
      parts.push({ kind: 'text', text: t.text });
    } else if (ts.acceptPunct('*')) {
      parts.push({ kind: 'star' });
    } else if (t.kind === 'ident' || t.kind === 'bracketed') {
      ts.next();
      const type = ts.acceptPunct(':') ? typeName(ts) : 'string';
      parts.push({ kind: 'column', name: t.text, type, pos: t.offset });
    } else {
      break;
    }
  }
  if (!parts.some((p) => p.kind === 'column')) throw ts.error('parse-needs-column', {}, pos);
  return { kind: 'Parse', source, parts, mode, filter, pos };
}

function renderValue(ts: TokenStream, ex: ExpressionParser): unknown {
  const t = ts.peek();
  if (t.kind === 'ident' && !ts.isPunct('(', 1)) {
    ts.next();
    if (t.text === 'true' || t.text === 'false') return t.text === 'true';
    return t.text;
  }
  if (ts.acceptPunct('(')) {
    const items: unknown[] = [];
    do items.push(renderValue(ts, ex));
    while (ts.acceptPunct(','));
    ts.expectPunct(')');
    return items;
  }
  const e = ex.expression();
  if (e.kind === 'Literal') return e.value;
  if (e.kind === 'Unary' && e.operand.kind === 'Literal' && typeof e.operand.value === 'number') return -e.operand.value;
  throw ts.error('render-constant-properties', {}, t.offset);
}
