/** The dashboards of dashboards/*.json, validated once at start so a broken file is reported by name. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { dashboardSchema, type Dashboard, type LocalText, type Panel } from './dashboard-schema.js';

/** Error in a dashboard file: names the file and the field. */
export class DashboardFileError extends Error {
  readonly code = 'DASHBOARD_FILE';
  constructor(message: string) {
    super(message);
    this.name = 'DashboardFileError';
  }
}

export const DEFAULT_DASHBOARD_DIR = join(PACKAGE_ROOT, 'dashboards');

/** All dashboards, in navigation order. */
export class DashboardSet {
  private constructor(private readonly dashboards: Dashboard[]) {}

  /** Read and validate every *.json of `dir`. */
  static load(dir: string = DEFAULT_DASHBOARD_DIR): DashboardSet {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const out: Dashboard[] = [];
    for (const f of files) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (e) {
        throw new DashboardFileError(`${f}: not valid JSON (${(e as Error).message})`);
      }
      const parsed = dashboardSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new DashboardFileError(`${f}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
      }
      const ids = new Set<string>();
      for (const p of parsed.data.panels) {
        if (ids.has(p.id)) throw new DashboardFileError(`${f}: panel id ${p.id} is used twice`);
        ids.add(p.id);
      }
      if (out.some((d) => d.id === parsed.data.id)) throw new DashboardFileError(`${f}: dashboard id ${parsed.data.id} is used twice`);
      out.push(parsed.data);
    }
    out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    return new DashboardSet(out);
  }

  /** Summaries for the navigation. */
  list(): { id: string; title: LocalText; description: LocalText }[] {
    return this.dashboards.map(({ id, title, description }) => ({ id, title, description }));
  }

  /** One dashboard, or undefined. */
  get(id: string): Dashboard | undefined {
    return this.dashboards.find((d) => d.id === id);
  }

  /** One panel of one dashboard, or undefined. */
  panel(dashboardId: string, panelId: string): Panel | undefined {
    return this.get(dashboardId)?.panels.find((p) => p.id === panelId);
  }

  /** Every dashboard. */
  all(): readonly Dashboard[] {
    return this.dashboards;
  }
}
