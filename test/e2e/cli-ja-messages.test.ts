// What the built command prints under a Japanese locale (Japanese, no English sentence) and otherwise (English): a
// mistake in the `alerts:` section as `mailsift serve` and `mailsift alerts run` print it, a failed test alert.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../src/alerts/testing/http-receiver.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { mountTmpfs } from '../support/tmpfs.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-ja-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ja = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '', TZ: 'UTC' };
const en = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', TZ: 'UTC' };

/** A configuration whose alerts section holds `destination` (YAML lines under the entry) and a rule sending to it. */
function config(
  name: string,
  destination: string,
  rules = '    - { name: r, detection: "*", schedule: 5m, destinations: [soc] }\n',
): string {
  const path = join(dir, `${name}.yaml`);
  const store = `duckdb:${join(dir, `${name}.duckdb`)}`;
  writeFileSync(path, `store: ${store}\nalerts:\n  destinations:\n    - name: soc\n${destination}  rules:\n${rules}`);
  return path;
}

// A sentence of English words (three or more in a row), which a Japanese reader should not have to read.
const ENGLISH_SENTENCE = /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/;

/** The Japanese line without the key path and values it quotes (they stay as written in the file). */
const prose = (line: string) => line.replace(/alerts\.[^:]*:/, '').replace(/'[^']*'|>= \d+|webhook, [a-z, ]+/g, '');

