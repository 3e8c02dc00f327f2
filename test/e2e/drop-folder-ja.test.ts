/** End to end: `serve` under a Japanese locale tells of drop-folder files it could not read or whose rejects it could not keep in Japanese. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText, type ReasonJson } from '../../src/formats/index.js';
import { runCli } from '../support/run-cli.js';
import { startServe, type ServeProcess } from '../support/serve-cli.js';
import { writeTraceLines } from '../support/trace-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-drop-ja-'));
const inbox = join(dir, 'inbox');
const config = join(dir, 'mailsift.yaml');
writeFileSync(config, `store: duckdb:${join(dir, 'data', 'mailsift.duckdb')}\ningest: { watch: ${inbox}, settle: 1s }\n`);
const env = { LANG: 'ja_JP.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };
let serve: ServeProcess;

beforeAll(async () => {
  mkdirSync(join(inbox, 'rejected'), { recursive: true });
  serve = await startServe(['--config', config], { cwd: dir, env });
});
afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The log lines (pino JSON) of the server that name `name`. */
const logOf = (name: string) =>
  serve
    .log()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; drop?: unknown; reason?: string })
    .filter((l) => l.drop === name);

describe('drop folder under LANG=ja_JP', () => {
  it('logs a reject file it could not write, and an unreadable file, in Japanese; the API keeps the codes', async () => {
    // A folder where the file's own reject file would go keeps it from being written.
    mkdirSync(join(inbox, 'rejected', 'wednesday.ndjson.rejects.ndjson'));
    const lines = readFileSync(writeTraceLines(join(dir, 'w.ndjson'), 0, 4, { bad: 1 }), 'utf8');
    writeFileSync(join(inbox, 'wednesday.ndjson'), lines);
    writeFileSync(join(inbox, 'notes.txt'), 'not a message trace export\n');
    await expect.poll(() => logOf('wednesday.ndjson').length + logOf('notes.txt').length, { timeout: 20_000, interval: 250 }).toBe(2);
    const [rejects] = logOf('wednesday.ndjson');
    expect(rejects).toMatchObject({ level: 40, reason: 'reject-file-not-written' });
    expect(rejects!.msg).toMatch(
      /^ドロップフォルダー: wednesday\.ndjson: 除外したレコードは件数に含めましたが、保存できませんでした: 除外ファイル .*wednesday\.ndjson\.rejects\.ndjson を書き込めませんでした: フォルダーです$/,
    );
    const [unread] = logOf('notes.txt');
    expect(unread!.level).toBe(40);
    expect(unread!.msg).toMatch(/^ドロップフォルダー: notes\.txt を読み込めませんでした: [^a-zA-Z]*[\u3040-\u30ff]/);

    const token = (await runCli(['--config', config, 'tokens', 'create', 'drops', '--role', 'viewer'], { cwd: dir, env })).stdout.trim();
    const res = await fetch(`${serve.url}/api/imports`, { headers: { authorization: `Bearer ${token}` } });
    type Entry = { name: string; rejectFileError: string; rejectFileErrorReason: ReasonJson };
    const entry = ((await res.json()) as { imports: Entry[] }).imports.find((i) => i.name === 'wednesday.ndjson')!;
    expect(entry).toMatchObject({ rejected: 1, ingested: 4, rejectFile: null, rejectFileErrorReason: { code: 'reject-file-not-written' } });
    expect(reasonText(entry.rejectFileErrorReason, 'en')).toBe(entry.rejectFileError);
  });
});
