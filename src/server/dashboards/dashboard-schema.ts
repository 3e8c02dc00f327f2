/** The shape of a dashboard definition (dashboards/*.json): panels of KQL plus how to draw them. */
import { z } from 'zod';
import { FILTER_NAMES } from '../../schema/index.js';

/** Text shown to people: one string, or one per language of the web app ({en, ja}; both needed). */
const localText = z.union([z.string().min(1), z.object({ en: z.string().min(1), ja: z.string().min(1) }).strict()]);
const localDescription = z.union([z.string(), z.object({ en: z.string(), ja: z.string() }).strict()]).default('');

/** A text of a dashboard in one language (English when it has only one). */
export type LocalText = z.infer<typeof localText>;

const common = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: localText,
  description: localDescription,
  /** Grid columns (of 12) the panel spans on a laptop screen. */
  width: z.number().int().min(1).max(12).default(6),
};

/** Columns a click can turn into a filter chip: column name -> filter name. */
const filterLinks = z.record(z.string(), z.enum(FILTER_NAMES)).default({});

const statPanel = z.object({
  ...common,
  kind: z.literal('stat'),
  /** One row, one value. */
  kql: z.string(),
  /** (time, value) rows for the sparkline. */
  sparkline: z.string().optional(),
  /** The value is the sum of the sparkline's values (counts, sums): one query less per load. */
  valueIsSparklineSum: z.boolean().default(false),
  format: z.enum(['count', 'bytes']).default('count'),
  /** The rows behind the number, for "open in Explorer". */
  explore: z.string().optional(),
  /** Whether a rise is bad news (colours the change). */
  higherIsWorse: z.boolean().default(false),
});

const chartPanel = z.object({
  ...common,
  kind: z.literal('chart'),
  kql: z.string(),
  chart: z.enum(['stacked-column', 'column', 'line', 'area', 'bar', 'pie']),
  x: z.string(),
  y: z.string(),
  series: z.string().optional(),
  format: z.enum(['count', 'bytes']).default('count'),
  filterLinks,
  /**
   * KQL of time spans to mark on a time series (e.g. findings of a detection rule): columns Start and End
   * (datetimes), Label, and Id (a finding id: a click opens it). Run with the range, not the filters.
   */
  marks: z.string().optional(),
});

const tablePanel = z.object({
  ...common,
  kind: z.literal('table'),
  kql: z.string(),
  /** Show a Rank column (1..n in result order). */
  rank: z.boolean().default(false),
  /** Columns formatted as sizes. */
  bytes: z.array(z.string()).default([]),
  filterLinks,
});

const mapPanel = z.object({
  ...common,
  kind: z.literal('map'),
  kql: z.string(),
  country: z.string(),
  value: z.string(),
  filterLinks,
});

const keywordsPanel = z.object({
  ...common,
  kind: z.literal('keywords'),
  /** Subjects to split (a MessageTrace query); the server counts their words. */
  kql: z.string().default('MessageTrace'),
  top: z.number().int().min(1).max(100).default(20),
});

const intelPanel = z.object({
  ...common,
  kind: z.literal('intel-matches'),
  /** Rows behind the panel for "open in Explorer". */
  kql: z.string().default('Indicators'),
  minConfidence: z.number().int().min(0).max(100).default(0),
});

export const panelSchema = z.discriminatedUnion('kind', [statPanel, chartPanel, tablePanel, mapPanel, keywordsPanel, intelPanel]);

/** The texts of a dashboard (built-in or made in the app). */
export const dashboardTexts = { title: localText, description: localDescription };

export const dashboardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    ...dashboardTexts,
    /** Position in the navigation. */
    order: z.number().default(100),
    panels: z.array(panelSchema).min(1),
  })
  .strict();

export type Panel = z.infer<typeof panelSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type { FilterName } from '../../schema/index.js';
