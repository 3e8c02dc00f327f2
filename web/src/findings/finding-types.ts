// What the findings API answers (GET /api/findings, /api/findings/:id, /history).
import type { FindingState } from '../../../src/schema/findings';

export interface Finding {
  id: string;
  rule: string;
  severity: string;
  title: string;
  from: string | null;
  to: string | null;
  count: number;
  entities: Record<string, string>;
  query: string;
  details: Record<string, unknown>;
  state: FindingState;
  updatedBy: string;
  updatedAt: string | null;
  assignee: string;
}

export interface RelatedFinding {
  finding: Finding;
  shared: string[];
}

export interface HistoryEntry {
  kind: 'state' | 'assignee' | 'note';
  value: string;
  by: string;
  at: string;
}
