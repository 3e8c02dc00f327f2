/** The demo store (bench/demo-store.ts) served as the app serves it, with a bench analyst and a signed-in session. */
import { resolve } from 'node:path';
import { configSchema } from '../src/config/index.js';
import { startServer, UserDirectory } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import { benchDemoStore } from './demo-store.js';
import { benchLogin } from './lib.js';

export const BENCH_PASSWORD = 'bench-password-1';

/** Open the demo store, add the user `bench` and serve it (organization settings over the demo tenant's). */
export async function serveDemoStore(organization: Record<string, unknown> = {}) {
  const { file, tenant } = await benchDemoStore();
  const store = await openStore(`duckdb:${file}`);
  const stats = await store.stats();
  await new UserDirectory(store).addUser('bench', 'analyst', BENCH_PASSWORD, { replace: true });
  const config = configSchema.parse({ organization: { ...tenant.organization, ...organization } });
  const server = await startServer({ config, store, logger: false, host: '127.0.0.1', port: 0, webRoot: resolve('dist/web') });
  const { cookie, csrf } = await benchLogin(server.url, 'bench', BENCH_PASSWORD);
  return { store, stats, tenant, server, cookie, csrf };
}
