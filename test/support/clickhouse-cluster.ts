/**
 * A real ClickHouse cluster on loopback for tests: one ZooKeeper and four ClickHouse servers (two shards x two
 * replicas, cluster `mailsift`), configured in a temporary directory with free ports, stopped at the end.
 * Debian's packages `clickhouse-server` and `zookeeper` provide the binaries; without them the tests that
 * need a cluster are skipped, with a warning naming the missing package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLICKHOUSE_SERVER = process.env.MAILSIFT_CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server';
export const ZOOKEEPER_JAR = process.env.MAILSIFT_ZOOKEEPER_JAR ?? '/usr/share/java/zookeeper.jar';
/** The cluster name written into every server's remote_servers. */
export const CLUSTER = 'mailsift';
/** User and password the tests' store URLs sign in with (the cluster's own traffic uses `default`). */
export const USER = 'mailsift';
export const PASSWORD = 'ch-test-secret';

const missing = [
  existsSync(CLICKHOUSE_SERVER) ? undefined : 'clickhouse-server',
  existsSync(ZOOKEEPER_JAR) ? undefined : 'zookeeper',
].filter((x): x is string => x !== undefined);

/** True when the packages are installed; when not, a warning names them once. */
export const HAS_CLICKHOUSE = missing.length === 0;
/** True when clickhouse-server is installed (enough for startClickHouseServer, which needs no ZooKeeper). */
export const HAS_CLICKHOUSE_SERVER = existsSync(CLICKHOUSE_SERVER);
if (!HAS_CLICKHOUSE) {
  console.warn(
    `\n*** ClickHouse tests SKIPPED: package(s) ${missing.join(' and ')} not installed (apt-get install --no-install-recommends clickhouse-server zookeeper) ***\n`,
  );
}

/** One ClickHouse server of the cluster. */
export interface ClickHouseNode {
  readonly shard: number;
  readonly replica: number;
  readonly httpPort: number;
  readonly tcpPort: number;
  readonly interserverPort: number;
  readonly dir: string;
  process?: ChildProcess;
}

