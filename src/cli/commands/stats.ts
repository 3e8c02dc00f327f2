/** `mailsift stats`: what the store holds. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatInstant } from '../../config/index.js';
import { io } from '../io.js';
import { formatCount } from '../format-number.js';
import { currentLanguage, msg } from '../messages.js';
import { outputZone } from '../output-zone.js';
import { redactStoreUrl } from '../../store/index.js';
import { collectorFailureText, type CollectorStatus } from '../../collect/index.js';

export function registerStats(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('stats')
    .description('rows, messages, time span and breakdowns of the store')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      run(async () => {
        const global = cmd.optsWithGlobals<GlobalOptions>();
        const ctx = new CommandContext(global);
        const { zone, chosen } = outputZone(global.tz, ctx.config.organization);
        const at = (iso: string | null | undefined) => (iso ? formatInstant(Date.parse(iso), zone) : iso);
        try {
          const store = await ctx.store();
          const stats = await store.stats();
          const collectors = (await store.getState('collectors'))?.value ?? [];
          const geo = (await ctx.enricher()).dataInfo();
          // JSON keeps UTC for scripts unless a zone was chosen (--tz or organization.timeZone).
          const out = chosen
            ? { ...stats, from: at(stats.from) ?? null, to: at(stats.to) ?? null, collectors, geoip: geo }
            : { ...stats, collectors, geoip: geo };
          if (opts.json) {
            io().stdout.write(JSON.stringify(out, null, 2) + '\n');
            return EXIT.ok;
          }
          const m = msg().stats;
          const lines: [string, string][] = [
            [m.store, redactStoreUrl(ctx.config.store)],
            [m.rows, m.rowsValue(formatCount(stats.rows), formatCount(stats.messages))],
            [m.from, at(stats.from) ?? '-'],
            [m.to, at(stats.to) ?? '-'],
            [m.zone, zone],
            [m.status, pairs(stats.byStatus)],
            [m.direction, pairs(stats.byDirection)],
            [m.source, pairs(stats.bySource)],
            [m.geoip, geo.sources.map((g) => `${g.name} ${g.buildDate?.slice(0, 10) ?? '?'} (${g.license})`).join('; ')],
          ];
          io().stdout.write([labelled(lines), ...collectorLines(collectors as CollectorStatus[])].join('\n') + '\n');
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

function pairs(group: Record<string, number>): string {
  const entries = Object.entries(group);
  return entries.length ? entries.map(([k, v]) => `${k || msg().stats.none} ${formatCount(v)}`).join(', ') : '-';
}

/** "label:  value" lines with the values aligned (Japanese labels count two columns a character). */
function labelled(lines: [string, string][]): string {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffdc]/.test(c) && !/[\uff61-\uff9f]/.test(c) ? 2 : 1), 0);
  const pad = Math.max(...lines.map(([l]) => width(l))) + 2;
  return lines.map(([l, v]) => `${l}:${' '.repeat(pad - width(l) - 1)}${v}`).join('\n');
}

/** One line per collector: last success, complete-up-to, and the last error when the last pass failed. */
export function collectorLines(list: readonly CollectorStatus[], now = Date.now()): string[] {
  const t = msg().collect;
  if (list.length === 0) return [t.collectorsNone];
  const lines = [t.collectors];
  for (const c of list) {
    lines.push(t.collector(`${c.name} (${c.type})`, when(c.lastSuccessAt, now), c.completeUpTo ?? '-', formatCount(c.rowsLastPass)));
    if (c.lastError)
      lines.push(t.lastError(when(c.lastError.at, now), collectorFailureText(c.lastError.message, c.lastError.code, currentLanguage())));
  }
  return lines;
}

function when(iso: string | null, now: number): string {
  const t = msg().collect;
  if (!iso) return t.never;
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  const ago =
    minutes < 60
      ? t.minutesAgo(String(minutes))
      : minutes < 48 * 60
        ? t.hoursAgo(String(Math.round(minutes / 60)))
        : t.daysAgo(String(Math.round(minutes / 1440)));
  return `${iso} (${ago})`;
}
