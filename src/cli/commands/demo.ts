/** `mailsift demo`: build a realistic month for a fictional tenant into a local store, then serve the app. */
import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from '../context.js';

const DEMO_STORE = 'duckdb:./mailsift-data/demo.duckdb';

export interface DemoOptions {
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
    .description(
      'build a demo tenant (a month of realistic mail with planted incidents) in a store of its own (default ./mailsift-data/demo.duckdb, or --store) and serve the app',
    )
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
        const { runDemo } = await import('./demo-run.js');
        return runDemo(ctx, opts);
      }),
    );
}
