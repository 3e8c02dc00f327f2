/**
 * Saved searches and dashboards in ClickHouse: _documents, a small table kept whole on every server. Each
 * write is a new version of the (kind, id) row, a deletion a version marked deleted; reads take the newest (FINAL).
 */
import { documentFromValues, type DocumentKind, type DocumentRow, type DocumentTable } from '../saved-objects.js';
import type { Connection } from './connection.js';

type Lit = (value: unknown, type?: 'string' | 'long') => string;

const COLS = 'kind, id, owner, shared, title, body, created_at, updated_at';

/** The ClickHouse DocumentTable: its connection, the store's literal function and version clock. */
export function clickhouseDocuments(db: Connection, lit: Lit, version: () => number): DocumentTable {
  const read = async (where: string): Promise<DocumentRow[]> => {
    const r = await db.select(`SELECT ${COLS} FROM _documents FINAL WHERE _deleted = 0 AND ${where} ORDER BY lower(title), id`);
    return r.data.map((values) => documentFromValues(values, 1 / 1000));
  };
  const row = (d: DocumentRow, deleted: 0 | 1) => ({
    kind: d.kind,
    id: d.id,
    owner: d.owner,
    shared: d.shared ? 1 : 0,
    title: d.title,
    body: d.body,
    created_at: Math.round(d.createdAt) * 1000,
    updated_at: Math.round(d.updatedAt) * 1000,
    _version: version(),
    _deleted: deleted,
  });
  const get = async (kind: DocumentKind, id: string) => (await read(`kind = ${lit(kind)} AND id = ${lit(id)}`))[0];
  return {
    list: (kind) => read(`kind = ${lit(kind)}`),
    get,
    async put(d) {
      await db.insert('_documents', [row(d, 0)]);
    },
    async delete(kind, id) {
      const d = await get(kind, id);
      if (!d) return false;
      await db.insert('_documents', [row(d, 1)]);
      return true;
    },
  };
}
