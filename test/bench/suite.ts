/**
 * The benchmark suite: starts the federation as separate processes with demo data (and Hive Gateway
 * beside the project's gateway), checks that both gateways give the same answers, then measures every
 * read scenario on both, alternating, three runs each (medians), the special questions of the issue's
 * targets, writes through the gateway at NORMAL and FULL, and the start of the whole federation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadOrCreateSigningKey, signToken, type Identity } from '@antt/auth';
import { SUBGRAPHS } from '@antt/gateway';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, dashboard, leadership, staff } from '@antt/testing';
import { cpuMs, peakRssMiB, rssMiB, startCluster, type Cluster, type Server } from './cluster.js';
import { ask, load, type LoadResult, type Variant } from './load.js';
import { FIFTY_ROWS, everyCommuneBody, readScenarios, type Caller, type ReadScenario } from './scenarios.js';

export interface SuiteOptions {
  /** Seconds of each measured run. */
  durationS: number;
  /** Requests per measured run instead of seconds (the smoke test: a run always ends with answers to check). */
  amount?: number;
  /** Measured runs per scenario and gateway (the median is reported). */
  runs: number;
  /** Concurrent clients for reads. */
  connections: number;
  /** Concurrent clients for writes. */
  writeConnections: number;
  /** Communes in the rotation (75: the whole July-2025 map). */
  communes: number;
  /** Only the scenarios whose name is listed (all when absent). */
  only?: string[];
  /** Run the special questions, writes and the start measurements. */
  extras: boolean;
  /** Run the writes at NORMAL, on a federation of their own (default: with the extras). */
  writes?: boolean;
  /** Writes at FULL too (one more federation of their own, started as the one at NORMAL). */
  full: boolean;
  /** Seconds of warm-up per scenario and gateway before the measured runs. */
  warmupS: number;
  /** Seconds the whole federation is run, every read scenario through each gateway and creates, before anything is measured (warmFederation). */
  warmFederationS?: number;
  log: (line: string) => void;
  /** Called with the results so far after each step (the command writes them as it goes). */
  progress?: (result: SuiteResult) => void;
}

export type GatewayName = 'project' | 'hive';

/** The median of the measured runs of one scenario on one gateway. */
export interface Measured {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  mismatches: number;
  firstProblem?: string;
  /** CPU milliseconds per request: the gateway under test, and the nine subgraphs together. */
  gatewayCpu: number;
  subgraphsCpu: number;
  /** The subgraph that used the most CPU per request. */
  busiest: { name: string; cpu: number };
}

export interface ReadResult {
  scenario: string;
  source: string;
  mode: 'identical' | 'distinct';
  rotates: string;
  connections: number;
  project: Measured;
  hive: Measured;
}

export interface AnswerCheck {
  scenario: string;
  compared: number;
  same: number;
  /** Variant keys whose answers differed, or failed on one side, with why. */
  differences: string[];
}

export interface WriteResult {
  kind: string;
  reference: boolean;
  synchronous: 'NORMAL' | 'FULL';
  path: 'gateway' | 'direct';
  result: Measured;
}

export interface SuiteResult {
  startedAt: string;
  options: Omit<SuiteOptions, 'log' | 'progress'>;
  load: { before: number[]; after: number[] };
  start: { firstMs: number; firstSubgraphsMs: number; restartMs?: number; restartSubgraphsMs?: number; rssAfterStart: Record<string, number> };
  answers: AnswerCheck[];
  reads: ReadResult[];
  direct: { name: string; direct: Measured; project: Measured; hive: Measured } | null;
  indicatorsDirect: Measured | null;
  everyCommune: { project: number[]; hive: number[]; bytes: number; problem?: string } | null;
  writes: WriteResult[];
  memory: Record<string, { rss: number; peak: number }>;
  seconds: number;
}

