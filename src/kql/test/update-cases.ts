/**
 * Rewrites the expected SQL and rows of the case tables from the compiler's current output, for review as a
 * diff (`npx tsx src/kql/test/update-cases.ts`), like UPDATE_GOLDEN=1 for golden files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileKql, compileKqlWithValues, KqlError } from '../index.js';
import { CASE_FILES, sortRows } from './case-files.js';
import { FIXTURE_NOW, openFixtureStore } from './fixture.js';
import type { KqlCase } from './kql-case.js';

const dir = fileURLToPath(new URL('../cases/', import.meta.url));
const store = await openFixtureStore();
let failures = 0;
for (const [file, cases] of Object.entries(CASE_FILES)) {
  const out: string[] = [];
  for (const c of cases) {
    let duck, ch, result;
    let chError: string | undefined;
    try {
      duck = await compileKqlWithValues(
        c.kql,
        { dialect: 'duckdb', now: FIXTURE_NOW },
        async (sql, params) => (await store.query(sql, params)).rows,
      );
      try {
        ch = compileKql(c.kql, { dialect: 'clickhouse', now: FIXTURE_NOW, values: duck.values });
      } catch (e) {
        if (!(e instanceof KqlError) || e.code !== 'unsupported') throw e;
        chError = e.message;
      }
      result = await store.query(duck.sql, duck.params);
    } catch (e) {
      failures++;
      console.error(`${file}: ${c.name}: ${(e as Error).message}\n  ${duck?.sql ?? ''}`);
      out.push(render(c));
      continue;
    }
    const rows = c.ordered ? result.rows : sortRows(result.rows);
    const { clickhouse: _ch, clickhouseError: _chError, ...rest } = c;
    const next: KqlCase = { ...rest, duckdb: duck.sql, ...(ch ? { clickhouse: ch.sql } : { clickhouseError: chError }), rows };
    out.push(render(next));
  }
  const path = dir + file;
  const text = readFileSync(path, 'utf8');
  const head = text.slice(0, text.indexOf('export const CASES'));
  writeFileSync(path, `${head}export const CASES: readonly KqlCase[] = [\n${out.join('')}];\n`);
}
await store.close();
if (failures > 0) process.exitCode = 1;

function render(c: KqlCase): string {
  const lines = [`    name: ${JSON.stringify(c.name)},`, `    kql: ${JSON.stringify(c.kql)},`];
  if (c.ordered !== undefined) lines.push(`    ordered: ${c.ordered},`);
  if (c.typeNote !== undefined) lines.push(`    typeNote: ${JSON.stringify(c.typeNote)},`);
  lines.push(`    duckdb: ${JSON.stringify(c.duckdb)},`);
  if (c.clickhouse !== undefined) lines.push(`    clickhouse: ${JSON.stringify(c.clickhouse)},`);
  if (c.clickhouseError !== undefined) lines.push(`    clickhouseError: ${JSON.stringify(c.clickhouseError)},`);
  lines.push(`    rows: ${JSON.stringify(c.rows)},`);
  return `  {\n${lines.join('\n')}\n  },\n`;
}
