/** Names of the SQL dialects the stores speak and the KQL compiler targets. */
export type SqlDialectName = 'duckdb' | 'clickhouse';
