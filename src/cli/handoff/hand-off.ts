/**
 * The client side of handing a command to a running server. Before a handed command runs, it looks for the
 * control socket of its store: when `serve` is listening there, the whole command line goes to it and this
 * process only relays the terminal and returns the exit code.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { parseStoreUrl, StoreLockedError } from '../../store/index.js';
import type { GlobalOptions } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { hosted } from '../io.js';
import { HANDED_COMMANDS, commandPath } from './handed-commands.js';
import { msg, namedLanguage } from '../messages.js';

/** Thrown by the pre-action hook once the server ran the command: main() exits with `exitCode`. */
export class HandedOff extends Error {
  readonly code = 'HANDED_OFF';
  constructor(readonly exitCode: number) {
    super('the command ran in the server');
    this.name = 'HandedOff';
  }
}

const WAIT_POLL_MS = 1000;

/** The commander pre-action hook: hand the command over when a server holds its store. */
export async function handOffIfServing(program: Command, action: Command): Promise<void> {
  const path = commandPath(action);
  if (hosted()) {
    // Only what the server offers: `serve`, `demo` and the like never run inside it.
    if (!HANDED_COMMANDS.has(path)) throw new UsageError(msg().handoff.notHanded(path));
    return;
  }
  if (!HANDED_COMMANDS.has(path)) return;
  const opts = action.optsWithGlobals<GlobalOptions & { wait?: boolean }>();
  const url = loadConfig({ configPath: opts.config, store: opts.store, language: namedLanguage(opts.lang) }).store;
  const parsed = parseStoreUrl(url);
  if (parsed.engine !== 'duckdb' || parsed.path === ':memory:') return; // only an embedded file has one writer
  const { connectToServer, runOnServer } = await import('../../control/index.js');
  let told = false;
  for (;;) {
    const socket = await connectToServer(parsed.path);
    if (socket) {
      const code = await runOnServer(
        socket,
        {
          type: 'run',
          argv: (program as unknown as { rawArgs: string[] }).rawArgs.slice(2),
          cwd: process.cwd(),
          tty: { stdin: !!process.stdin.isTTY, stdout: !!process.stdout.isTTY, stderr: !!process.stderr.isTTY },
          columns: process.stderr.columns ?? process.stdout.columns,
        },
        { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
      );
      throw new HandedOff(code);
    }
    if (!opts.wait) return; // run here; a store held by a one-off command fails with "in use by another mailsift process"
    if (!(await storeIsBusy(url))) return;
    if (!told) {
      process.stderr.write(`mailsift: ${msg().handoff.waiting}\n`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}

/** Whether another process holds the store (opening it fails with the lock error). */
async function storeIsBusy(url: string): Promise<boolean> {
  const { openStore } = await import('../../store/index.js');
  try {
    await (await openStore(url)).close();
    return false;
  } catch (e) {
    if (e instanceof StoreLockedError) return true;
    throw e;
  }
}
