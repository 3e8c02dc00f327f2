/** `mailsift maintain`, `mailsift backup`, `mailsift restore`: keeping a store for a long time. */
import { copyFile, rename, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseStoreUrl } from '../../store/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { formatCount } from '../format-number.js';
import { io, resolvePath } from '../io.js';
import { msg } from '../messages.js';

type Run = (fn: () => Promise<number>) => Promise<void>;

export function registerMaintain(program: Command, run: Run): void {
  program
    .command('maintain')
    .description('apply the retention of the configuration now (serve applies it daily)')
    .option('--json', 'print what was removed as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        try {
          const { applyRetention } = await import('../maintenance/retention.js');
          const r = await applyRetention(await ctx.store(), ctx.config.retention);
          if (opts.json) io().stdout.write(JSON.stringify(r ?? { retention: null }, null, 2) + '\n');
          else if (!r) io().stdout.write(`${msg().maintain.noRetention}\n`);
          else {
            const removed = Object.entries(r.removed).map(([t, n]) => msg().maintain.tableRows(formatCount(n), t));
            io().stdout.write(`${msg().maintain.removed(r.retention, removed.join(', '), r.cutoff)}\n`);
          }
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );

  program
    .command('backup')
    .description('write a consistent copy of the store to a new file (also while serve runs)')
    .argument('<path>', 'the backup file to create (must not exist)')
    .action((path: string, _opts: unknown, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        try {
          const store = await ctx.store();
          if (!store.backupTo) throw new UsageError(msg().maintain.backupOwnTools(store.dialect));
          const target = resolvePath(path);
          await store.backupTo(target);
          const s = await store.stats();
          io().stdout.write(`${msg().maintain.backupWritten(path, formatCount((await stat(target)).size), formatCount(s.rows))}\n`);
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );

  program
    .command('restore')
    .description('replace the store with a backup (stop serve first; the current file is kept beside it)')
    .argument('<backup>', 'a file written by mailsift backup')
    .action((backup: string, _opts: unknown, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const parsed = parseStoreUrl(ctx.config.store);
        if (parsed.engine !== 'duckdb' || parsed.path === ':memory:') throw new UsageError(msg().maintain.restoreDuckdb);
        const { openStore } = await import('../../store/index.js');
        // The backup must open as a store; the current one must be free (opening it fails while serve holds it).
        const copy = await openStore(`duckdb:${backup}`);
        const rows = (await copy.stats()).rows;
        await copy.close();
        await (await openStore(ctx.config.store)).close();
        const kept = `${parsed.path}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(parsed.path, kept).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        });
        await rename(`${parsed.path}.wal`, `${kept}.wal`).catch(() => undefined);
        await copyFile(backup, parsed.path);
        io().stdout.write(`${msg().maintain.restored(backup, formatCount(rows), parsed.path, kept)}\n`);
        return EXIT.ok;
      }),
    );
}
