/**
 * Findings in ClickHouse: each save or triage writes a new version of the finding's row (read, merged here,
 * inserted), and each triage a row of _finding_history. Reads take the newest version (FINAL).
 */
import {
  Findings,
  SEVERITIES,
  type FindingActivityFilter,
  type FindingActivityKind,
  type FindingActivityRow,
  type FindingListFilter,
  type FindingRow,
  type FindingStateChange,
  type StoredFindingRow,
} from '../../schema/index.js';
import { getDialect } from '../../kql/index.js';
import type { Connection } from './connection.js';
import { q } from './ddl.js';
import { decodeRow, encodeRow } from './values.js';

type Lit = (value: unknown, type?: 'string' | 'long') => string;

const COLS = Findings.columns.map((c) => q(c.name)).join(', ');
const RANK = `multiIf(${SEVERITIES.map((s, i) => `Severity = '${s}', ${i}`).join(', ')}, -1)`;
const LIVE = getDialect('clickhouse').tableSource('Findings');

/** Findings with their ClickHouse connection, the literal function and the version clock of the store. */
export class ClickHouseFindings {
  constructor(
    private readonly db: Connection,
    private readonly lit: Lit,
    private readonly version: () => number,
  ) {}

  async save(rows: readonly FindingRow[], now: number): Promise<void> {
    if (rows.length === 0) return;
    const stored = new Map((await this.read(`Id IN (${rows.map((r) => this.lit(r.Id)).join(', ')})`)).map((f) => [f.Id, f]));
    const v = this.version();
    const out = rows.map((f) => {
      const s = stored.get(f.Id);
      const row: StoredFindingRow = s
        ? { ...f, From: Math.min(s.From, f.From), To: Math.max(s.To, f.To), State: s.State, UpdatedBy: s.UpdatedBy, UpdatedAt: s.UpdatedAt }
        : { ...f, State: 'open', UpdatedBy: '', UpdatedAt: now };
      return encodeRow(Findings, row, { _version: v, _deleted: 0 });
    });
    await this.db.insert('Findings', out);
  }

  async list(filter: FindingListFilter = {}): Promise<StoredFindingRow[]> {
    const limit = Math.max(0, Math.floor(filter.limit ?? 1000));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    return this.read(this.where(filter), `ORDER BY \`From\` DESC, ${RANK} DESC, Id LIMIT ${offset}, ${limit}`);
  }

  async countByState(filter: FindingListFilter = {}): Promise<Record<string, number>> {
    const r = await this.db.select(`SELECT State, count() FROM ${LIVE} WHERE ${this.where(filter)} GROUP BY State`);
    return Object.fromEntries(r.data.map(([state, n]) => [String(state), Number(n)]));
  }

  async addActivity(entry: FindingActivityRow): Promise<boolean> {
    if (!(await this.get(entry.Id))) return false;
    const v = this.version();
    await this.db.insert('_finding_activity', [
      { id: entry.Id, kind: entry.Kind, value: entry.Value, actor: entry.By, created_at: Math.round(entry.At) * 1000, seq: v, _version: v },
    ]);
    return true;
  }

  async activity(filter: FindingActivityFilter = {}): Promise<FindingActivityRow[]> {
    const where: string[] = [];
    if (filter.ids !== undefined) where.push(`id IN ${this.inList(filter.ids)}`);
    if (filter.kinds !== undefined) where.push(`kind IN ${this.inList(filter.kinds)}`);
    const r = await this.db.select(
      `SELECT id, kind, value, actor, created_at FROM _finding_activity FINAL WHERE ${where.length ? where.join(' AND ') : '1'} ORDER BY created_at, seq`,
    );
    return r.data.map(([id, kind, value, by, at]) => ({
      Id: String(id),
      Kind: String(kind) as FindingActivityKind,
      Value: String(value),
      By: String(by),
      At: Math.round(Number(at) / 1000),
    }));
  }

  /** The WHERE condition of a listing filter. */
  private where(filter: FindingListFilter): string {
    const where: string[] = [];
    const us = (ms: number) => this.lit(Math.round(ms) * 1000, 'long');
    if (filter.endsFrom !== undefined) where.push(`\`To\` >= ${us(filter.endsFrom)}`);
    if (filter.startsTo !== undefined) where.push(`\`From\` <= ${us(filter.startsTo)}`);
    if (filter.rules !== undefined) where.push(`Rule IN ${this.inList(filter.rules)}`);
    if (filter.states !== undefined) where.push(`State IN ${this.inList(filter.states)}`);
    if (filter.severities !== undefined) where.push(`Severity IN ${this.inList(filter.severities)}`);
    if (filter.ids !== undefined) where.push(`Id IN ${this.inList(filter.ids)}`);
    return where.length ? where.join(' AND ') : '1';
  }

  private inList(vs: readonly string[]): string {
    return vs.length === 0 ? '(NULL)' : `(${vs.map((v) => this.lit(v)).join(', ')})`;
  }

  async get(id: string): Promise<StoredFindingRow | undefined> {
    return (await this.read(`Id = ${this.lit(id)}`))[0];
  }

  async setState(change: FindingStateChange): Promise<StoredFindingRow | undefined> {
    const f = await this.get(change.Id);
    if (!f) return undefined;
    const next: StoredFindingRow = { ...f, State: change.State, UpdatedBy: change.UpdatedBy, UpdatedAt: change.UpdatedAt };
    await this.db.insert('_finding_history', [
      { id: change.Id, state: change.State, updated_by: change.UpdatedBy, updated_at: change.UpdatedAt * 1000, _version: 0 },
    ]);
    await this.db.insert('Findings', [encodeRow(Findings, next, { _version: this.version(), _deleted: 0 })]);
    return next;
  }

  async history(id: string): Promise<FindingStateChange[]> {
    const r = await this.db.select(
      `SELECT state, updated_by, updated_at FROM _finding_history FINAL WHERE id = ${this.lit(id)} ORDER BY updated_at`,
    );
    return r.data.map(([state, by, at]) => ({
      Id: id,
      State: String(state) as FindingStateChange['State'],
      UpdatedBy: String(by),
      UpdatedAt: Math.round(Number(at) / 1000),
    }));
  }

  private async read(where: string, tail = ''): Promise<StoredFindingRow[]> {
    const r = await this.db.select(`SELECT ${COLS} FROM ${LIVE} WHERE ${where} ${tail}`);
    return r.data.map((values) => {
      const f = decodeRow<StoredFindingRow>(Findings, values);
      return { ...f, Entities: f.Entities ?? {}, Details: f.Details ?? {}, UpdatedBy: f.UpdatedBy ?? '' };
    });
  }
}
