/** Start the API and web app on the configured host and port. */
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import { buildApp } from './build-app.js';
import { createServerLogger } from './logger.js';
import { serverSettings } from './server-settings.js';

/** What startServer needs; host/port override the config. */
export interface StartServerOptions {
  config: Config;
  store: Store;
  logger?: Logger | false;
  host?: string;
  port?: number;
  webRoot?: string;
  dashboardDir?: string;
  /** Called after alert rules or destinations change in the app. */
  onAlertsChanged?: () => void;
}

/** A running server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listen and serve; close() stops accepting and waits for requests in flight (the store stays open: its owner closes it). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const settings = serverSettings(options.config);
  const logger = options.logger === undefined ? createServerLogger() : options.logger;
  const app = await buildApp({
    config: options.config,
    store: options.store,
    logger,
    webRoot: options.webRoot,
    dashboardDir: options.dashboardDir,
    onAlertsChanged: options.onAlertsChanged,
  });
  const host = options.host ?? settings.host;
  const port = options.port ?? settings.port;
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return { url: `http://${shownHost}:${actualPort}`, close: () => app.close() };
}
