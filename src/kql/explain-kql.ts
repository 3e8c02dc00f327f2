/** A plain-English explanation of a KQL query, for tooltips and alert texts. */
import type { ExprNode, OperatorNode, PipelineNode, SortKeyNode } from './ast/index.js';
import { parseQuery } from './syntax/parse-query.js';

/** One sentence per step of the query, e.g. "Take rows of MessageTrace. Keep rows where Size > 1000." */
export function explainKql(text: string): string {
  const q = parseQuery(text);
  const lets = q.lets.map((l) => {
    const v = l.value;
    if (v.kind === 'Function') return `Let ${l.name}(${v.params.map((p) => p.name).join(', ')}) be a function.`;
    return `Let ${l.name} be ${v.kind === 'Pipeline' ? `the rows of: ${pipeline(v)}` : expr(v)}.`;
  });
  return [...lets, pipeline(q.body)].join(' ');
}

function pipeline(p: PipelineNode): string {
  const src = p.source;
  const first =
    src.kind === 'TableRef'
      ? `Take rows of ${src.name}.`
      : src.kind === 'Union'
        ? `Take rows of ${src.tables.map((t) => (t.source.kind === 'TableRef' && t.operators.length === 0 ? t.source.name : `(${pipeline(t)})`)).join(' and ')}.`
        : src.kind === 'Print'
          ? `Print ${src.columns.map((c) => c.name ?? expr(c.expr)).join(', ')}.`
          : src.kind === 'Datatable'
            ? `Take the ${src.values.length / src.columns.length} rows written in the query.`
            : `Count ${src.name} from ${expr(src.from)} to ${expr(src.to)} in steps of ${expr(src.step)}.`;
  return [first, ...p.operators.map(operator)].join(' ');
}

function keys(k: readonly SortKeyNode[]): string {
  return k.map((x) => `${expr(x.expr)} ${x.descending ? 'descending' : 'ascending'}`).join(', ');
}

function operator(op: OperatorNode): string {
  switch (op.kind) {
    case 'Where':
      return `Keep rows where ${expr(op.predicate)}.`;
    case 'Project':
      return `Keep the columns ${op.columns.map((c) => c.name ?? expr(c.expr)).join(', ')}.`;
    case 'ProjectAway':
      return `Drop the columns ${op.patterns.map((p) => p.pattern).join(', ')}.`;
    case 'ProjectKeep':
      return `Keep only the columns ${op.patterns.map((p) => p.pattern).join(', ')}.`;
    case 'ProjectReorder':
      return `Put the columns ${op.patterns.map((p) => p.pattern).join(', ')} first.`;
    case 'Serialize':
      return op.columns.length
        ? `Number the rows in order and add ${op.columns.map((c) => c.name ?? expr(c.expr)).join(', ')}.`
        : 'Keep the rows in order.';
    case 'ProjectRename':
      return `Rename ${op.renames.map((r) => `${r.from} to ${r.to}`).join(', ')}.`;
    case 'Extend':
      return `Add ${op.columns.map((c) => `${c.name ?? 'a column'} = ${expr(c.expr)}`).join(', ')}.`;
    case 'Summarize':
      return `Compute ${op.aggregates.map((a) => a.name ?? expr(a.expr)).join(', ') || 'the distinct values'}${op.by.length ? ` for each ${op.by.map((b) => b.name ?? expr(b.expr)).join(', ')}` : ''}.`;
    case 'Sort':
      return `Sort by ${keys(op.keys)}.`;
    case 'Top':
      return `Keep the top ${expr(op.count)} rows by ${keys(op.keys)}.`;
    case 'Take':
      return `Keep ${expr(op.count)} rows.`;
    case 'Count':
      return 'Count the rows.';
    case 'Distinct':
      return `Keep distinct ${op.columns ? op.columns.map((c) => c.name ?? expr(c.expr)).join(', ') : 'rows'}.`;
    case 'Join':
      return `Join (${op.joinKind}) with ${pipeline(op.right)} on ${op.on.map((k) => (k.left === k.right ? k.left : `${k.left} = ${k.right}`)).join(', ')}.`;
    case 'Union':
      return `Add the rows of ${op.tables.map(pipeline).join(' and ')}.`;
    case 'MvExpand':
      return `Make one row per element of ${op.items.map((i) => expr(i.column.expr)).join(' and ')}.`;
    case 'Parse':
      return `Parse ${expr(op.source)} into ${op.parts.flatMap((p) => (p.kind === 'column' ? [p.name] : [])).join(', ')}.`;
    case 'Search':
      return `Keep rows where any text column has "${op.term}".`;
    case 'Render':
      return `Show as ${op.visualization}.`;
    case 'As':
      return `Call these rows ${op.name}.`;
    case 'MakeSeries':
      return `Make series of ${op.aggregates.map((a) => a.column.name ?? expr(a.column.expr)).join(', ')} over ${expr(op.axis)} in steps of ${expr(op.step)}${op.by.length ? ` for each ${op.by.map((b) => b.name ?? expr(b.expr)).join(', ')}` : ''}.`;
    case 'TopNested':
      return `Keep the top ${op.levels.map((l) => `${l.count ?? 'all'} ${l.key.name ?? expr(l.key.expr)}`).join(', then within each the top ')}.`;
    case 'MvApply':
      return `For each row, run a subquery over the elements of ${op.items.map((i) => expr(i.column.expr)).join(', ')}.`;
    case 'Evaluate':
      return op.plugin === 'pivot'
        ? `Pivot the values of ${expr(op.args[0]!)} into columns.`
        : `Make a column of each key of ${expr(op.args[0]!)}.`;
  }
}

function expr(e: ExprNode): string {
  switch (e.kind) {
    case 'ToScalar':
      return `the value of (${pipeline(e.pipeline)})`;
    case 'Literal':
      return typeof e.value === 'string' ? `"${e.value}"` : JSON.stringify(e.value);
    case 'Name':
      return e.name;
    case 'Binary':
      return `${expr(e.left)} ${e.op} ${expr(e.right)}`;
    case 'Unary':
      return `${e.op}${expr(e.operand)}`;
    case 'Call':
      return `${e.name}(${e.args.map(expr).join(', ')})`;
    case 'In':
      return `${expr(e.expr)} ${e.op} (${Array.isArray(e.values) ? (e.values as ExprNode[]).map(expr).join(', ') : 'a subquery'})`;
    case 'Between':
      return `${expr(e.expr)} ${e.negated ? 'not ' : ''}between ${expr(e.low)} and ${expr(e.high)}`;
    case 'Index':
      return `${expr(e.target)}[${expr(e.index)}]`;
    case 'Member':
      return `${expr(e.target)}.${e.name}`;
    case 'Star':
      return '*';
  }
}
