/** `mailsift stats`: what the store holds. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { io } from '../io.js';
import { formatCount } from '../format-number.js';
import { redactStoreUrl } from '../../store/index.js';
import type { CollectorStatus } from '../../collect/index.js';

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
            io().stdout.write(JSON.stringify(out, null, 2) + '\n');
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
            ...geo.sources.map(
              (g) =>
                `${g.kind === 'country' ? 'country data' : 'AS data'}:${g.kind === 'country' ? ' ' : '      '}${g.name}, built ${g.buildDate?.slice(0, 10) ?? 'on an unknown date'} (${g.license})`,
            ),
            ...collectorLines(collectors as CollectorStatus[]),
          ];
          io().stdout.write(lines.join('\n') + '\n');
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

/** One line per collector: last success, complete-up-to, and the last error when the last pass failed. */
export function collectorLines(list: readonly CollectorStatus[], now = Date.now()): string[] {
  if (list.length === 0) return ['collectors: none has run against this store'];
  const lines = ['collectors:'];
  for (const c of list) {
    lines.push(
      `  ${c.name} (${c.type}): last success ${when(c.lastSuccessAt, now)}, complete up to ${c.completeUpTo ?? '-'}, ${formatCount(c.rowsLastPass)} rows last pass`,
    );
    if (c.lastError) lines.push(`    last error ${when(c.lastError.at, now)}: ${c.lastError.message}`);
  }
  return lines;
}

function when(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  const ago =
    minutes < 60
      ? `${minutes} min ago`
      : minutes < 48 * 60
        ? `${Math.round(minutes / 60)} h ago`
        : `${Math.round(minutes / 1440)} days ago`;
  return `${iso} (${ago})`;
}
