// What every panel kind gets from its dashboard page.
import type { Me } from '../api';
import type { PanelDef } from '../types';
import type { FilterName, Filters, TimeRange } from '../url-state';

export interface PanelProps<P extends PanelDef = PanelDef> {
  dashboardId: string;
  panel: P;
  range: TimeRange;
  filters: Filters;
  addFilter: (name: FilterName, value: string) => void;
  me: Me;
  /** The time range part of the URL (range=…&from=…), for links to the Explorer. */
  rangeQuery: string;
}
