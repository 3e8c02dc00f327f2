/** Commander's help in the CLI's language: every description and heading replaced from the Japanese table. */
import type { Command } from 'commander';
import { HELP_JA, HELP_TITLES_JA } from './messages-help-ja.js';

/** Descriptions of `program` and all its subcommands, options and arguments (for the test of the table). */
export function helpTexts(program: Command): string[] {
  const out: string[] = [];
  const walk = (c: Command) => {
    out.push(c.description(), ...c.options.map((o) => o.description), ...c.registeredArguments.map((a) => a.description ?? ''));
    c.commands.forEach(walk);
  };
  walk(program);
  return out.filter((t) => t !== '');
}

/** Write the help of `program` in Japanese (a description without a translation stays English). */
export function localizeHelp(program: Command): void {
  const ja = (text: string) => HELP_JA[text] ?? text;
  const walk = (c: Command) => {
    c.description(ja(c.description()));
    for (const o of c.options) o.description = ja(o.description);
    for (const a of c.registeredArguments) if (a.description) a.description = ja(a.description);
    c.helpOption('-h, --help', ja('display help for command'));
    if (c.commands.length > 0) c.helpCommand('help [command]', ja('display help for command'));
    c.configureHelp({ ...c.configureHelp(), styleTitle: (title: string) => HELP_TITLES_JA[title] ?? title });
    c.commands.forEach(walk);
  };
  walk(program);
}
