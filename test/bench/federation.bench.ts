/**
 * `pnpm bench`: the whole federation in one process with demo data, every server on port 0, and
 * bounded loops of real queries over loopback. Prints figures; asserts nothing (timings on a shared
 * machine are not tests). Results are summarised in BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { bearer, dashboard, leadership, staff, BINH_THUAN, PROVINCE } from '@antt/testing';
import { loadDashboardOperations } from '@antt/gateway';
import { ORGANIZATION_IDS } from '@antt/reference';
import { startFederation } from '../support/federation.js';

const t0 = performance.now();
const fed = await startFederation({ demo: true, rateLimitPerMinute: 1_000_000 });
const startMs = performance.now() - t0;

async function run(name: string, url: string, query: string, variables: Record<string, unknown>, auth: string, n: number, concurrency: number) {
  const times: number[] = [];
  let next = 0;
  const body = JSON.stringify({ query, variables });
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        const s = performance.now();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body });
        const json = (await res.json()) as { errors?: unknown[] };
        if (json.errors) throw new Error(`${name}: ${JSON.stringify(json.errors).slice(0, 300)}`);
        times.push(performance.now() - s);
      }
    }),
  );
  const total = performance.now() - t;
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${name.padEnd(58)} n=${n} c=${concurrency}  ${(n / (total / 1000)).toFixed(0).padStart(5)} req/s  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms`);
}

const lead = await bearer(leadership());
const every = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { name ${ORGANIZATION_IDS.map((o) => `${o} { activityCounts(periodId: $period) { type count participants } }`).join(' ')} } }`;
const ops = loadDashboardOperations();
const indicators = [...ops.values()].find((q) => q.includes('DashboardStandardIndicators'))!;

console.log(`federation started with demo data in ${(startMs / 1000).toFixed(1)} s (nine subgraphs and the gateway, in-memory databases)`);
await run('gateway: nine organizations, one commune, plan year', fed.gateway.url, every, { unit: BINH_THUAN, period: '2021-PLAN-Y' }, lead, 300, 4);
await run('gateway: nine organizations, province, plan year', fed.gateway.url, every, { unit: PROVINCE, period: '2024-PLAN-Y' }, lead, 200, 4);
await run(
  'gateway: standard indicators by 12 districts (dashboard op)',
  fed.gateway.url,
  indicators,
  { unit: PROVINCE, year: 2021, view: 'AS_RECORDED' },
  await bearer(dashboard()),
  100,
  4,
);
await run(
  'women subgraph alone: 50 activities of a commune',
  fed.subgraphs.women.url,
  '{ womenActivities(first: 50) { totalCount nodes { id topic date unit { name } } } }',
  {},
  await bearer(staff('women', BINH_THUAN)),
  300,
  4,
);
await run(
  'gateway: same, through the gateway',
  fed.gateway.url,
  '{ womenActivities(first: 50) { totalCount nodes { id topic date unit { name } } } }',
  {},
  await bearer(staff('women', BINH_THUAN)),
  300,
  4,
);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB (all ten servers in this process)`);
await fed.stop();
