/**
 * `npx tsx test/bench/reads.bench.ts [Operation] [--seconds=N] [--warmup=S] [--identical]`: one dashboard operation through
 * the project's gateway with each server its own process, as `pnpm bench` runs it (its reads table), but
 * alone and in about a minute, with the CPU each process spent per request and the gateway's resident
 * memory at the end and at its peak: the figures to compare before and after a change of the read path on a
 * shared machine. Figures only, no assertions.
 *
 * `--direct=police` sends the operation to that organization's subgraph itself instead of the gateway (the
 * suite's row of the standard's indicators directly on the police subgraph).
 *
 * Default: DashboardActivityCounts, distinct requests (the 75 communes of the July-2025 map in rotation),
 * 10 clients, the dashboard's token (the leaders' for the operations only they run).
 *
 * ANTT_BENCH_CPU_PROF=gateway,police writes those processes' CPU profiles (cluster.ts) into
 * ANTT_BENCH_CPU_PROF_DIR when they stop; ANTT_BENCH_NODE_ARGS_GATEWAY='--trace-gc' gives a process more node
 * options (cluster.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateSigningKey, signToken } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import { dashboard, leadership } from '@antt/testing';
import { cpuMs, peakRssMiB, rssMiB, startCluster, systemCpuMs, writeCalls } from './cluster.js';
import { load } from './load.js';
import { readScenarios } from './scenarios.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '10' },
    identical: { type: 'boolean', default: false },
    direct: { type: 'string' },
  },
});
const name = positionals[0] ?? 'DashboardActivityCounts';
const scenario = readScenarios(75).find((s) => s.name === name);
if (!scenario)
  throw new Error(
    `Unknown operation ${name}: ${readScenarios(1)
      .map((s) => s.name)
      .join(', ')}.`,
  );
const seconds = Number(values.seconds);
const variants = values.identical ? scenario.identical : scenario.distinct;
const connections = 10;

const dataDir = mkdtempSync(join(tmpdir(), 'antt-reads-bench-'));
const cluster = await startCluster({ dataDir, demo: true });
try {
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
  const auth = `Bearer ${await signToken(key, scenario.caller === 'leadership' ? leadership() : dashboard())}`;
  const direct = values.direct as OrganizationId | undefined;
  if (direct && !cluster.subgraphs[direct]) throw new Error(`Unknown organization ${direct}.`);
  const url = direct ? cluster.subgraphs[direct].url : cluster.gateway.url;
  await load({ url, headers: { authorization: auth }, variants, connections, durationS: Number(values.warmup) });
  const processes: Record<string, number> = {
    gateway: cluster.gateway.pid,
    ...Object.fromEntries(Object.entries(cluster.subgraphs).map(([o, s]) => [o, s.pid])),
  };
  const before = Object.fromEntries(Object.entries(processes).map(([n, pid]) => [n, cpuMs(pid)]));
  const gatewayBefore = { system: systemCpuMs(cluster.gateway.pid), writes: writeCalls(cluster.gateway.pid) };
  const r = await load({ url, headers: { authorization: auth }, variants, connections, durationS: seconds });
  const requests = Math.max(1, r.requests);
  const per = Object.fromEntries(Object.entries(processes).map(([n, pid]) => [n, (cpuMs(pid) - before[n]!) / requests]));
  const gatewaySystem = (systemCpuMs(cluster.gateway.pid) - gatewayBefore.system) / requests;
  const gatewayWrites = (writeCalls(cluster.gateway.pid) - gatewayBefore.writes) / requests;
  const subgraphs = Object.entries(per).filter(([n]) => n !== 'gateway');
  const busiest = subgraphs.sort(([, a], [, b]) => b - a)[0]!;
  console.log(
    `${name} (${values.identical ? 'identical' : scenario.rotates}, ${direct ? `directly on ${direct}` : 'through the gateway'}, ${connections} clients, ${seconds} s): ${r.rps.toFixed(0)} req/s, ` +
      `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors${r.firstProblem ? ` (${r.firstProblem})` : ''}; ` +
      `CPU ms per request: gateway ${per.gateway!.toFixed(2)} (of it in the kernel ${gatewaySystem.toFixed(2)}; ${gatewayWrites.toFixed(1)} write calls), subgraphs ${subgraphs.reduce((s, [, v]) => s + v, 0).toFixed(2)} (busiest ${busiest[0]} ${busiest[1].toFixed(2)}); ` +
      `gateway ${rssMiB(cluster.gateway.pid).toFixed(0)} MiB resident at the end, at most ${peakRssMiB(cluster.gateway.pid).toFixed(0)}`,
  );
} finally {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
