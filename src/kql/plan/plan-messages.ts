/**
 * Distinct messages from the distinct-messages summary (MESSAGE_AGGREGATE in src/schema/aggregates.ts). Two
 * shapes, with no filter but `isnotnull(MessageTraceId)` (every stored row has an id):
 *
 *   MessageTrace | summarize dcount(MessageTraceId) [by <hour or day bin of Received>] | <anything>
 *   MessageTrace | summarize Received = min(Received) by MessageTraceId
 *                | summarize count() [by <hour or day bin of Received>] | <anything>     (or `| count`)
 *
 * The first counts a message in every bin it has a row in, the second once, in the bin of its first row in the
 * range. A summary row of hour h with Previous p (the message's last row before h) counts in h when no row of
 * the message lies in the same bin (dcount by bin) or the range (the first-row form) before h: when p is NULL or
 * before the range's start or (dcount by bin) before the bin's start. The partial hour at the range's start is
 * read from the rows whole; in the partial hour at its end, the rows give each message's first time there and the
 * summary its Previous.
 */
import { MESSAGE_STATE_AGGREGATE } from '../../schema/index.js';
import type { AssignmentNode, ExprNode, OperatorNode, QueryNode, SummarizeNode } from '../ast/index.js';
import { columnsRead } from './dimension-expr.js';
import { hourBin } from './summary-rewrite.js';

/** A matched query: the `by` time bin (on Received) if any, the output names, and what follows. */
export interface MessagesMatch {
  /** Count each message once per bin (dcount), or once in the range (first row). */
  readonly perBin: boolean;
  /** Its filters on Status and Direction, all to hold (none: every message counts). */
  readonly filters: readonly ExprNode[];
  readonly by: AssignmentNode | undefined;
  readonly name: string;
  readonly rest: readonly OperatorNode[];
}

const isName = (e: ExprNode | undefined, n: string) => e?.kind === 'Name' && e.name === n;

/** `isnotnull(MessageTraceId)`: true of every stored row. */
const idNotNull = (op: OperatorNode) =>
  op.kind === 'Where' &&
  op.predicate.kind === 'Call' &&
  op.predicate.name === 'isnotnull' &&
  isName(op.predicate.args[0], 'MessageTraceId');

/** `e` with every Name `from` made `to` (a plain copy of the AST). */
export function renamed<T>(e: T, from: string, to: string): T {
  if (Array.isArray(e)) return e.map((x: unknown) => renamed(x, from, to)) as T;
  if (e === null || typeof e !== 'object') return e;
  const node = e as Record<string, unknown>;
  if (node.kind === 'Name' && node.name === from) return { ...node, name: to } as T;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, renamed(v, from, to)])) as T;
}

/** The one `by` key, a time bin of `column` in whole hours (none is fine), made a bin of Received; false otherwise. */
function binBy(s: SummarizeNode, column: string): AssignmentNode | undefined | false {
  if (s.by.length === 0) return undefined;
  if (s.by.length > 1) return false;
  const b = s.by[0]!;
  const expr = renamed(b.expr, column, 'Received');
  // Unnamed, the key was named after the column: keep that name.
  return hourBin(expr) ? { ...b, name: b.name ?? column, expr } : false;
}

const single = (s: SummarizeNode, fn: string, arg: string | undefined): AssignmentNode | undefined => {
  const a = s.aggregates.length === 1 ? s.aggregates[0]! : undefined;
  if (a?.expr.kind !== 'Call' || a.expr.name !== fn) return undefined;
  const args = a.expr.args;
  return (arg === undefined ? args.length === 0 : args.length === 1 && isName(args[0], arg)) ? a : undefined;
};

/** The columns a filter of a planned distinct-messages query may read (MESSAGE_STATE_AGGREGATE's dimensions). */
const STATE_COLUMNS: ReadonlySet<string> = new Set(MESSAGE_STATE_AGGREGATE.dimensions);

