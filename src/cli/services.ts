/** Everything `serve` (and `demo`) runs in one process: the API and web app, collectors, detections and alerts. */
import type { Logger } from 'pino';
import type { Enricher } from '../enrich/index.js';
import { parseStoreUrl, type Store } from '../store/index.js';
import type { LoadedConfig } from './context.js';
import { currentLanguage, msg } from './messages.js';
import { rejectText } from './reject-text.js';

export interface RunningServices {
  url: string;
  /** Stop the server (and its running queries) and the schedules. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  config: LoadedConfig;
  store: Store;
  host?: string;
  port?: number;
  /** Whether to run the configured collectors (the demo has none to run). */
  collectors?: boolean;
  /** Between detection runs (default 15 minutes). */
  detectionInterval?: string;
  /** Days each detection run looks back (default 2). */
  detectionWindowDays?: number;
}

/** Start the server and the schedules; each schedule logs its failures and carries on. */
export async function startServices(o: ServiceOptions): Promise<RunningServices> {
  const [{ startServer, createServerLogger, serverSettings }, { startDetections }, { startAlerting, parseAlertsConfig }] =
    await Promise.all([import('../server/index.js'), import('../detect/index.js'), import('../alerts/index.js')]);
  // A mistake in the server: block, in the CLI's language (the server itself would word it in organization.language).
  serverSettings(o.config, currentLanguage());
  // A wrong `alerts:` section stops serve before anything listens (startAlerting would throw once the rest runs).
  parseAlertsConfig(o.config.alerts);
  const log = createServerLogger();
  let alerting: { reload(): void; stop(): Promise<void> } | undefined;
  const server = await startServer({
    config: o.config,
    store: o.store,
    host: o.host,
    port: o.port,
    logger: log,
    onAlertsChanged: () => alerting?.reload(),
  });
  const stops: (() => Promise<void>)[] = [];
  let enricherPromise: Promise<Enricher> | undefined;
  const sharedEnricher = () =>
    (enricherPromise ??= import('../enrich/index.js').then((m) =>
      m.createEnricher({ organization: o.config.organization, geoip: o.config.geoip }),
    ));
  const channel = await startHandOff(o, sharedEnricher, log);
  if (channel) stops.push(() => channel.close());
  if (o.collectors !== false && o.config.collectors.length > 0) {
    const { startCollectors } = await import('../collect/index.js');
    const enricher = await sharedEnricher();
    const collectors = startCollectors({
      collectors: o.config.collectors,
      store: o.store,
      enrich: (r) => enricher.enrich(r),
      onPass: (report) => log.info({ collector: report }, 'collector pass'),
    });
    stops.push(() => collectors.stop());
  }
  const detections = startDetections({
    store: o.store,
    config: o.config,
    interval: o.detectionInterval,
    windowDays: o.detectionWindowDays,
    onFindings: async (f) => {
      log.info({ findings: f.length }, 'detections ran');
      // Mail and feeds change between runs: keep the IntelMatches table current with the findings.
      const { refreshIntelMatches } = await import('../intel/index.js');
      await refreshIntelMatches(o.store).catch((e: unknown) =>
        log.error({ err: e instanceof Error ? e.message : String(e) }, 'intel matches failed'),
      );
    },
    onError: (e) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'detections failed'),
  });
  stops.push(() => detections.stop());
  const scheduler = startAlerting({ store: o.store, config: o.config });
  alerting = scheduler;
  stops.push(() => scheduler.stop());
  if (o.config.ingest?.watch) {
    const [{ startDropFolder }, { parseDuration }] = await Promise.all([import('./drop-folder.js'), import('../config/index.js')]);
    const drops = await startDropFolder({
      dir: o.config.ingest.watch,
      store: o.store,
      enricher: sharedEnricher,
      settleMs: o.config.ingest.settle ? parseDuration(o.config.ingest.settle) : undefined,
      onImport: (e) => {
        log.info({ drop: e }, 'dropped file ingested');
        // What needs a person, in the CLI's language: the file could not be read, or its rejects could not be kept.
        if (e.error)
          log.warn({ drop: e.name, reason: e.errorReason?.code }, msg().serve.dropUnread(e.name, rejectText(e.error, e.errorReason)));
        if (e.rejectFileError)
          log.warn(
            { drop: e.name, reason: e.rejectFileErrorReason?.code },
            msg().serve.dropRejectFileFailed(e.name, rejectText(e.rejectFileError, e.rejectFileErrorReason)),
          );
      },
      onError: (e) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'drop folder'),
    });
    stops.push(() => drops.stop());
  }
  if (o.config.retention) {
    const { startRetention } = await import('./maintenance/retention.js');
    const retention = startRetention(o.store, o.config.retention, {
      onRun: (r) => log.info({ retention: r.retention, cutoff: r.cutoff, removed: r.removed }, 'retention applied'),
      onError: (e) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'retention failed'),
    });
    stops.push(() => retention.stop());
  }
  return {
    url: server.url,
    async stop() {
      // The server first: closing it stops the queries still running, while the schedules finish their pass.
      const closing = server.close();
      for (const stop of stops) await stop().catch(() => undefined);
      await closing;
    },
  };
}

/** The control channel of a DuckDB file store: `mailsift ingest` and the like, run meanwhile, are handed to this process. */
async function startHandOff(o: ServiceOptions, enricher: () => Promise<Enricher>, log: Logger) {
  const parsed = parseStoreUrl(o.config.store);
  if (parsed.engine !== 'duckdb' || parsed.path === ':memory:') return undefined;
  const [{ startControlChannel }, { hostCommands }] = await Promise.all([
    import('../control/index.js'),
    import('./handoff/host-commands.js'),
  ]);
  const channel = await startControlChannel({
    storeFile: parsed.path,
    run: hostCommands({ config: o.config, store: o.store, enricher }),
    onError: (e) => log.warn({ err: e instanceof Error ? e.message : String(e) }, 'control channel'),
  });
  log.info({ socket: channel.path }, 'control channel listening');
  return channel;
}

/** Resolve when the process is asked to stop (Ctrl-C, SIGTERM). */
export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
