/** Runs the built `mailsift serve` as a user would, for end-to-end tests that add data while it serves. */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './run-cli.js';

/** A running `mailsift serve` child process. */
export interface ServeProcess {
  url: string;
  pid: number;
  /** What it has written to stderr so far (its log). */
  log(): string;
  /** SIGTERM, then wait for it to exit; resolves to its exit code. */
  stop(): Promise<number>;
}

/** Start `mailsift ARGS serve --port 0` and wait until it says where it serves. */
export function startServe(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args, 'serve', '--port', '0'], {
    cwd: options.cwd,
    env: { ...process.env, MAILSIFT_STORE: undefined, MAILSIFT_CONFIG: undefined, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 60_000);
    child.stderr!.on('data', (d) => {
      stderr += d;
      // The line in English or, under LANG=ja_JP, in Japanese.
      const m = /mailsift is serving on (http:\/\/\S+)|mailsift を (http:\/\/\S+) で公開しています/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: (m[1] ?? m[2])!,
          pid: child.pid!,
          log: () => stderr,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.stdout!.resume();
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${stderr}`));
    });
  });
}
