/** Saved searches and dashboards in DuckDB: one row per document in _documents, keyed by (kind, id). */
import type { QueryResult } from '../store.js';
import { documentFromValues, type DocumentKind, type DocumentRow, type DocumentTable } from '../saved-objects.js';

type Read = (sql: string, params: readonly unknown[]) => Promise<QueryResult>;
type Write = (statements: readonly { sql: string; params: readonly unknown[] }[]) => Promise<void>;

/** DDL of the document table (a migration creates it). */
export const DOCUMENTS_DDL =
  'CREATE TABLE IF NOT EXISTS _documents (kind VARCHAR NOT NULL, id VARCHAR NOT NULL, owner VARCHAR NOT NULL, shared BOOLEAN NOT NULL, ' +
  'title VARCHAR NOT NULL, body VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (kind, id))';

const SELECT = 'SELECT kind, id, owner, shared, title, body, epoch_ms(created_at), epoch_ms(updated_at) FROM _documents';

/** The DuckDB DocumentTable over the store's read and write functions. */
export function duckdbDocuments(read: Read, write: Write): DocumentTable {
  return {
    async list(kind: DocumentKind) {
      return (await read(`${SELECT} WHERE kind = $1 ORDER BY lower(title), id`, [kind])).rows.map((row) => documentFromValues(row));
    },
    async get(kind: DocumentKind, id: string) {
      const row = (await read(`${SELECT} WHERE kind = $1 AND id = $2`, [kind, id])).rows[0];
      return row && documentFromValues(row);
    },
    async put(d: DocumentRow) {
      await write([
        {
          sql: 'INSERT OR REPLACE INTO _documents VALUES ($1, $2, $3, $4, $5, $6, epoch_ms(CAST($7 AS BIGINT)), epoch_ms(CAST($8 AS BIGINT)))',
          params: [d.kind, d.id, d.owner, d.shared, d.title, d.body, Math.round(d.createdAt), Math.round(d.updatedAt)],
        },
      ]);
    },
    async delete(kind: DocumentKind, id: string) {
      const found = await read('SELECT count(*) FROM _documents WHERE kind = $1 AND id = $2', [kind, id]);
      if (Number(found.rows[0]?.[0] ?? 0) === 0) return false;
      await write([{ sql: 'DELETE FROM _documents WHERE kind = $1 AND id = $2', params: [kind, id] }]);
      return true;
    },
  };
}
