/** `mailsift migrate --to URL`: copy the configured store into another (e.g. DuckDB into ClickHouse), resumably. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatCount } from '../format-number.js';
import { io } from '../io.js';
import { copyStore, openStore, redactStoreUrl } from '../../store/index.js';
import { msg } from '../messages.js';

export function registerMigrate(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('migrate')
    .description('copy the store into another store (month by month; run it again to resume), then compare the counts')
    .requiredOption('--to <url>', 'the target store, e.g. clickhouse://user:pass@host:8123/mailsift?cluster=NAME')
    .option('--json', 'print the report as JSON')
    .action((opts: { to: string; json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        try {
          const source = await ctx.store();
          const target = await openStore(opts.to);
          try {
            const report = await copyStore(source, target, (p) => {
              if (opts.json) return;
              const what = p.skipped ? msg().migrate.doneBefore : msg().migrate.month(formatCount(p.traces), formatCount(p.events));
              io().stderr.write(`${p.month}: ${what}\n`);
            });
            if (opts.json) io().stdout.write(JSON.stringify(report, null, 2) + '\n');
            else {
              const lines = Object.entries(report.counts).map(
                ([t, c]) => `${t.padEnd(14)} ${formatCount(c.source)} = ${formatCount(c.target)}`,
              );
              io().stdout.write(
                `${msg().migrate.copied(redactStoreUrl(ctx.config.store), redactStoreUrl(opts.to))}\n${lines.join('\n')}\n`,
              );
            }
            return EXIT.ok;
          } finally {
            await target.close();
          }
        } finally {
          await ctx.close();
        }
      }),
    );
}
