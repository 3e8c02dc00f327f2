/** Building evidence KQL safely: every value from the data (attacker-controlled) goes through these. */
import { kqlString } from '../kql/index.js';

export { kqlString };

/** A KQL datetime literal for ms since the epoch. */
export function kqlDatetime(ms: number): string {
  return `datetime(${new Date(ms).toISOString()})`;
}

/** `Received between (a .. b)` for an inclusive time span in ms. */
export function kqlBetween(fromMs: number, toMs: number, column = 'Received'): string {
  return `${column} between (${kqlDatetime(fromMs)} .. ${kqlDatetime(toMs)})`;
}

/** `col in ("a", "b")`, or `col == "a"` for one value. */
export function kqlIn(column: string, values: readonly string[]): string {
  if (values.length === 1) return `${column} == ${kqlString(values[0]!)}`;
  return `${column} in (${values.map(kqlString).join(', ')})`;
}

/** The evidence query: MessageTrace filtered by each condition, oldest first. */
export function evidenceQuery(conditions: readonly string[], extra: readonly string[] = []): string {
  const lines = ['MessageTrace', ...conditions.map((c) => `| where ${c}`), ...extra, '| order by Received asc'];
  return lines.join('\n');
}
