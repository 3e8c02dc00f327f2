/** Everything `serve` (and `demo`) runs in one process: the API and web app, collectors, detections and alerts. */
import type { Store } from '../store/index.js';
import type { LoadedConfig } from './context.js';

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
  const [{ startServer, createServerLogger }, { startDetections }, { startAlerting }] = await Promise.all([
    import('../server/index.js'),
    import('../detect/index.js'),
    import('../alerts/index.js'),
  ]);
  const log = createServerLogger();
  const server = await startServer({ config: o.config, store: o.store, host: o.host, port: o.port, logger: log });
  const stops: (() => Promise<void>)[] = [];
  if (o.collectors !== false && o.config.collectors.length > 0) {
    const [{ startCollectors }, { createEnricher }] = await Promise.all([import('../collect/index.js'), import('../enrich/index.js')]);
    const enricher = await createEnricher({ organization: o.config.organization, geoip: o.config.geoip });
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
  const alerting = startAlerting({ store: o.store, config: o.config });
  stops.push(() => alerting.stop());
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

/** Resolve when the process is asked to stop (Ctrl-C, SIGTERM). */
export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
