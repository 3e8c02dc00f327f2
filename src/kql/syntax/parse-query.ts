/** Parses a whole KQL query: `let` statements, then one tabular expression. */
import type { ExprNode, LetNode, PipelineNode, QueryNode, SourceNode } from '../ast/index.js';
import { checkTreeDepth } from './tree-depth.js';
import { tokenize } from './lexer.js';
import { ExpressionParser } from './parse-expression.js';
import { parseOperator, unionTables } from './parse-operator.js';
import { parseDatatable, parseRange } from './parse-source.js';
import { startsPipeline, startsRange } from './starts-pipeline.js';
import { parseFunction, startsFunction } from './parse-function.js';
import { TokenStream, describe } from './token-stream.js';

/** Parse KQL text into a syntax tree; throws KqlError('syntax') with line and column. */
export function parseQuery(text: string): QueryNode {
  const ts = new TokenStream(text, tokenize(text));
  const ex = new ExpressionParser(ts, parsePipeline);
  const lets: LetNode[] = [];
  while (ts.isWord('let')) {
    const pos = ts.next().offset;
    const name = ts.expectName('let-name');
    ts.expectPunct('=');
    if (startsFunction(ts)) {
      lets.push({ kind: 'Let', name: name.text, value: parseFunction(ts, ex, parsePipeline), pos });
      ts.expectPunct(';');
      continue;
    }
    // materialize(T) caches T in Kusto; here it is T itself.
    const materialized = ts.isWord('materialize') && ts.isPunct('(', 1) && startsPipeline(ts, 2);
    if (materialized) ts.next();
    const value = startsPipeline(ts) ? parsePipeline(ts) : ex.expression();
    lets.push({ kind: 'Let', name: name.text, value, pos });
    ts.expectPunct(';');
  }
  if (ts.peek().kind === 'eof') throw ts.error('no-tabular-expression', {});
  const body = parsePipeline(ts);
  ts.acceptPunct(';');
  if (ts.peek().kind !== 'eof') throw ts.error('unexpected-after-query', { found: describe(ts.peek()) });
  const query: QueryNode = { kind: 'Query', lets, body, pos: 0 };
  checkTreeDepth(text, query);
  return query;
}

/** `source | op | op ...`. */
export function parsePipeline(ts: TokenStream): PipelineNode {
  return ts.nested(() => pipelineAt(ts));
}

function pipelineAt(ts: TokenStream): PipelineNode {
  const ex = new ExpressionParser(ts, parsePipeline);
  const pos = ts.peek().offset;
  let source: SourceNode;
  const t = ts.peek();
  if (t.kind === 'ident' && t.text === 'union') {
    ts.next();
    source = { kind: 'Union', ...unionTables(ts, parsePipeline), pos };
  } else if (t.kind === 'ident' && t.text === 'print') {
    ts.next();
    source = { kind: 'Print', columns: ex.assignments(), pos };
  } else if (t.kind === 'ident' && t.text === 'datatable' && ts.isPunct('(', 1)) {
    ts.next();
    source = parseDatatable(ts, ex, pos);
  } else if (t.kind === 'ident' && t.text === 'range' && startsRange(ts)) {
    ts.next();
    source = parseRange(ts, ex, pos);
  } else if (t.kind === 'punct' && t.text === '(') {
    ts.next();
    const inner = parsePipeline(ts);
    ts.expectPunct(')');
    return continuePipeline(ts, ex, inner);
  } else if (t.kind === 'ident' && ts.isPunct('(', 1)) {
    // A call of a tabular function defined by let.
    ts.next();
    ts.next();
    const args: ExprNode[] = [];
    if (!ts.isPunct(')')) {
      do args.push(ex.expression());
      while (ts.acceptPunct(','));
    }
    ts.expectPunct(')');
    source = { kind: 'TableRef', name: t.text, args, pos };
  } else if (t.kind === 'ident' || t.kind === 'bracketed') {
    ts.next();
    source = { kind: 'TableRef', name: t.text, pos };
  } else {
    throw ts.error('expected', { thing: 'table-name', found: describe(t) });
  }
  return continuePipeline(ts, ex, { kind: 'Pipeline', source, operators: [], pos });
}

function continuePipeline(ts: TokenStream, ex: ExpressionParser, p: PipelineNode): PipelineNode {
  const operators = [...p.operators];
  let source = p.source;
  if (operators.length > 0 && ts.isPunct('|')) {
    // `(T | where ...) | op`: keep it one pipeline by nesting the parenthesized part as a union of one.
    source = { kind: 'Union', tables: [p], pos: p.pos };
    operators.length = 0;
  }
  while (ts.acceptPunct('|')) operators.push(parseOperator(ts, ex, parsePipeline));
  return { kind: 'Pipeline', source, operators, pos: p.pos };
}
