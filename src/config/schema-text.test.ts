// The messages the zod schemas give themselves are codes with an English and a Japanese text: no schema of the API or
// the configuration words a message of its own, so a Japanese reader never meets one in English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstIssue } from './config-messages.js';
import { schemaIssue, schemaMessage, schemaTextIn, schemaTextOf } from './schema-text.js';
import { SCHEMA_TEXTS_EN } from './schema-texts-en.js';
import { SCHEMA_TEXTS_JA } from './schema-texts-ja.js';
import { issueReason } from './zod-reason.js';

const SRC = join(import.meta.dirname, '..');

// Sample values that every text may read.
const P = { value: '1x', min: 1, max: 10, count: 3, field: 'day of week', expression: '61 * * * *', name: 'x', values: 'low, high' };

/**
 * Places in the source where a zod schema gives a message of its own without a code: a string or template literal as
 * the message of a check (`.refine(f, 'text')`, `.regex(re, 'text')`, `.min(1, 'text')`), `error:` or `message:` of
 * schema options, and a custom issue not made by schemaIssue.
 */
function ownMessages(file: string, text: string): string[] {
  const found: string[] = [];
  const at = (index: number) => `${file}:${text.slice(0, index).split('\n').length}`;
  const literal = /^\s*(['"`])/;
  for (const m of text.matchAll(/\.(refine|superRefine|regex|min|max|length|nonempty|startsWith|endsWith|includes|email|url)\(/g)) {
    // The arguments of the call, up to its closing parenthesis.
    let depth = 1;
    let i = m.index + m[0].length;
    let top = i;
    const args: string[] = [];
    for (; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if ((c === "'" || c === '"' || c === '`') && depth >= 1) {
        // Skip a string literal whole (no nesting inside).
        const end = text.indexOf(c, i + 1);
        if (end > i) i = end;
      } else if (c === ',' && depth === 1) {
        args.push(text.slice(top, i));
        top = i + 1;
      }
    }
    args.push(text.slice(top, i - 1));
    if (args.slice(1).some((a) => literal.test(a))) found.push(`${at(m.index)} .${m[1]}(..., literal)`);
  }
  for (const m of text.matchAll(/\b(error|message):\s*['"`]/g)) found.push(`${at(m.index)} ${m[1]}: literal`);
  for (const m of text.matchAll(/addIssue\(\s*\{([^}]*)\}/g))
    if (!/\.\.\.schemaIssue\(/.test(m[1]!)) found.push(`${at(m.index)} addIssue without schemaIssue`);
  return found;
}

describe('schema texts', () => {
  it('has a Japanese text for every code, in Japanese, reading every value it is given', () => {
    expect(Object.keys(SCHEMA_TEXTS_JA).sort()).toEqual(Object.keys(SCHEMA_TEXTS_EN).sort());
    for (const code of Object.keys(SCHEMA_TEXTS_EN)) {
      const ja = schemaTextIn({ code, params: P }, 'ja')!;
      expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      for (const text of [ja, schemaTextIn({ code, params: P }, 'en')!]) expect(text, code).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(schemaTextIn({ code: 'from-a-later-version' }, 'ja')).toBeUndefined();
  });

  it('is what every zod schema of the API and the configuration gives as its own message', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.case.ts') && !f.startsWith('kql/') && !f.startsWith('store/'),
    );
    const found: string[] = [];
    let schemaFiles = 0;
    for (const f of files) {
      const text = readFileSync(join(SRC, f), 'utf8');
      if (!/from 'zod'/.test(text)) continue;
      schemaFiles++;
      found.push(...ownMessages(f, text));
    }
    expect(schemaFiles).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('finds its own messages in the source it checks', () => {
    const sample = [
      "z.string().refine((s) => s !== '', 'must not be empty')",
      'z.string().regex(/^a$/, `an a (${x})`)',
      "z.enum(['a'], { error: 'pick a' })",
      "ctx.addIssue({ code: 'custom', message: 'bad' })",
      "z.string().refine((s) => s !== '', schemaIssue('http-url'))",
      "ctx.addIssue({ code: 'custom', path: ['k'], ...schemaIssue('http-url') })",
    ].join('\n');
    expect(ownMessages('sample.ts', sample)).toEqual([
      'sample.ts:1 .refine(..., literal)',
      'sample.ts:2 .regex(..., literal)',
      'sample.ts:3 error: literal',
      'sample.ts:4 message: literal',
      'sample.ts:4 addIssue without schemaIssue',
    ]);
  });

  it('reaches readers by code: configuration messages in their language, API errors as value-schema', () => {
    const schema = z.object({
      when: z.string().refine(() => false, schemaIssue('schedule-invalid', { value: 'often' })),
      who: z.string().regex(/^\S+@\S+$/, schemaMessage('email-address')),
    });
    const bad = schema.safeParse({ when: 'often', who: 'nobody' }).error!;
    expect(firstIssue(bad, ['alerts'], 'ja')).toBe(
      "alerts.when: 'often' は間隔（30s、5m、1h、1d）でも cron 式（'*/10 * * * *'）でもありません",
    );
    expect(firstIssue(bad, ['alerts'], 'en')).toBe(
      "alerts.when: 'often' is neither an interval (30s, 5m, 1h, 1d) nor a cron expression ('*/10 * * * *')",
    );
    expect(issueReason(bad.issues[0]!, 'schedule')).toEqual({
      reason: 'value-schema',
      params: { key: 'schedule', schemaText: 'schedule-invalid', value: 'often' },
    });
    expect(schemaTextOf(bad.issues[1]!)).toEqual({ code: 'email-address', params: {} });
    expect(issueReason(bad.issues[1]!, 'to')).toMatchObject({ reason: 'value-schema', params: { schemaText: 'email-address' } });
  });
});
