/**
 * `npx tsx test/bench/pair.ts <checkout> <checkout> [...] [--creates] [--warmup=S] [--slice=S] [--rounds=N] [--idle=S]`:
 * compares two or more checkouts of this repository on the same machine at the same time, which a run of
 * one after the other cannot do here (runs differ by ±15% on this shared machine). Each checkout's
 * federation is started as the suite starts it (its own `test/bench/cluster.ts`, so its own code), all of
 * them at once; the load then alternates between them in slices of `slice` seconds, round after round,
 * and the medians over the rounds are compared. Reads: the dashboard's activity counts, 75 communes in
 * rotation, 10 clients (the distinct-counts target). `--creates`: a veterans' activity created through the
 * gateway, 8 clients. Each slice prints req/s, p95 and the CPU per request of the gateway and of the
 * subgraphs together. `--idle=S` leaves them all idle that long between the warm-up and the rounds (how a
 * process left idle answers). Every checkout must be installed (`pnpm install`); figures only, no assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrCreateSigningKey, signToken } from '@antt/auth';
import { BINH_THUAN, CHIENG_PHA, dashboard, staff } from '@antt/testing';
import type { Cluster } from './cluster.js';
import { cpuMs } from './cluster.js';
import { load, type Variant } from './load.js';
import { readScenarios } from './scenarios.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
const creates = args.includes('--creates');
const [warmupS, sliceS, rounds, idleS] = [option('warmup', 120), option('slice', 8), option('rounds', 8), option('idle', 0)];
if (dirs.length < 2) throw new Error('pair: name two checkouts or more.');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

interface Entry {
  dir: string;
  cluster: Cluster;
  dataDir: string;
  headers: Record<string, string>;
  rps: number[];
  p95: number[];
  gatewayCpu: number[];
  subgraphsCpu: number[];
}

const activity = `mutation Record($input: RecordVeteransActivityInput!) { recordVeteransActivity(input: $input) { id } }`;
const createInput = { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo qua mạng', date: '2021-08-10', unitId: CHIENG_PHA, participants: 45 };
const variants: Variant[] = creates
  ? [{ key: 'create', body: JSON.stringify({ query: activity, variables: { input: createInput } }) }]
  : readScenarios().find((s) => s.name === 'DashboardActivityCounts')!.distinct;
const connections = creates ? 8 : 10;

const entries: Entry[] = [];
try {
  for (const dir of dirs) {
    const { startCluster } = (await import(join(dir, 'test', 'bench', 'cluster.ts'))) as typeof import('./cluster.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'antt-pair-'));
    const cluster = await startCluster({ dataDir, demo: true });
    const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
    const token = await signToken(key, creates ? staff('veterans', BINH_THUAN) : dashboard());
    entries.push({ dir, cluster, dataDir, headers: { authorization: `Bearer ${token}` }, rps: [], p95: [], gatewayCpu: [], subgraphsCpu: [] });
    console.log(`${dir}: ready in ${(cluster.readyMs / 1000).toFixed(1)} s`);
  }
  // Warmed in alternating slices too: a process left idle for a minute or two after its warm-up answers
  // far slower at first (measured: 123-132 req/s against 204 for the checkout warmed last), so warming
  // one checkout after the other favoured the last.
  console.log(`Warming each for ${warmupS} s, in alternating slices of ${sliceS} s...`);
  for (let warmed = 0; warmed < warmupS; warmed += sliceS)
    for (const e of entries) await load({ url: e.cluster.gateway.url, headers: e.headers, variants, connections, durationS: sliceS, writes: true });
  if (idleS > 0) {
    console.log(`Leaving every federation idle for ${idleS} s...`);
    await new Promise((r) => setTimeout(r, idleS * 1000));
  }
  for (let round = 1; round <= rounds; round++) {
    // The order alternates, so that neither checkout always follows the other.
    const order = round % 2 ? entries : [...entries].reverse();
    for (const e of order) {
      const subgraphs = Object.values(e.cluster.subgraphs);
      const before = { gateway: cpuMs(e.cluster.gateway.pid), subgraphs: subgraphs.reduce((s, x) => s + cpuMs(x.pid), 0) };
      const r = await load({ url: e.cluster.gateway.url, headers: e.headers, variants, connections, durationS: sliceS, writes: true });
      const gatewayCpu = (cpuMs(e.cluster.gateway.pid) - before.gateway) / r.requests;
      const subgraphsCpu = (subgraphs.reduce((s, x) => s + cpuMs(x.pid), 0) - before.subgraphs) / r.requests;
      if (r.errors) throw new Error(`${e.dir}: ${r.errors} failed answers (${r.firstProblem})`);
      e.rps.push(r.rps);
      e.p95.push(r.p95);
      e.gatewayCpu.push(gatewayCpu);
      e.subgraphsCpu.push(subgraphsCpu);
      console.log(
        `round ${round} ${e.dir}: ${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(0)} ms, gateway ${gatewayCpu.toFixed(2)} ms, subgraphs ${subgraphsCpu.toFixed(2)} ms`,
      );
    }
  }
  console.log(`\nMedians over ${rounds} rounds of ${sliceS} s (${creates ? 'creates, 8 clients' : 'distinct counts, 10 clients'}):`);
  for (const e of entries)
    console.log(
      `${e.dir}: ${median(e.rps).toFixed(0)} req/s, p95 ${median(e.p95).toFixed(0)} ms, gateway ${median(e.gatewayCpu).toFixed(2)} ms, subgraphs ${median(e.subgraphsCpu).toFixed(2)} ms`,
    );
  const [first] = entries;
  for (const e of entries.slice(1)) {
    const better = e.rps.filter((x, i) => x >= first!.rps[i]!).length;
    console.log(`${e.dir} against ${first!.dir}: ${better} of ${rounds} rounds even or better`);
  }
} finally {
  for (const e of entries) {
    await e.cluster.stop();
    rmSync(e.dataDir, { recursive: true, force: true });
  }
}
