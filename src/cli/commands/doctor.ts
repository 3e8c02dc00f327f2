/** `mailsift doctor`: is this installation healthy? Exit code 1 when a person is needed. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { io } from '../io.js';
import type { CheckResult } from '../maintenance/doctor-checks.js';
import { msg } from '../messages.js';

export function registerDoctor(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('doctor')
    .description('check the store, file permissions, disk space, GeoIP data and collectors (exit 1 when a person is needed)')
    .option('--json', 'print the checks as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        try {
          const c = await import('../maintenance/doctor-checks.js');
          const { collectorStatus } = await import('../../collect/index.js');
          // Modes are read before the store is opened: opening narrows them, and doctor reports what it found.
          const permissions = await c.checkPermissions(ctx.config);
          const store = await ctx.store();
          const checks: CheckResult[] = [
            await c.checkStore(store),
            permissions,
            await c.checkDisk(ctx.config),
            c.checkGeoData((await ctx.enricher()).dataInfo()),
            await c.checkRetention(store, ctx.config),
            ...c.checkCollectors(ctx.config, await collectorStatus(store)),
          ];
          const failed = checks.some((x) => x.status === 'fail');
          if (opts.json) io().stdout.write(JSON.stringify({ ok: !failed, checks }, null, 2) + '\n');
          else {
            for (const x of checks) io().stdout.write(`${x.status.padEnd(4)}  ${label(x.check)}: ${x.message}\n`);
            io().stdout.write(`${failed ? msg().doctor.needed : msg().doctor.healthy}\n`);
          }
          return failed ? EXIT.failed : EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

/** A check's name in the CLI's language (collector NAME keeps the name). */
function label(check: string): string {
  const labels = msg().doctor.labels;
  return check.startsWith('collector ') ? `${labels.collector} ${check.slice('collector '.length)}` : (labels[check] ?? check);
}
