/** Runs the built `mailsift serve` as a child process, signs in over HTTP and reads the child's CPU and memory from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI, runCli } from './run-cli.js';

/** A `mailsift serve` child. */
export interface ServeProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code once the child has exited. */
  exited: Promise<number | null>;
  /** What the child wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL the child if it is still running. */
  kill(): Promise<void>;
}

/** Add a user to a store with the CLI (before the server runs). */
export async function addUser(store: string, name: string, role: 'admin' | 'analyst' | 'viewer', password: string): Promise<void> {
  const r = await runCli(['--store', store, 'users', 'add', name, '--role', role, '--password-stdin'], { input: password + '\n' });
  if (r.code !== 0) throw new Error(`users add failed: ${r.stderr}`);
}

/** Start `mailsift --config CONFIG --store STORE serve --port 0` and wait until it listens. */
export async function startServe(args: { store: string; config: string; env?: NodeJS.ProcessEnv }): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, '--config', args.config, '--store', args.store, 'serve', '--port', '0'], {
    env: { ...process.env, MAILSIFT_STORE: undefined, MAILSIFT_CONFIG: undefined, ...args.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /serving on (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid!,
    child,
    exited,
    stderr: () => stderr,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A signed-in client of a running server. */
export interface HttpSession {
  /** POST JSON (or GET when body is undefined) with the session cookie and CSRF header; `signal` abandons the request. */
  send(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<Response>;
}

/** Sign in with a password and return a session. */
export async function signIn(url: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = /mailsift_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const { csrf } = (await res.json()) as { csrf: string };
  return {
    send: (method, path, body, signal) =>
      fetch(`${url}${path}`, {
        method,
        signal,
        headers: { cookie, 'x-csrf-token': csrf, origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** Peak resident memory of a process (VmHWM), in bytes. */
export function peakRssBytes(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) * 1024;
}

/** Wait until the process uses less than `maxBusy` of one core over a `windowMs` window; returns ms waited, or -1 after `limitMs`. */
export async function untilIdle(pid: number, opts: { windowMs?: number; maxBusy?: number; limitMs: number }): Promise<number> {
  const windowMs = opts.windowMs ?? 500;
  const maxBusy = opts.maxBusy ?? 0.2;
  const started = performance.now();
  while (performance.now() - started < opts.limitMs) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, windowMs));
    if ((cpuSeconds(pid) - before) / (windowMs / 1000) < maxBusy) return Math.round(performance.now() - started);
  }
  return -1;
}