describe('alerts section mistakes on the command line', () => {
  const cases = [
    {
      name: 'too-small',
      yaml: '      type: webhook\n      url: http://127.0.0.1:9/hook\n      attempts: 0\n',
      en: 'mailsift: alerts.destinations[0] ("soc").attempts: Too small: expected number to be >=1\n',
      ja: /^mailsift: alerts\.destinations\[0\] \("soc"\)\.attempts: >= 1 にしてください/,
    },
    {
      name: 'type',
      yaml: '      type: webhook\n      url: 42\n',
      en: 'mailsift: alerts.destinations[0] ("soc").url: Invalid input: expected string, received number\n',
      ja: /^mailsift: alerts\.destinations\[0\] \("soc"\)\.url: string 型の値にしてください/,
    },
    {
      name: 'unknown-key',
      yaml: '      type: webhook\n      url: http://127.0.0.1:9/hook\n      bogus: 1\n',
      en: 'mailsift: alerts.destinations[0] ("soc"): Unrecognized key: "bogus"\n',
      ja: /^mailsift: alerts\.destinations\[0\] \("soc"\): 不明なキーです: bogus/,
    },
    {
      name: 'schema-text',
      yaml: '      type: webhook\n      url: ftp://example.com/hook\n',
      en: 'mailsift: alerts.destinations[0] ("soc").url: must be an http:// or https:// URL\n',
      ja: /^mailsift: alerts\.destinations\[0\] \("soc"\)\.url: .*URL.*[\u3040-\u30ff]/,
    },
    {
      name: 'destination-type',
      yaml: '      type: pager\n',
      en: /^mailsift: alerts\.destinations\[0\] \("soc"\)\.type: unknown destination type 'pager' \(known: /,
      ja: /^mailsift: alerts\.destinations\[0\] \("soc"\)\.type: 送信先の種類 'pager' はありません/,
    },
  ];

  for (const c of cases) {
    it(`prints a ${c.name} mistake in the reader's language from alerts run and serve`, async () => {
      const path = config(c.name, c.yaml);
      for (const args of [
        ['alerts', 'run', '--once'],
        ['serve', '--port', '0'],
      ]) {
        const english = await runCli(['--config', path, ...args], { env: en });
        expect(english.code, english.stderr).not.toBe(0);
        if (typeof c.en === 'string') expect(english.stderr).toBe(c.en);
        else expect(english.stderr).toMatch(c.en);
        const japanese = await runCli(['--config', path, ...args], { env: ja });
        expect(japanese.code).toBe(english.code);
        expect(japanese.stderr).toMatch(c.ja);
        expect(japanese.stderr.split('\n')).toHaveLength(2);
        expect(prose(japanese.stderr)).not.toMatch(ENGLISH_SENTENCE);
      }
    }, 30_000);
  }

  it('names a duplicate rule in Japanese', async () => {
    const rules = '    - { name: r, detection: "*", schedule: 5m, destinations: [soc] }\n'.repeat(2);
    const path = config('duplicate', '      type: webhook\n      url: http://127.0.0.1:9/hook\n', rules);
    const japanese = await runCli(['--config', path, 'alerts', 'run', '--once'], { env: ja });
    expect(japanese.stderr).toBe('mailsift: alerts.rules[1] ("r").name: \'r\' という名前のルールがすでにあります\n');
    const english = await runCli(['--config', path, 'alerts', 'run', '--once'], { env: en });
    expect(english.stderr).toBe('mailsift: alerts.rules[1] ("r").name: another rule is already named \'r\'\n');
  }, 30_000);
});

describe('a failed test alert on the command line', () => {
  it("says which destination failed and why, in the reader's language, without the secret path", async () => {
    const receiver = await startReceiver({ kind: 'slack', failFirst: 9, failStatus: 503 });
    try {
      const path = config('test-alert', `      type: slack\n      url: ${receiver.url}\n      attempts: 1\n`);
      const english = await runCli(['--config', path, 'alerts', 'test', 'soc'], { env: en });
      expect(english.code).toBe(1);
      expect(english.stdout).toMatch(/^soc \(slack\): failed after 1 attempt: 127\.0\.0\.1:\d+ answered HTTP 503/);
      const japanese = await runCli(['--config', path, 'alerts', 'test', 'soc'], { env: ja });
      expect(japanese.code).toBe(1);
      expect(japanese.stdout).toMatch(/^soc \(slack\): 1 回試して失敗: 127\.0\.0\.1:\d+ が HTTP 503 を返しました/);
      for (const out of [english.stdout, japanese.stdout]) expect(out).not.toContain('XXXXsecretpathXXXX');
      await receiver.close();
      const refused = await runCli(['--config', path, 'alerts', 'test', 'soc'], { env: ja });
      expect(refused.stdout).toMatch(
        /^soc \(slack\): 1 回試して失敗: 127\.0\.0\.1:\d+ への POST に失敗しました: 接続を拒否されました（ECONNREFUSED）\n$/,
      );
    } finally {
      await receiver.close().catch(() => undefined);
    }
  }, 30_000);
});

describe('a store that cannot take the ingest, on the command line', () => {
  const input = join(import.meta.dirname, '../../src/formats/graph/testdata/test-page.json');
  const jaProse = (s: string) => s.replace(/（[^）]*）|\([^)]*\)|\/[^\s）]+|--wait|mailsift/g, '');

  /** A real store with some mail in it. */
  async function storeWithMail(name: string): Promise<string> {
    const path = join(name === 'read-only' ? mnt : join(dir, name), 'mail.duckdb');
    const r = await runCli(['--store', `duckdb:${path}`, 'ingest', input], { env: en });
    expect(r.code, r.stderr).toBe(3);
    return path;
  }

  it('calls a damaged copy of a store damaged, in Japanese', async () => {
    const path = await storeWithMail('damaged');
    const copy = join(dir, 'damaged', 'copy.duckdb');
    copyFileSync(path, copy);
    const fd = openSync(copy, 'r+');
    writeSync(fd, randomBytes(200_000), 0, 200_000, 8192);
    closeSync(fd);
    const japanese = await runCli(['--store', `duckdb:${copy}`, 'ingest', input], { env: ja });
    expect(japanese.code).toBe(1);
    expect(japanese.stderr).toMatch(
      /^mailsift: ストア .*copy\.duckdb は壊れているか、mailsift のストアではありません（.*）。バックアップから復元するか/,
    );
    expect(jaProse(japanese.stderr)).not.toMatch(ENGLISH_SENTENCE);
    const english = await runCli(['--store', `duckdb:${copy}`, 'ingest', input], { env: en });
    expect(english.stderr).toMatch(/is damaged or is not a mailsift store/);
  }, 30_000);

  it('says another process holds the store, in Japanese', async () => {
    const path = await storeWithMail('locked');
    const held = await openStore(`duckdb:${path}`);
    try {
      const japanese = await runCli(['--store', `duckdb:${path}`, 'ingest', input], { env: ja });
      expect(japanese.code).toBe(1);
      expect(japanese.stderr).toMatch(/^mailsift: ストア .*mail\.duckdb は別の mailsift プロセス（PID \d+）が使用中です。--wait で/);
      expect(jaProse(japanese.stderr)).not.toMatch(ENGLISH_SENTENCE);
    } finally {
      await held.close();
    }
  }, 30_000);

  // A read-only store: a read-only mount for root (who may write any file), else the file and its folder made read-only.
  const root = process.getuid?.() === 0;
  const mnt = join(dir, 'read-only');
  const mounted = root ? mountTmpfs(mnt, '16m') : (mkdirSync(mnt), false);
  it.skipIf(root && !mounted)(
    'says a read-only store cannot be written, in Japanese',
    async () => {
      const path = await storeWithMail('read-only');
      if (root) execFileSync('mount', ['-o', 'remount,ro', mnt]);
      else {
        chmodSync(path, 0o444);
        chmodSync(join(mnt), 0o555);
      }
      try {
        const japanese = await runCli(['--store', `duckdb:${path}`, 'ingest', input], { env: ja });
        expect(japanese.code).toBe(1);
        expect(japanese.stderr).toMatch(/^mailsift: ストア .*mail\.duckdb を開けません: 読み取り専用か、書き込む権限がありません/);
        expect(jaProse(japanese.stderr)).not.toMatch(ENGLISH_SENTENCE);
        const english = await runCli(['--store', `duckdb:${path}`, 'ingest', input], { env: en });
        expect(english.stderr).toMatch(/^mailsift: cannot open the store .*mail\.duckdb: /);
      } finally {
        if (root) execFileSync('mount', ['-o', 'remount,rw', mnt]);
        else chmodSync(mnt, 0o755);
      }
    },
    30_000,
  );
});

