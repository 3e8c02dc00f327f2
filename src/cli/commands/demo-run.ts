/** What `mailsift demo` does: build the demo store when it is missing or stale, then serve it. */
import { rm } from 'node:fs/promises';
import { generateTenant } from '../../demo/index.js';
import { createEnricher } from '../../enrich/index.js';
import { loadRecords } from '../../ingest/index.js';
import { openStore, parseStoreUrl, type Store } from '../../store/index.js';
import type { CommandContext, LoadedConfig } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { formatCount } from '../format-number.js';
import type { DemoOptions } from './demo.js';
import { serveDemo } from './demo-serve.js';
import { msg } from '../messages.js';

/** Build (when needed) and serve the demo; returns the exit code. */
export async function runDemo(ctx: CommandContext, opts: DemoOptions): Promise<number> {
  const wanted = {
    seed: Number(opts.seed),
    days: Number(opts.days),
    perDay: Number(opts.perDay),
    day: new Date().toISOString().slice(0, 10),
  };
  let store = await openStore(ctx.config.store);
  const built = (await store.getState('demo'))?.value as typeof wanted | undefined;
  if (opts.rebuild || JSON.stringify(built) !== JSON.stringify(wanted)) {
    // Only a demo store (or an empty one) is ever rebuilt: never wipe real mail.
    if (!built && (await store.stats()).rows > 0) {
      await store.close();
      throw new UsageError(msg().demo.notDemo(ctx.config.store));
    }
    store = await rebuild(store, ctx.config.store);
    await build(store, wanted);
  } else {
    process.stderr.write(`${msg().demo.current(ctx.config.store)}\n`);
  }
  if (!opts.serve) {
    await store.close();
    return EXIT.ok;
  }
  // The demo tenant's own organization (accepted domains, countries) drives direction, detections and the UI.
  const organization = (await store.getState('demo:organization'))?.value as LoadedConfig['organization'] | undefined;
  if (organization) ctx.config.organization = { ...ctx.config.organization, ...organization };
  // The demo company is in Japan: its screens, exports, alerts and detections keep Tokyo time unless configured otherwise.
  ctx.config.organization = { timeZone: 'Asia/Tokyo', ...ctx.config.organization };
  ctx.config.detections = { timeZone: ctx.config.organization.timeZone, ...ctx.config.detections };
  return serveDemo(store, ctx, { host: opts.host, port: opts.port === undefined ? undefined : Number(opts.port), days: wanted.days });
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
      if (tty) process.stderr.write(`\r${msg().demo.building(formatCount(rows), formatCount(tenant.expectedRows))}`);
    },
  });
  if (tty) process.stderr.write('\n');
  await store.replaceIndicators('demo-intel', tenant.indicators);
  await store.replaceWatchlist('edr', tenant.watchlist);
  await store.setState('demo', wanted);
  await store.setState('demo:organization', tenant.organization);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const built = msg().demo.built(
    tenant.tenant,
    formatCount(counts.ingested),
    formatCount(counts.events),
    String(tenant.indicators.length),
    String(tenant.watchlist.length),
    String(tenant.answerKey.length),
    secs,
  );
  process.stderr.write(`${built}\n`);
}
