/**
 * Soak (issue 17): the federation started as the suite starts it (cluster.ts: nine subgraphs and the
 * project's gateway, each its own process, demo data), then
 * 1. the maximum rate of the mix: a short closed-loop run (the suite's 10 clients, one request in flight
 *    each) of 90% reads and 10% writes, after half as long again to warm up and once the disclosure
 *    patterns that warm-up started are computed;
 * 2. a warm-up interval, then `minutes` intervals of an open-loop fixed rate (70% of that maximum, or the
 *    rate given): each request is sent at its scheduled time whether or not earlier ones were answered,
 *    and its latency counts from that time (a slow answer is not hidden by sending less);
 * per interval: p50/p99, answers, errors, every process's RSS and the CPU all processes used per request.
 *
 * The reads are the dashboard operations as the suite asks them (`scenarios.ts`: identical requests and
 * the distinct ones, communes in rotation), with the dashboard's token (the leadership's for its own
 * panels); the writes are the suite's creates through the gateway (a veterans' activity, commune staff).
 * Every answer is checked as the suite checks writes: HTTP 200, no GraphQL error, data present. The
 * reads' data are not compared with an answer fixed beforehand: the creates change the counts the
 * dashboards show, so a different answer is expected there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadOrCreateSigningKey, signToken, type Identity } from '@antt/auth';
import { BINH_THUAN, CHIENG_PHA, dashboard, leadership, staff } from '@antt/testing';
import { cpuMs, patternsSettled, rssMiB, startCluster, type Cluster } from './cluster.js';
import { problemOf } from './load.js';
import { readScenarios } from './scenarios.js';

export interface SoakOptions {
  /** Measured intervals after the warm-up (the issue: 10 minutes). */
  minutes: number;
  /** Seconds per interval: 60 for minutes; the smoke test uses a few seconds. */
  intervalS: number;
  /** Seconds of warm-up at the soak's rate before the first measured interval. */
  warmupS: number;
  /** Requests per second of the soak; when absent, `fraction` of the measured maximum. */
  rate?: number;
  /** Share of the maximum rate (the issue: 0.7). */
  fraction: number;
  /** Seconds of the closed-loop run that finds the maximum rate. */
  maxRateS: number;
  /** Clients of that closed-loop run (the suite's 10). */
  connections: number;
  /** Communes in the rotation of the distinct requests (75: the whole July-2025 map). */
  communes: number;
  /** Share of writes in the mix (the issue: 0.1). */
  writeShare: number;
  log: (line: string) => void;
}

/** One interval of the soak (or of the warm-up), requests filed by their scheduled time. */
export interface SoakInterval {
  /** 0 is the warm-up; 1..minutes the measured intervals. */
  index: number;
  scheduled: number;
  answered: number;
  reads: number;
  writes: number;
  errors: number;
  firstProblem?: string;
  p50: number;
  p99: number;
  /** Answers per second over the interval. */
  rps: number;
  /** CPU milliseconds of every process (gateway and nine subgraphs) per answered request. */
  cpuPerRequest: number;
  /** The most requests sent and not yet answered at once during the interval (the backlog). */
  maxInFlight: number;
  /** Resident memory (VmRSS, MiB) of every process at the interval's end. */
  rss: Record<string, number>;
  loadavg: number;
}

export interface SoakResult {
  startedAt: string;
  options: Omit<SoakOptions, 'log'>;
  load: { before: number[]; after: number[] };
  startMs: number;
  /** The closed-loop run of the mix (its errors include those of its warm-up half). */
  maximum: { rps: number; p99: number; requests: number; errors: number; firstProblem?: string };
  /** The open-loop rate of the soak, requests per second. */
  rate: number;
  /** What the reads rotate over: operations and variants. */
  reads: { operations: string[]; variants: number };
  warmup: SoakInterval;
  intervals: SoakInterval[];
  /** p99 of the last interval over the first measured one. */
  p99Ratio: number;
  /** Per process: RSS after the warm-up, at the end, and the growth (end / after warm-up - 1). */
  memory: Record<string, { afterWarmup: number; end: number; growth: number }>;
  errors: number;
  seconds: number;
}

interface Request {
  url: string;
  headers: Record<string, string>;
  body: string;
  write: boolean;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

/** Sends one request; its problem or null. */
async function send(r: Request): Promise<string | null> {
  try {
    const res = await fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...r.headers },
      body: r.body,
      signal: AbortSignal.timeout(60_000),
    });
    return problemOf(res.status, await res.text(), undefined, true);
  } catch (e) {
    return `no answer: ${(e as Error).name}`;
  }
}