/** A filter on Status and Direction only. */
function stateFilter(op: OperatorNode): ExprNode | undefined {
  if (op.kind !== 'Where') return undefined;
  const cols = columnsRead(op.predicate);
  return cols && [...cols].every((c) => STATE_COLUMNS.has(c)) ? op.predicate : undefined;
}

/** The query as one of the two shapes, or undefined. */
export function matchMessages(query: QueryNode): MessagesMatch | undefined {
  const body = query.body;
  if (query.lets.length > 0 || body.source.kind !== 'TableRef' || body.source.name !== 'MessageTrace' || body.source.args) return undefined;
  let i = 0;
  const ops = body.operators;
  const filters: ExprNode[] = [];
  for (; i < ops.length; i++) {
    const filter = idNotNull(ops[i]!) ? undefined : stateFilter(ops[i]!);
    if (filter) filters.push(filter);
    else if (!idNotNull(ops[i]!)) break;
  }
  const first = ops[i];
  if (first?.kind !== 'Summarize') return undefined;
  const dcount = single(first, 'dcount', 'MessageTraceId');
  if (dcount) {
    const by = binBy(first, 'Received');
    if (by === false) return undefined;
    return { perBin: by !== undefined, filters, by, name: dcount.name ?? 'dcount_MessageTraceId', rest: ops.slice(i + 1) };
  }
  // The first-row form: min(Received) per message, then messages counted (per bin of that time).
  const min = single(first, 'min', 'Received');
  if (
    !min ||
    first.by.length !== 1 ||
    !isName(first.by[0]!.expr, 'MessageTraceId') ||
    (first.by[0]!.name ?? 'MessageTraceId') !== 'MessageTraceId'
  )
    return undefined;
  const time = min.name ?? 'min_Received';
  const next = ops[i + 1];
  if (next?.kind === 'Count') return { perBin: false, filters, by: undefined, name: 'Count', rest: ops.slice(i + 2) };
  if (next?.kind !== 'Summarize') return undefined;
  const count = single(next, 'count', undefined);
  const by = binBy(next, time);
  if (!count || by === false) return undefined;
  return { perBin: false, filters, by, name: count.name ?? 'count_', rest: ops.slice(i + 2) };
}

/** The binding name of the summary inside a planned query (bound here only). */
export const MESSAGES = '__messages';
const COUNT = '__Messages';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The source of a matched query over the whole hours [a, b) of a range starting at `from`, with the rows of the
 * partial hours before `edgeA` and from `edgeB`: one row per hour or message (Received) with the messages it
 * counts (__Messages). `__bin(x)` stands for the query's time bin of x.
 */
export function messagesSourceText(m: MessagesMatch, from?: number, a?: number, b?: number, edgeA?: number, edgeB?: number): string {
  const counted = [
    'isnull(Previous)',
    from !== undefined ? `Previous < datetime(${iso(from)})` : '',
    m.perBin ? '__bin(Previous) < __bin(Received)' : '',
  ]
    .filter(Boolean)
    .join(' or ');
  const bounds = [a !== undefined ? `Received >= datetime(${iso(a)})` : '', b !== undefined ? `Received < datetime(${iso(b)})` : ''].filter(
    Boolean,
  );
  const firstPerMessage = 'summarize Received = min(Received) by MessageTraceId';
  const parts = [
    `${MESSAGES}${bounds.length > 0 ? ` | where ${bounds.join(' and ')}` : ''} | where ${counted} | project Received, ${COUNT} = Messages`,
    // Every message of the partial first hour has its first row of the range (and of its bin) there.
    edgeA !== undefined
      ? `MessageTrace | where Received < datetime(${iso(edgeA)}) | ${firstPerMessage} | project Received, ${COUNT} = 1`
      : '',
    edgeB !== undefined
      ? `MessageTrace | where Received >= datetime(${iso(edgeB)}) | ${firstPerMessage} | join kind=leftouter (${MESSAGES} | where Received == datetime(${iso(edgeB)}) and isnotnull(MessageTraceId) | project MessageTraceId, Previous) on MessageTraceId | where ${counted} | project Received, ${COUNT} = 1`
      : '',
  ].filter(Boolean);
  return parts.length === 1 ? parts[0]! : `union ${parts.map((p) => `(${p})`).join(', ')}`;
}

