/** `mailsift detect`: run the detection rules over a time window and print the findings. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { formatInstant } from '../../config/index.js';
import { formatCount } from '../format-number.js';
import { currentLanguage, msg } from '../messages.js';
import { outputZone } from '../output-zone.js';
import { parseTimeArg } from '../time-arg.js';

const FORMATS = ['table', 'json'] as const;

interface DetectOptions {
  from?: string;
  to?: string;
  format: string;
  rule?: string[];
}

export function registerDetect(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('detect')
    .description(
      'find incidents (spikes, campaigns, bursts, look-alikes, threat intel, embargoed countries, large transfers, EDR correlation)',
    )
    .option('--from <time>', 'start of the window (ISO, or 7d/12h back from now; default: detections.lookbackDays before --to)')
    .option('--to <time>', 'end of the window (default: the newest mail in the store)')
    .option('--format <f>', `output: ${FORMATS.join('|')}`, 'table')
    .option('--rule <id...>', 'run only these rules')
    .action((opts: DetectOptions, cmd: Command) =>
      run(async () => {
        if (!FORMATS.includes(opts.format as never)) throw new UsageError(msg().errors.formatOneOf('--format', FORMATS.join(', ')));
        const now = Date.now();
        const from = opts.from ? parseTimeArg('--from', opts.from, now) : undefined;
        const to = opts.to ? parseTimeArg('--to', opts.to, now) : undefined;
        const global = cmd.optsWithGlobals<GlobalOptions>();
        const ctx = new CommandContext(global);
        const { zone, chosen } = outputZone(global.tz, ctx.config.organization);
        const local = (iso: string) => formatInstant(Date.parse(iso), zone);
        const { runDetections, RULE_IDS, findingTitle } = await import('../../detect/index.js');
        const unknown = (opts.rule ?? []).filter((r) => !(RULE_IDS as readonly string[]).includes(r));
        if (unknown.length) throw new UsageError(msg().errors.unknownRule(unknown.join(', '), RULE_IDS.join(', ')));
        try {
          const store = await ctx.store();
          const findings = await runDetections({ store, config: ctx.config, from, to, now, rules: opts.rule as never });
          if (opts.format === 'json') {
            // As in `query`: UTC for scripts unless a zone was chosen.
            const shown = chosen ? findings.map((f) => ({ ...f, from: local(f.from), to: local(f.to) })) : findings;
            process.stdout.write(JSON.stringify(shown, null, 2) + '\n');
            return EXIT.ok;
          }
          const { renderTable } = await import('../text-table.js');
          const columns = msg().findingColumns.map((name) => ({ name }));
          const rows = findings.map((f) => [
            f.severity,
            f.rule,
            // 2026-11-26 09:00+09:00: minutes are enough here, the offset is not.
            local(f.from)
              .replace(/:\d\d(\.\d+)?(?=[+-]\d\d:\d\d$)/, '')
              .replace('T', ' '),
            local(f.to)
              .replace(/:\d\d(\.\d+)?(?=[+-]\d\d:\d\d$)/, '')
              .replace('T', ' '),
            f.count,
            findingTitle(f, currentLanguage()),
            f.id,
          ]);
          process.stdout.write(
            renderTable(columns, rows, process.stdout.columns ?? Infinity) + `${msg().findings(formatCount(findings.length))}\n`,
          );
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}
