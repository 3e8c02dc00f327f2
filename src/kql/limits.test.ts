// The bounds of src/kql/limits.ts: hostile queries get a KqlError with a position, quickly, instead of a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { compileKql, KqlError } from './index.js';
import { MAX_LIST, MAX_SQL } from './limits.js';
import { openFixtureStore } from './test/fixture.js';

/** A chain of extends, each column made of the previous one twice: `a1 = strcat(a0, a0)`, ... */
function doublingChain(steps: number): string {
  let q = 'print a0 = "x"';
  for (let i = 1; i <= steps; i++) q += ` | extend a${i} = strcat(a${i - 1}, a${i - 1})`;
  return q;
}

function refusal(query: string): KqlError {
  try {
    compileKql(query, { dialect: 'duckdb' });
  } catch (e) {
    if (e instanceof KqlError) return e;
    throw e;
  }
  throw new Error('compiled');
}

let store: Store;
beforeAll(async () => {
  store = await openFixtureStore();
});
afterAll(async () => {
  await store.close();
});

describe('SQL size grows with the query, not with its nesting', () => {
  it('a doubling extend chain reads each step from a new SELECT layer', async () => {
    const size = (steps: number, dialect: 'duckdb' | 'clickhouse') => compileKql(doublingChain(steps), { dialect }).sql.length;
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      for (const steps of [20, 160]) expect(size(steps, dialect)).toBeLessThan(30 * doublingChain(steps).length);
      expect(size(320, dialect) / size(160, dialect)).toBeLessThan(2.2);
    }
    const q = compileKql(`${doublingChain(17)} | project n = strlen(a17)`, { dialect: 'duckdb' });
    expect((await store.query(q.sql, q.params)).rows).toEqual([[2 ** 17]]);
  });

  it('one extend with many doubling assignments stays small too', () => {
    let q = 'print a0 = "x" | extend a1 = strcat(a0, a0, a0)';
    for (let i = 2; i < 30; i++) q += `, a${i} = strcat(a${i - 1}, a${i - 1}, a${i - 1})`;
    expect(compileKql(q, { dialect: 'duckdb' }).sql.length).toBeLessThan(100_000);
  });

  it('refuses SQL past the size limit (a doubling chain of lets) with the position', () => {
    let q = 'let s0 = "abc";';
    for (let i = 1; i < 40; i++) q += ` let s${i} = strcat(s${i - 1}, s${i - 1});`;
    const e = refusal(`${q} print s39`);
    expect(e.code).toBe('too-complex');
    expect(e.message).toMatch(/^line 1, column \d+: the query compiles to more than 1 million characters of SQL/);
    expect(MAX_SQL).toBe(1_000_000);
  });

  it('compiles a let used twice in each of a chain of lets once, and refuses it when it grows too large', () => {
    let q = 'let t0 = print x = 1;';
    for (let i = 1; i < 40; i++) q += ` let t${i} = union t${i - 1}, t${i - 1};`;
    const started = Date.now();
    expect(refusal(`${q} t39`).code).toBe('too-complex');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('nesting bounds', () => {
  it.each([
    ['5,000 nested parentheses', `print ${'('.repeat(5000)}1${')'.repeat(5000)}`],
    ['20,000 unary minus', `print ${'-'.repeat(20000)}1`],
    ['10,000 chained +', `print ${Array(10000).fill('1').join(' + ')}`],
    ['5,000 nested subqueries', `${'('.repeat(5000)}MessageTrace${')'.repeat(5000)}`],
    ['a deeply nested dynamic literal', `print dynamic(${'['.repeat(20000)}${']'.repeat(20000)})`],
    ['nested calls', `print ${'strlen('.repeat(3000)}"x"${')'.repeat(3000)}`],
  ])('%s', (_name, query) => {
    const e = refusal(query);
    expect(e.code).toBe('too-complex');
    expect(e.message).toMatch(/^line 1, column \d+: .*nests more than \d+ levels deep/);
  });

  it('keeps long and/or chains (generated queries) shallow', async () => {
    const terms = (n: number) => Array.from({ length: n }, (_, i) => `Subject has "w${i}"`).join(' or ');
    expect(() => compileKql(`MessageTrace | where ${terms(5000)} | count`, { dialect: 'duckdb' })).not.toThrow();
    const q = compileKql(`MessageTrace | where ${terms(40)} or Subject has "invoice" | count`, { dialect: 'duckdb' });
    expect((await store.query(q.sql, q.params)).rows).toEqual([[3]]);
  });
});

describe('list bounds', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `"term${i}"`).join(', ');

  it('has_any and has_all with thousands of terms run, and find what they should', async () => {
    for (const [op, expected] of [
      ['has_any', 3],
      ['has_all', 0],
    ] as const) {
      const q = compileKql(`MessageTrace | where Subject ${op} ("invoice", ${list(3000)}) | count`, { dialect: 'duckdb' });
      const started = Date.now();
      expect((await store.query(q.sql, q.params)).rows).toEqual([[expected]]);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const phrases = compileKql(`MessageTrace | where Subject has_any ("invoice overdue", "a.b", ${list(100)}) | count`, {
      dialect: 'duckdb',
    });
    expect((await store.query(phrases.sql, phrases.params)).rows).toEqual([[2]]);
  });

  it('refuses lists longer than the bound', () => {
    const e = refusal(`MessageTrace | where Subject in (${list(MAX_LIST + 1)})`);
    expect(e.code).toBe('too-complex');
    expect(e.message).toContain(`'in' takes at most ${MAX_LIST} values`);
  });
});

describe('names that are properties of every JavaScript object', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s', (name) => {
    expect(refusal(`${name} | take 1`).code).toBe('unknown-table');
    expect(refusal(`print ${name}(1)`).code).toBe('unknown-function');
    expect(refusal(`print x = 1 | project ${name}`).code).toBe('unknown-column');
    expect(refusal(`print x = 1 | mv-expand y = x to typeof(${name})`).code).toBe('syntax');
    expect(refusal(`print x = 1s | extend y = 1${name === '__proto__' ? 'constructor' : name}`).code).toBe('syntax');
    const q = compileKql(`print x = 1 | render table with (${name} = 1)`, { dialect: 'duckdb' });
    expect(Object.getPrototypeOf(q.render!.props)).toBe(Object.prototype);
  });

  it('a very long unknown name gets a short message quickly', () => {
    const started = Date.now();
    const e = refusal(`print x = 1 | project ${'x'.repeat(200_000)}`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(e.message.length).toBeLessThan(400);
  });
});

describe('user-defined functions', () => {
  it('refuses a function that calls itself', () => {
    const e = refusal('let f = (x:long) { f(x) + 1 }; print y = f(1)');
    expect(e.code).toBe('too-complex');
    expect(e.message).toContain('call each other more than 32 deep');
  });
});
