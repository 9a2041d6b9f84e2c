/**
 * `npx tsx test/bench/create-exec.bench.ts`: the CPU time of one create's GraphQL
 * execution alone on a subgraph's schema (in-process, no HTTP, no Apollo server): variables' coercion,
 * the mutation field's checked transaction, the repository's validation, write hooks, insert and the
 * chained WRITE entry of the audit trail. The women's activity as `focus.bench.ts create` sends it;
 * 2,000 creates to warm up, then five rounds of 3,000, each round's CPU ms per create and their median.
 * Figures only; it checks that no answer carries an error and that every create stored a record, and verifies the audit trail after. The
 * difference from `focus.bench.ts create` (the same create over HTTP) is the request's shell.
 */
import { loadavg } from 'node:os';
import { execute, parse } from 'graphql';
import { openOrganizationDatabase, contextFor } from '@antt/subgraph-kit';
import { SUBGRAPHS } from '@antt/gateway';
import { staff, BINH_THUAN } from '@antt/testing';
import { todayInVietnam } from '@antt/reference';
import { verifyTrail } from '@antt/audit';
const sg = SUBGRAPHS.find((s) => s.name === 'women')!;
const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: true });
const schema = sg.schema();
const doc = parse('mutation ($input: RecordWomenActivityInput!) { recordWomenActivity(input: $input) { id } }');
const activity = { type: 'PROPAGANDA', date: todayInVietnam(), unitId: BINH_THUAN, participants: 40 };
const who = staff('women', BINH_THUAN);
const run = async (n: number, off: number) => {
  for (let i = 0; i < n; i++) {
    const r = (await execute({
      schema,
      document: doc,
      variableValues: { input: { ...activity, topic: `Tuyên truyền ${off + i}` } },
      contextValue: contextFor(sg, db, who, { requestId: `r${off + i}` } as never),
    })) as { errors?: unknown[] };
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }
};
await run(2000, 0);
const before = (sqlite.prepare('SELECT count(*) c FROM activities').get() as { c: number }).c;
const rounds: number[] = [];
for (let k = 0; k < 5; k++) {
  const c0 = process.cpuUsage();
  await run(3000, 10000 * (k + 1));
  const c = process.cpuUsage(c0);
  rounds.push((c.user + c.system) / 1000 / 3000);
}
console.log(
  'CPU ms/create',
  rounds.map((x) => x.toFixed(3)).join(' '),
  'median',
  [...rounds].sort((a, b) => a - b)[2]!.toFixed(3),
  'load',
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' '),
);
const created = (sqlite.prepare('SELECT count(*) c FROM activities').get() as { c: number }).c - before;
if (created !== 15000) throw new Error(`${created} records stored for 15,000 creates`);
const chain = verifyTrail(sqlite);
if (!chain.ok) throw new Error(`audit trail broken at entry ${chain.firstBroken}: ${chain.reason}`);
sqlite.close();
