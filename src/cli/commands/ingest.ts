/** `mailsift ingest PATH...`: read message-trace files into the store. */
import { dirname, join, sep } from 'node:path';
import type { Command } from 'commander';
import type { IngestReport } from '../../ingest/index.js';
import { parseStoreUrl } from '../../store/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { io, resolvePath } from '../io.js';
import { ingestProgress, PROGRESS_MODES, type ProgressMode } from '../progress.js';
import { formatCount } from '../format-number.js';
import { msg } from '../messages.js';
import { rejectText } from '../reject-text.js';

const FORMATS = ['auto', 'graph', 'rws', 'powershell', 'eac', 'tracking-log'] as const;

export function registerIngest(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('ingest')
    .description('read message-trace files or folders (any supported format, detected by content) into the store')
    .argument('<paths...>', 'files or folders (read recursively)')
    .option('--format <name>', `input format: ${FORMATS.join('|')}`, 'auto')
    .option('--json', 'print the counts as JSON')
    .option('--rejects <file>', 'where rejected records go (NDJSON)')
    .option('--batch-size <n>', 'records per transaction (larger loads faster, smaller commits sooner)', '100000')
    .option('--progress <how>', `progress on stderr: ${PROGRESS_MODES.join('|')} (a bar on a terminal, a line per commit)`, 'auto')
    .action(
      (paths: string[], opts: { format: string; json?: boolean; rejects?: string; batchSize: string; progress: string }, cmd: Command) =>
        run(async () => {
          if (!FORMATS.includes(opts.format as never)) throw new UsageError(msg().errors.formatOneOf('--format', FORMATS.join(', ')));
          const batchSize = Number(opts.batchSize);
          if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(msg().more.batchSize);
          const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
          if (!PROGRESS_MODES.includes(opts.progress as never))
            throw new UsageError(msg().errors.formatOneOf('--progress', PROGRESS_MODES.join(', ')));
          const progress = ingestProgress(opts.progress as ProgressMode);
          try {
            // Opened side by side: the engine opens the store on its own threads while the GeoIP data loads here.
            const [store, enricher, { ingestPaths, IngestStoppedError }] = await Promise.all([
              ctx.store(),
              ctx.enricher(),
              import('../../ingest/index.js'),
            ]);
            // Read relative to the caller's folder (the same as this process's, unless handed to a running server).
            const absolute = paths.map(resolvePath);
            const rejectFile = opts.rejects ? resolvePath(opts.rejects) : defaultRejectFile(ctx.config.store);
            const print = (r: IngestReport) => {
              const shown = asGiven(r, absolute, paths, opts.rejects);
              io().stdout.write(opts.json ? JSON.stringify(shown, null, 2) + '\n' : summary(shown));
              return shown;
            };
            let read: IngestReport;
            try {
              read = await ingestPaths(absolute, {
                store,
                enrich: (records) => enricher.enrich(records),
                dimensions: enricher,
                rejectFile,
                format: opts.format as never,
                progress,
                batchSize,
              });
            } catch (error) {
              // The store failed: say what the run did before the one-line error (printed by the caller).
              progress.stop();
              if (error instanceof IngestStoppedError) print(error.report);
              throw error;
            }
            progress.stop();
            const report = print(read);
            for (const f of report.files)
              if (f.error) io().stderr.write(`mailsift: ${msg().more.fileError(f.path, rejectText(f.error, f.errorReason))}\n`);
            if (report.rejectFileError)
              io().stderr.write(
                `mailsift: ${msg().more.rejectFileCounted(rejectText(report.rejectFileError, report.rejectFileErrorReason), String(report.totals.rejected))}\n`,
              );
            return exitCode(report);
          } finally {
            progress.stop();
            await ctx.close();
          }
        }),
    );
}

/** The report with paths shown as the command line gave them (relative stays relative). */
function asGiven(report: IngestReport, absolute: string[], given: string[], rejects: string | undefined): IngestReport {
  const show = (path: string) => {
    const i = absolute.findIndex((a) => path === a || path.startsWith(a + sep));
    return i < 0 ? path : path === absolute[i] ? given[i]! : join(given[i]!, path.slice(absolute[i]!.length + 1));
  };
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, path: show(f.path) })),
    rejectFile: report.rejectFile && rejects ? rejects : report.rejectFile,
  };
}

/** Rejects go beside a DuckDB store file, else into the working folder. */
function defaultRejectFile(storeUrl: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const parsed = parseStoreUrl(storeUrl);
  const dir = parsed.engine === 'duckdb' && parsed.path !== ':memory:' ? join(dirname(parsed.path), 'rejects') : '.';
  return join(dir, `rejects-${stamp}.ndjson`);
}

/**
 * 1 when nothing could be done (no input was read: every one missing, unreadable or no export), 3 when the
 * run finished but something was rejected, 0 when everything was stored.
 */
export function exitCode(r: IngestReport): number {
  if (r.files.length === 0 || r.files.every((f) => f.error && f.read === 0)) return EXIT.failed;
  if (r.totals.rejected > 0 || r.files.some((f) => f.error) || r.rejectFileError) return EXIT.rejected;
  return EXIT.ok;
}

function summary(r: IngestReport): string {
  const m = msg().ingest;
  const counts = (c: { read: number; ingested: number; updated: number; duplicates: number; rejected: number }) =>
    m.counts(formatCount(c.read), formatCount(c.ingested), formatCount(c.updated), formatCount(c.duplicates), formatCount(c.rejected));
  const lines: string[] = [];
  if (r.files.length === 0) lines.push(m.noFiles);
  for (const f of r.files) {
    const line = m.file(f.path, f.format ?? m.notRead, counts(f));
    lines.push(f.skipped ? line + m.skipped(formatCount(f.skipped)) : line);
    if (f.error) lines.push(m.wholeFile(rejectText(f.error, f.errorReason)));
    for (const x of f.reasons ?? []) lines.push(m.reason(formatCount(x.count), rejectText(x.reason, x)));
  }
  lines.push(m.total(counts(r.totals), formatCount(r.totals.events), formatCount(r.totals.skipped)));
  if (r.rejectFile) lines.push(m.rejectFile(r.rejectFile));
  if (r.rejectFileError) lines.push(m.rejectFileFailed(rejectText(r.rejectFileError, r.rejectFileErrorReason)));
  return lines.join('\n') + '\n';
}
