// How a panel is drawn, chosen in the app: a table, one of the chart kinds, or a single value. A chart takes its
// axes from the columns of the panel's answer (the first column its x, the last number its y, a text column its series).
import type { Column } from '../api';
import type { ChartKind } from '../panels/chart-option';

export const VISUALISATIONS = ['table', 'column', 'stacked-column', 'bar', 'line', 'area', 'pie', 'stat'] as const;
export type Visualisation = (typeof VISUALISATIONS)[number];

/** A panel as the API keeps it (texts may be per language). */
export type RawPanel = Record<string, unknown> & { id: string; kind: string; kql: string; width: number };

const numeric = (c: Column) => c.type === 'long' || c.type === 'int' || c.type === 'real';

/** The axes of a chart over these columns, or null when they have no number to draw. */
export function chartAxes(columns: readonly Column[], chart: ChartKind): { x: string; y: string; series?: string } | null {
  const y = [...columns].reverse().find(numeric);
  const x = columns.find((c) => c.type === 'datetime' && c !== y) ?? columns.find((c) => c !== y);
  if (!y || !x) return null;
  const series = chart === 'pie' ? undefined : columns.find((c) => c !== x && c !== y && !numeric(c))?.name;
  return { x: x.name, y: y.name, ...(series ? { series } : {}) };
}

/** How a panel is drawn now. */
export function visualisationOf(panel: { kind: string; chart?: unknown }): Visualisation | null {
  if (panel.kind === 'chart') return (panel.chart as Visualisation) ?? 'column';
  return panel.kind === 'table' || panel.kind === 'stat' ? panel.kind : null;
}

/** The choices a panel with these answer columns has (without them: table and single value only). */
export function visualisationsFor(columns: readonly Column[] | undefined): Visualisation[] {
  return VISUALISATIONS.filter((v) => v === 'table' || v === 'stat' || (!!columns && chartAxes(columns, v) !== null));
}

/** The panel drawn as `v`; its id, texts, width and query stay. Null when the columns cannot make that chart. */
export function withVisualisation(panel: RawPanel, v: Visualisation, columns: readonly Column[] | undefined): RawPanel | null {
  const { id, title, description, width, kql } = panel;
  const base = { id, title, description, width, kql };
  if (v === 'table') return { ...base, kind: 'table', rank: false, bytes: [], filterLinks: {} };
  if (v === 'stat') return { ...base, kind: 'stat', format: 'count', higherIsWorse: false };
  const axes = columns ? chartAxes(columns, v) : null;
  return axes ? { ...base, kind: 'chart', chart: v, ...axes, format: 'count', filterLinks: {} } : null;
}