describe("the YAML reader's warnings on the command line", () => {
  it("are worded by mailsift in the reader's language, never printed by Node in English", async () => {
    const path = join(dir, 'tagged.yaml');
    writeFileSync(path, `store: !foo duckdb:${join(dir, 'tagged.duckdb')}\n`);
    const japanese = await runCli(['--config', path, 'stats'], { env: ja });
    expect(japanese.code, japanese.stderr).toBe(0);
    expect(japanese.stderr).toBe(`mailsift: ${path}: 警告: 1 行目 8 列目: タグ（!!名前）が不明です\n`);
    const english = await runCli(['--config', path, 'stats'], { env: en });
    expect(english.stderr).toBe(`mailsift: ${path}: warning: line 1, column 8: the tag (!!name) is not known\n`);
  }, 30_000);
});

describe('an alert name that is not configured, on the command line', () => {
  it("says so in the reader's language, with the names that are", async () => {
    const path = config('names', '      type: webhook\n      url: http://127.0.0.1:9/hook\n');
    const test = await runCli(['--config', path, 'alerts', 'test', 'nope'], { env: ja });
    expect(test.code).toBe(2);
    expect(test.stderr).toBe("mailsift: 'nope' という送信先はありません（設定済み: soc）\n");
    const run = await runCli(['--config', path, 'alerts', 'run', '--once', '--rule', 'nope'], { env: ja });
    expect(run.stderr).toMatch(/^mailsift: 'nope' という名前のアラートルールはありません（設定済み: r.*）\n$/);
    const english = await runCli(['--config', path, 'alerts', 'test', 'nope'], { env: en });
    expect(english.stderr).toBe("mailsift: no destination is named 'nope' (configured: soc)\n");
  }, 30_000);
});
