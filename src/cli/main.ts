/** The `mailsift` command: global flags, one file per command, exit codes of DESIGN.md. */
import { Command, CommanderError } from 'commander';
import { registerAlerts } from './commands/alerts.js';
import { registerCollect } from './commands/collect.js';
import { registerDemo } from './commands/demo.js';
import { registerDetect } from './commands/detect.js';
import { registerDoctor } from './commands/doctor.js';
import { registerIngest } from './commands/ingest.js';
import { registerIntel } from './commands/intel.js';
import { registerMaintain } from './commands/maintain.js';
import { registerMigrate } from './commands/migrate.js';
import { registerQuery } from './commands/query.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerUsers } from './commands/users.js';
import { registerWatchlist } from './commands/watchlist.js';
import { EXIT, UsageError } from './exit-codes.js';
import { addWaitOption } from './handoff/handed-commands.js';
import { HandedOff, handOffIfServing } from './handoff/hand-off.js';
import { setProgramFactory } from './handoff/program-factory.js';
import { io, setExitCode } from './io.js';
import { localizeHelp } from './localize-help.js';
import { CLI_LANGUAGES, cliLanguage, currentLanguage, languageOfLocale, msg, useLanguage } from './messages.js';
import { reportError } from './report-error.js';
import { VERSION } from './version.js';

/** Build the program; `run` wraps each action so errors become one line and an exit code. */
export function buildProgram(): Command {
  const program = new Command('mailsift')
    .description('security analytics for Microsoft 365 / Exchange Online message trace')
    .version(VERSION)
    .option('--config <file>', 'configuration file (default ./mailsift.yaml, or $MAILSIFT_CONFIG)')
    .option('--store <url>', 'store URL, e.g. duckdb:./mailsift-data/mailsift.duckdb (or $MAILSIFT_STORE)')
    .option('--tz <zone>', 'time zone of printed times, e.g. Asia/Tokyo (default organization.timeZone, else the system zone)')
    .option('--lang <language>', `language of messages: ${CLI_LANGUAGES.join('|')} (default from LC_ALL, LC_MESSAGES or LANG)`)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io().stdout.write(s), writeErr: (s) => io().stderr.write(s) });
  const run = async (fn: () => Promise<number>) => {
    setExitCode(await fn().catch((e: unknown) => reportError(e, io().stderr)));
  };
  program.hook('preAction', (_program, action) => {
    const { lang } = action.optsWithGlobals<{ lang?: string }>();
    if (lang !== undefined && !languageOfLocale(lang)) throw new UsageError(msg().errors.badLanguage(lang, CLI_LANGUAGES.join(', ')));
    useLanguage(cliLanguage(lang));
  });
  for (const register of COMMANDS) register(program, run);
  addWaitOption(program);
  // While `serve` holds a DuckDB store, commands that need it run inside the server (see handoff/).
  program.hook('preAction', (_self, action) => handOffIfServing(program, action));
  if (currentLanguage() === 'ja') localizeHelp(program);
  return program;
}

setProgramFactory(buildProgram);

const COMMANDS = [
  registerIngest,
  registerStats,
  registerQuery,
  registerDemo,
  registerServe,
  registerUsers,
  registerCollect,
  registerIntel,
  registerMigrate,
  registerAlerts,
  registerDetect,
  registerWatchlist,
  registerMaintain,
  registerDoctor,
];

/** The value of --lang on the command line (`--lang ja` or `--lang=ja`), when it names a language. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined) return languageOfLocale(value) ? value : undefined;
  }
  return undefined;
}

/** Entry point of bin/mailsift.js. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // The language from the start (--lang, else the environment): help and errors before a command runs speak it too.
  useLanguage(cliLanguage(langArgument(argv)));
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof HandedOff) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = reportError(error);
  }
}
