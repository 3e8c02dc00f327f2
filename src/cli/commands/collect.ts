/** `mailsift collect [--once]`: pull message trace from Microsoft 365 with the configured collectors. */
import type { Command } from 'commander';
import { collectorFailureText, type PassReport } from '../../collect/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { formatCount } from '../format-number.js';
import { currentLanguage, msg } from '../messages.js';
import { rejectText } from '../reject-text.js';

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
        if (ctx.config.collectors.length === 0) throw new UsageError(msg().collect.none);
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
          process.stderr.write(`${msg().collect.started(scheduler.collectors.map((c) => c.name).join(', '))}\n`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          process.stderr.write(`${msg().collect.stopping}\n`);
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
  const t = msg().collect;
  if (r.gap) lines.push(t.gap(time, r.name, r.gap.from, r.gap.to));
  const rejected = r.rejected ? t.rejected(formatCount(r.rejected), rejectText(r.firstReject ?? '', r.firstRejectReason)) : '';
  const counts = t.counts(formatCount(r.rows), formatCount(r.new), formatCount(r.updated), rejected, formatCount(r.requests));
  const error = r.error ? collectorFailureText(r.error.message, r.error.code, currentLanguage()) : t.unknownError;
  if (r.ok) lines.push(t.pass(time, r.name, r.span ?? t.nothingNew, counts));
  else lines.push(t.failed(time, r.name, error, r.windows.length ? counts : ''));
  return lines.join('\n') + '\n';
}
