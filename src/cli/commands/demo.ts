/** `mailsift demo`: build a realistic month for a fictional tenant into a local store, then serve the app. */
import { rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { generateTenant } from '../../demo/index.js';
import { createEnricher } from '../../enrich/index.js';
import { loadRecords } from '../../ingest/index.js';
import { openStore, parseStoreUrl, type Store } from '../../store/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatCount } from '../format-number.js';
import { serveDemo } from './demo-serve.js';

const DEMO_STORE = 'duckdb:./mailsift-data/demo.duckdb';

interface DemoOptions {
  port?: string;
  host?: string;
  seed: string;
  days: string;
  perDay: string;
  rebuild?: boolean;
  serve: boolean;
}

export function registerDemo(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('demo')
    .description('build a demo tenant (a month of realistic mail with planted incidents) and serve the app')
    .option('--port <n>', 'port to serve on (default from config, 8080)')
    .option('--host <h>', 'address to listen on (default 127.0.0.1)')
    .option('--seed <n>', 'seed of the generator', '1')
    .option('--days <n>', 'days of mail', '30')
    .option('--per-day <n>', 'message x recipient rows on a working day', '4000')
    .option('--rebuild', 'build the demo store again even when it is current')
    .option('--no-serve', 'only build the store')
    .action((opts: DemoOptions, cmd: Command) =>
      run(async () => {
        const global = cmd.optsWithGlobals<GlobalOptions>();
        const ctx = new CommandContext({ ...global, store: global.store ?? DEMO_STORE });
        const wanted = { seed: Number(opts.seed), days: Number(opts.days), perDay: Number(opts.perDay), day: new Date().toISOString().slice(0, 10) };
        let store = await openStore(ctx.config.store);
        const built = (await store.getState('demo'))?.value as typeof wanted | undefined;
        if (opts.rebuild || JSON.stringify(built) !== JSON.stringify(wanted)) {
          store = await rebuild(store, ctx.config.store);
          await build(store, wanted);
        } else {
          process.stderr.write(`demo store is current (${ctx.config.store}); --rebuild to build it again\n`);
        }
        if (!opts.serve) {
          await store.close();
          return EXIT.ok;
        }
        return serveDemo(store, ctx, { host: opts.host, port: opts.port === undefined ? undefined : Number(opts.port) });
      }),
    );
}

/** Start from an empty store: a demo store holds only the demo. */
async function rebuild(store: Store, url: string): Promise<Store> {
  await store.close();
  const parsed = parseStoreUrl(url);
  if (parsed.engine === 'duckdb' && parsed.path !== ':memory:') {
    await rm(parsed.path, { force: true });
    await rm(parsed.path + '.wal', { force: true });
  }
  return openStore(url);
}

async function build(store: Store, wanted: { seed: number; days: number; perDay: number; day: string }): Promise<void> {
  const started = Date.now();
  const tenant = generateTenant({ seed: wanted.seed, days: wanted.days, messagesPerDay: wanted.perDay });
  const enricher = await createEnricher({ organization: tenant.organization });
  const tty = process.stderr.isTTY;
  const counts = await loadRecords(store, tenant.batches(), (r) => enricher.enrich(r), {
    onProgress: (rows) => {
      if (tty) process.stderr.write(`\rbuilding demo tenant: ${formatCount(rows)} of ~${formatCount(tenant.expectedRows)} rows`);
    },
  });
  if (tty) process.stderr.write('\n');
  await store.replaceIndicators('demo-intel', tenant.indicators);
  await store.replaceWatchlist('edr', tenant.watchlist);
  await store.setState('demo', wanted);
  await store.setState('demo:organization', tenant.organization);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `demo tenant ${tenant.tenant}: ${formatCount(counts.ingested)} rows, ${formatCount(counts.events)} events, ` +
      `${tenant.indicators.length} indicators, ${tenant.watchlist.length} watchlist entries, ${tenant.answerKey.length} planted incidents (${secs} s)\n`,
  );
}
