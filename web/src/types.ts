// Shapes of dashboards and panel results as the API returns them.
import type { QueryResult } from './api';
import type { FilterName } from './url-state';

interface PanelBase {
  id: string;
  title: string;
  description: string;
  width: number;
  kql: string;
}

export type PanelDef =
  | (PanelBase & { kind: 'stat'; format: 'count' | 'bytes'; higherIsWorse: boolean; sparkline?: string; explore?: string })
  | (PanelBase & {
      kind: 'chart';
      chart: 'stacked-column' | 'column' | 'line' | 'area' | 'bar' | 'pie';
      x: string;
      y: string;
      series?: string;
      format: 'count' | 'bytes';
      filterLinks: Record<string, FilterName>;
    })
  | (PanelBase & { kind: 'table'; rank: boolean; bytes: string[]; filterLinks: Record<string, FilterName> })
  | (PanelBase & { kind: 'map'; country: string; value: string; filterLinks: Record<string, FilterName> })
  | (PanelBase & { kind: 'keywords'; top: number })
  | (PanelBase & { kind: 'intel-matches'; minConfidence: number });

export interface DashboardDef {
  id: string;
  title: string;
  description: string;
  panels: PanelDef[];
}

export interface PanelResult {
  kql: string;
  result: QueryResult;
  /** Active filters the panel could not apply (its tables lack their columns). */
  unfiltered?: string[];
  previous?: unknown;
  sparkline?: QueryResult;
  terms?: { term: string; count: number; previous: number }[];
  /** Time bins the query used (panels with time buckets): buckets start at originMs + k * stepMs, or at `starts` (DST). */
  bin?: { stepMs: number; originMs: number; starts?: number[] };
  /** Spans to mark on a time series (Start, End, Label, Id): findings of a detection rule. */
  marks?: QueryResult;
  /** The time range the answer is for (set by the app as it is asked): a chart is drawn on it, not on a newer one. */
  range?: { from: number; to: number };
}
