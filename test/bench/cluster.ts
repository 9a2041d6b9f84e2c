/**
 * The federation as `pnpm start` runs it, for measuring: the nine subgraphs each in its own process
 * (each on a free port, knowing the others' URLs for reference checks), the project's gateway in its own
 * process, and optionally Hive Gateway in a third kind of process (hive-gateway.ts), all under a data
 * directory of the benchmark's own. Each process's CPU time and resident memory are read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadOrCreateSigningKey } from '@antt/auth';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import { GATEWAY_HEADER, REPO_ROOT, REQUEST_ID_HEADER, gatewaySecrets, serviceRuntime, subgraphUrlVariable } from '@antt/subgraph-kit';

const tsx = createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx');
const CLOCK_TICKS_PER_SECOND = 100; // Linux's USER_HZ, what /proc/<pid>/stat counts in

/** One server process of the benchmark. */
export interface Server {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Its GraphQL endpoint. */
  url: string;
}

export interface ClusterOptions {
  /** Databases, keys and the gateway's audit trail go here. */
  dataDir: string;
  /** Load the demo data on first start (ANTT_DEMO_DATA). */
  demo: boolean;
  synchronous?: 'NORMAL' | 'FULL';
  /** Start Hive Gateway besides the project's gateway. */
  hive?: boolean;
  /** A database file per organization instead of <dataDir>/<org>.sqlite (the national data set). */
  databaseFile?: (org: OrganizationId) => string;
}

export interface Cluster {
  subgraphs: Record<OrganizationId, Server>;
  gateway: Server;
  hive?: Server;
  /** Milliseconds from the first spawn until every subgraph answered /health. */
  subgraphsReadyMs: number;
  /** Milliseconds from the first spawn until the gateway (and Hive Gateway) answered too. */
  readyMs: number;
  servers(): Server[];
  stop(): Promise<void>;
}

