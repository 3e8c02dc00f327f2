/** `mailsift serve`: the HTTP API, the web app, collectors, detections and alerts, until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { msg } from '../messages.js';

export function registerServe(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web app (sign in with a user from `mailsift users add`)')
    .option('--host <h>', 'address to listen on (default server.host, 127.0.0.1)')
    .option('--port <n>', 'port to listen on (default server.port, 8080)')
    .action((opts: { host?: string; port?: string }, cmd: Command) =>
      run(async () => {
        const port = opts.port === undefined ? undefined : Number(opts.port);
        if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(msg().serve.port);
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const [{ UserDirectory }, { startServices, untilSignal }] = await Promise.all([
          import('../../server/index.js'),
          import('../services.js'),
        ]);
        const store = await ctx.store();
        try {
          const services = await startServices({ config: ctx.config, store, host: opts.host, port });
          process.stderr.write(`${msg().serve.serving(services.url)}\n`);
          if ((await new UserDirectory(store).listUsers()).length === 0) {
            process.stderr.write(`${msg().serve.noUsers}\n`);
          }
          await untilSignal();
          process.stderr.write(`${msg().serve.stopping}\n`);
          await services.stop();
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
}
