/**
 * `npx tsx test/bench/writes.bench.ts [activity|handover|direct] [--seconds=N] [--synchronous=NORMAL|FULL]`:
 * creates through the gateway with each server its own process, as `pnpm bench` runs them (its writes
 * table), but alone and in about a minute, with the CPU each process spent per create and how many of the
 * veterans' writes each commit stored (its group commit, writes.ts): the figures to compare before and
 * after a change of the write path on a shared machine. Figures only, no assertions.
 *
 * - activity (default): the veterans' activities (no reference), 8 clients;
 * - handover: the veterans' tip handovers, each naming a police tip of its own (a reference check at the
 *   police per create); the tips are recorded through the gateway first;
 * - direct: the veterans' activities sent to the veterans' subgraph itself (no gateway).
 *
 * ANTT_BENCH_CPU_PROF=gateway,veterans,police writes those processes' CPU profiles (cluster.ts) into
 * ANTT_BENCH_CPU_PROF_DIR when they stop (set it: the run's data directory is removed at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateSigningKey, signToken } from '@antt/auth';
import { BINH_THUAN, CHIENG_PHA, staff } from '@antt/testing';
import { cpuMs, startCluster } from './cluster.js';
import { load, type Variant } from './load.js';
import { handoversOfFreshTips } from './suite.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string', default: '10' }, synchronous: { type: 'string', default: 'NORMAL' } },
});
const scenario = positionals[0] ?? 'activity';
if (!['activity', 'handover', 'direct'].includes(scenario)) throw new Error(`Unknown scenario ${scenario}: activity, handover or direct.`);
const seconds = Number(values.seconds);
const synchronous = values.synchronous === 'FULL' ? 'FULL' : 'NORMAL';
const connections = 8;

/** The veterans' group commit so far (writes.ts, its metrics): commits, and the writes they stored. */
async function groupCommits(graphqlUrl: string): Promise<{ commits: number; fields: number }> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const gauge = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { commits: gauge('antt_write_commits'), fields: gauge('antt_write_committed_fields') };
}

const dataDir = mkdtempSync(join(tmpdir(), 'antt-writes-bench-'));
const cluster = await startCluster({ dataDir, demo: true, synchronous });
try {
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
  const bearer = async (who: ReturnType<typeof staff>) => `Bearer ${await signToken(key, who)}`;
  let variants: (n: number) => Promise<Variant[]>;
  let auth: string;
  if (scenario === 'handover') {
    // As suite.ts measureWrites: a receipt may be handed over once, so each handover names a tip recorded for it.
    const policeAuth = await bearer(staff('police'));
    let batch = 0;
    variants = (n) => handoversOfFreshTips(cluster.gateway.url, policeAuth, n, `BN-WRITES-${Date.now().toString(36)}-${batch++}`, connections);
    auth = await bearer(staff('veterans'));
  } else {
    const activity = `mutation Record($input: RecordVeteransActivityInput!) { recordVeteransActivity(input: $input) { id } }`;
    const input = { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo qua mạng', date: '2021-08-10', unitId: CHIENG_PHA, participants: 45 };
    variants = async () => [{ key: 'create', body: JSON.stringify({ query: activity, variables: { input } }) }];
    auth = await bearer(staff('veterans', BINH_THUAN));
  }
  const url = scenario === 'direct' ? cluster.subgraphs.veterans.url : cluster.gateway.url;
  // More handovers than the fastest run could send: a receipt sent twice would be refused and counted.
  const warm = await variants(scenario === 'handover' ? 3 * 1500 : 1);
  await load({ url, headers: { authorization: auth }, variants: warm, connections, durationS: 3, writes: true });
  const measured = await variants(scenario === 'handover' ? seconds * 1500 : 1);
  const processes = { gateway: cluster.gateway.pid, veterans: cluster.subgraphs.veterans.pid, police: cluster.subgraphs.police.pid };
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMs(pid)]));
  const commitsBefore = await groupCommits(cluster.subgraphs.veterans.url);
  const r = await load({ url, headers: { authorization: auth }, variants: measured, connections, durationS: seconds, writes: true });
  const commitsAfter = await groupCommits(cluster.subgraphs.veterans.url);
  const perCommit = (commitsAfter.fields - commitsBefore.fields) / Math.max(1, commitsAfter.commits - commitsBefore.commits);
  const cpu = Object.entries(processes)
    .map(([name, pid]) => `${name} ${((cpuMs(pid) - before[name]!) / Math.max(1, r.requests)).toFixed(3)}`)
    .join(', ');
  console.log(
    `${scenario} (${synchronous}, ${connections} clients, ${seconds} s): ${r.rps.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
      `${r.errors} errors${r.firstProblem ? ` (${r.firstProblem})` : ''}; CPU ms per create: ${cpu}; ` +
      `veterans' writes per commit ${perCommit.toFixed(2)}`,
  );
} finally {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
