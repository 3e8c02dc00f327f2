/** Column types of the KQL tables, named as KQL names them. */
export type ColumnType = 'datetime' | 'string' | 'long' | 'int' | 'real' | 'bool' | 'dynamic' | 'timespan';

/** One column of a table: its KQL name and type. */
export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly doc?: string;
}

/** A table as KQL sees it. `key` lists the columns that identify a row (for upserts). */
export interface TableDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly key: readonly string[];
  readonly doc: string;
}
