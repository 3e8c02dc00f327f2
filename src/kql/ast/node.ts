/** Every node kind of the KQL syntax tree, as unions by role and in one union `Node`. */
import type { AsNode } from './as-node.js';
import type { AssignmentNode } from './assignment-node.js';
import type { BetweenNode } from './between-node.js';
import type { BinaryNode } from './binary-node.js';
import type { CallNode } from './call-node.js';
import type { CountNode } from './count-node.js';
import type { DatatableNode } from './datatable-node.js';
import type { DistinctNode } from './distinct-node.js';
import type { ExtendNode } from './extend-node.js';
import type { IndexNode } from './index-node.js';
import type { InNode } from './in-node.js';
import type { JoinNode } from './join-node.js';
import type { LetNode } from './let-node.js';
import type { LiteralNode } from './literal-node.js';
import type { MemberNode } from './member-node.js';
import type { MvExpandNode } from './mv-expand-node.js';
import type { NameNode } from './name-node.js';
import type { ParseNode } from './parse-node.js';
import type { PipelineNode } from './pipeline-node.js';
import type { PrintNode } from './print-node.js';
import type { ProjectAwayNode } from './project-away-node.js';
import type { ProjectNode } from './project-node.js';
import type { ProjectKeepNode } from './project-keep-node.js';
import type { ProjectRenameNode } from './project-rename-node.js';
import type { ProjectReorderNode } from './project-reorder-node.js';
import type { QueryNode } from './query-node.js';
import type { RangeNode } from './range-node.js';
import type { RenderNode } from './render-node.js';
import type { SearchNode } from './search-node.js';
import type { SerializeNode } from './serialize-node.js';
import type { SortKeyNode } from './sort-key-node.js';
import type { SortNode } from './sort-node.js';
import type { StarNode } from './star-node.js';
import type { SummarizeNode } from './summarize-node.js';
import type { TableRefNode } from './table-ref-node.js';
import type { TakeNode } from './take-node.js';
import type { ToScalarNode } from './to-scalar-node.js';
import type { TopNode } from './top-node.js';
import type { UnaryNode } from './unary-node.js';
import type { UnionNode } from './union-node.js';
import type { WhereNode } from './where-node.js';
import type { MakeSeriesNode } from './make-series-node.js';
import type { TopNestedNode } from './top-nested-node.js';
import type { MvApplyNode } from './mv-apply-node.js';
import type { EvaluateNode } from './evaluate-node.js';

export type {
  MakeSeriesNode,
  TopNestedNode,
  MvApplyNode,
  EvaluateNode,
  AsNode,
  AssignmentNode,
  BetweenNode,
  BinaryNode,
  CallNode,
  CountNode,
  DatatableNode,
  DistinctNode,
  ExtendNode,
  IndexNode,
  InNode,
  JoinNode,
  LetNode,
  LiteralNode,
  MemberNode,
  MvExpandNode,
  NameNode,
  ParseNode,
  PipelineNode,
  PrintNode,
  ProjectAwayNode,
  ProjectNode,
  ProjectKeepNode,
  ProjectRenameNode,
  ProjectReorderNode,
  QueryNode,
  RangeNode,
  RenderNode,
  SearchNode,
  SerializeNode,
  SortKeyNode,
  SortNode,
  StarNode,
  SummarizeNode,
  TableRefNode,
  TakeNode,
  ToScalarNode,
  TopNode,
  UnaryNode,
  UnionNode,
  WhereNode,
};

/** Scalar expressions. */
export type ExprNode =
  LiteralNode | NameNode | BinaryNode | UnaryNode | CallNode | InNode | BetweenNode | IndexNode | MemberNode | StarNode | ToScalarNode;

/** Where a pipeline's rows come from. */
export type SourceNode = TableRefNode | UnionNode | PrintNode | DatatableNode | RangeNode;

/** Tabular operators after a `|`. */
export type OperatorNode =
  | WhereNode
  | ProjectNode
  | ProjectAwayNode
  | ProjectRenameNode
  | ProjectKeepNode
  | ProjectReorderNode
  | SerializeNode
  | ExtendNode
  | SummarizeNode
  | SortNode
  | TopNode
  | TakeNode
  | CountNode
  | DistinctNode
  | JoinNode
  | UnionNode
  | MvExpandNode
  | ParseNode
  | SearchNode
  | RenderNode
  | AsNode
  | MakeSeriesNode
  | TopNestedNode
  | MvApplyNode
  | EvaluateNode;

/** Every node kind. */
export type Node = ExprNode | SourceNode | OperatorNode | AssignmentNode | SortKeyNode | PipelineNode | LetNode | QueryNode;
