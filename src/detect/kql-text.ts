/** Building evidence KQL safely: every value from the data (attacker-controlled) goes through these. */

/** A KQL string literal for any text: quotes, backslashes and control characters escaped. */
export function kqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

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
