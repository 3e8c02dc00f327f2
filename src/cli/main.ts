/** The `mailsift` command: global flags, one file per command, exit codes of DESIGN.md. */
import { Command, CommanderError } from 'commander';
import { registerAlerts } from './commands/alerts.js';
import { registerCollect } from './commands/collect.js';
import { registerDemo } from './commands/demo.js';
import { registerDetect } from './commands/detect.js';
import { registerIngest } from './commands/ingest.js';
import { registerIntel } from './commands/intel.js';
import { registerQuery } from './commands/query.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerUsers } from './commands/users.js';
import { registerWatchlist } from './commands/watchlist.js';
import { EXIT, UsageError } from './exit-codes.js';
import { CLI_LANGUAGES, cliLanguage, languageOfLocale, msg, useLanguage } from './messages.js';
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
    .exitOverride();
  const run = async (fn: () => Promise<number>) => {
    process.exitCode = await fn().catch((e: unknown) => reportError(e));
  };
  program.hook('preAction', (_program, action) => {
    const { lang } = action.optsWithGlobals<{ lang?: string }>();
    if (lang !== undefined && !languageOfLocale(lang)) throw new UsageError(msg().errors.badLanguage(lang, CLI_LANGUAGES.join(', ')));
    useLanguage(cliLanguage(lang));
  });
  for (const register of COMMANDS) register(program, run);
  return program;
}

const COMMANDS = [
  registerIngest,
  registerStats,
  registerQuery,
  registerDemo,
  registerServe,
  registerUsers,
  registerCollect,
  registerIntel,
  registerAlerts,
  registerDetect,
  registerWatchlist,
];

/** Entry point of bin/mailsift.js. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // The environment's language from the start: errors before a command runs speak it too.
  useLanguage(cliLanguage(undefined));
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = reportError(error);
  }
}