/** A port nothing listens on now (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// A harness that dies (an error, Ctrl-C) leaves no server behind.
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of living) c.kill('SIGKILL');
});

function spawnServer(name: string, script: string, env: Record<string, string>, quiet: boolean): ChildProcess {
  // As `pnpm start` runs each service (young generation, malloc arenas): the memory measured is what runs.
  const runtime = serviceRuntime(name);
  // ANTT_BENCH_CPU_PROF=gateway,veterans: those processes write a V8 CPU profile into ANTT_BENCH_CPU_PROF_DIR (default the data directory) when they stop, one file per thread (CPU.<date>.<pid>.<thread>...).
  const profiled = (process.env.ANTT_BENCH_CPU_PROF ?? '').split(',').includes(name);
  const profile = profiled ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ANTT_BENCH_CPU_PROF_DIR ?? env.ANTT_DATA_DIR}`] : [];
  // ANTT_BENCH_NODE_ARGS_GATEWAY='--trace-gc --max-old-space-size=512': more node options for that process (after
  // serviceRuntime's, so they win), its standard output written to <ANTT_BENCH_CPU_PROF_DIR or the system's
  // temporary directory>/<name>.out (where --trace-gc writes).
  const extra = (process.env[`ANTT_BENCH_NODE_ARGS_${name.toUpperCase()}`] ?? '').split(' ').filter(Boolean);
  const out = extra.length ? openSync(join(process.env.ANTT_BENCH_CPU_PROF_DIR ?? tmpdir(), `${name}.out`), 'w') : quiet ? 'ignore' : 'pipe';
  return spawn(process.execPath, [...runtime.execArgv, ...profile, ...extra, '--import', tsx, script], {
    env: { ...process.env, ...runtime.env, ...env, HOST: '127.0.0.1', APOLLO_TELEMETRY_DISABLED: '1', ANTT_LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, 'pipe'],
  });
}

async function waitHealthy(name: string, url: string, child: ChildProcess, stderr: () => string, timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let delay = 20; Date.now() < until; delay = Math.min(delay * 2, 250)) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was healthy: ${stderr().slice(-2000)}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new Error(`${name} was not healthy after ${timeoutMs / 1000} s (${url}).`);
}

/** Starts everything and waits until each server is healthy. */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const base: Record<string, string> = {
    ANTT_DATA_DIR: opts.dataDir,
    ANTT_DEMO_DATA: opts.demo ? '1' : '0',
    ANTT_SQLITE_SYNCHRONOUS: opts.synchronous ?? 'NORMAL',
    // Ten clients with one token would meet the per-caller limit in seconds.
    ANTT_RATE_LIMIT_PER_MINUTE: '100000000',
    ANTT_REFERENCE_LIMIT_PER_MINUTE: '100000000',
    ANTT_REFERENCE_USER_LIMIT_PER_MINUTE: '100000000',
  };
  // Keys and the gateway secrets are made once here, before ten processes would race to make them.
  const previous = process.env.ANTT_DATA_DIR;
  process.env.ANTT_DATA_DIR = opts.dataDir;
  let secrets: Record<OrganizationId, string>;
  try {
    await loadOrCreateSigningKey(join(opts.dataDir, 'keys'));
    secrets = gatewaySecrets();
  } finally {
    if (previous === undefined) delete process.env.ANTT_DATA_DIR;
    else process.env.ANTT_DATA_DIR = previous;
  }
  const ports = Object.fromEntries(await Promise.all(ORGANIZATION_IDS.map(async (o) => [o, await freePort()] as const))) as Record<OrganizationId, number>;
  const urls = Object.fromEntries(ORGANIZATION_IDS.map((o) => [subgraphUrlVariable(o), `http://127.0.0.1:${ports[o]}/graphql`]));
  const all: Server[] = [];
  const errors = new Map<string, string>();
  const start = (name: string, script: string, env: Record<string, string>, url: string) => {
    const child = spawnServer(name, script, { ...base, ...urls, ...env }, true);
    errors.set(name, '');
    child.stderr?.on('data', (b: Buffer) => errors.set(name, (errors.get(name)! + b.toString()).slice(-4000)));
    const server: Server = { name, child, pid: child.pid!, url };
    all.push(server);
    living.add(child);
    child.once('exit', () => living.delete(child));
    return server;
  };
  const stop = async () => {
    await Promise.all(
      all
        .filter((s) => s.child.exitCode === null && s.child.signalCode === null)
        .map(
          (s) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
              s.child.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              s.child.kill('SIGTERM');
            }),
        ),
    );
  };
  try {
    const t0 = performance.now();
    const subgraphs = {} as Record<OrganizationId, Server>;
    await Promise.all(
      ORGANIZATION_IDS.map(async (org) => {
        const env: Record<string, string> = { PORT: String(ports[org]) };
        if (opts.databaseFile) env.ANTT_DB_FILE = opts.databaseFile(org);
        const s = (subgraphs[org] = start(org, join(REPO_ROOT, 'subgraphs', org, 'src', 'index.ts'), env, urls[subgraphUrlVariable(org)]!));
        await waitHealthy(org, `http://127.0.0.1:${ports[org]}/health`, s.child, () => errors.get(org)!);
      }),
    );
    const subgraphsReadyMs = performance.now() - t0;
    const [gatewayPort, hivePort] = [await freePort(), await freePort()];
    const gateway = start('gateway', join(REPO_ROOT, 'gateway', 'src', 'index.ts'), { PORT: String(gatewayPort) }, `http://127.0.0.1:${gatewayPort}/graphql`);
    // Hive Gateway sends each subgraph what the project's gateway sends (gateway/src/server.ts,
    // ForwardingDataSource.willSendRequest): that subgraph's own secret, the caller's token and request id.
    const hiveEnv = {
      PORT: String(hivePort),
      ANTT_BENCH_SUPERGRAPH: join(REPO_ROOT, 'gateway', 'supergraph.graphql'),
      ANTT_BENCH_HIVE_SUBGRAPHS: JSON.stringify(
        Object.fromEntries(ORGANIZATION_IDS.map((o) => [o, { url: urls[subgraphUrlVariable(o)], headers: { [GATEWAY_HEADER]: secrets[o] } }])),
      ),
      ANTT_BENCH_FORWARDED_HEADERS: JSON.stringify(['authorization', REQUEST_ID_HEADER]),
    };
    const hive = opts.hive ? start('hive', join(REPO_ROOT, 'test', 'bench', 'hive-gateway.ts'), hiveEnv, `http://127.0.0.1:${hivePort}/graphql`) : undefined;
    await Promise.all([
      waitHealthy('gateway', `http://127.0.0.1:${gatewayPort}/health`, gateway.child, () => errors.get('gateway')!),
      // Hive Gateway answers its own readiness route once the supergraph is loaded.
      hive ? waitHealthy('hive', `http://127.0.0.1:${hivePort}/readiness`, hive.child, () => errors.get('hive')!) : undefined,
    ]);
    const readyMs = performance.now() - t0;
    return { subgraphs, gateway, hive, subgraphsReadyMs, readyMs, servers: () => [...all], stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Kernel CPU time of a process so far, in ms (stime): the part of cpuMs spent in system calls such as socket writes. */
export function systemCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[12]) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Write system calls a process has made so far (syscw of /proc/<pid>/io): each HTTP request or answer sent is at least one. */
export function writeCalls(pid: number): number {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  return Number(/syscw:\s+(\d+)/.exec(io)?.[1] ?? NaN);
}

/** Resident memory of a process now, in MiB (VmRSS). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Highest resident memory a process has had, in MiB (VmHWM). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Waits until no subgraph is computing a disclosure pattern (its /ready); the seconds it took. */
export async function patternsSettled(urls: Record<string, string>, timeoutMs = 180_000): Promise<number> {
  const t = performance.now();
  for (;;) {
    let computing = 0;
    for (const [service, url] of Object.entries(urls)) {
      if (service === 'gateway') continue;
      const r = (await (await fetch(new URL('/ready', url))).json()) as { disclosure?: { state: string }[] };
      computing += (r.disclosure ?? []).filter((d) => d.state === 'COMPUTING').length;
    }
    if (!computing) return (performance.now() - t) / 1000;
    if (performance.now() - t > timeoutMs) throw new Error('Disclosure patterns still computing after the load.');
    await new Promise((r) => setTimeout(r, 250));
  }
}
