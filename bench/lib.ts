/** Small helpers shared by the benchmarks: timing, medians, peak memory of a child process, markdown tables. */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** Median of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Run a command; resolve with wall time (ms), peak RSS (bytes, from /proc VmHWM), CPU time (ms of user + system
 * time of all its threads, from /proc stat, sampled every 50 ms: the last sample before it ended) and stdout.
 */
export function runMeasured(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; peakRss: number; cpuMs: number; stdout: string; code: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakRss = 0;
    let cpuMs = 0;
    child.stdout.on('data', (d) => (stdout += d));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakRss = Math.max(peakRss, kb * 1024);
        // Fields 14 and 15 (utime, stime) in clock ticks (100 a second), counted after the command's name.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        cpuMs = Math.max(cpuMs, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // the process has exited
      }
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - started, peakRss, cpuMs, stdout, code: code ?? 1 });
    });
  });
}

/** A markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Value of `--name` in argv, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The reference of the ingest benchmarks: DuckDB's bare read_json of an NDJSON file into a fresh database file `db` (ms). */
export async function readJsonIntoFile(file: string, db: string): Promise<number> {
  return (await readJsonIntoFileMeasured(file, db)).ms;
}

/** readJsonIntoFile with the CPU time it took (ms of user + system time of this process, DuckDB's threads included). */
export async function readJsonIntoFileMeasured(file: string, db: string): Promise<{ ms: number; cpuMs: number }> {
  rmSync(db, { force: true });
  const instance = await DuckDBInstance.create(db);
  const c = await instance.connect();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await c.run(`CREATE TABLE t AS SELECT * FROM read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited')`);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  c.closeSync();
  instance.closeSync();
  rmSync(db, { force: true });
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** `--stores LABEL=FILE,LABEL=FILE` as [label, file] pairs (none when not given). */
export function storesArg(): [string, string][] {
  return arg('stores', '')
    .split(',')
    .filter(Boolean)
    .map((s) => s.split('=') as [string, string]);
}

/** The Overview's panels as dashboards/overview.json has them, each with its English title. */
export function overviewPanels(): { id: string; title: string; kql: string }[] {
  const overview = JSON.parse(readFileSync(new URL('../dashboards/overview.json', import.meta.url), 'utf8')) as {
    panels: { id: string; title: string | { en: string }; kql: string }[];
  };
  return overview.panels.map((p) => ({ id: p.id, title: typeof p.title === 'string' ? p.title : p.title.en, kql: p.kql }));
}

/** Sign in to a server as a browser would: the session cookie and the CSRF token for the requests that follow. */
export async function benchLogin(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (login.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await login.json()) as { csrf?: string }).csrf ?? '';
  return { cookie, csrf };
}
