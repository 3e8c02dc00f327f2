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

  it('reads --lang before the program is built', () => {
    expect(langArgument(['node', 'mailsift', '--lang', 'ja', 'stats'])).toBe('ja');
    expect(langArgument(['node', 'mailsift', '--lang=ja', '--help'])).toBe('ja');
    expect(langArgument(['node', 'mailsift', 'query', '--', '--lang', 'ja'])).toBeUndefined();
    expect(langArgument(['node', 'mailsift', '--lang', 'fr'])).toBeUndefined();
  });
});
