/**
 * ClickHouse's mv-expand of several dynamic values at once: 18.16's arrayJoin multiplies the rows of two arrays
 * instead of zipping them, so one arrayJoin runs over the positions of the longest array and reads each array at
 * that position (null past its end, as Kusto pads the shorter ones).
 */
import { elements, members, stringValue, trimmed } from './json-text.js';

/** One dynamic value to expand: SQL giving its JSON text; `asText` reads string elements' values; `pairs`: kind=array. */
export interface ExpandedValue {
  readonly sql: string;
  readonly asText: boolean;
  readonly pairs?: boolean;
}

/** The parts (Array(String) of JSON texts) mv-expand makes of JSON text `v`: an array's elements, a bag's entries. */
function parts(v: string, pairs: boolean): string {
  const entry = pairs ? `concat('[', __m[1], ',', __m[2], ']')` : `concat('{', __m[1], ':', __m[2], '}')`;
  return `if(startsWith(${trimmed(v)}, '{'), arrayMap(__m -> ${entry}, ${members(v)}), ${elements(v)})`;
}

/**
 * The set-returning columns of mv-expand over `values`, zipped: each value's part at the row's position (NULL past
 * its end), then the 0-based position when `index`; at most `limit` positions.
 */
export function zipExpanded(values: readonly ExpandedValue[], index: boolean, limit: number | undefined): string[] {
  // The values are bound together outside any lambda: 18.16 drops a subquery's column that only a lambda reads.
  const rows = bindEach(
    values.map((v) => `ifNull(${v.sql}, '')`),
    (texts) =>
      bindEach(
        texts.map((t, k) => parts(t, values[k]!.pairs === true)),
        (lists) => {
          const lengths = lists.map((l) => `length(${l})`);
          const longest = lengths.length === 1 ? lengths[0]! : `greatest(${lengths.join(', ')})`;
          const n = limit === undefined ? longest : `least(${longest}, ${limit})`;
          const at = lists.map((l, k) => {
            // A JSON null element is a null, as past the end.
            const part = `${l}[__i + 1]`;
            return `if(__i < length(${l}) AND ${part} != 'null', ${values[k]!.asText ? stringValue(part) : part}, NULL)`;
          });
          return `arrayMap(__i -> tuple(${[...at, 'toInt64(__i)'].join(', ')}), range(toUInt64(${n})))`;
        },
      ),
  );
  const row = `arrayJoin(${rows})`;
  const columns = values.map((_, k) => `tupleElement(${row}, ${k + 1})`);
  return index ? [...columns, `tupleElement(${row}, ${values.length + 1})`] : columns;
}

/**
 * `body` with each of `values` bound to a lambda parameter of one arrayMap (as json-text's bind, for several values
 * at once); the parameters are numbered above every one inside `body`.
 */
function bindEach(values: readonly string[], body: (names: readonly string[]) => string): string {
  const probe = body(values.map(() => '__j0'));
  const top = Math.max(0, ...[...probe.matchAll(/\b__j(\d+)\b/g)].map((m) => Number(m[1])));
  const names = values.map((_, k) => `__j${top + k + 1}`);
  return `arrayElement(arrayMap((${names.join(', ')}) -> ${body(names)}, ${values.map((v) => `[${v}]`).join(', ')}), 1)`;
}
