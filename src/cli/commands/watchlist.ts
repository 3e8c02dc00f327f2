/** `mailsift watchlist import`: load alerts of other security products (EDR/XDR) for watchlist-correlation. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { io, resolvePath } from '../io.js';
import { msg } from '../messages.js';

interface ImportOptions {
  name?: string;
  product?: string;
  json?: boolean;
}

export function registerWatchlist(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const watchlist = program.command('watchlist').description('alerts of other security products (EDR/XDR), correlated with mail');
  watchlist
    .command('import')
    .description('replace a watchlist with the alerts of a CSV or JSON file (columns for time, user, product, detection, severity)')
    .argument('<path>', 'CSV or JSON file')
    .option('--name <name>', 'watchlist name (default: the configured watchlist with this path, else the file name)')
    .option('--product <product>', 'product name for rows that have none')
    .option('--json', 'print the report as JSON')
    .action((path: string, opts: ImportOptions, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const { importWatchlist } = await import('../../detect/index.js');
        const configured = ctx.config.watchlists.find((w) => resolve(w.path) === resolvePath(path));
        try {
          const store = await ctx.store();
          const report = await importWatchlist(store, resolvePath(path), { name: opts.name ?? configured?.name, product: opts.product });
          if (opts.json) io().stdout.write(JSON.stringify(report, null, 2) + '\n');
          else {
            const skipped = report.skipped ? msg().watchlist.skipped(String(report.skipped), report.problems.slice(0, 3).join('; ')) : '';
            io().stdout.write(`${msg().watchlist.imported(String(report.imported), report.name, skipped)}\n`);
          }
          return report.skipped > 0 ? EXIT.rejected : EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}
