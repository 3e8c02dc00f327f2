/**
 * Alert rules and destinations made in the web app, in ClickHouse: each save writes a new version of the
 * (kind, name) row, a removal a deletion mark; reads take the newest version (FINAL) that is not a mark.
 */
import {
  alertDefinitionFromRow,
  compareAlertDefinitions,
  type AlertDefinitionKind,
  type AlertDefinitionRow,
} from '../alert-definitions.js';
import type { Connection } from './connection.js';

type Lit = (value: unknown) => string;

/** The definitions with the store's connection, literal function and version clock. */
export class ClickHouseAlertDefinitions {
  constructor(
    private readonly db: Connection,
    private readonly lit: Lit,
    private readonly version: () => number,
  ) {}

  async list(): Promise<AlertDefinitionRow[]> {
    const r = await this.db.select(
      'SELECT kind, name, definition, updated_by, updated_at FROM _alert_definitions FINAL WHERE _deleted = 0',
    );
    return r.data
      .map(([kind, name, definition, by, at]) => alertDefinitionFromRow([kind, name, definition, by, Math.round(Number(at) / 1000)]))
      .sort(compareAlertDefinitions);
  }

  async save(row: AlertDefinitionRow): Promise<void> {
    await this.db.insert('_alert_definitions', [this.encode(row, 0)]);
  }

  async delete(kind: AlertDefinitionKind, name: string): Promise<boolean> {
    const r = await this.db.select(
      `SELECT count() FROM _alert_definitions FINAL WHERE kind = ${this.lit(kind)} AND name = ${this.lit(name)} AND _deleted = 0`,
    );
    if (Number(r.data[0]![0]) === 0) return false;
    await this.db.insert('_alert_definitions', [this.encode({ kind, name, definition: {}, updatedBy: '', updatedAt: Date.now() }, 1)]);
    return true;
  }

  private encode(row: AlertDefinitionRow, deleted: 0 | 1): Record<string, unknown> {
    return {
      kind: row.kind,
      name: row.name,
      definition: JSON.stringify(row.definition),
      updated_by: row.updatedBy,
      updated_at: Math.round(row.updatedAt) * 1000,
      _version: this.version(),
      _deleted: deleted,
    };
  }
}