/** Measured first: the operations of the issue's headline figures. */
const FIRST = ['DashboardActivityCounts', 'DashboardStandardIndicators'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

interface Tokens {
  of(identity: Identity): Promise<string>;
  caller(c: Caller): Promise<string>;
}

async function tokensFor(dataDir: string): Promise<Tokens> {
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
  const cache = new Map<string, string>();
  const of = async (identity: Identity) => {
    const k = JSON.stringify(identity);
    if (!cache.has(k)) cache.set(k, `Bearer ${await signToken(key, identity)}`);
    return cache.get(k)!;
  };
  return { of, caller: (c) => of(c === 'dashboard' ? dashboard() : leadership()) };
}

/** Runs `load` once against `target`, reading every process's CPU before and after. */
async function measureOnce(
  cluster: Cluster,
  target: Server,
  run: Parameters<typeof load>[0],
): Promise<LoadResult & { gatewayCpu: number; subgraphsCpu: number; busiest: { name: string; cpu: number } }> {
  const servers = cluster.servers();
  const before = new Map(servers.map((s) => [s.name, cpuMs(s.pid)]));
  const r = await load(run);
  const after = new Map(servers.map((s) => [s.name, cpuMs(s.pid)]));
  const per = (name: string) => (after.get(name)! - before.get(name)!) / Math.max(1, r.requests);
  const subgraphs = ORGANIZATION_IDS.map((o) => ({ name: o, cpu: per(o) }));
  const busiest = subgraphs.reduce((a, b) => (b.cpu > a.cpu ? b : a));
  return {
    ...r,
    gatewayCpu: ORGANIZATION_IDS.includes(target.name as OrganizationId) ? 0 : per(target.name),
    subgraphsCpu: subgraphs.reduce((a, b) => a + b.cpu, 0),
    busiest,
  };
}

function medianOf(runs: Awaited<ReturnType<typeof measureOnce>>[]): Measured {
  const pick = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const busiestCpu = pick((r) => r.busiest.cpu);
  return {
    rps: pick((r) => r.rps),
    p50: pick((r) => r.p50),
    p95: pick((r) => r.p95),
    p99: pick((r) => r.p99),
    requests: runs.reduce((a, r) => a + r.requests, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    mismatches: runs.reduce((a, r) => a + r.mismatches, 0),
    firstProblem: runs.find((r) => r.firstProblem)?.firstProblem,
    gatewayCpu: pick((r) => r.gatewayCpu),
    subgraphsCpu: pick((r) => r.subgraphsCpu),
    busiest: { name: runs.find((r) => r.busiest.cpu === busiestCpu)?.busiest.name ?? runs[0]!.busiest.name, cpu: busiestCpu },
  };
}

/** The expected answer of each variant: the project gateway's, checked against Hive Gateway's. */
async function checkAnswers(
  scenario: string,
  variants: readonly Variant[],
  gateways: { project: Server; hive: Server },
  headers: Record<string, string>,
): Promise<{ expected: Map<string, string>; check: AnswerCheck }> {
  const expected = new Map<string, string>();
  const differences: string[] = [];
  let same = 0;
  // Ten at a time: 75 communes asked one by one of both gateways would take minutes on a busy machine.
  const queue = [...variants];
  const worker = async () => {
    for (let v = queue.shift(); v; v = queue.shift()) {
      const [p, h] = await Promise.all([ask(gateways.project.url, headers, v.body), ask(gateways.hive.url, headers, v.body)]);
      if (p.problem || h.problem)
        differences.push(`${v.key}: ${p.problem ? `project gateway: ${p.problem}` : ''}${h.problem ? ` Hive Gateway: ${h.problem}` : ''}`.trim());
      else if (p.data !== h.data) differences.push(`${v.key}: data differs`);
      else same++;
      if (p.data !== undefined) expected.set(v.key, p.data);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return { expected, check: { scenario, compared: variants.length, same, differences } };
}

const runLength = (opts: SuiteOptions) => (opts.amount ? { amount: opts.amount } : { durationS: opts.durationS });

async function measureBoth(
  cluster: Cluster,
  opts: SuiteOptions,
  variants: readonly Variant[],
  headers: Record<string, string>,
  expected: Map<string, string>,
  connections = opts.connections,
): Promise<{ project: Measured; hive: Measured }> {
  const gateways = { project: cluster.gateway, hive: cluster.hive! };
  const base = { headers, variants, connections, expected };
  for (const g of ['project', 'hive'] as const) if (opts.warmupS > 0) await load({ ...base, url: gateways[g].url, durationS: opts.warmupS });
  const runs: Record<GatewayName, Awaited<ReturnType<typeof measureOnce>>[]> = { project: [], hive: [] };
  for (let i = 0; i < opts.runs; i++) {
    // Alternating: the project's gateway first on even runs, Hive Gateway first on odd ones.
    const order: GatewayName[] = i % 2 === 0 ? ['project', 'hive'] : ['hive', 'project'];
    for (const g of order) runs[g].push(await measureOnce(cluster, gateways[g], { ...base, url: gateways[g].url, ...runLength(opts) }));
  }
  return { project: medianOf(runs.project), hive: medianOf(runs.hive) };
}

async function measureOne(cluster: Cluster, target: Server, opts: SuiteOptions, run: Omit<Parameters<typeof load>[0], 'url' | 'durationS'>): Promise<Measured> {
  if (opts.warmupS > 0) await load({ ...run, url: target.url, durationS: opts.warmupS });
  const runs = [];
  for (let i = 0; i < opts.runs; i++) runs.push(await measureOnce(cluster, target, { ...run, url: target.url, ...runLength(opts) }));
  return medianOf(runs);
}

/**
 * Records `n` police tips handed over by the veterans through the gateway, each with a receipt of its own
 * (`<prefix>-<i>`), and answers one veterans' handover naming each: a receipt may be handed over once, so
 * a run of handovers needs a tip per request (a repeated receipt is refused and counted as an error).
 */
export async function handoversOfFreshTips(
  gatewayUrl: string,
  policeAuthorization: string,
  n: number,
  prefix: string,
  connections: number,
): Promise<Variant[]> {
  const tips = SUBGRAPHS.find((s) => s.name === 'police')!.kinds.find((k) => k.spec.table === 'crime_tips')!;
  const handovers = SUBGRAPHS.find((s) => s.name === 'veterans')!.kinds.find((k) => k.spec.table === 'tip_handovers')!;
  const recordTip = `mutation($input: Record${tips.spec.type}Input!) { r: ${tips.spec.create}(input: $input) { id } }`;
  const handover = `mutation($input: Record${handovers.spec.type}Input!) { r: ${handovers.spec.create}(input: $input) { id } }`;
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const recorded = await load({
    url: gatewayUrl,
    headers: { authorization: policeAuthorization },
    variants: ids.map((receiptId) => ({
      key: receiptId,
      body: JSON.stringify({
        query: recordTip,
        variables: { input: { ...tips.spec.example, unitId: CHIENG_PHA, channel: 'FORWARDED_BY_ORGANIZATION', handedOverBy: 'veterans', receiptId } },
      }),
    })),
    amount: n,
    connections,
    writes: true,
  });
  if (recorded.errors || recorded.requests !== n)
    throw new Error(`Could not record the police tips the handovers name: ${recorded.firstProblem ?? `${recorded.requests} of ${n}`}`);
  return ids.map((receiptId) => ({
    key: receiptId,
    body: JSON.stringify({ query: handover, variables: { input: { ...handovers.spec.example, receiptId } } }),
  }));
}

/** A commune's veterans staff creating an activity (no reference to check): the creates the writes table measures. */
async function activityCreates(tokens: Tokens): Promise<{ headers: Record<string, string>; variants: Variant[] }> {
  const input = { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo qua mạng', date: '2021-08-10', unitId: CHIENG_PHA, participants: 45 };
  const activity = `mutation Record($input: RecordVeteransActivityInput!) { recordVeteransActivity(input: $input) { id } }`;
  return {
    headers: { authorization: await tokens.of(staff('veterans', BINH_THUAN)) },
    variants: [{ key: 'create', body: JSON.stringify({ query: activity, variables: { input } }) }],
  };
}

/**
 * Runs the federation for `seconds` before anything is measured, as a server runs in production: every
 * read scenario's requests (identical and distinct) through each gateway, beside creates, ten
 * connections in all. A process just started runs its code unoptimised and compiles the hot paths as
 * they grow hot, on the same two cores: the distinct counts measured after 5 s of warm-up cost 14 ms of
 * CPU per request across the processes, after 120 s 8 ms (BENCHMARKS.md). Without this, the suite's
 * first scenarios measured the compiler as much as the servers. Both gateways are warmed alike.
 */
async function warmFederation(cluster: Cluster, tokens: Tokens, scenarios: readonly ReadScenario[], seconds: number): Promise<void> {
  if (seconds <= 0) return;
  const byCaller = new Map<Caller, Variant[]>();
  for (const s of scenarios) byCaller.set(s.caller, [...(byCaller.get(s.caller) ?? []), ...s.identical, ...s.distinct]);
  const loads: Promise<LoadResult>[] = [];
  for (const g of [cluster.gateway, ...(cluster.hive ? [cluster.hive] : [])])
    for (const [caller, variants] of byCaller)
      // Answers are checked only for data without errors here: each is compared between the gateways before it is measured.
      loads.push(load({ url: g.url, headers: { authorization: await tokens.caller(caller) }, variants, connections: 2, durationS: seconds, writes: true }));
  loads.push(load({ url: cluster.gateway.url, ...(await activityCreates(tokens)), connections: 2, durationS: seconds, writes: true }));
  const problems = (await Promise.all(loads)).map((r) => r.firstProblem).filter(Boolean);
  if (problems.length) throw new Error(`The federation's warm-up had failed answers: ${problems[0]}`);
}

/** Creates through the project's gateway (and directly on the subgraph), with and without a reference check. */
async function measureWrites(cluster: Cluster, tokens: Tokens, opts: SuiteOptions, synchronous: 'NORMAL' | 'FULL'): Promise<WriteResult[]> {
  const out: WriteResult[] = [];
  const run = { ...(await activityCreates(tokens)), connections: opts.writeConnections, writes: true };
  out.push({ kind: 'VeteransActivity', reference: false, synchronous, path: 'gateway', result: await measureOne(cluster, cluster.gateway, opts, run) });
  out.push({
    kind: 'VeteransActivity',
    reference: false,
    synchronous,
    path: 'direct',
    result: await measureOne(cluster, cluster.subgraphs.veterans, opts, run),
  });
  // A tip handover names a receipt of the police register: the veterans' subgraph asks the police, and a
  // receipt may be handed over once (a second handover of it is refused). So every handover sent names a
  // receipt of its own: before the warm-up and before each measured run, a batch of police tips is
  // recorded, each with a fresh receipt, and the run sends one handover per receipt. A batch holds twice
  // what the creates without a reference reached over a run (they are cheaper), so a run cannot run out;
  // if it did, the repeated receipts would be refused and counted as errors in the table.
  const policeAuthorization = await tokens.of(staff('police'));
  const fastest = Math.max(50, out[0]!.result.rps, out[1]!.result.rps);
  let batch = 0;
  const receipts = (seconds: number, amount?: number): Promise<Variant[]> =>
    handoversOfFreshTips(
      cluster.gateway.url,
      policeAuthorization,
      amount ?? Math.ceil(fastest * seconds * 2),
      `BN-BENCH-${synchronous}-${Date.now().toString(36)}-${batch++}`,
      opts.writeConnections,
    );
  const withReference = { headers: { authorization: await tokens.of(staff('veterans')) }, connections: opts.writeConnections, writes: true };
  if (opts.warmupS > 0) await load({ ...withReference, url: cluster.gateway.url, variants: await receipts(opts.warmupS), durationS: opts.warmupS });
  const runs = [];
  for (let i = 0; i < opts.runs; i++) {
    const variants = await receipts(opts.durationS, opts.amount);
    runs.push(await measureOnce(cluster, cluster.gateway, { ...withReference, url: cluster.gateway.url, variants, ...runLength(opts) }));
  }
  out.push({
    kind: SUBGRAPHS.find((s) => s.name === 'veterans')!.kinds.find((k) => k.spec.table === 'tip_handovers')!.spec.type,
    reference: true,
    synchronous,
    path: 'gateway',
    result: medianOf(runs),
  });
  return out;
}

/** Starts a federation of its own at one durability setting (fresh data directory, demo data, no Hive Gateway) and measures the creates on it. */
async function writesOnFreshFederation(opts: SuiteOptions, synchronous: 'NORMAL' | 'FULL'): Promise<WriteResult[]> {
  const dir = mkdtempSync(join(tmpdir(), `antt-bench-${synchronous.toLowerCase()}-`));
  const cluster = await startCluster({ dataDir: dir, demo: true, synchronous, hive: false });
  try {
    const tokens = await tokensFor(dir);
    // Creates only: this federation serves the writes table alone.
    if (opts.warmFederationS) await warmFederation(cluster, tokens, [], opts.warmFederationS);
    return await measureWrites(cluster, tokens, opts, synchronous);
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const before = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'antt-bench-'));
  const log = opts.log;
  const result: SuiteResult = {
    startedAt,
    options: { ...opts, log: undefined, progress: undefined } as unknown as SuiteResult['options'],
    load: { before, after: [] },
    start: { firstMs: 0, firstSubgraphsMs: 0, rssAfterStart: {} },
    answers: [],
    reads: [],
    direct: null,
    indicatorsDirect: null,
    everyCommune: null,
    writes: [],
    memory: {},
    seconds: 0,
  };
  let cluster: Cluster | undefined;
  try {
    log('Starting nine subgraphs, the project gateway and Hive Gateway (fresh data directory, demo data)...');
    cluster = await startCluster({ dataDir, demo: true, hive: true });
    result.start.firstMs = cluster.readyMs;
    result.start.firstSubgraphsMs = cluster.subgraphsReadyMs;
    for (const s of cluster.servers()) result.start.rssAfterStart[s.name] = rssMiB(s.pid);
    log(`  ready in ${(cluster.readyMs / 1000).toFixed(1)} s (subgraphs ${(cluster.subgraphsReadyMs / 1000).toFixed(1)} s)`);
    const tokens = await tokensFor(dataDir);
    const live = cluster;
    const gateways = { project: cluster.gateway, hive: cluster.hive! };

    const progress = () => {
      result.seconds = (performance.now() - t0) / 1000;
      opts.progress?.(result);
    };
    const scenarios: ReadScenario[] = readScenarios(opts.communes).filter((s) => !opts.only || opts.only.includes(s.name));
    // The issue's headline questions first, then the targets' own questions, then the other operations:
    // a run cut short on a busy machine still has the figures that matter most.
    const first = scenarios.filter((s) => FIRST.includes(s.name));
    if (opts.warmFederationS) {
      log(`Warming the federation for ${opts.warmFederationS} s (every read scenario through each gateway, and creates)...`);
      await warmFederation(cluster, tokens, scenarios, opts.warmFederationS);
    }
    const readAll = async (list: ReadScenario[]) => {
      for (const s of list) {
        await readOne(s);
        progress();
      }
    };
    const readOne = async (s: ReadScenario) => {
      const headers = { authorization: await tokens.caller(s.caller) };
      for (const mode of ['identical', 'distinct'] as const) {
        const variants = s[mode];
        const { expected, check } = await checkAnswers(`${s.name} (${mode})`, variants, gateways, headers);
        result.answers.push(check);
        if (check.same === 0) {
          log(`  ${s.name} ${mode}: no answer to compare (${check.differences[0] ?? ''}); not measured`);
          continue;
        }
        // Only variants that both gateways answered alike are measured (the others are reported).
        const measured = variants.filter((v) => !check.differences.some((d) => d.startsWith(`${v.key}:`)));
        const m = await measureBoth(live, opts, measured, headers, expected);
        result.reads.push({
          scenario: s.name,
          source: s.source,
          mode,
          rotates: mode === 'distinct' ? s.rotates : 'one set of variables',
          connections: opts.connections,
          ...m,
        });
        log(
          `  ${s.name.padEnd(34)} ${mode.padEnd(9)} project ${m.project.rps.toFixed(0).padStart(5)} req/s p95 ${m.project.p95.toFixed(0).padStart(5)} ms | hive ${m.hive.rps.toFixed(0).padStart(5)} req/s p95 ${m.hive.p95.toFixed(0).padStart(5)} ms`,
        );
      }
    };
    await readAll(first);

    if (opts.extras) {
      // Gateway in front of one subgraph: the same 50 rows directly and through each gateway.
      const women = { authorization: await tokens.of(staff('women', BINH_THUAN)) };
      const fifty = [{ key: 'fifty', body: JSON.stringify({ query: FIFTY_ROWS }) }];
      const direct = await ask(cluster.subgraphs.women.url, women, fifty[0]!.body);
      const { expected, check } = await checkAnswers('womenActivities(first: 50)', fifty, gateways, women);
      result.answers.push(check);
      if (direct.data && direct.data !== expected.get('fifty')) check.differences.push('fifty: the subgraph directly and the gateways differ');
      const d = await measureOne(cluster, cluster.subgraphs.women, opts, { headers: women, variants: fifty, connections: opts.connections, expected });
      const both = await measureBoth(cluster, opts, fifty, women, expected);
      result.direct = { name: 'womenActivities(first: 50), staff of one commune', direct: d, ...both };
      progress();
      log(`  50 rows: direct ${d.rps.toFixed(0)} req/s, project ${both.project.rps.toFixed(0)}, hive ${both.hive.rps.toFixed(0)}`);

      // The standard's indicators for the province, directly on the police subgraph.
      const indicators = readScenarios(1).find((s) => s.name === 'DashboardStandardIndicators')!;
      const dash = { authorization: await tokens.caller('dashboard') };
      const onPolice = await ask(cluster.subgraphs.police.url, dash, indicators.identical[0]!.body);
      if (onPolice.problem) log(`  indicators directly on police: ${onPolice.problem}`);
      else {
        const expectedPolice = new Map([['one', onPolice.data!]]);
        result.indicatorsDirect = await measureOne(cluster, cluster.subgraphs.police, opts, {
          headers: dash,
          variants: indicators.identical,
          connections: opts.connections,
          expected: expectedPolice,
        });
        log(`  indicators directly on police: ${result.indicatorsDirect.rps.toFixed(0)} req/s`);
        progress();
      }

      // Every organization's activity in each commune of the province, one query, one client.
      const lead = { authorization: await tokens.caller('leadership') };
      const every = { project: [] as number[], hive: [] as number[], bytes: 0, problem: undefined as string | undefined };
      for (let i = 0; i < Math.max(1, opts.runs); i++)
        for (const g of (i % 2 === 0 ? ['project', 'hive'] : ['hive', 'project']) as GatewayName[]) {
          const r = await ask(gateways[g].url, lead, everyCommuneBody());
          if (r.problem) every.problem ??= `${g}: ${r.problem}`;
          else every.bytes = Buffer.byteLength(r.data!);
          every[g].push(r.ms);
        }
      result.everyCommune = every;
      progress();
      log(`  every commune, one query: project ${median(every.project).toFixed(0)} ms, hive ${median(every.hive).toFixed(0)} ms`);
    }
    await readAll(scenarios.filter((s) => !first.includes(s)));
    for (const s of cluster.servers()) result.memory[s.name] = { rss: rssMiB(s.pid), peak: peakRssMiB(s.pid) };
    await cluster.stop();
    cluster = undefined;

    if (opts.extras) {
      log('Restarting the federation on the same data (installed checkout, demo data already loaded)...');
      const again = await startCluster({ dataDir, demo: true, hive: false });
      result.start.restartMs = again.readyMs;
      result.start.restartSubgraphsMs = again.subgraphsReadyMs;
      await again.stop();
      progress();
    }
    // Writes, each durability setting on a federation of its own started alike (fresh data directory with
    // demo data, no Hive Gateway, warmed the same way): the figures at NORMAL and at FULL compare, and the
    // reads above were measured on demo data alone.
    if (opts.writes ?? opts.extras)
      for (const synchronous of opts.full ? (['NORMAL', 'FULL'] as const) : (['NORMAL'] as const)) {
        log(`Writes at ${synchronous} (a federation of their own)...`);
        result.writes.push(...(await writesOnFreshFederation(opts, synchronous)));
        progress();
      }
  } finally {
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  result.load.after = loadavg();
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
