// `--tz` and `LANG`/`--lang` on the built command: printed times in the chosen zone with their offset, messages in
// the user's language.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { traceRow } from './server-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-tz-'));
const store = `duckdb:${join(dir, 'tz.duckdb')}`;
const tokyo = join(dir, 'tokyo.yaml');
const plain = join(dir, 'plain.yaml');
// Machine zone UTC and an English locale unless a test says otherwise.
const env = { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

beforeAll(async () => {
  const s = await openStore(store);
  // 2026-11-26 00:00 UTC = 09:00 JST; 2026-11-25 15:00 UTC = Nov 26 00:00 JST.
  await s.upsertTraces([
    traceRow(1, { Received: Date.parse('2026-11-26T00:00:00Z') }),
    traceRow(2, { Received: Date.parse('2026-11-25T15:00:00Z') }),
  ]);
  await s.close();
  writeFileSync(tokyo, `store: ${store}\norganization: { name: Contoso, timeZone: Asia/Tokyo }\n`);
  writeFileSync(plain, `store: ${store}\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const daily = 'MessageTrace | summarize Count = count() by Day = bin(Received, 1d) | sort by Day asc';
const times = 'MessageTrace | project Received | sort by Received asc';

describe('time zones on the command line', () => {
  it('prints query times in organization.timeZone with the offset, in every format', async () => {
    const json = await runCli(['--config', tokyo, 'query', times, '--format', 'json'], { env });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([{ Received: '2026-11-26T00:00:00+09:00' }, { Received: '2026-11-26T09:00:00+09:00' }]);
    const csv = await runCli(['--config', tokyo, 'query', times, '--format', 'csv'], { env });
    expect(csv.stdout).toBe('Received\r\n2026-11-26T00:00:00+09:00\r\n2026-11-26T09:00:00+09:00\r\n');
    const table = await runCli(['--config', tokyo, 'query', times], { env });
    expect(table.stdout).toContain('2026-11-26T09:00:00+09:00');
    expect(table.stdout).toContain('(2 rows)');
  });

  it('prints datetimes with their microseconds and ticks in every format, in UTC and in a zone', async () => {
    const q = 'print t = datetime(2026-11-26 00:00:00.123456), k = datetime(2026-11-26 00:00:00.1234567)';
    const json = await runCli(['--config', plain, 'query', q, '--format', 'json'], { env });
    expect(JSON.parse(json.stdout)).toEqual([{ t: '2026-11-26T00:00:00.123456Z', k: '2026-11-26T00:00:00.1234567Z' }]);
    const ndjson = await runCli(['--config', plain, 'query', q, '--format', 'ndjson'], { env });
    expect(ndjson.stdout).toBe('{"t":"2026-11-26T00:00:00.123456Z","k":"2026-11-26T00:00:00.1234567Z"}\n');
    const csv = await runCli(['--config', plain, 'query', q, '--format', 'csv'], { env });
    expect(csv.stdout).toBe('t,k\r\n2026-11-26T00:00:00.123456Z,2026-11-26T00:00:00.1234567Z\r\n');
    const table = await runCli(['--config', tokyo, 'query', q], { env });
    expect(table.stdout).toContain('2026-11-26T09:00:00.123456+09:00');
    expect(table.stdout).toContain('2026-11-26T09:00:00.1234567+09:00');
  });

  it('follows --tz over the configuration, and refuses a zone that is not one', async () => {
    const ny = await runCli(['--config', tokyo, '--tz', 'America/New_York', 'query', times, '--format', 'ndjson'], { env });
    expect(ny.stdout).toBe('{"Received":"2026-11-25T10:00:00-05:00"}\n{"Received":"2026-11-25T19:00:00-05:00"}\n');
    const bad = await runCli(['--config', tokyo, '--tz', 'Tokyo/Mars', 'query', times], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("mailsift: --tz 'Tokyo/Mars' is not an IANA time zone (such as Asia/Tokyo or UTC)\n");
  });

  it('keeps UTC in machine formats when no zone was chosen, and prints the offset in tables', async () => {
    const json = await runCli(['--config', plain, 'query', daily, '--format', 'json'], { env });
    expect(JSON.parse(json.stdout)).toEqual([
      { Day: '2026-11-25T00:00:00.000Z', Count: 1 },
      { Day: '2026-11-26T00:00:00.000Z', Count: 1 },
    ]);
    const table = await runCli(['--config', plain, 'query', daily], { env });
    expect(table.stdout).toContain('2026-11-25T00:00:00+00:00');
  });

  it('prints stats in the zone, as text and JSON', async () => {
    const text = await runCli(['--config', tokyo, 'stats'], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^from: +2026-11-26T00:00:00\+09:00$/m);
    expect(text.stdout).toMatch(/^to: +2026-11-26T09:00:00\+09:00$/m);
    expect(text.stdout).toMatch(/^time zone: +Asia\/Tokyo$/m);
    const json = JSON.parse((await runCli(['--config', tokyo, '--tz', 'UTC', 'stats', '--json'], { env })).stdout);
    expect(json.from).toBe('2026-11-25T15:00:00+00:00');
  });
});

describe('languages on the command line', () => {
  it('speaks Japanese when LANG is ja_JP, and --lang wins', async () => {
    const ja = await runCli(['--config', tokyo, 'stats'], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(ja.stdout).toMatch(/^行数: +2（メッセージ 2 件）$/m);
    expect(ja.stdout).toMatch(/^タイムゾーン: +Asia\/Tokyo$/m);
    const rows = await runCli(['--config', tokyo, 'query', times], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(rows.stdout).toContain('（2 行）');
    const en = await runCli(['--config', tokyo, '--lang', 'en', 'stats'], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(en.stdout).toMatch(/^rows: +2 \(2 messages\)$/m);
    const err = await runCli(['--config', tokyo, '--lang', 'ja', 'query', times, '--format', 'xml'], { env });
    expect(err.code).toBe(2);
    expect(err.stderr).toBe('mailsift: --format には table, csv, json, ndjson のいずれかを指定してください\n');
    const unknown = await runCli(['--config', tokyo, '--lang', 'fr', 'stats'], { env });
    expect(unknown.code).toBe(2);
  });

  it('prints a mistake in the query in the language of the CLI, at the same line and column', async () => {
    const typo = 'MessageTrace\n| where Status = "Failed"';
    const ja = await runCli(['--config', plain, 'query', typo], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe("mailsift: 2 行 16 列目: 比較には == を使ってください（'=' は extend や project で列に名前を付けます）\n");
    const en = await runCli(['--config', plain, 'query', typo], { env });
    expect(en.stderr).toBe("mailsift: line 2, column 16: use == to compare ('=' names a column in extend and project)\n");
    const column = await runCli(['--config', plain, '--lang', 'ja', 'query', 'MessageTrace | project SenderAdress'], { env });
    expect(column.stderr).toBe("mailsift: 1 行 24 列目: 不明な列 'SenderAdress' です（SenderAddress のことですか？）\n");
  });

  it('words a mistake in mailsift.yaml in the language of LANG, else in the one the file names', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, `store: ${store}\norganization: { language: ja, timeZone: Tokyo }\n`);
    const fromFile = await runCli(['--config', bad, 'stats'], { env });
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toBe(`mailsift: ${bad}: organization.timeZone: Asia/Tokyo のような IANA タイムゾーンにしてください\n`);
    const english = await runCli(['--config', bad, '--lang', 'en', 'stats'], { env });
    expect(english.stderr).toBe(`mailsift: ${bad}: organization.timeZone: an IANA time zone such as Asia/Tokyo\n`);
    writeFileSync(bad, `store: ${store}\nserver: { port: 99999 }\n`);
    const server = await runCli(['--config', bad, 'stats'], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(server.stderr).toMatch(/^mailsift: .*bad\.yaml: server\.port: 大きすぎる値: /);
  });

  it('writes the ingest summary in Japanese', async () => {
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '{"not":"a trace"}\n');
    const r = await runCli(['--config', tokyo, 'ingest', file, '--rejects', join(dir, 'rej.ndjson')], {
      env: { ...env, LANG: 'ja_JP.UTF-8' },
    });
    expect(r.stdout).toMatch(/^合計: 読み込み \d+ 件、新規 0 件、更新 0 件、重複 0 件、除外 \d+ 件、スキップ \d+ 件、イベント 0 件$/m);
  });

  it('writes reject reasons in Japanese, and keeps the code and the English text in the reject file', async () => {
    const shape = join(dir, 'shape.json');
    writeFileSync(shape, '{"not":"a trace"}\n');
    const bad = join(dir, 'bad.ndjson');
    const good = { MessageTraceId: 'c1d2e3f4-a5b6-4c7d-8e9f-000000000001', Received: '2026-11-26T00:00:00Z', Status: 'Delivered' };
    writeFileSync(
      bad,
      [{ ...good, RecipientAddress: 'a@contoso.com', Size: 'big' }, { ...good }].map((o) => JSON.stringify(o)).join('\n') + '\n',
    );
    const rejects = join(dir, 'reasons.rejects.ndjson');
    const r = await runCli(['--config', tokyo, 'ingest', shape, bad, '--rejects', rejects], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(r.stdout).toContain('  除外: 未知の形の JSON です: 最上位のキー not');
    expect(r.stdout).toContain('  1 件: Size の値が不正です: "big"');
    expect(r.stdout).toContain('  1 件: RecipientAddress がありません');
    const lines = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.code, l.reason])).toEqual([
      ['json-object-keys', 'JSON of an unknown shape: top-level keys not'],
      ['bad-value', 'bad Size "big"'],
      ['missing-field', 'missing RecipientAddress'],
    ]);
    const en = await runCli(['--config', tokyo, '--lang', 'en', 'ingest', bad, '--rejects', join(dir, 'en.ndjson')], { env });
    expect(en.stdout).toContain('  1 x missing RecipientAddress');
  });

  it('speaks organization.language when LANG names no language, beyond the common commands', async () => {
    const japanese = join(dir, 'japanese.yaml');
    writeFileSync(japanese, `store: ${store}\norganization: { name: Contoso, timeZone: Asia/Tokyo, language: ja }\n`);
    const users = await runCli(['--config', japanese, 'users', 'list'], { env });
    expect(users.stdout).toBe('ユーザーはいません\n');
    const retention = await runCli(['--config', japanese, 'maintain'], { env });
    expect(retention.stdout).toContain('保存期間が設定されていません');
    const collect = await runCli(['--config', japanese, 'collect', '--once'], { env });
    expect(collect.code).toBe(2);
    expect(collect.stderr).toContain('設定にコレクターがありません');
    const stats = await runCli(['--config', japanese, 'stats'], { env });
    expect(stats.stdout).toMatch(/^コレクター: このストアではまだ実行されていません$/m);
    // A language the environment names wins over the configured one.
    const en = await runCli(['--config', japanese, 'users', 'list'], { env: { ...env, LANG: 'en_US.UTF-8' } });
    expect(en.stdout).toBe('no users\n');
  });
});
