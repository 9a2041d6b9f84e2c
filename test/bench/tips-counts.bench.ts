/**
 * `npx tsx test/bench/tips-counts.bench.ts [N...]` (default 0 1000 5000 20000): issue 17's police counts
 * as crime tips accumulate. For each N, the police subgraph in this process (demo data, in-memory
 * database) gets N more undecided tips in Chiềng Pha (copies of a demo tip with fresh ids and receipts,
 * received now, written in one transaction as the suite's handover batches leave them), its disclosure
 * patterns are computed, then DashboardTipsAndCases' police fields plus overdueTips for Bình Thuận, plan
 * year 2021, are asked 40 times in a row with a dashboard token. Prints the CPU time per request (this
 * process: executeOperation runs here) and how many patterns were computed (a request must not start one).
 */
import { performance } from 'node:perf_hooks';
import { BINH_THUAN, CHIENG_PHA, dashboard, openTestSubgraph } from '@antt/testing';
import { servedPatterns } from '../../packages/disclosure/src/index.js';
import { subgraph } from '../../subgraphs/police/src/subgraph.js';

process.env.ANTT_LOG_LEVEL ??= 'warn';
const sizes = process.argv.slice(2).map(Number);
const query = `{ unit(id: "${BINH_THUAN}") { police { tipCounts(periodId: "2021-PLAN-Y") { category status count } overdueTips(periodId: "2021-PLAN-Y")
  openHotspots(periodId: "2021-PLAN-Y") reintegrationCases(periodId: "2021-PLAN-Y") } } }`;
// The columns a copy changes: a fresh record and receipt in Chiềng Pha, received now, undecided and not forwarded.
const changed: Record<string, string> = {
  record_id: '@rid',
  receipt_id: '@receipt',
  client_key: 'NULL',
  unit_id: `'${CHIENG_PHA}'`,
  tip_status: `'RECEIVED'`,
  received_at: '@now',
  recorded_at: '@now',
  created_at: '@now',
  received_on: '@today',
  decision_due_on: '@due',
  forwarded_at: 'NULL',
  forwarded_to: 'NULL',
  decision: 'NULL',
  decided_on: 'NULL',
  reporter_notified_on: 'NULL',
};

for (const n of sizes.length ? sizes : [0, 1000, 5000, 20000]) {
  const s = await openTestSubgraph(subgraph, { demo: true });
  const columns = (s.sqlite.prepare(`SELECT name FROM pragma_table_info('crime_tips') WHERE name <> 'id'`).all() as { name: string }[]).map((c) => c.name);
  const copy = s.sqlite.prepare(
    `INSERT INTO crime_tips (${columns.join(', ')}) SELECT ${columns.map((c) => changed[c] ?? c).join(', ')} FROM crime_tips WHERE id = (SELECT min(id) FROM crime_tips)`,
  );
  const now = new Date().toISOString();
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  s.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) copy.run({ rid: `tip:bench:${i}`, receipt: `BN-TIPS-BENCH-${i}`, now, today: now.slice(0, 10), due });
  })();
  const served = servedPatterns(s.sqlite);
  await s.run(dashboard(), query);
  await Promise.all(['crimeTips', 'policeReintegration'].map((f) => served.refresh(f)));
  const computed = served.computations;
  const reps = 40;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) {
    const res = await s.run(dashboard(), query);
    if ((res as { errors?: unknown }).errors) throw new Error(`N=${n}: ${JSON.stringify((res as { errors?: unknown }).errors).slice(0, 300)}`);
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `N=${String(n).padStart(6)}  ${((cpu.user + cpu.system) / 1000 / reps).toFixed(2)} ms CPU/request  ${((performance.now() - t0) / reps).toFixed(2)} ms wall  patterns computed during the requests: ${served.computations - computed}`,
  );
  s.sqlite.close();
}
