/** `mailsift query 'KQL'`: run a KQL query on the store and print the rows. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { localizeRows } from '../../export/index.js';
import { formatCount } from '../format-number.js';
import { io } from '../io.js';
import { currentLanguage, msg } from '../messages.js';
import { outputZone, type OutputZone } from '../output-zone.js';
import { parseTimeArg } from '../time-arg.js';

const FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;

interface QueryOptions {
  format: string;
  explain?: boolean;
  from?: string;
  to?: string;
}

export function registerQuery(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('query')
    .description('run a KQL query (tables MessageTrace, MessageEvents, Indicators, Findings, Watchlist)')
    .argument('<kql>', "the query, e.g. 'MessageTrace | summarize count() by Status'")
    .option('--format <f>', `output: ${FORMATS.join('|')}`, 'table')
    .option('--from <time>', 'only rows at or after this time (ISO, or 7d/12h back from now)')
    .option('--to <time>', 'only rows before this time')
    .option('--explain', 'print what the query is answered from (a summary table or the rows) and its SQL, instead of running it')
    .action((kql: string, opts: QueryOptions, cmd: Command) =>
      run(async () => {
        if (!FORMATS.includes(opts.format as never)) throw new UsageError(msg().errors.formatOneOf('--format', FORMATS.join(', ')));
        const now = Date.now();
        const timeRange = {
          from: opts.from ? parseTimeArg('--from', opts.from, now) : undefined,
          to: opts.to ? parseTimeArg('--to', opts.to, now) : undefined,
        };
        const global = cmd.optsWithGlobals<GlobalOptions>();
        const ctx = new CommandContext(global);
        const zone = outputZone(global.tz, ctx.config.organization);
        const [{ compileKql, KqlError, kqlErrorText }, { aggregatesOn, parseStoreUrl, runKql }] = await Promise.all([
          import('../../kql/index.js'),
          import('../../store/index.js'),
        ]);
        let compiled;
        try {
          // --explain says what the run would read, MAILSIFT_AGGREGATES included.
          compiled = compileKql(kql, { dialect: parseStoreUrl(ctx.config.store).engine, now, timeRange, aggregates: aggregatesOn() });
        } catch (error) {
          // In the CLI's language, with the line and column (the English message when this build has no text for it).
          if (error instanceof KqlError) throw new UsageError(kqlErrorText(error, currentLanguage()) ?? error.message);
          throw error;
        }
        if (opts.explain) {
          const plan = !compiled.plan
            ? 'the rows (MAILSIFT_AGGREGATES=off)'
            : compiled.plan.source === 'rows'
              ? `the rows (no summary table: ${compiled.plan.reason})`
              : compiled.plan.reason;
          io().stdout.write(`-- answered from: ${plan}\n${compiled.sql}\n-- parameters: ${JSON.stringify(compiled.params)}\n`);
          // A top N from a heavy-value table: what runs when its answer cannot be shown to be the whole table's.
          const fallback = compiled.fallback?.query;
          if (fallback)
            io().stdout.write(
              `-- else answered from: ${fallback.plan!.reason}\n${fallback.sql}\n-- parameters: ${JSON.stringify(fallback.params)}\n`,
            );
          return EXIT.ok;
        }
        try {
          const store = await ctx.store();
          const result = await runKql(store, kql, { now, timeRange });
          io().stdout.write(await render(opts.format, result.columns, result.rows, zone));
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

/**
 * Rows as text. Datetimes are local with the offset (2026-11-26T09:00:00+09:00) in a table always, in CSV and
 * JSON when a zone was chosen (--tz or organization.timeZone); otherwise those stay UTC for the scripts reading them.
 */
async function render(format: string, columns: { name: string; type: string }[], raw: unknown[][], zone: OutputZone): Promise<string> {
  const rows = format === 'table' || zone.chosen ? localizeRows(columns, raw, zone.zone) : raw;
  if (format === 'table') {
    const { renderTable } = await import('../text-table.js');
    const width = io().stdout.columns ?? Infinity;
    return renderTable(columns, rows, width) + `${msg().rows(formatCount(rows.length))}\n`;
  }
  const out = await import('../../export/index.js');
  if (format === 'csv') return out.toCsv(columns, rows);
  if (format === 'json') return out.toJsonArray(columns, rows);
  return out.toNdjson(columns, rows);
}
