/** `mailsift query 'KQL'`: run a KQL query on the store and print the rows. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
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
    .option('--explain', 'print the SQL the query compiles to instead of running it')
    .action((kql: string, opts: QueryOptions, cmd: Command) =>
      run(async () => {
        if (!FORMATS.includes(opts.format as never)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        const now = Date.now();
        const timeRange = {
          from: opts.from ? parseTimeArg('--from', opts.from, now) : undefined,
          to: opts.to ? parseTimeArg('--to', opts.to, now) : undefined,
        };
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const [{ compileKql, KqlError }, { parseStoreUrl, runKql }] = await Promise.all([
          import('../../kql/index.js'),
          import('../../store/index.js'),
        ]);
        let compiled;
        try {
          compiled = compileKql(kql, { dialect: parseStoreUrl(ctx.config.store).engine, now, timeRange });
        } catch (error) {
          if (error instanceof KqlError) throw new UsageError(error.message);
          throw error;
        }
        if (opts.explain) {
          process.stdout.write(`${compiled.sql}\n-- parameters: ${JSON.stringify(compiled.params)}\n`);
          return EXIT.ok;
        }
        try {
          const store = await ctx.store();
          const result = await runKql(store, kql, { now, timeRange });
          process.stdout.write(await render(opts.format, result.columns, result.rows));
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

async function render(format: string, columns: { name: string; type: string }[], rows: unknown[][]): Promise<string> {
  if (format === 'table') {
    const { renderTable } = await import('../text-table.js');
    const width = process.stdout.columns ?? Infinity;
    return renderTable(columns, rows, width) + `(${rows.length.toLocaleString('en-US')} rows)\n`;
  }
  const out = await import('../../export/index.js');
  if (format === 'csv') return out.toCsv(columns, rows);
  if (format === 'json') return out.toJsonArray(columns, rows);
  return out.toNdjson(columns, rows);
}
