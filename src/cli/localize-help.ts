/**
 * Commander's help and errors in the CLI's language: every description and heading replaced from the Japanese
 * table, the words commander adds itself (`[options]`, `(default: ...)`) and its parse errors ("unknown option",
 * "missing required argument", "too many arguments") written in Japanese.
 */
import { Help, type Command, type Option, type Argument } from 'commander';
import { COMMANDER_ERRORS_JA, DID_YOU_MEAN_JA, HELP_JA, HELP_TITLES_JA, HELP_WORDS_JA } from './messages-help-ja.js';

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

/** commander's error `message` (with its `code`) in Japanese; a message of another shape stays as it is. */
export function commanderErrorJa(message: string, code: string | undefined): string {
  const suggestion = DID_YOU_MEAN_JA.match.exec(message);
  const body = suggestion ? message.slice(0, suggestion.index) : message;
  const entry = code ? COMMANDER_ERRORS_JA[code] : undefined;
  const parts = entry?.match.exec(body);
  const ja = entry && parts ? entry.ja(...parts.slice(1).map((p) => p ?? '')) : body;
  return suggestion ? ja + DID_YOU_MEAN_JA.ja(suggestion[2]!) : ja;
}

/** The words commander put into a help line, in Japanese. */
const words = (text: string) => text.replace(/\[options\]|\[command\]|\b(?:default|choices|preset|env):/g, (w) => HELP_WORDS_JA[w] ?? w);

/** What commander added after a description (`(default: "auto")`), in Japanese. */
function withExtra(full: string, description: string): string {
  if (full === description || !full.startsWith(description)) return full;
  const extra = full
    .slice(description.length)
    .trim()
    .replace(/^\((.*)\)$/s, '$1');
  return `${description}（${words(extra)}）`.trimStart();
}

/** Write the help and parse errors of `program` in Japanese (a description without a translation stays English). */
export function localizeHelp(program: Command): void {
  const ja = (text: string) => HELP_JA[text] ?? text;
  const help = new Help();
  const walk = (c: Command) => {
    c.description(ja(c.description()));
    for (const o of c.options) o.description = ja(o.description);
    for (const a of c.registeredArguments) if (a.description) a.description = ja(a.description);
    c.helpOption('-h, --help', ja('display help for command'));
    if (c.commands.length > 0) c.helpCommand('help [command]', ja('display help for command'));
    c.configureHelp({
      ...c.configureHelp(),
      styleTitle: (title: string) => HELP_TITLES_JA[title] ?? title,
      commandUsage: (cmd: Command) => words(help.commandUsage(cmd)),
      subcommandTerm: (cmd: Command) => words(help.subcommandTerm(cmd)),
      optionDescription: (o: Option) => withExtra(help.optionDescription(o), o.description),
      argumentDescription: (a: Argument) => withExtra(help.argumentDescription(a), a.description ?? ''),
    });
    const error = c.error.bind(c);
    c.error = (message: string, options?: { code?: string; exitCode?: number }) => error(commanderErrorJa(message, options?.code), options);
    c.commands.forEach(walk);
  };
  walk(program);
}