/** The mix: nine reads then one write, in a fixed rotation (reads over every dashboard variant). */
async function mixOf(cluster: Cluster, dataDir: string, opts: SoakOptions): Promise<{ next: () => Request; operations: string[]; variants: number }> {
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys'));
  const bearer = async (identity: Identity) => `Bearer ${await signToken(key, identity)}`;
  const callers = { dashboard: await bearer(dashboard()), leadership: await bearer(leadership()) };
  const scenarios = readScenarios(opts.communes).filter((s) => s.source.startsWith('gateway/operations/dashboard'));
  const reads: Request[] = [];
  // Identical and distinct requests interleaved: each operation's one set of variables, then its rotation.
  for (const s of scenarios)
    for (const v of [...s.identical, ...s.distinct])
      reads.push({ url: cluster.gateway.url, headers: { authorization: callers[s.caller] }, body: v.body, write: false });
  const activity = `mutation Record($input: RecordVeteransActivityInput!) { recordVeteransActivity(input: $input) { id } }`;
  const input = { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo qua mạng', date: '2021-08-10', unitId: CHIENG_PHA, participants: 45 };
  const write: Request = {
    url: cluster.gateway.url,
    headers: { authorization: await bearer(staff('veterans', BINH_THUAN)) },
    body: JSON.stringify({ query: activity, variables: { input } }),
    write: true,
  };
  // Shuffled once with a fixed seed, so the identical requests are spread over the run, not bunched.
  let seed = 17;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = reads.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [reads[i], reads[j]] = [reads[j]!, reads[i]!];
  }
  const every = Math.round(1 / opts.writeShare);
  let n = 0;
  let r = 0;
  return {
    next: () => (++n % every === 0 ? write : reads[r++ % reads.length]!),
    operations: scenarios.map((s) => s.name),
    variants: reads.length,
  };
}

/** The closed-loop run: `connections` clients, each sending its next request when the last is answered. */
async function maximumRate(next: () => Request, opts: SoakOptions): Promise<SoakResult['maximum']> {
  const times: number[] = [];
  let errors = 0;
  let firstProblem: string | undefined;
  const started = performance.now();
  const end = started + opts.maxRateS * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const problem = await send(next());
      times.push(performance.now() - t);
      if (problem) {
        errors++;
        firstProblem ??= problem;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / seconds, p99: quantile(times, 0.99), requests: times.length, errors, firstProblem };
}

