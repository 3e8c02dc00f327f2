/** `mailsift stats`: what the store holds. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatCount } from '../format-number.js';
import { redactStoreUrl } from '../../store/index.js';

export function registerStats(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('stats')
    .description('rows, messages, time span and breakdowns of the store')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        try {
          const store = await ctx.store();
          const stats = await store.stats();
          const collectors = (await store.getState('collectors'))?.value ?? [];
          const geo = (await ctx.enricher()).dataInfo();
          const out = { ...stats, collectors, geoip: geo };
          if (opts.json) {
            process.stdout.write(JSON.stringify(out, null, 2) + '\n');
            return EXIT.ok;
          }
          const lines = [
            `store:      ${redactStoreUrl(ctx.config.store)}`,
            `rows:       ${formatCount(stats.rows)} (${formatCount(stats.messages)} messages)`,
            `from:       ${stats.from ?? '-'}`,
            `to:         ${stats.to ?? '-'}`,
            `status:     ${pairs(stats.byStatus)}`,
            `direction:  ${pairs(stats.byDirection)}`,
            `source:     ${pairs(stats.bySource)}`,
            `geoip data: ${JSON.stringify(geo)}`,
          ];
          process.stdout.write(lines.join('\n') + '\n');
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

function pairs(group: Record<string, number>): string {
  const entries = Object.entries(group);
  return entries.length ? entries.map(([k, v]) => `${k || '(none)'} ${formatCount(v)}`).join(', ') : '-';
}
