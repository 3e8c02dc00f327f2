/** KQL's names for unnamed output columns (project strlen(Subject) -> strlen_Subject, Labels[0] -> Labels_0, ...). */
import type { ExprNode } from '../ast/index.js';

/** Functions whose result keeps the name of their first (column) argument. */
const KEEPS_NAME = new Set([
  'bin',
  'bin_at',
  'floor',
  'tostring',
  'toint',
  'tolong',
  'todouble',
  'toreal',
  'tobool',
  'todatetime',
  'totimespan',
  'format_datetime',
  'startofday',
]);
/** Functions named `<function>_<column>`. */
const PREFIXES_NAME = new Set(['strlen']);

/** The name KQL gives an unnamed expression, or undefined when it numbers it (Column1, ...). */
export function derivedName(node: ExprNode): string | undefined {
  switch (node.kind) {
    case 'Name':
      return node.name;
    case 'Call': {
      const first = node.args[0];
      if (first?.kind !== 'Name') return undefined;
      if (KEEPS_NAME.has(node.name)) return first.name;
      if (PREFIXES_NAME.has(node.name)) return `${node.name}_${first.name}`;
      return undefined;
    }
    case 'Index': {
      const base = derivedName(node.target);
      const i = node.index.kind === 'Literal' ? node.index.value : undefined;
      return base !== undefined && (typeof i === 'number' || typeof i === 'string') ? `${base}_${i}` : undefined;
    }
    case 'Member': {
      const base = derivedName(node.target);
      return base === undefined ? undefined : `${base}_${node.name}`;
    }
    default:
      return undefined;
  }
}

/** `name`, or `name1`, `name2`, ... when taken. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let i = 1; ; i++) if (!taken.has(`${name}${i}`)) return `${name}${i}`;
}

/** A namer for unnamed columns of one operator: Column1, Column2, ... skipping taken names. */
export function columnNamer(taken: Set<string>): () => string {
  let n = 0;
  return () => {
    let name: string;
    do name = `Column${++n}`;
    while (taken.has(name));
    return name;
  };
}
