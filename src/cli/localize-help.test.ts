import { describe, expect, it } from 'vitest';
import { helpTexts } from './localize-help.js';
import { buildProgram, langArgument } from './main.js';
import { HELP_JA } from './messages-help-ja.js';
import { useLanguage } from './messages.js';

describe('help in Japanese', () => {
  it('has a Japanese text for every description of every command, option and argument', () => {
    useLanguage('en');
    const missing = helpTexts(buildProgram()).filter((t) => !HELP_JA[t]);
    expect(missing).toEqual([]);
    for (const [en, ja] of Object.entries(HELP_JA)) expect(ja, en).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]|^admin\|analyst\|viewer$/);
  });

  it('writes the help in Japanese when the language is ja', () => {
    useLanguage('ja');
    try {
      const program = buildProgram();
      const help = program.commands.find((c) => c.name() === 'ingest')!.helpInformation();
      expect(help).toContain('使い方:');
      expect(help).toContain('オプション:');
      expect(help).toContain('件数を JSON で表示');
      expect(help).toContain('コマンドのヘルプを表示');
    } finally {
      useLanguage('en');
    }
  });

  it("writes commander's own words in Japanese: [options], (default: ...) and parse errors", async () => {
    useLanguage('ja');
    try {
      const program = buildProgram();
      program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      const ingest = program.commands.find((c) => c.name() === 'ingest')!;
      const help = ingest.helpInformation();
      expect(help).toContain('使い方: mailsift ingest [オプション] <paths...>');
      expect(help).toMatch(/入力形式: auto\|graph\|rws\|powershell\|eac\|tracking-log（既定: "auto"）/);
      expect(help).not.toMatch(/\[options\]|default:/);
      const failure = async (...argv: string[]) => {
        const p = buildProgram();
        p.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
        return p.parseAsync(argv, { from: 'user' }).then(
          () => '',
          (e: Error) => e.message,
        );
      };
      expect(await failure('stats', '--jsn')).toBe("エラー: 不明なオプション '--jsn'\n（--json のことですか？）");
      expect(await failure('ingest')).toBe("エラー: 必須の引数 'paths' がありません");
      expect(await failure('stats', 'extra')).toBe("エラー: 'stats' の引数が多すぎます。0 個のはずが 1 個あります。");
      expect(await failure('query', 'x', '--format')).toBe("エラー: オプション '--format <f>' の値がありません");
      expect(await failure('statz')).toBe("エラー: 不明なコマンド 'statz'\n（stats のことですか？）");
    } finally {
      useLanguage('en');
    }
  });

  it('leaves commander English when the language is English', async () => {
    useLanguage('en');
    const p = buildProgram();
    p.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    const message = await p.parseAsync(['stats', '--jsn'], { from: 'user' }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toBe("error: unknown option '--jsn'\n(Did you mean --json?)");
    expect(p.commands.find((c) => c.name() === 'ingest')!.helpInformation()).toContain('[options]');
  });

  it('reads --lang before the program is built', () => {
    expect(langArgument(['node', 'mailsift', '--lang', 'ja', 'stats'])).toBe('ja');
    expect(langArgument(['node', 'mailsift', '--lang=ja', '--help'])).toBe('ja');
    expect(langArgument(['node', 'mailsift', 'query', '--', '--lang', 'ja'])).toBeUndefined();
    expect(langArgument(['node', 'mailsift', '--lang', 'fr'])).toBeUndefined();
  });
});
