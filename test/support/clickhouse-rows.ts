/** Rows of a query on a test ClickHouse server over its HTTP interface (JSONCompact), for tests of SQL spellings. */
import { PASSWORD, USER, type ClickHouseCluster } from './clickhouse-cluster.js';

/** A function that runs SQL on the server's first node and gives its rows (an error names ClickHouse's message). */
export function clickHouseRows(server: ClickHouseCluster): (sql: string) => Promise<unknown[][]> {
  const url = `http://127.0.0.1:${server.nodes[0]!.httpPort}/?output_format_json_quote_64bit_integers=0`;
  const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  return async (sql) => {
    const res = await fetch(url, { method: 'POST', headers: { authorization: auth }, body: `${sql} FORMAT JSONCompact` });
    const text = await res.text();
    if (!res.ok) throw new Error(text);
    return (JSON.parse(text) as { data: unknown[][] }).data;
  };
}