/** The binding name of the distinct-messages-by-state summary inside a planned query (bound here only). */
export const MESSAGE_STATES = '__message_states';

/**
 * The source of a matched query with filters, over the whole hours [a, b), with the rows of the partial hours
 * before `edgeA` and from `edgeB`: one row per hour or message (Received) with the messages it counts (__Messages).
 * A message with rows in one hour only is counted in that hour's entries of the states that pass the filters (an
 * entry once, whichever of its states pass); a message with rows in two hours or more, or in a partial hour, in the
 * hour (or, per bin, each bin) of its first entry or row that passes them. `__filter()` stands for the filters.
 */
export function messageStatesSourceText(m: MessagesMatch, a?: number, b?: number, edgeA?: number, edgeB?: number): string {
  const bounds = [a !== undefined ? `Received >= datetime(${iso(a)})` : '', b !== undefined ? `Received < datetime(${iso(b)})` : ''].filter(
    Boolean,
  );
  const summary = `${MESSAGE_STATES}${bounds.length > 0 ? ` | where ${bounds.join(' and ')}` : ''} | where __filter()`;
  const firsts = [
    `(${summary} | where isnotempty(MessageTraceId) | project Received, MessageTraceId)`,
    edgeA !== undefined
      ? `(MessageTrace | where Received < datetime(${iso(edgeA)}) | where __filter() | project Received, MessageTraceId)`
      : '',
    edgeB !== undefined
      ? `(MessageTrace | where Received >= datetime(${iso(edgeB)}) | where __filter() | project Received, MessageTraceId)`
      : '',
  ].filter(Boolean);
  const per = m.perBin ? 'by MessageTraceId, __Bin = __bin(Received)' : 'by MessageTraceId';
  return [
    'union',
    `(${summary} | where isempty(MessageTraceId) | summarize __Entry = max(Messages) by Received, States | project Received, ${COUNT} = __Entry),`,
    `(union ${firsts.join(', ')} | summarize Received = min(Received) ${per} | project Received, ${COUNT} = 1)`,
  ].join(' ');
}

/** `node` with each `__filter()` made the match's filters, all of them. */
export function withFilters<T>(node: T, m: MessagesMatch): T {
  if (Array.isArray(node)) return node.map((x: unknown) => withFilters(x, m)) as T;
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  if (n.kind === 'Call' && n.name === '__filter') {
    const pos = n.pos as number;
    return m.filters.reduce((all, f) => ({ kind: 'Binary', op: 'and', left: all, right: f, pos })) as T;
  }
  return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, withFilters(v, m)])) as T;
}

/** `node` with each `__bin(x)` made the match's time bin of x. */
export function withBins<T>(node: T, m: MessagesMatch): T {
  if (Array.isArray(node)) return node.map((x: unknown) => withBins(x, m)) as T;
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  if (n.kind === 'Call' && n.name === '__bin' && m.by) {
    const arg = (n.args as ExprNode[])[0]!;
    return renamed(m.by.expr, 'Received', arg.kind === 'Name' ? arg.name : 'Received') as T;
  }
  return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, withBins(v, m)])) as T;
}

/** The summarize that adds up the source's counts, under the query's names. */
export function messagesSummarize(m: MessagesMatch, pos: number): SummarizeNode {
  const name = (n: string): ExprNode => ({ kind: 'Name', name: n, bracketed: false, pos });
  const sum: ExprNode = { kind: 'Call', name: 'sum', args: [name(COUNT)], pos };
  const expr: ExprNode = { kind: 'Call', name: 'coalesce', args: [sum, { kind: 'Literal', type: 'long', value: 0, pos }], pos };
  return { kind: 'Summarize', aggregates: [{ kind: 'Assignment', name: m.name, expr, pos }], by: m.by ? [m.by] : [], pos };
}
