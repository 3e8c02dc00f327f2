/** The depth bound of syntax trees, measured without recursion so that the measuring cannot exhaust the stack. */
import type { QueryNode } from '../ast/index.js';
import { kqlError } from '../kql-error.js';
import { MAX_TREE_DEPTH } from '../limits.js';
import { positionOf } from './position.js';

/** Throws KqlError('too-complex') at the first node deeper than MAX_TREE_DEPTH. */
export function checkTreeDepth(text: string, query: QueryNode): void {
  const stack: [unknown, number][] = [[query, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth]);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const node = value as { kind?: unknown; pos?: unknown };
    // Literal values (dynamic JSON) are data, not syntax.
    if (node.kind === 'Literal') continue;
    const d = typeof node.kind === 'string' ? depth + 1 : depth;
    if (d > MAX_TREE_DEPTH) {
      throw kqlError(
        'too-complex',
        'tree-too-deep',
        { max: MAX_TREE_DEPTH },
        positionOf(text, typeof node.pos === 'number' ? node.pos : 0),
      );
    }
    for (const v of Object.values(node)) if (typeof v === 'object' && v !== null) stack.push([v, d]);
  }
}
