// Every reason the server names in an error answer has a text in each of the web app's string tables, so a Japanese
// viewer reads it in Japanese rather than the server's English (the web app words errors from their code).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The `reason: '...'` values in the server's source and in the modules whose errors it passes on (not their tests). */
function serverReasons(): string[] {
  const found = new Set<string>();
  for (const dir of ['server', 'alerts', 'detect', 'config'].map((d) => join(ROOT, 'src', d)))
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
      const text = readFileSync(join(dir, entry), 'utf8');
      for (const m of text.matchAll(/\breason: (?:[^'\n,}]*\? )?'([a-z-]+)'(?: : '([a-z-]+)')?/g)) {
        found.add(m[1]!);
        if (m[2]) found.add(m[2]);
      }
    }
  return [...found].sort();
}

/** The keys of the `reasons: { ... }` table of a web strings file. */
function webReasons(file: string): string[] {
  const text = readFileSync(join(ROOT, 'web', 'src', file), 'utf8');
  const start = text.indexOf('    reasons: {\n');
  const end = text.indexOf('\n    } as Record<string, (...params: string[]) => string>', start);
  expect(start, file).toBeGreaterThan(0);
  return [...text.slice(start, end).matchAll(/^ {6}'?([a-z-]+)'?: /gm)].map((m) => m[1]!).sort();
}

describe('the reasons of API errors', () => {
  it('has a text in every language of the web app for each reason the server names, and none it no longer sends', () => {
    const reasons = serverReasons();
    expect(reasons.length).toBeGreaterThan(25);
    expect(webReasons('strings.ts')).toEqual(reasons);
    expect(webReasons('strings-ja.ts')).toEqual(reasons);
  });
});
