/**
 * The golden-file check shared by every format: each `testdata/test-<case>.<ext>` is detected by content
 * and parsed, and the flattened batches must equal `test-<case>-expected.json` (regenerate with UPDATE_GOLDEN=1).
 * Fixtures named `test-undetectable-*` must not be detected as any format (they are parsed with the format forced).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../schema/index.js';
import type { Format, ParsedBatch } from './format.js';
import { detectFormat, openInput, openStream } from './index.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The input fixtures of a testdata folder (full paths). */
export function fixturesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('test-') && !f.endsWith('-expected.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** JSON with keys sorted at every level, two-space indented, ending with a newline. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/**
 * Parse a file with a format (in the file's own chunks, re-cut into pieces of `piece` characters, or its raw
 * bytes handed over `bytes` at a time, so that multi-byte characters of UTF-8, UTF-16 and Shift_JIS are split)
 * and flatten its batches.
 */
export async function goldenOf(
  format: Format,
  path: string,
  piece?: number,
  bytes?: number,
): Promise<{ flat: unknown; batches: ParsedBatch[] }> {
  const raw = readFileSync(path);
  const input = bytes
    ? await openStream(
        (async function* () {
          for (let i = 0; i < raw.length; i += bytes) yield raw.subarray(i, i + bytes);
        })(),
        () => undefined,
      )
    : await openInput(path);
  let chunks: AsyncIterable<string> = input.chunks;
  if (piece) {
    let text = '';
    for await (const c of input.chunks) text += c;
    chunks = (async function* () {
      for (let i = 0; i < text.length; i += piece) yield text.slice(i, i + piece);
    })();
  }
  const batches: ParsedBatch[] = [];
  for await (const batch of format.parse({ file: path, chunks })) batches.push(batch);
  const flat = {
    read: batches.length ? batches[batches.length - 1]!.read : 0,
    skipped: batches.length ? batches[batches.length - 1]!.skipped : 0,
    traces: batches.flatMap((b) => b.traces).map((t) => ({ ...t, Received: formatTime(t.Received) })),
    events: batches.flatMap((b) => b.events).map((e) => ({ ...e, Timestamp: formatTime(e.Timestamp) })),
    rejects: batches.flatMap((b) => b.rejects).map((r) => ({ ...r, file: basename(r.file) })),
  };
  return { flat, batches };
}

/** Register the golden tests of one format's testdata folder. */
export function runGoldenTests(format: Format, testdata: URL): void {
  const dir = fileURLToPath(testdata);
  const fixtures = fixturesIn(dir);
  describe(`${format.name} golden files`, () => {
    it('has fixtures', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });
    for (const path of fixtures) {
      const name = basename(path);
      it(`${name} is detected by its content`, async () => {
        const input = await openInput(path);
        await input.close();
        const detected = detectFormat(input.head)?.name;
        if (name.startsWith('test-undetectable-')) expect(detected).toBeUndefined();
        else expect(detected).toBe(format.name);
      });
      it(`${name} parses as its golden file says`, async () => {
        const { flat, batches } = await goldenOf(format, path);
        let read = 0;
        for (const b of batches) {
          expect(b.read).toBeGreaterThanOrEqual(read);
          read = b.read;
        }
        const expectedPath = path.replace(/\.[^.]+$/, '-expected.json');
        const actual = stableJson(flat);
        if (UPDATE) writeFileSync(expectedPath, actual);
        const expected = readFileSync(expectedPath, 'utf8');
        expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
      });
      it(`${name} parses the same when the text arrives in tiny chunks`, async () => {
        const whole = await goldenOf(format, path);
        for (const piece of [1, 7, 64]) expect((await goldenOf(format, path, piece)).flat).toEqual(whole.flat);
      });
      it(`${name} parses the same when its bytes arrive in 1, 7 and 64-byte chunks`, async () => {
        const whole = await goldenOf(format, path);
        for (const bytes of [1, 7, 64])
          expect((await goldenOf(format, path, undefined, bytes)).flat, `${bytes}-byte chunks`).toEqual(whole.flat);
      });
    }
  });
}
