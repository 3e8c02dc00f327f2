// Status and severity colours, the same everywhere (charts, chips, cells). Shades from colour-blind-safe
// palettes (Okabe-Ito, ColorBrewer) told apart by hue and lightness, with text colours that pass contrast.

export interface Swatch {
  /** Fill of chart marks and chips. */
  color: string;
  /** Text on that fill. */
  text: string;
}

export const STATUS_COLORS: Record<string, Swatch> = {
  Delivered: { color: '#009E73', text: '#ffffff' },
  Expanded: { color: '#56B4E9', text: '#0b2233' },
  Pending: { color: '#8C8C8C', text: '#ffffff' },
  GettingStatus: { color: '#8C8C8C', text: '#ffffff' },
  FilteredAsSpam: { color: '#E69F00', text: '#231a00' },
  Quarantined: { color: '#D55E00', text: '#ffffff' },
  Failed: { color: '#A50026', text: '#ffffff' },
  Recalled: { color: '#0072B2', text: '#ffffff' },
  None: { color: '#C9C9C9', text: '#1f1f1f' },
};

/** Statuses in the order charts stack and list them. */
export const STATUS_ORDER = [
  'Delivered',
  'Expanded',
  'Pending',
  'GettingStatus',
  'None',
  'Recalled',
  'FilteredAsSpam',
  'Quarantined',
  'Failed',
];

const NEUTRAL: Swatch = { color: '#C9C9C9', text: '#1f1f1f' };

/** The swatch of a status (neutral for anything else). */
export function statusColor(status: string): Swatch {
  return STATUS_COLORS[status] ?? NEUTRAL;
}

export const SEVERITY_COLORS: Record<string, Swatch> = {
  low: { color: '#4393C3', text: '#ffffff' },
  medium: { color: '#E69F00', text: '#231a00' },
  high: { color: '#D55E00', text: '#ffffff' },
  critical: { color: '#67001F', text: '#ffffff' },
};

/** The swatch of a finding severity. */
export function severityColor(severity: string): Swatch {
  return SEVERITY_COLORS[severity] ?? NEUTRAL;
}

/** Colours for series that are not statuses or severities (Okabe-Ito order). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];

/** Colour of a named series: status and severity names keep their colours. */
export function seriesColor(name: string, index: number): string {
  return STATUS_COLORS[name]?.color ?? SEVERITY_COLORS[name]?.color ?? SERIES_COLORS[index % SERIES_COLORS.length]!;
}
