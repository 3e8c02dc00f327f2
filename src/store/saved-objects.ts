/**
 * What users make in the app and the store keeps: saved searches and dashboards. Both engines keep them as
 * documents of one small table (kind, id, owner, shared, title, JSON body) behind a DocumentTable; this file
 * turns documents into the typed rows the Store interface speaks.
 */

/** A search saved in the Explorer: personal, or shared with everyone who may read searches. */
export interface SavedSearchRow {
  id: string;
  /** User name of who saved it. */
  owner: string;
  shared: boolean;
  name: string;
  /** KQL. */
  query: string;
  description: string;
  /** ms since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** A dashboard made in the app. `definition` holds its texts and panels, validated by whoever writes it. */
export interface StoredDashboardRow {
  id: string;
  owner: string;
  shared: boolean;
  title: string;
  definition: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

/** Kinds of documents. */
export type DocumentKind = 'search' | 'dashboard';

/** One stored document, as the engines keep it. */
export interface DocumentRow {
  kind: DocumentKind;
  id: string;
  owner: string;
  shared: boolean;
  title: string;
  /** JSON text. */
  body: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A document from the values of a row read as `kind, id, owner, shared, title, body, created, updated`;
 * `msPerUnit`: milliseconds in one unit of the engine's times (DuckDB's epoch_ms: 1; ClickHouse's microseconds: 1/1000).
 */
export function documentFromValues(values: readonly unknown[], msPerUnit = 1): DocumentRow {
  const [kind, id, owner, shared, title, body, created, updated] = values;
  return {
    kind: String(kind) as DocumentKind,
    id: String(id),
    owner: String(owner),
    shared: shared === true || Number(shared) === 1,
    title: String(title),
    body: String(body),
    createdAt: Math.round(Number(created) * msPerUnit),
    updatedAt: Math.round(Number(updated) * msPerUnit),
  };
}

/** The document table of one engine. */
export interface DocumentTable {
  /** Every document of a kind, by title then id. */
  list(kind: DocumentKind): Promise<DocumentRow[]>;
  get(kind: DocumentKind, id: string): Promise<DocumentRow | undefined>;
  /** Insert, or replace the document of the same kind and id. */
  put(row: DocumentRow): Promise<void>;
  /** Whether there was one to delete. */
  delete(kind: DocumentKind, id: string): Promise<boolean>;
}

const pick = (r: { id: string; owner: string; shared: boolean; createdAt: number; updatedAt: number }) => ({
  id: r.id,
  owner: r.owner,
  shared: r.shared,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

function parseBody(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toSearch(d: DocumentRow): SavedSearchRow {
  const body = parseBody(d.body);
  return { ...pick(d), name: d.title, query: String(body.query ?? ''), description: String(body.description ?? '') };
}

function toDashboard(d: DocumentRow): StoredDashboardRow {
  return { ...pick(d), title: d.title, definition: parseBody(d.body) };
}

/** Saved searches and dashboards of a store (`store.saved`). Who may see or change which is the caller's business. */
export interface SavedObjectStore {
  /** Saved searches of every user, by name. */
  listSavedSearches(): Promise<SavedSearchRow[]>;
  /** One saved search, or undefined. */
  getSavedSearch(id: string): Promise<SavedSearchRow | undefined>;
  /** Insert a saved search, or replace the one with its id. */
  putSavedSearch(search: SavedSearchRow): Promise<void>;
  /** Delete a saved search; false when there was none. */
  deleteSavedSearch(id: string): Promise<boolean>;
  /** Dashboards made in the app, by title. */
  listStoredDashboards(): Promise<StoredDashboardRow[]>;
  /** One dashboard made in the app, or undefined. */
  getStoredDashboard(id: string): Promise<StoredDashboardRow | undefined>;
  /** Insert a dashboard, or replace the one with its id. */
  putStoredDashboard(dashboard: StoredDashboardRow): Promise<void>;
  /** Delete a dashboard; false when there was none. */
  deleteStoredDashboard(id: string): Promise<boolean>;
}

/** SavedObjectStore over an engine's DocumentTable. */
export class SavedObjects implements SavedObjectStore {
  constructor(private readonly docs: DocumentTable) {}

  async listSavedSearches(): Promise<SavedSearchRow[]> {
    return (await this.docs.list('search')).map(toSearch);
  }

  async getSavedSearch(id: string): Promise<SavedSearchRow | undefined> {
    const d = await this.docs.get('search', id);
    return d && toSearch(d);
  }

  putSavedSearch(s: SavedSearchRow): Promise<void> {
    const body = JSON.stringify({ query: s.query, description: s.description });
    return this.docs.put({ kind: 'search', title: s.name, body, ...pick(s) });
  }

  deleteSavedSearch(id: string): Promise<boolean> {
    return this.docs.delete('search', id);
  }

  async listStoredDashboards(): Promise<StoredDashboardRow[]> {
    return (await this.docs.list('dashboard')).map(toDashboard);
  }

  async getStoredDashboard(id: string): Promise<StoredDashboardRow | undefined> {
    const d = await this.docs.get('dashboard', id);
    return d && toDashboard(d);
  }

  putStoredDashboard(d: StoredDashboardRow): Promise<void> {
    return this.docs.put({ kind: 'dashboard', title: d.title, body: JSON.stringify(d.definition), ...pick(d) });
  }

  deleteStoredDashboard(id: string): Promise<boolean> {
    return this.docs.delete('dashboard', id);
  }
}
