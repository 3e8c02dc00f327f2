/** Property access on a dynamic value: `Entities.sender`. */
import type { ExprNode } from './node.js';

/** `target.name`. */
export interface MemberNode {
  readonly kind: 'Member';
  readonly target: ExprNode;
  readonly name: string;
  readonly pos: number;
}
