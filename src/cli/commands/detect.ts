/** `mailsift detect`: run the detection rules over a time window and print the findings. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
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
        if (!FORMATS.includes(opts.format as never)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        const now = Date.now();
        const from = opts.from ? parseTimeArg('--from', opts.from, now) : undefined;
        const to = opts.to ? parseTimeArg('--to', opts.to, now) : undefined;
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const { runDetections, RULE_IDS } = await import('../../detect/index.js');
        const unknown = (opts.rule ?? []).filter((r) => !(RULE_IDS as readonly string[]).includes(r));
        if (unknown.length) throw new UsageError(`unknown rule ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`);
        try {
          const store = await ctx.store();
          const findings = await runDetections({ store, config: ctx.config, from, to, now, rules: opts.rule as never });
          if (opts.format === 'json') {
            process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
            return EXIT.ok;
          }
          const { renderTable } = await import('../text-table.js');
          const columns = ['severity', 'rule', 'from', 'to', 'count', 'title', 'id'].map((name) => ({ name }));
          const rows = findings.map((f) => [
            f.severity,
            f.rule,
            f.from.slice(0, 16).replace('T', ' '),
            f.to.slice(0, 16).replace('T', ' '),
            f.count,
            f.title,
            f.id,
          ]);
          process.stdout.write(
            renderTable(columns, rows, process.stdout.columns ?? Infinity) + `(${findings.length.toLocaleString('en-US')} findings)\n`,
          );
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}
