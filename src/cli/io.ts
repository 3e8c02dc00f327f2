/**
 * A command's terminal: this process's, or, for a command handed to a running server, the terminal of the
 * `mailsift` that handed it over. Commands write through io() and resolve paths with resolvePath() so that
 * they behave the same in either place.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import type { Enricher } from '../enrich/index.js';
import type { Store } from '../store/index.js';
import type { LoadedConfig } from './context.js';

/** An output stream; progress bars draw only where isTTY is true. */
export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Standard input: read whole by the commands that take a secret on it. */
export type InStream = AsyncIterable<Buffer | string> & { isTTY?: boolean };

export interface CommandIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** Where relative paths of the command line are resolved. */
  cwd: string;
}

/** A command running inside `serve`: the server's configuration, store and enricher, and the caller's terminal. */
export interface HostedCommand {
  io: CommandIo;
  config: LoadedConfig;
  store: Store;
  enricher(): Promise<Enricher>;
  exitCode: number;
}

const current = new AsyncLocalStorage<HostedCommand>();

/** The hosted command this code runs for, if any. */
export function hosted(): HostedCommand | undefined {
  return current.getStore();
}

/** Run `fn` as the hosted command `h`. */
export function runHosted<T>(h: HostedCommand, fn: () => T): T {
  return current.run(h, fn);
}

const PROCESS_IO: CommandIo = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get stdin() {
    return process.stdin;
  },
  get cwd() {
    return process.cwd();
  },
};

/** The current command's terminal. */
export function io(): CommandIo {
  return current.getStore()?.io ?? PROCESS_IO;
}

/** A path of the command line, made absolute against the caller's working folder. */
export function resolvePath(path: string): string {
  return resolve(io().cwd, path);
}

/** Record the exit code of the current command. */
export function setExitCode(code: number): void {
  const h = current.getStore();
  if (h) h.exitCode = code;
  else process.exitCode = code;
}
