/** The KQL syntax tree: one node kind per file, all kinds in the `Node` union. */
export type * from './node.js';
export type { JoinKind, JoinKey } from './join-node.js';
export type { ParsePart } from './parse-node.js';
export type { FunctionValue } from './let-node.js';
export type { MvExpandItem } from './mv-expand-node.js';
