/** The serving half of `mailsift demo`: the app on the demo store, signed in with a one-time admin password. */
import type { Store } from '../../store/index.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { msg } from '../messages.js';

/** Serve the demo store until Ctrl-C; returns the exit code. */
export async function serveDemo(store: Store, ctx: CommandContext, where: { host?: string; port?: number; days: number }): Promise<number> {
  const [{ UserDirectory }, { startServices, untilSignal }] = await Promise.all([
    import('../../server/index.js'),
    import('../services.js'),
  ]);
  // A fresh password every start: the demo never has a known default one.
  const password = await new UserDirectory(store).resetAdminWithOneTimePassword('admin');
  const services = await startServices({
    config: ctx.config,
    store,
    host: where.host,
    port: where.port,
    collectors: false,
    detectionWindowDays: where.days,
  });
  process.stdout.write(['', msg().demo.running(services.url), msg().demo.signIn(password), '', msg().demo.stops, ''].join('\n'));
  await untilSignal();
  await services.stop();
  await store.close();
  return EXIT.ok;
}
