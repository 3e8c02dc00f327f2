/** `mailsift intel import|sync|matches`: threat-intelligence feeds into the Indicators table, and what they match. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { io, resolvePath } from '../io.js';
import { formatCount } from '../format-number.js';
import { currentLanguage, msg } from '../messages.js';

const TYPES = ['auto', 'stix', 'misp', 'csv', 'drop', 'threatfox', 'feodotracker', 'spamhaus-drop', 'spamhaus-edrop', 'openphish'] as const;

export function registerIntel(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const intel = program
    .command('intel')
    .description(
      'threat-intelligence feeds (STIX/TAXII, MISP, CrowdStrike, CSV, Spamhaus DROP; free: threatfox, feodotracker, spamhaus-drop, spamhaus-edrop, openphish) and their matches',
    );

  intel
    .command('import')
    .description('replace a feed with the indicators of a file or URL (STIX 2.1 bundle, MISP feed, CSV or DROP list; detected by content)')
    .argument('<path-or-url>', 'file, folder (MISP feed) or http(s) URL')
    .option('--feed <name>', 'feed name (default: the file name)')
    .option('--type <type>', `feed type: ${TYPES.join('|')}`, 'auto')
    .option('--json', 'print the summary as JSON')
    .action((source: string, opts: { feed?: string; type: string; json?: boolean }, cmd: Command) =>
      run(async () => {
        if (!TYPES.includes(opts.type as never)) throw new UsageError(msg().intel.typeOneOf(TYPES.join(', ')));
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const { syncFeed, refreshIntelMatches, feedFailureOf, feedFailureText } = await import('../../intel/index.js');
        const isUrl = /^https?:\/\//i.test(source);
        const name = opts.feed ?? basename(isUrl ? new URL(source).pathname : source).replace(/\.[^.]+$/, '') ?? 'imported';
        try {
          const store = await ctx.store();
          const feed = { name, type: opts.type, ...(isUrl ? { url: source } : { path: resolvePath(source) }) };
          let summary;
          try {
            summary = await syncFeed(store, feed as never, { incremental: false });
          } catch (error) {
            if (!(error as { failure?: unknown }).failure) throw error;
            io().stderr.write(`mailsift: ${feedFailureText(feedFailureOf(error, feed), currentLanguage())}\n`);
            return EXIT.failed;
          }
          await refreshIntelMatches(store);
          printSummary([summary], opts.json);
          return summary.skipped.length > 0 ? EXIT.rejected : EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );

  intel
    .command('sync')
    .description('read every feed of the configuration (intel.feeds), incrementally where the feed allows')
    .option('--feed <name...>', 'only these feeds')
    .option('--full', 'read feeds whole, not from where the last sync stopped')
    .option('--json', 'print the summaries as JSON')
    .action((opts: { feed?: string[]; full?: boolean; json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const feeds = ctx.config.intel.feeds.filter((f) => !opts.feed || opts.feed.includes(f.name));
        if (feeds.length === 0) throw new UsageError(opts.feed ? msg().intel.noFeedNamed(opts.feed.join(', ')) : msg().intel.noFeeds);
        const { syncFeed, refreshIntelMatches, feedFailureOf, feedFailureText } = await import('../../intel/index.js');
        const summaries = [];
        let failed = 0;
        try {
          const store = await ctx.store();
          for (const feed of feeds) {
            try {
              summaries.push(await syncFeed(store, feed as never, { incremental: !opts.full }));
            } catch (error) {
              failed++;
              io().stderr.write(
                `mailsift: ${msg().intel.feedFailed(feed.name, feedFailureText(feedFailureOf(error, feed), currentLanguage()))}\n`,
              );
            }
          }
          if (summaries.length) await refreshIntelMatches(store);
          printSummary(summaries, opts.json);
          if (failed) return EXIT.failed;
          return summaries.some((s) => s.skipped.length > 0) ? EXIT.rejected : EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );

  intel
    .command('matches')
    .description('senders, sender domains, sender IPs and recipients that match an active indicator')
    .option('--from <time>', 'only mail at or after this time (ISO, or 7d/12h back from now)')
    .option('--to <time>', 'only mail before this time')
    .option('--min-confidence <n>', 'only indicators at least this confident (0-100)', '0')
    .option('--json', 'print as JSON')
    .action((opts: { from?: string; to?: string; minConfidence: string; json?: boolean }, cmd: Command) =>
      run(async () => {
        const { parseTimeArg } = await import('../time-arg.js');
        const now = Date.now();
        const minConfidence = Number(opts.minConfidence);
        if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 100) throw new UsageError(msg().intel.minConfidence);
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const { computeMatches, refreshIntelMatches } = await import('../../intel/index.js');
        try {
          const store = await ctx.store();
          const matches = await computeMatches(store, undefined, {
            from: opts.from ? parseTimeArg('--from', opts.from, now) : undefined,
            to: opts.to ? parseTimeArg('--to', opts.to, now) : undefined,
            minConfidence,
            now,
          });
          // The table holds the matches over all mail; a window asked for here is for this listing only.
          if (!opts.from && !opts.to && minConfidence === 0) await refreshIntelMatches(store, { matches, now });
          if (opts.json) {
            io().stdout.write(JSON.stringify(matches, null, 2) + '\n');
            return EXIT.ok;
          }
          const { renderTable } = await import('../text-table.js');
          const columns = [
            'Entity',
            'Type',
            'Indicator',
            'Confidence',
            'Band',
            'Actor',
            'Feed',
            'Labels',
            'Messages',
            'FirstSeen',
            'LastSeen',
          ].map((name) => ({ name, type: name === 'Confidence' || name === 'Messages' ? 'long' : 'string' }));
          const rows = matches.map((m) => [
            m.entity,
            m.type,
            m.indicator,
            m.confidence,
            m.band,
            m.actor,
            m.feed,
            m.labels.join(', '),
            m.messages,
            m.firstSeen,
            m.lastSeen,
          ]);
          io().stdout.write(
            renderTable(columns, rows, io().stdout.columns ?? Infinity) + `${msg().intel.matches(formatCount(rows.length))}\n`,
          );
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}

function printSummary(
  summaries: { feed: string; mode: string; indicators: number; skipped: { value: string; reason: string }[] }[],
  json?: boolean,
): void {
  if (json) {
    io().stdout.write(JSON.stringify(summaries, null, 2) + '\n');
    return;
  }
  for (const s of summaries) {
    io().stdout.write(`${msg().intel.summary(s.feed, formatCount(s.indicators), s.mode, formatCount(s.skipped.length))}\n`);
    for (const k of s.skipped.slice(0, 10))
      io().stdout.write(`${msg().intel.skippedValue(JSON.stringify(k.value).slice(0, 120), k.reason)}\n`);
    if (s.skipped.length > 10) io().stdout.write(`${msg().intel.more(formatCount(s.skipped.length - 10))}\n`);
  }
}
