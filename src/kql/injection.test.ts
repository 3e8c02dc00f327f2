// Attacker-controlled text in every string context of a query can only ever be read: it is bound, rejected,
// or never reaches SQL. Each query runs on a real DuckDB, which must still hold all its rows afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { compileKql, KqlError } from './index.js';
import { FIXTURE_NOW, openFixtureStore, TRACES } from './test/fixture.js';

const PAYLOADS = [
  `'; DROP TABLE "MessageTrace"; --`,
  `"); DROP TABLE "MessageTrace"; --`,
  `\\'; DELETE FROM "MessageTrace"; --`,
  `*/ DELETE FROM "MessageTrace" /*`,
  `-- comment`,
  `x' OR '1'='1`,
  `\u0027 OR 1=1 --`,
  `it\u2019s \u202e reversed`,
  `nul\0byte`,
  `$1 ? {p1:String} %s \\x27`,
  `back\\slash\\`,
  `line\nbreak`,
];

/** ClickHouse SQL with every single-quoted literal emptied, read as ClickHouse reads them (backslash escapes). */
function outsideClickHouseLiterals(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'") {
      out += sql[i];
      continue;
    }
    for (i++; i < sql.length && sql[i] !== "'"; i++) if (sql[i] === '\\') i++;
    out += "''";
  }
  return out;
}

/** A KQL double-quoted literal holding exactly `s`. */
function kqlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\0/g, '\\0').replace(/\n/g, '\\n')}"`;
}

/** Query shapes with a string slot; `true` marks a slot read as a regular expression, which DuckDB may reject. */
const CONTEXTS: readonly [(lit: string) => string, boolean?][] = [
  [(l) => `MessageTrace | where Subject == ${l}`],
  [(l) => `MessageTrace | where Subject =~ ${l}`],
  [(l) => `MessageTrace | where Subject has ${l}`],
  [(l) => `MessageTrace | where Subject has_cs ${l}`],
  [(l) => `MessageTrace | where Subject contains ${l} or Subject !contains_cs ${l}`],
  [(l) => `MessageTrace | where Subject startswith ${l} or Subject endswith ${l}`],
  [(l) => `MessageTrace | where Subject has_any (${l}, "x") or Subject has_all (${l})`],
  [(l) => `MessageTrace | where Subject in (${l}) or Subject in~ (${l})`],
  [(l) => `MessageTrace | where Subject matches regex ${l}`, true],
  [(l) => `MessageTrace | search ${l}`],
  [(l) => `MessageTrace | extend X = strcat(Subject, ${l}) | project X, Y = replace_string(Subject, ${l}, ${l})`],
  [(l) => `MessageTrace | parse Subject with ${l} Rest`],
  [(l) => `MessageTrace | project P = split(Subject, ${l}), I = indexof(Subject, ${l})`],
  [(l) => `let v = ${l};\nMessageTrace | where Subject == v`],
  [(l) => `MessageTrace | render table with (title=${l})`],
  [
    (l) =>
      `MessageTrace | project J = parse_json(${l}), P = pack(${l}, ${l}), A = pack_array(${l}), K = tostring(parse_json(Subject)[${l}])`,
  ],
  [(l) => `MessageTrace | project C = countof(Subject, ${l}), R = strrep(${l}, 2, ${l}), H = set_has_element(dynamic(["a"]), ${l})`],
  [(l) => `MessageTrace | project E = extract_all(${l}, Subject)`, true],
];

let store: Store;
beforeAll(async () => {
  store = await openFixtureStore();
});
afterAll(async () => {
  await store.close();
});

describe('string values are bound, never pasted into SQL', () => {
  for (const payload of PAYLOADS) {
    it(JSON.stringify(payload), async () => {
      for (const [context, readAsRegex] of CONTEXTS) {
        const kql = context(kqlString(payload));
        let compiled;
        try {
          compiled = compileKql(kql, { dialect: 'duckdb', now: FIXTURE_NOW });
        } catch (e) {
          // A regex payload may be rejected by DuckDB at run time, but compiling must not fail otherwise.
          throw new Error(`${kql}: ${(e as Error).message}`);
        }
        expect(compiled.sql).not.toContain(payload);
        expect(compiled.sql).not.toMatch(/DROP|DELETE/);
        // ClickHouse 18.16 has no bound parameters: values are inlined by its escapeString, so outside its
        // string literals the SQL must hold nothing of the payload.
        expect(outsideClickHouseLiterals(compileKql(kql, { dialect: 'clickhouse', now: FIXTURE_NOW }).sql)).not.toMatch(/DROP|DELETE/);
        const run = store.query(compiled.sql, compiled.params);
        // A payload read as a regular expression may be an invalid one; everything else must run.
        if (readAsRegex) await run.catch(() => undefined);
        else await run;
      }
      expect((await store.query('SELECT count(*) FROM "MessageTrace"')).rows).toEqual([[TRACES.length]]);
    });
  }

  it('finds an attacker-controlled subject by its exact text', async () => {
    const subject = TRACES.find((t) => t.MessageTraceId === 'm8')!.Subject;
    const q = compileKql(`MessageTrace | where Subject == ${kqlString(subject)} | project MessageTraceId`, { dialect: 'duckdb' });
    expect((await store.query(q.sql, q.params)).rows).toEqual([['m8']]);
  });
});

describe('names from the query are validated, never trusted', () => {
  const bad = `x"; DROP TABLE "MessageTrace"; --`;
  it.each([
    [`MessageTrace | project ['${bad}'] = 1`, 'invalid-name'],
    [`MessageTrace | extend ['${bad}'] = 1`, 'invalid-name'],
    [`MessageTrace | where ['${bad}'] == "x"`, 'unknown-column'],
    [`MessageTrace | project-rename ['${bad}'] = Subject`, 'invalid-name'],
    [`MessageTrace | summarize ['${bad}'] = count()`, 'invalid-name'],
    [`MessageTrace | parse Subject with "x" ['${bad}']`, 'invalid-name'],
    [`['${bad}'] | take 1`, 'unknown-table'],
    [`MessageTrace | project x = format_datetime(Received, "yyyy'; DROP TABLE x; --")`, 'invalid-argument'],
    [`MessageTrace | project x = datetime_diff("day'; DROP TABLE x; --", now(), Received)`, 'invalid-argument'],
  ])('%s', (kql, code) => {
    expect(() => compileKql(kql, { dialect: 'duckdb' })).toThrow(KqlError);
    try {
      compileKql(kql, { dialect: 'duckdb' });
    } catch (e) {
      expect((e as KqlError).code).toBe(code);
    }
  });

  it('a let name with odd characters never reaches SQL', () => {
    const q = compileKql(`let ['${bad}'] = "v";\nMessageTrace | where Subject == ['${bad}']`, { dialect: 'duckdb' });
    expect(q.sql).not.toContain('DROP');
  });
});
