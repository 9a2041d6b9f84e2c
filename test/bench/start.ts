/**
 * `pnpm bench:start`: how long the whole federation takes to start from the production build, and how
 * much memory each subgraph holds (issue 17's targets: at most 10 s, at most 150 MB per subgraph).
 *
 * 1. `pnpm build` (its time reported on its own; `--no-build` skips it when dist/ is current).
 * 2. Cold start: `pnpm start:built` on a fresh data directory (keys, migrations, demo data).
 * 3. RSS of every process after start, then after a standard dashboard load (every registered dashboard
 *    operation and README query once, identical variables, as `pnpm bench` asks them) once every
 *    disclosure pattern the load started is computed (each subgraph's /ready), and each process's peak
 *    (VmHWM); beside a subgraph, its disclosure solver's child process (@antt/disclosure solver.ts), which
 *    ends after a quiet while.
 * 4. Warm start: `pnpm start:built` again on the same data directory (demo data already loaded).
 *
 * Each start's time is measured from spawning `scripts/start.ts --built` until it prints that the
 * federation is running; the phases are read from each server's `start phase` log lines (the gateway's:
 * modules, configuration, supergraph, listen, first-probe — the first round of subgraph probes — and
 * ready, the time from its process's start until then). The
 * federation runs on free ports (ANTT_BASE_PORT) in a temporary data directory, so it runs beside a
 * `pnpm start` of one's own. Results go to test/bench/results/start.json and between this command's
 * markers in BENCHMARKS.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, signToken } from '@antt/auth';
import { REPO_ROOT } from '@antt/subgraph-kit';
import { dashboard, leadership } from '@antt/testing';
import { patternsSettled, peakRssMiB, rssMiB } from './cluster.js';
import { ask } from './load.js';
import { machine, RESULTS_DIR, writeBenchmarks, type Machine } from './report.js';
import { readScenarios } from './scenarios.js';

const BEGIN = '<!-- pnpm bench:start: generated from here -->';
const END = '<!-- pnpm bench:start: generated up to here -->';

export interface StartRun {
  /** From spawning `start.ts --built` until it said the federation is running. */
  seconds: number;
  /** Per service: each start phase's milliseconds, and when it listened (ms since its process began). */
  phases: Record<string, Record<string, number>>;
  /** RSS MiB per process right after the start. */
  rssAfterStart: Record<string, number>;
}

export interface StartResult {
  date: string;
  machine: Machine;
  loadBefore: number[];
  loadAfter: number[];
  buildSeconds: number | null;
  cold: StartRun;
  warm: StartRun;
  /** RSS MiB per process after the dashboard load, and the peak over the whole cold run. */
  rssAfterLoad: Record<string, number>;
  peakRss: Record<string, number>;
  /** Per subgraph with a disclosure solver process running after the load: its RSS and peak, MiB. */
  solverRss?: Record<string, { rss: number; peak: number }>;
  /** Seconds from the end of the load until no disclosure pattern was being computed. */
  patternsSeconds?: number;
  dashboardRequests: number;
  dashboardProblems: string[];
}