interface Bucket {
  latencies: number[];
  scheduled: number;
  reads: number;
  writes: number;
  errors: number;
  firstProblem?: string;
  pending: number;
  maxInFlight: number;
}

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const before = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'antt-soak-'));
  const log = opts.log;
  let cluster: Cluster | undefined;
  try {
    log('Starting nine subgraphs and the project gateway (fresh data directory, demo data)...');
    cluster = await startCluster({ dataDir, demo: true, hive: false });
    log(`  ready in ${(cluster.readyMs / 1000).toFixed(1)} s`);
    const live = cluster;
    const mix = await mixOf(cluster, dataDir, opts);
    log(`Maximum rate of the mix: ${opts.maxRateS / 2} s closed loop to warm up, then ${opts.maxRateS} s measured, ${opts.connections} clients...`);
    // A cold federation (compilation, caches, connections) is slower than a warm one: the first half-run is
    // not counted, so 70% of the maximum is not 70% of a cold start's rate. Its answers are checked all the same.
    const cold = await maximumRate(mix.next, { ...opts, maxRateS: opts.maxRateS / 2 });
    // The first outsiders' reads of sensitive counts start the subgraphs' disclosure searches (a child
    // process each, seconds of CPU for the police and the women): measured while they run, the maximum
    // would be the machine's leftover, and the soak gentler than 70% of what the federation serves.
    const settled = await patternsSettled(Object.fromEntries(Object.values(cluster.subgraphs).map((s) => [s.name, s.url])));
    if (settled > 0.5) log(`  disclosure patterns computed ${settled.toFixed(1)} s after the warm-up half`);
    const maximum = await maximumRate(mix.next, opts);
    // Errors here (a subgraph timing out on a busy machine) are counted in the soak's errors and reported,
    // not a reason to drop the run: the soak that follows still says what it measured.
    maximum.errors += cold.errors;
    maximum.firstProblem ??= cold.firstProblem;
    log(
      `  ${maximum.rps.toFixed(1)} req/s, p99 ${maximum.p99.toFixed(0)} ms, ${maximum.errors} errors${maximum.firstProblem ? ` (${maximum.firstProblem})` : ''}`,
    );
    const rate = opts.rate ?? opts.fraction * maximum.rps;
    if (!(rate > 0)) throw new Error('The soak has no rate (the closed-loop run answered nothing).');
    log(`Soak at ${rate.toFixed(1)} req/s: ${opts.warmupS} s warm-up, then ${opts.minutes} intervals of ${opts.intervalS} s...`);

    // Open loop: request i is due at i / rate seconds; a timer sends whatever is due, and each latency
    // counts from the due time. Requests are filed in the interval of their due time.
    const buckets: Bucket[] = [];
    const boundaries = [opts.warmupS, ...Array.from({ length: opts.minutes }, (_, i) => opts.warmupS + (i + 1) * opts.intervalS)];
    const total = boundaries.at(-1)!;
    const bucketOf = (s: number) => boundaries.findIndex((b) => s < b);
    for (let i = 0; i < boundaries.length; i++) buckets.push({ latencies: [], scheduled: 0, reads: 0, writes: 0, errors: 0, pending: 0, maxInFlight: 0 });
    const samples: { rss: Record<string, number>; cpu: number; at: number; load: number }[] = [];
    const sample = () => {
      const servers = live.servers();
      samples.push({
        rss: Object.fromEntries(servers.map((s) => [s.name, rssMiB(s.pid)])),
        cpu: servers.reduce((a, s) => a + cpuMs(s.pid), 0),
        at: performance.now(),
        load: loadavg()[0]!,
      });
    };
    const inFlight = new Set<Promise<void>>();
    sample();
    const start = performance.now();
    let sent = 0;
    let nextBoundary = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = (performance.now() - start) / 1000;
        while (nextBoundary < boundaries.length && now >= boundaries[nextBoundary]!) {
          sample();
          nextBoundary++;
        }
        for (let due = sent / rate; due <= now && due < total; due = sent / rate) {
          const b = buckets[bucketOf(due)]!;
          const request = mix.next();
          sent++;
          b.scheduled++;
          b.pending++;
          const dueAt = start + due * 1000;
          const p = send(request).then((problem) => {
            b.latencies.push(performance.now() - dueAt);
            b.pending--;
            if (request.write) b.writes++;
            else b.reads++;
            if (problem) {
              b.errors++;
              b.firstProblem ??= `${request.write ? 'write' : 'read'}: ${problem}`;
            }
            inFlight.delete(p);
          });
          inFlight.add(p);
          b.maxInFlight = Math.max(b.maxInFlight, inFlight.size);
        }
        if (now >= total && nextBoundary >= boundaries.length) resolve();
        else setTimeout(tick, 5);
      };
      tick();
    });
    await Promise.all([...inFlight]);

    const intervals: SoakInterval[] = buckets.map((b, index) => {
      const sorted = [...b.latencies].sort((x, y) => x - y);
      const from = samples[index]!;
      const to = samples[index + 1]!;
      const answered = b.latencies.length;
      return {
        index,
        scheduled: b.scheduled,
        answered,
        reads: b.reads,
        writes: b.writes,
        errors: b.errors,
        firstProblem: b.firstProblem,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        rps: answered / ((to.at - from.at) / 1000),
        cpuPerRequest: (to.cpu - from.cpu) / Math.max(1, answered),
        maxInFlight: b.maxInFlight,
        rss: to.rss,
        loadavg: to.load,
      };
    });
    const [warmup, ...measured] = intervals;
    for (const i of intervals)
      log(
        `  ${i.index === 0 ? 'warm-up' : `interval ${i.index}`}: ${i.answered} answers (${i.writes} writes), p50 ${i.p50.toFixed(0)} ms, p99 ${i.p99.toFixed(0)} ms, at most ${i.maxInFlight} in flight, ${i.errors} errors, CPU ${i.cpuPerRequest.toFixed(1)} ms/req, load ${i.loadavg.toFixed(1)}`,
      );
    const memory: SoakResult['memory'] = {};
    const last = samples.at(-1)!.rss;
    for (const [name, afterWarmup] of Object.entries(samples[1]!.rss)) memory[name] = { afterWarmup, end: last[name]!, growth: last[name]! / afterWarmup - 1 };
    const result: SoakResult = {
      startedAt,
      options: { ...opts, log: undefined } as unknown as SoakResult['options'],
      load: { before, after: loadavg() },
      startMs: live.readyMs,
      maximum,
      rate,
      reads: { operations: mix.operations, variants: mix.variants },
      warmup: warmup!,
      intervals: measured,
      p99Ratio: measured.at(-1)!.p99 / measured[0]!.p99,
      memory,
      errors: maximum.errors + intervals.reduce((a, i) => a + i.errors, 0),
      seconds: (performance.now() - t0) / 1000,
    };
    return result;
  } finally {
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
