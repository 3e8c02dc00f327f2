/** Alert rules and destinations made in the web app, in DuckDB: one row per (kind, name), the definition as JSON. */
import {
  alertDefinitionFromRow,
  compareAlertDefinitions,
  type AlertDefinitionKind,
  type AlertDefinitionRow,
} from '../alert-definitions.js';
import type { QueryResult } from '../store.js';
import { Params } from './params.js';

type Read = (sql: string, params: readonly unknown[]) => Promise<QueryResult>;
type Write = (statements: readonly { sql: string; params: readonly unknown[] }[]) => Promise<void>;

/** DDL of the table (a migration creates it). */
export const ALERT_DEFINITIONS_DDL =
  'CREATE TABLE IF NOT EXISTS _alert_definitions (kind VARCHAR NOT NULL, name VARCHAR NOT NULL, definition JSON NOT NULL, ' +
  'updated_by VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (kind, name))';

/** Every stored definition, destinations first, then by name. */
export async function listAlertDefinitions(read: Read): Promise<AlertDefinitionRow[]> {
  const r = await read(`SELECT kind, name, CAST(definition AS VARCHAR), updated_by, epoch_ms(updated_at) FROM _alert_definitions`, []);
  return r.rows.map(alertDefinitionFromRow).sort(compareAlertDefinitions);
}

/** Insert or replace one definition. */
export async function saveAlertDefinition(write: Write, row: AlertDefinitionRow): Promise<void> {
  const p = new Params();
  await write([
    {
      sql:
        `INSERT OR REPLACE INTO _alert_definitions VALUES (${p.add(row.kind)}, ${p.add(row.name)}, ` +
        `CAST(${p.add(JSON.stringify(row.definition))} AS JSON), ${p.add(row.updatedBy)}, ${p.time(row.updatedAt)})`,
      params: p.values,
    },
  ]);
}

/** Remove one definition; false when there was none. */
export async function deleteAlertDefinition(read: Read, write: Write, kind: AlertDefinitionKind, name: string): Promise<boolean> {
  const where = 'WHERE kind = $1 AND name = $2';
  const found = await read(`SELECT count(*) FROM _alert_definitions ${where}`, [kind, name]);
  if (Number(found.rows[0]![0]) === 0) return false;
  await write([{ sql: `DELETE FROM _alert_definitions ${where}`, params: [kind, name] }]);
  return true;
}
