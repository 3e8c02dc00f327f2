/** Parses the operators that build series, hierarchies and per-row subqueries: make-series, top-nested, mv-apply, evaluate. */
import type { ColumnType } from '../../schema/index.js';
import type { ExprNode, OperatorNode } from '../ast/index.js';
import type { MvApplyItem } from '../ast/mv-apply-node.js';
import type { SeriesAggregate } from '../ast/make-series-node.js';
import type { TopNestedLevel } from '../ast/top-nested-node.js';
import { parseExpandItems, parseItemIndex, parseRowLimit } from './parse-mv-expand.js';
import type { ExpressionParser } from './parse-expression.js';
import type { TokenStream } from './token-stream.js';
import { typeName } from './parse-type.js';

/** Parses one operator after a `|` (handed in: parse-operator.ts imports this file). */
export type OperatorParser = (ts: TokenStream) => OperatorNode;

/** The operators this file parses. */
export const MORE_OPERATOR_NAMES = ['make-series', 'top-nested', 'mv-apply', 'evaluate'] as const;

/** Parse one of MORE_OPERATOR_NAMES (its name already consumed at `pos`). */
export function parseMoreOperator(
  name: string,
  ts: TokenStream,
  ex: ExpressionParser,
  operator: OperatorParser,
  pos: number,
): OperatorNode {
  switch (name) {
    case 'make-series':
      return parseMakeSeries(ts, ex, pos);
    case 'top-nested':
      return parseTopNested(ts, ex, pos);
    case 'mv-apply':
      return parseMvApply(ts, ex, operator, pos);
    default:
      return parseEvaluate(ts, ex, pos);
  }
}

function parseMakeSeries(ts: TokenStream, ex: ExpressionParser, pos: number): OperatorNode {
  if (ts.peek().kind === 'ident' && ts.isPunct('=', 1) && (ts.isWord('kind') || ts.peek().text.startsWith('hint.')))
    throw ts.error('feature-not-supported', { feature: `make-series ${ts.peek().text}=` });
  const aggregates: SeriesAggregate[] = [];
  do {
    const column = ex.assignment();
    let fill: ExprNode | undefined;
    if (ts.acceptWord('default')) {
      ts.expectPunct('=');
      fill = ex.expression();
    }
    aggregates.push({ column, fill });
  } while (ts.acceptPunct(','));
  ts.expectWord('on');
  const axis = ex.expression();
  if (ts.isWord('in')) throw ts.error('make-series-in-range', {});
  const from = ts.acceptWord('from') ? ex.expression() : undefined;
  const to = ts.acceptWord('to') ? ex.expression() : undefined;
  ts.expectWord('step');
  const step = ex.expression();
  const by = ts.acceptWord('by') ? ex.assignments() : [];
  return { kind: 'MakeSeries', aggregates, axis, from, to, step, by, pos };
}

function parseTopNested(ts: TokenStream, ex: ExpressionParser, pos: number): OperatorNode {
  const levels: TopNestedLevel[] = [];
  let at = pos;
  for (;;) {
    let count: number | undefined;
    if (!ts.isWord('of')) {
      const t = ts.next();
      if (t.kind !== 'number' || !/^\d+$/.test(t.text)) throw ts.error('top-nested-count', {}, t.offset);
      count = Number(t.text);
    }
    ts.expectWord('of');
    const key = ex.assignment();
    let others: ExprNode | undefined;
    if (ts.acceptWord('with')) {
      ts.expectWord('others');
      ts.expectPunct('=');
      others = ex.expression();
    }
    ts.expectWord('by');
    const aggregate = ex.assignment();
    let descending = true;
    if (ts.acceptWord('asc')) descending = false;
    else ts.acceptWord('desc');
    levels.push({ count, key, others, aggregate, descending, pos: at });
    if (!ts.isPunct(',') || !ts.isWord('top-nested', 1)) break;
    ts.next();
    at = ts.next().offset;
  }
  return { kind: 'TopNested', levels, pos };
}

function parseMvApply(ts: TokenStream, ex: ExpressionParser, operator: OperatorParser, pos: number): OperatorNode {
  const itemIndex = parseItemIndex(ts);
  const items: MvApplyItem[] = parseExpandItems(ts, ex);
  const limit = parseRowLimit(ts);
  ts.expectWord('on');
  ts.expectPunct('(');
  // The subquery has no source of its own: its operators read each row's expanded elements.
  const operators = [operator(ts)];
  while (ts.acceptPunct('|')) operators.push(operator(ts));
  ts.expectPunct(')');
  return { kind: 'MvApply', items, itemIndex, limit, operators, pos };
}

function parseEvaluate(ts: TokenStream, ex: ExpressionParser, pos: number): OperatorNode {
  while (ts.peek().kind === 'ident' && ts.isPunct('=', 1) && ts.peek().text.startsWith('hint.')) {
    ts.next();
    ts.next();
    ts.next();
  }
  const plugin = ts.expectName('plugin-name');
  if (plugin.text !== 'bag_unpack' && plugin.text !== 'pivot')
    throw ts.error('evaluate-plugin-not-supported', { plugin: plugin.text }, plugin.offset);
  ts.expectPunct('(');
  const args: ExprNode[] = [];
  if (!ts.isPunct(')')) {
    do args.push(ex.expression());
    while (ts.acceptPunct(','));
  }
  ts.expectPunct(')');
  let schema: { name: string; type: ColumnType }[] | undefined;
  if (ts.acceptPunct(':')) {
    ts.expectPunct('(');
    schema = [];
    do {
      if (ts.acceptPunct('*')) throw ts.error('schema-star', {});
      const name = ts.expectName('column-name').text;
      ts.expectPunct(':');
      schema.push({ name, type: typeName(ts) });
    } while (ts.acceptPunct(','));
    ts.expectPunct(')');
  }
  return { kind: 'Evaluate', plugin: plugin.text, args, schema, pos };
}