/** A running cluster. */
export interface ClickHouseCluster {
  readonly nodes: readonly ClickHouseNode[];
  readonly zookeeperPort: number;
  /** Store URL of a server (default the first), with `cluster=` unless `single`; `db` names the database. */
  url(db: string, options?: { node?: number; single?: boolean }): string;
  /** Kill a server (SIGKILL, as a crash) and wait until it is gone. */
  kill(node: number): Promise<void>;
  /** Start a stopped server again and wait until it answers. */
  restart(node: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One ClickHouse server without ZooKeeper (about 1-2 s), for stores on one server (`url(db, { single: true })`)
 * and queries that read no replicated table.
 */
export function startClickHouseServer(): Promise<ClickHouseCluster> {
  return startClickHouseCluster({ shards: 1, replicas: 1, zookeeper: false });
}

/** Start the cluster (about 2-5 s); `shards` x `replicas` servers; `zookeeper: false` starts none (no replicated tables). */
export async function startClickHouseCluster(
  options: { shards?: number; replicas?: number; zookeeper?: boolean } = {},
): Promise<ClickHouseCluster> {
  const shards = options.shards ?? 2;
  const replicas = options.replicas ?? 2;
  const withZooKeeper = options.zookeeper ?? true;
  const root = mkdtempSync(join(tmpdir(), 'mailsift-ch-'));
  const ports = await freePorts(1 + 3 * shards * replicas);
  const zkPort = ports.pop()!;
  const nodes: ClickHouseNode[] = [];
  for (let s = 1; s <= shards; s++) {
    for (let r = 1; r <= replicas; r++) {
      const dir = join(root, `s${s}r${r}`);
      nodes.push({ shard: s, replica: r, httpPort: ports.pop()!, tcpPort: ports.pop()!, interserverPort: ports.pop()!, dir });
    }
  }
  const zk = withZooKeeper ? startZooKeeper(join(root, 'zk'), zkPort) : undefined;
  // A test run that ends without stop() still takes its servers with it (and see guarded()).
  const reap = () => {
    for (const p of [zk, ...nodes.map((n) => n.process)]) if (p && p.exitCode === null) p.kill('SIGTERM');
  };
  process.once('exit', reap);
  const stops: (() => Promise<void>)[] = zk ? [() => stopProcess(zk)] : [];
  try {
    if (zk) await waitForZooKeeper(zkPort, zk);
    for (const n of nodes) writeNodeConfig(n, nodes, zk ? zkPort : undefined);
    for (const n of nodes) n.process = startServer(n);
    await Promise.all(nodes.map((n) => waitForHttp(n)));
  } catch (error) {
    for (const n of nodes) {
      const log = join(n.dir, 'log', 'error.log');
      if (existsSync(log)) (error as Error).message += `\n${n.dir}: ${readFileSync(log, 'utf8').slice(-1500)}`;
    }
    for (const n of nodes) if (n.process) await stopProcess(n.process);
    if (zk) await stopProcess(zk);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    nodes,
    zookeeperPort: zkPort,
    url(db, o = {}) {
      const n = nodes[o.node ?? 0]!;
      return `clickhouse://${USER}:${PASSWORD}@127.0.0.1:${n.httpPort}/${db}${o.single ? '' : `?cluster=${CLUSTER}`}`;
    },
    async kill(i) {
      const p = nodes[i]!.process;
      if (p) await stopProcess(p, 'SIGUSR1');
      nodes[i]!.process = undefined;
    },
    async restart(i) {
      const n = nodes[i]!;
      n.process = startServer(n);
      await waitForHttp(n);
    },
    async stop() {
      process.off('exit', reap);
      await Promise.all(nodes.map((n) => (n.process ? stopProcess(n.process) : Promise.resolve())));
      for (const s of stops) await s();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function startZooKeeper(dir: string, port: number): ChildProcess {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const cfg = join(dir, 'zoo.cfg');
  writeFileSync(
    cfg,
    [
      'tickTime=500',
      `dataDir=${join(dir, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'admin.enableServer=false',
      '4lw.commands.whitelist=srvr',
    ].join('\n'),
  );
  // The jar's manifest names its own dependencies (Debian's packaging); no wrapper script, no /etc config.
  return guarded(
    ['java', '-Xmx128m', '-XX:+UseSerialGC', '-cp', ZOOKEEPER_JAR, 'org.apache.zookeeper.server.ZooKeeperServerMain', cfg],
    dir,
  );
}

async function waitForZooKeeper(port: number, p: ChildProcess): Promise<void> {
  await waitFor(`ZooKeeper on ${port}`, p, async () => {
    const answer = await new Promise<string>((resolve) => {
      // `srvr` (not `ruok`, which answers before sessions are served) names the mode once the server serves.
      const s = connect(port, '127.0.0.1', () => s.write('srvr'));
      // A server still starting may take the connection and never answer: ask again rather than wait for ever.
      s.setTimeout(2_000, () => s.destroy());
      let out = '';
      s.on('data', (d) => (out += String(d)));
      s.on('close', () => resolve(out));
      s.on('error', () => resolve(''));
    });
    return /Mode: standalone/.test(answer);
  });
}

function writeNodeConfig(n: ClickHouseNode, all: readonly ClickHouseNode[], zkPort: number | undefined): void {
  for (const sub of ['data', 'tmp', 'user_files', 'log']) mkdirSync(join(n.dir, sub), { recursive: true });
  const shards = [...new Set(all.map((x) => x.shard))].map((s) => {
    const reps = all
      .filter((x) => x.shard === s)
      .map((x) => `<replica><host>127.0.0.1</host><port>${x.tcpPort}</port></replica>`)
      .join('');
    return `<shard><internal_replication>true</internal_replication>${reps}</shard>`;
  });
  const config = `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${n.dir}/log/server.log</log><errorlog>${n.dir}/log/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${n.httpPort}</http_port>
  <tcp_port>${n.tcpPort}</tcp_port>
  <interserver_http_port>${n.interserverPort}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${n.dir}/data/</path>
  <tmp_path>${n.dir}/tmp/</tmp_path>
  <user_files_path>${n.dir}/user_files/</user_files_path>
  <users_config>${n.dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mark_cache_size>33554432</mark_cache_size>
  <uncompressed_cache_size>33554432</uncompressed_cache_size>
  <mlock_executable>false</mlock_executable>
  <remote_servers><${CLUSTER}>${shards.join('')}</${CLUSTER}></remote_servers>
${zkPort === undefined ? '' : `  <zookeeper><node><host>127.0.0.1</host><port>${zkPort}</port></node><session_timeout_ms>6000</session_timeout_ms></zookeeper>\n`}  <macros><shard>${String(n.shard).padStart(2, '0')}</shard><replica>r${n.replica}</replica></macros>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
</yandex>
`;
  const users = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>1000000000</max_memory_usage><max_threads>2</max_threads><skip_unavailable_shards>0</skip_unavailable_shards></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <${USER}><password>${PASSWORD}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></${USER}>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
  writeFileSync(join(n.dir, 'config.xml'), config);
  writeFileSync(join(n.dir, 'users.xml'), users);
}

function startServer(n: ClickHouseNode): ChildProcess {
  return guarded([CLICKHOUSE_SERVER, `--config-file=${join(n.dir, 'config.xml')}`], n.dir);
}

/**
 * Start a server under a small shell that ends it when this process is gone (a test worker killed at a time-out
 * runs no clean-up): TERM stops it, USR1 kills it (a crash), and the shell exits with it.
 */
function guarded(command: readonly string[], cwd: string): ChildProcess {
  const script = [
    '"$@" & child=$!',
    "trap 'kill -TERM $child 2>/dev/null; n=0; while kill -0 $child 2>/dev/null && [ $n -lt 40 ]; do sleep 0.25; n=$((n+1)); done; kill -KILL $child 2>/dev/null; exit 0' TERM",
    "trap 'kill -KILL $child 2>/dev/null; wait $child; exit 0' USR1",
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done`,
    'kill -KILL $child 2>/dev/null',
  ].join('\n');
  return spawn('sh', ['-c', script, 'guard', ...command], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

async function waitForHttp(n: ClickHouseNode): Promise<void> {
  await waitFor(`ClickHouse on ${n.httpPort} (log in ${n.dir}/log)`, n.process!, async () => {
    const r = await fetch(`http://127.0.0.1:${n.httpPort}/ping`).catch(() => undefined);
    return r?.ok === true;
  });
}

async function waitFor(what: string, p: ChildProcess, ready: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  let stderr = '';
  p.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (p.exitCode !== null) throw new Error(`${what} exited with ${p.exitCode}: ${stderr}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms: ${stderr}`);
}

async function stopProcess(p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  p.kill(signal);
  const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** `n` distinct free ports (all held open until every one is chosen). */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}
