/** The serving half of `mailsift demo`: until the web app is part of this build, say how to explore the store. */
import type { Store } from '../../store/index.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** Serve the demo store; returns when the server stops. */
export async function serveDemo(store: Store, ctx: CommandContext, _where: { host?: string; port?: number }): Promise<number> {
  await store.close();
  process.stdout.write(
    [
      `The demo store is ready: ${ctx.config.store}`,
      'Try:',
      `  npx mailsift --store ${ctx.config.store} stats`,
      `  npx mailsift --store ${ctx.config.store} query 'MessageTrace | summarize count() by Status'`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