/** A base port with the ten ports from it free. */
async function freeBase(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  for (let tries = 0; tries < 50; tries++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    let ok = true;
    for (let p = base; p < base + 10 && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error('No ten consecutive free ports found.');
}

interface Running {
  run: StartRun;
  pids: Record<string, number>;
  /** Each service's own URL (its `listening` line). */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

const tsx = createRequire(import.meta.url).resolve('tsx');

async function startBuilt(dataDir: string, basePort: number): Promise<Running> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', tsx, join(REPO_ROOT, 'scripts', 'start.ts'), '--built'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ANTT_DATA_DIR: dataDir, ANTT_BASE_PORT: String(basePort), ANTT_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const phases: StartRun['phases'] = {};
  const pids: Record<string, number> = {};
  const urls: Record<string, string> = {};
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    let rest = '';
    child.stdout.on('data', (b: Buffer) => {
      const lines = (rest + b.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (line.includes('antt-graph is running')) resolve();
        if (!line.startsWith('{')) continue;
        const j = JSON.parse(line) as {
          service?: string;
          pid?: number;
          url?: string;
          msg?: string;
          phase?: string;
          ms?: number;
          startMs?: number;
          module?: string;
        };
        if (!j.service) continue;
        if (j.msg === 'start phase' && j.phase) (phases[j.service] ??= {})[j.phase] = j.ms!;
        if (j.msg === 'listening') {
          pids[j.service] = j.pid!;
          if (j.url) urls[j.service] = j.url;
          if (j.startMs !== undefined) (phases[j.service] ??= {}).listening = j.startMs;
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`start.ts --built exited (${code}) before the federation ran:\n${stderr}`)));
  });
  const seconds = (performance.now() - began) / 1000;
  const rssAfterStart = Object.fromEntries(Object.entries(pids).map(([s, pid]) => [s, Math.round(rssMiB(pid))]));
  return {
    run: { seconds, phases, rssAfterStart },
    pids,
    urls,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** Every dashboard operation and README query once (identical variables), through the gateway. */
async function dashboardLoad(gatewayUrl: string, dataDir: string): Promise<{ requests: number; problems: string[] }> {
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
  const tokens = { dashboard: `Bearer ${await signToken(key, dashboard())}`, leadership: `Bearer ${await signToken(key, leadership())}` };
  let requests = 0;
  const problems: string[] = [];
  for (const s of readScenarios(3)) {
    for (const v of s.identical) {
      requests++;
      const r = await ask(gatewayUrl, { authorization: tokens[s.caller] }, v.body);
      if (r.problem) problems.push(`${s.name}: ${r.problem}`);
    }
  }
  return { requests, problems };
}

/** The child processes of a process (Linux: each thread's `children`). */
function childPids(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
}

export async function benchStart(opts: { build: boolean }): Promise<StartResult> {
  const loadBefore = loadavg().map((l) => Math.round(l * 10) / 10);
  let buildSeconds: number | null = null;
  if (opts.build) {
    const script = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build!;
    const t = performance.now();
    const r = spawnSync('sh', ['-c', script], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.PATH}` },
    });
    if (r.status !== 0) throw new Error('pnpm build failed.');
    buildSeconds = (performance.now() - t) / 1000;
  } else if (!existsSync(join(REPO_ROOT, 'gateway', 'dist', 'index.js'))) throw new Error('No production build: run without --no-build.');
  const dataDir = mkdtempSync(join(tmpdir(), 'antt-bench-start-'));
  try {
    const base = await freeBase();
    const cold = await startBuilt(dataDir, base);
    const load = await dashboardLoad(`http://127.0.0.1:${base}/graphql`, dataDir);
    const patternsSeconds = await patternsSettled(cold.urls);
    const solverRss: Record<string, { rss: number; peak: number }> = {};
    for (const [s, pid] of Object.entries(cold.pids))
      for (const c of childPids(pid)) solverRss[s] = { rss: Math.round(rssMiB(c)), peak: Math.round(peakRssMiB(c)) };
    const rssAfterLoad = Object.fromEntries(Object.entries(cold.pids).map(([s, pid]) => [s, Math.round(rssMiB(pid))]));
    const peakRss = Object.fromEntries(Object.entries(cold.pids).map(([s, pid]) => [s, Math.round(peakRssMiB(pid))]));
    await cold.stop();
    const warm = await startBuilt(dataDir, base);
    await warm.stop();
    return {
      date: new Date().toISOString(),
      machine: machine(),
      loadBefore,
      loadAfter: loadavg().map((l) => Math.round(l * 10) / 10),
      buildSeconds,
      cold: cold.run,
      warm: warm.run,
      rssAfterLoad,
      peakRss,
      solverRss,
      patternsSeconds,
      dashboardRequests: load.requests,
      dashboardProblems: load.problems,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const PHASES = ['modules', 'configuration', 'database', 'unit-moves', 'demo-data', 'schema', 'listen'] as const;
const GATEWAY_PHASES = ['modules', 'configuration', 'supergraph', 'listen', 'first-probe', 'ready'] as const;

export function renderStart(r: StartResult): string {
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  const subgraphs = Object.keys(r.cold.rssAfterStart)
    .filter((s) => s !== 'gateway')
    .sort();
  const largest = (m: Record<string, number>) => Math.max(...subgraphs.map((s) => m[s] ?? 0));
  p('## Start and memory (`pnpm bench:start`)');
  p();
  p(
    `${r.date.slice(0, 16).replace('T', ' ')} UTC. Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}. ` +
      `Load average before ${r.loadBefore.join(' / ')}, after ${r.loadAfter.join(' / ')} (a shared machine: other work ran at the same time).`,
  );
  p();
  p('| target | measured | |');
  p('|---|---|---|');
  p(
    `| Start of the whole federation with demo data, built checkout, data already loaded (warm): ≤ 10 s | ${r.warm.seconds.toFixed(1)} s | ${r.warm.seconds <= 10 ? 'met' : 'not met'} |`,
  );
  p(
    `| The same, first start on a fresh data directory (cold: keys, migrations, demo data) | ${r.cold.seconds.toFixed(1)} s | ${r.cold.seconds <= 10 ? 'met' : 'not met'} |`,
  );
  p(`| First build (\`pnpm build\`), reported separately | ${r.buildSeconds === null ? 'not run (--no-build)' : `${r.buildSeconds.toFixed(1)} s`} | |`);
  const worst = Math.max(largest(r.cold.rssAfterStart), largest(r.warm.rssAfterStart), largest(r.rssAfterLoad));
  p(
    `| Each subgraph at most 150 MB resident (after start, after the dashboard load) | largest ${worst} MiB (${Math.round(worst * 1.048576)} MB) | ${worst * 1.048576 <= 150 ? 'met' : 'not met'} |`,
  );
  p();
  p(
    `Dashboard load: ${r.dashboardRequests} requests (every registered dashboard operation and README query once), ${r.dashboardProblems.length ? `${r.dashboardProblems.length} answered with a problem: ${r.dashboardProblems.slice(0, 3).join('; ')}` : 'all answered without error'}.`,
  );
  if (r.patternsSeconds !== undefined) {
    const solvers = Object.entries(r.solverRss ?? {}).sort(([a], [b]) => a.localeCompare(b));
    p();
    p(
      `The RSS after the load is read once no subgraph computes a disclosure pattern any more (${r.patternsSeconds.toFixed(1)} s after the load). ` +
        (solvers.length
          ? `Each subgraph searches its patterns in a child process that ends 30 s after its last search (HiGHS's memory goes with it; not in the figures above): ${solvers.map(([s, m]) => `${s} ${m.rss} MiB (peak ${m.peak})`).join(', ')}.`
          : 'No subgraph had a disclosure solver process running then.'),
    );
  }
  p();
  p(
    '| process | cold start: phases ms (modules / configuration / database / unit moves / demo data / schema / listen) | listening after ms | warm start: phases ms | listening after ms | RSS MiB after cold start | after dashboard load | peak | after warm start |',
  );
  p('|---|---|---|---|---|---|---|---|---|');
  const phaseCells = (m: Record<string, number> | undefined, names: readonly string[] = PHASES) => (m ? names.map((ph) => m[ph] ?? '–').join(' / ') : '–');
  for (const s of subgraphs)
    p(
      `| ${s} | ${phaseCells(r.cold.phases[s])} | ${r.cold.phases[s]?.listening ?? '–'} | ${phaseCells(r.warm.phases[s])} | ${r.warm.phases[s]?.listening ?? '–'} | ${r.cold.rssAfterStart[s] ?? '–'} | ${r.rssAfterLoad[s] ?? '–'} | ${r.peakRss[s] ?? '–'} | ${r.warm.rssAfterStart[s] ?? '–'} |`,
    );
  p(
    `| gateway | ${r.cold.rssAfterStart.gateway === undefined ? '–' : 'see below'} | ${r.cold.phases.gateway?.listening ?? '–'} | see below | ${r.warm.phases.gateway?.listening ?? '–'} | ${r.cold.rssAfterStart.gateway ?? '–'} | ${r.rssAfterLoad.gateway ?? '–'} | ${r.peakRss.gateway ?? '–'} | ${r.warm.rssAfterStart.gateway ?? '–'} |`,
  );
  p();
  p('| gateway | phases ms (modules / configuration / supergraph / listen / first subgraph probe / ready since its process began) |');
  p('|---|---|');
  p(`| cold start | ${phaseCells(r.cold.phases.gateway, GATEWAY_PHASES)} |`);
  p(`| warm start | ${phaseCells(r.warm.phases.gateway, GATEWAY_PHASES)} |`);
  return lines.join('\n');
}

export function writeStartSection(r: StartResult): void {
  const file = join(REPO_ROOT, 'BENCHMARKS.md');
  const old = readFileSync(file, 'utf8');
  const generated = `${BEGIN}\n${renderStart(r)}\n${END}`;
  const start = old.indexOf(BEGIN);
  const end = old.indexOf(END);
  writeFileSync(file, start >= 0 && end > start ? `${old.slice(0, start)}${generated}${old.slice(end + END.length)}` : `${old.trimEnd()}\n\n${generated}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/test\/bench\//, '/test/bench/'))) {
  const result = await benchStart({ build: !process.argv.includes('--no-build') });
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'start.json'), `${JSON.stringify(result, null, 1)}\n`);
  writeStartSection(result);
  // The targets table judges the start and the memory by this run.
  writeBenchmarks();
  console.log(renderStart(result));
}
