/** `mailsift collect [--once]`: pull message trace from Microsoft 365 with the configured collectors. */
import type { Command } from 'commander';
import type { PassReport } from '../../collect/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { formatCount } from '../format-number.js';

export function registerCollect(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('collect')
    .description('pull message trace from Microsoft 365 with the collectors of the configuration (see docs/collectors.md)')
    .option('--once', 'one pass of each collector, then exit (exit code 1 when a pass failed)')
    .option('--name <names...>', 'run only these collectors')
    .option('--json', 'print each pass as a JSON line')
    .action((opts: { once?: boolean; name?: string[]; json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        if (ctx.config.collectors.length === 0)
          throw new UsageError('no collectors in the configuration: add a collectors: section (see docs/collectors.md)');
        const { runCollectorsOnce, startCollectors } = await import('../../collect/index.js');
        try {
          const store = await ctx.store();
          const enricher = await ctx.enricher();
          const options = {
            collectors: ctx.config.collectors,
            only: opts.name,
            store,
            enrich: enricher.enrich.bind(enricher),
            onPass: (r: PassReport) => process.stdout.write(opts.json ? JSON.stringify(r) + '\n' : passLine(r)),
          };
          if (opts.once) {
            const reports = await runCollectorsOnce(options);
            return reports.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
          }
          const scheduler = startCollectors(options);
          process.stderr.write(`collecting with ${scheduler.collectors.map((c) => c.name).join(', ')}; stop with Ctrl-C\n`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          process.stderr.write('stopping (an unfinished window is read again next time)\n');
          await scheduler.stop();
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

/** One line per pass: the window, rows, new and updated, requests; or the error. */
function passLine(r: PassReport): string {
  const time = r.startedAt.slice(0, 19).replace('T', ' ');
  const lines: string[] = [];
  if (r.gap)
    lines.push(`${time} ${r.name}: warning: mail received ${r.gap.from}..${r.gap.to} is older than Microsoft keeps and was not collected`);
  const counts = `${formatCount(r.rows)} rows (${formatCount(r.new)} new, ${formatCount(r.updated)} updated${r.rejected ? `, ${formatCount(r.rejected)} rejected: ${r.firstReject}` : ''}), ${formatCount(r.requests)} ${r.requests === 1 ? 'request' : 'requests'}`;
  if (r.ok) lines.push(`${time} ${r.name}: ${r.span ?? 'nothing new yet (within the lag)'}: ${counts}`);
  else
    lines.push(
      `${time} ${r.name}: failed: ${r.error?.message ?? 'unknown error'}${r.windows.length ? ` (stored before that: ${counts})` : ''}`,
    );
  return lines.join('\n') + '\n';
}
