/**
 * `npx tsx test/bench/one.ts <scenario> [--distinct] [--warmup=S] [--seconds=S] [--runs=N] [--tips=N]`: one read
 * scenario of the suite (its name as in BENCHMARKS.md: DashboardLeadershipPanels, README query 1...)
 * through the project's gateway alone, 10 clients, on a federation started as the suite starts it (demo
 * data, each server its own process). Prints, per run, req/s, p50/p95 and each process's CPU per
 * request, so that a change to one subgraph is judged on the process it changes. With
 * ANTT_BENCH_CPU_PROF=police (cluster.ts) that process leaves a V8 CPU profile when it stops, in
 * ANTT_BENCH_CPU_PROF_DIR. `--tips=N` first records N police tips through the gateway, as the suite's
 * writes do before the scenarios measured after them. Figures only, no assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, signToken } from '@antt/auth';
import { dashboard, leadership, staff } from '@antt/testing';
import { cpuMs, startCluster } from './cluster.js';
import { load } from './load.js';
import { readScenarios } from './scenarios.js';
import { handoversOfFreshTips } from './suite.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const name = args.filter((a) => !a.startsWith('--')).join(' ');
const scenario = readScenarios().find((s) => s.name === name);
if (!scenario)
  throw new Error(
    `one: no scenario named "${name}" (${readScenarios()
      .map((s) => s.name)
      .join(', ')}).`,
  );
const variants = args.includes('--distinct') ? scenario.distinct : scenario.identical;
const [warmupS, seconds, runs, tips] = [option('warmup', 60), option('seconds', 10), option('runs', 3), option('tips', 0)];

const dataDir = mkdtempSync(join(tmpdir(), 'antt-one-'));
const cluster = await startCluster({ dataDir, demo: true, hive: false });
try {
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
  const headers = { authorization: `Bearer ${await signToken(key, scenario.caller === 'leadership' ? leadership() : dashboard())}` };
  if (tips > 0) {
    // As the suite's writes leave the police register before the scenarios measured after them.
    const t0 = Date.now();
    const handovers = await handoversOfFreshTips(cluster.gateway.url, `Bearer ${await signToken(key, staff('police'))}`, tips, `BN-ONE-${t0.toString(36)}`, 8);
    console.log(`${tips} police tips recorded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (args.includes('--handovers')) {
      const t1 = Date.now();
      const veterans = { authorization: `Bearer ${await signToken(key, staff('veterans'))}` };
      const r = await load({ url: cluster.gateway.url, headers: veterans, variants: handovers, amount: tips, connections: 8, writes: true });
      if (r.errors) throw new Error(`failed handovers: ${r.firstProblem}`);
      console.log(`${tips} veterans' handovers recorded in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
    // What the processes do left alone afterwards (work the writes set going in the background).
    for (let i = 0; i < option('idle', 0) / 5; i++) {
      const servers = cluster.servers();
      const before = new Map(servers.map((s) => [s.name, cpuMs(s.pid)]));
      await new Promise((r) => setTimeout(r, 5000));
      const busy = servers.map((s) => `${s.name} ${((cpuMs(s.pid) - before.get(s.name)!) / 50).toFixed(0)}%`).join(', ');
      console.log(`idle ${(i + 1) * 5} s: CPU ${busy}`);
    }
  }
  console.log(`ready in ${(cluster.readyMs / 1000).toFixed(1)} s; warming ${warmupS} s`);
  const warm = await load({ url: cluster.gateway.url, headers, variants, connections: 10, durationS: warmupS });
  if (warm.errors) throw new Error(`failed answers: ${warm.firstProblem}`);
  for (let i = 1; i <= runs; i++) {
    const servers = cluster.servers();
    const before = new Map(servers.map((s) => [s.name, cpuMs(s.pid)]));
    const r = await load({ url: cluster.gateway.url, headers, variants, connections: 10, durationS: seconds });
    if (r.errors) throw new Error(`failed answers: ${r.firstProblem}`);
    const cpu = servers
      .map((s) => ({ name: s.name, ms: (cpuMs(s.pid) - before.get(s.name)!) / Math.max(1, r.requests) }))
      .filter((c) => c.ms >= 0.05)
      .sort((a, b) => b.ms - a.ms);
    console.log(
      `run ${i}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(0)} p95 ${r.p95.toFixed(0)} ms; CPU ms/req ${cpu.map((c) => `${c.name} ${c.ms.toFixed(2)}`).join(', ')}`,
    );
  }
} finally {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
