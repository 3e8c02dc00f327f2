/**
 * The dashboards a user sees: the built-in ones (dashboards/*.json, read-only templates) first, then the ones
 * made in the app that are theirs or shared, by title. Those are kept in the store (store.saved).
 */
import { z } from 'zod';
import type { Store, StoredDashboardRow } from '../../store/index.js';
import type { Principal } from '../auth/authenticate.js';
import { canChange, canSee } from '../saved/ownership.js';
import { dashboardTexts, panelSchema, type Dashboard, type LocalText, type Panel } from './dashboard-schema.js';
import type { DashboardSet } from './dashboard-set.js';
import { schemaIssue } from '../../config/index.js';

/** Most panels a dashboard made in the app may hold. */
export const MAX_PANELS = 60;

/** The definition of a dashboard made in the app (its panels may be none yet). */
export const userDashboardSchema = z
  .object({
    ...dashboardTexts,
    panels: z
      .array(panelSchema)
      .max(MAX_PANELS)
      .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, schemaIssue('duplicate-panel-id')),
    /** The dashboard it was copied from, if any. */
    copiedFrom: z.string().max(200).optional(),
  })
  .strict();

export type UserDashboard = z.infer<typeof userDashboardSchema>;

/** Who made a dashboard and what the viewer may do with it. */
export interface DashboardAccess {
  builtIn: boolean;
  owner?: string;
  shared?: boolean;
  /** The viewer may change it (built-ins never: copy them). */
  editable: boolean;
}

export type CatalogDashboard = Omit<Dashboard, 'order'> & DashboardAccess & { copiedFrom?: string };

export interface DashboardSummary extends DashboardAccess {
  id: string;
  title: LocalText;
  description: LocalText;
}

/** Built-in and stored dashboards, as one user sees them. */
export class DashboardCatalog {
  constructor(
    readonly builtIns: DashboardSet,
    private readonly store: Store,
  ) {}

  /** Summaries for the navigation: built-ins in their order, then the user's and shared ones by title. */
  async list(who: Principal): Promise<DashboardSummary[]> {
    const own = (await this.store.saved.listStoredDashboards()).filter((d) => canSee(who, d) && !this.builtIns.get(d.id));
    return [
      ...this.builtIns.list().map((d) => ({ ...d, builtIn: true, editable: false })),
      ...own.map((d) => {
        const { id, title, description, builtIn, owner, shared, editable } = toCatalog(d, who);
        return { id, title, description, builtIn, owner, shared, editable };
      }),
    ];
  }

  /** One dashboard the user may see, or undefined. */
  async get(id: string, who: Principal): Promise<CatalogDashboard | undefined> {
    const builtIn = this.builtIns.get(id);
    if (builtIn) {
      const { order: _order, ...rest } = builtIn;
      return { ...rest, builtIn: true, editable: false };
    }
    const stored = await this.store.saved.getStoredDashboard(id);
    return stored && canSee(who, stored) ? toCatalog(stored, who) : undefined;
  }

  /** One panel of a dashboard the user may see, or undefined. */
  async panel(id: string, panelId: string, who: Principal): Promise<Panel | undefined> {
    return (await this.get(id, who))?.panels.find((p) => p.id === panelId);
  }
}

/** A stored dashboard as the catalog shows it; a definition that no longer reads shows as an empty dashboard. */
function toCatalog(d: StoredDashboardRow, who: Principal): CatalogDashboard {
  const parsed = userDashboardSchema.safeParse(d.definition);
  const def: UserDashboard = parsed.success ? parsed.data : { title: d.title || d.id, description: '', panels: [] };
  return { ...def, id: d.id, builtIn: false, owner: d.owner, shared: d.shared, editable: canChange(who, d) };
}
