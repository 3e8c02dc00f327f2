// What the built command prints under a Japanese locale (Japanese, no English sentence) and otherwise (English): a
// mistake in the `alerts:` section as `mailsift serve` and `mailsift alerts run` print it, a failed test alert.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../src/alerts/testing/http-receiver.js';
import { runCli } from '../support/run-cli.js';

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
