import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesIn } from './golden.case.js';
import { detectFormat, FORMATS, openInput, parseFile, UnknownFormatError } from './index.js';
import type { FormatName } from './index.js';

const NAMES: FormatName[] = ['graph', 'rws', 'powershell', 'eac', 'tracking-log'];

describe('detectFormat', () => {
  it('lists every format once', () => {
    expect(FORMATS.map((f) => f.name).sort()).toEqual([...NAMES].sort());
  });

  // Every fixture of every format, under a neutral name: detection looks at content only.
  for (const name of NAMES) {
    const dir = fileURLToPath(new URL(`./${name}/testdata/`, import.meta.url));
    for (const path of fixturesIn(dir)) {
      const file = basename(path);
      it(`tells ${name}/${file} by content alone, and only one format accepts it`, async () => {
        const input = await openInput(path);
        await input.close();
        const accepting = FORMATS.filter((f) => f.detect(input.head)).map((f) => f.name);
        expect(accepting).toEqual(file.startsWith('test-undetectable-') ? [] : [name]);
      });
    }
  }

  const unrelated: [string, string][] = [
    ['an empty file', ''],
    ['plain text', 'Dear team,\nplease find the report attached.\n'],
    ['a package.json', '{\n  "name": "something",\n  "version": "1.0.0",\n  "dependencies": {}\n}\n'],
    ['a CSV of something else', 'name,email,department\nKenji Sato,kenji.sato@contoso.com,Sales\n'],
    ['a Graph error body', '{"error":{"code":"Forbidden","message":"Insufficient privileges"}}'],
    [
      'a Graph users page',
      '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","value":[{"id":"1","mail":"a@contoso.com"}]}',
    ],
    [
      'a Graph mail messages page',
      '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(\'x\')/messages","value":[{"id":"AAMk","receivedDateTime":"2026-03-01T00:00:00Z","subject":"Hi","toRecipients":[]}]}',
    ],
    [
      'an IIS log',
      '#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem\n2026-03-01 00:00:00 192.0.2.1 GET /owa\n',
    ],
    ['a JSON array of numbers', '[1, 2, 3]'],
  ];
  it.each(unrelated)('does not claim %s', (_, text) => {
    expect(detectFormat(text)).toBeUndefined();
  });
});

describe('parseFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mailsift-formats-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('detects and parses a renamed file', async () => {
    const source = fileURLToPath(new URL('./powershell/testdata/test-single-object.json', import.meta.url));
    const path = join(dir, 'export.txt');
    await writeFile(path, (await import('node:fs')).readFileSync(source));
    const parsed = await parseFile(path);
    expect(parsed.format.name).toBe('powershell');
    let traces = 0;
    for await (const b of parsed) traces += b.traces.length;
    expect(traces).toBe(1);
  });

  it('parses with a forced format', async () => {
    const path = join(dir, 'page.html');
    await writeFile(path, '<html><body>Bad gateway</body></html>');
    const parsed = await parseFile(path, 'graph');
    const rejects = [];
    for await (const b of parsed) rejects.push(...b.rejects);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ file: path, line: 1 });
  });

  it('names the file and the formats tried when none fits', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'just some notes\n');
    const error = await parseFile(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnknownFormatError);
    expect((error as UnknownFormatError).code).toBe('UNKNOWN_FORMAT');
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(path);
    for (const name of NAMES) expect(message).toContain(name);
  });
});
