/**
 * `npx tsx test/bench/focus.bench.ts [scenario...] [--seconds=N] [--clients=N] [--synchronous=NORMAL|FULL]`: one focused measurement
 * per change of issue 17. The federation runs with its demo data in a child process (nine subgraphs and
 * the gateway, in-memory databases, ports 0), so that the load generator here does not share its event
 * loop; each scenario runs `clients` concurrent keep-alive connections for `seconds`, checks that no
 * answer carries an error and prints req/s, p50, p95 and the server process's CPU time per request
 * (the figure to compare on a shared machine). Figures only, no assertions. Scenarios: indicators
 * (police subgraph directly), indicators-gw, counts-gw (one commune), counts75-gw (the 75 communes in
 * rotation), children-gw (one client), rows (women subgraph directly), rows-gw, create (women subgraph
 * directly), create-gw, entities (the gateway's `_entities` fetch of 50 women's activities, sent directly
 * to the women's subgraph with the gateway's secret), create-ref and create-ref-gw (a women's model replicating
 * the Front's model:front:1: the reference asked of the Front's subgraph before the write; the reference
 * checks' rate limits are lifted for the run), dashboard75-gw (the dashboard's activity counts operation
 * with each organization's basis, 75 communes in rotation), counts75-women (its `_entities` fetch of one
 * unit's counts and basis, sent directly to the women's subgraph). A scenario list of direct ones only
 * starts that subgraph alone; with `--synchronous=NORMAL|FULL` that subgraph keeps its database in a file
 * (WAL) at that level instead of in memory (the federation's databases stay in memory). The summary is in
 * BENCHMARKS.md, "What each change bought". Also reports-gw (a district's staff reading a commune's
 * accepted report through the gateway: the approved-answer cache; `--no-approved-answers` starts the
 * gateway with it off, for the figure before).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Ready = { urls: Record<string, string>; tokens: Record<string, string>; startMs: number };

/** Starts the federation, or only the subgraph `only` names (a direct scenario needs no other). */
async function serve(only: string | undefined): Promise<void> {
  process.env.ANTT_RATE_LIMIT_PER_MINUTE ??= '100000000';
  // The reference checks' own limits (120 a minute per writer, 600 per calling service at the owner) would refuse create-ref after a second.
  process.env.ANTT_REFERENCE_USER_LIMIT_PER_MINUTE ??= '100000000';
  process.env.ANTT_REFERENCE_LIMIT_PER_MINUTE ??= '100000000';
  process.env.ANTT_LOG_LEVEL ??= 'warn';
  const { startFederation, testGatewaySecret } = await import('../support/federation.js');
  const { bearer, dashboard, leadership, staff, testVerifier, BINH_THUAN, THUAN_CHAU } = await import('@antt/testing');
  const { openOrganizationDatabase, startSubgraph } = await import('@antt/subgraph-kit');
  const { SUBGRAPHS } = await import('@antt/gateway');
  const t0 = performance.now();
  const urls: Record<string, string> = {};
  let stop: () => Promise<void>;
  if (only) {
    const sg = SUBGRAPHS.find((s) => s.name === only)!;
    // --synchronous=NORMAL|FULL: a database file in a fresh directory at that level (WAL), as in production.
    const file = process.env.ANTT_SQLITE_SYNCHRONOUS ? join(mkdtempSync(join(tmpdir(), 'antt-focus-')), `${only}.sqlite`) : ':memory:';
    const { db, sqlite } = openOrganizationDatabase(sg, { file, demo: true });
    const server = await startSubgraph(sg, { db, verifier: await testVerifier(), gatewaySecret: testGatewaySecret(sg.name), port: 0 });
    urls[only] = server.url;
    stop = async () => {
      await server.stop();
      sqlite.close();
      if (file !== ':memory:') rmSync(dirname(file), { recursive: true, force: true });
    };
  } else {
    const fed = await startFederation({ demo: true, rateLimitPerMinute: 100_000_000, approvedAnswers: !process.argv.includes('--no-approved-answers') });
    urls.gateway = fed.gateway.url;
    for (const [k, v] of Object.entries(fed.subgraphs)) urls[k] = v.url;
    stop = fed.stop;
  }
  const startMs = performance.now() - t0;
  const tokens = {
    leadership: await bearer(leadership()),
    dashboard: await bearer(dashboard()),
    women: await bearer(staff('women', BINH_THUAN)),
    womenDistrict: await bearer(staff('women', THUAN_CHAU)),
  };
  process.send!({ urls, tokens, startMs } satisfies Ready);
  process.on('message', (m) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() });
    if (m === 'stop') void stop().then(() => process.exit(0));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, auth: string, body: string, extra: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: auth, 'content-length': Buffer.byteLength(body), ...extra } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

type Scenario = { url: string; auth: string; body: (i: number) => string; check?: (text: string) => void; headers?: Record<string, string> };

let server: import('node:child_process').ChildProcess;

/** The server process's CPU time so far, in ms (user + system). */
function serverCpu(): Promise<number> {
  return new Promise((resolve) => {
    server.once('message', (m) => {
      const { cpu } = m as { cpu: NodeJS.CpuUsage };
      resolve((cpu.user + cpu.system) / 1000);
    });
    server.send('cpu');
  });
}

async function load(name: string, s: Scenario, seconds: number, clients: number): Promise<void> {
  const cpu0 = await serverCpu();
  const times: number[] = [];
  let i = 0;
  let first: string | undefined;
  const until = performance.now() + seconds * 1000;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const n = i++;
        const s0 = performance.now();
        const r = await post(s.url, s.auth, s.body(n), s.headers);
        times.push(performance.now() - s0);
        if (r.status !== 200 || r.text.includes('"errors"')) throw new Error(`${name}: HTTP ${r.status} ${r.text.slice(0, 400)}`);
        first ??= r.text;
        s.check?.(r.text);
      }
    }),
  );
  const total = (performance.now() - t) / 1000;
  const cpuPer = ((await serverCpu()) - cpu0) / times.length;
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(14)} c=${clients} ${seconds}s  ${(times.length / total).toFixed(0).padStart(5)} req/s  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  server CPU ${cpuPer.toFixed(2)} ms/req  (${first?.length ?? 0} bytes)`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (k: string, d: number) => Number(args.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const seconds = opt('seconds', 8);
  const clients = opt('clients', 10);
  const wanted = args.filter((a) => !a.startsWith('--'));
  const synchronous = args.find((a) => a.startsWith('--synchronous='))?.split('=')[1];
  if (synchronous && synchronous !== 'NORMAL' && synchronous !== 'FULL') throw new Error('--synchronous: NORMAL or FULL');
  if (synchronous) process.env.ANTT_SQLITE_SYNCHRONOUS = synchronous;
  const { ORGANIZATION_IDS, territory, todayInVietnam } = await import('@antt/reference');
  const { PROVINCE, BINH_THUAN } = await import('@antt/testing');
  const { loadDashboardOperations } = await import('@antt/gateway');
  const direct = { indicators: 'police', rows: 'women', create: 'women', entities: 'women', 'counts75-women': 'women' } as Record<string, string>;
  const only = wanted.length && wanted.every((w) => direct[w] === direct[wanted[0]!]) ? direct[wanted[0]!] : undefined;
  const child = (server = fork(fileURLToPath(import.meta.url), ['--serve', only ?? '', ...args.filter((a) => a === '--no-approved-answers')], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  }));
  const ready = await new Promise<Ready>((resolve) => child.once('message', (m) => resolve(m as Ready)));
  console.log(`federation started with demo data in ${(ready.startMs / 1000).toFixed(1)} s`);
  const indicatorsOp = [...loadDashboardOperations().values()].find((q) => q.includes('DashboardStandardIndicators'))!;
  const indicatorsVars = { unit: PROVINCE, year: 2021, view: 'AS_RECORDED' };
  const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
  const communes = territory()
    .unitsOn(todayInVietnam(), 'COMMUNE')
    .map((u) => u.id);
  const counts = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { name ${ORGANIZATION_IDS.map((o) => `${o} { activityCounts(periodId: $period) { type count participants } }`).join(' ')} } }`;
  const children = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { name children { id name ${ORGANIZATION_IDS.map((o) => `${o} { activityCounts(periodId: $period) { type count participants } }`).join(' ')} } } }`;
  const rows = '{ womenActivities(first: 50) { totalCount nodes { id topic date unit { name } } } }';
  const record = 'mutation ($input: RecordWomenActivityInput!) { recordWomenActivity(input: $input) { id } }';
  const activity = { type: 'PROPAGANDA', date: todayInVietnam(), unitId: BINH_THUAN, participants: 40 };
  // A kind with a reference checked with its owner: a women's model replicating one of the Front's.
  const recordModel = 'mutation ($input: RecordWomenModelInput!) { recordWomenModel(input: $input) { id replicaOfId } }';
  const model = { kind: 'SELF_MANAGEMENT', unitId: BINH_THUAN, startedOn: todayInVietnam(), partnerIds: ['police'], replicaOfId: 'model:front:1' };
  // The gateway's entity fetch of 50 records, as it sends it to the subgraph (its secret header).
  const { testGatewaySecret } = await import('../support/federation.js');
  const { GATEWAY_HEADER } = await import('@antt/subgraph-kit');
  const fifty = async () => {
    if (!ready.urls.women) return [];
    const r = await post(ready.urls.women, ready.tokens.women!, json('{ womenActivities(first: 50) { nodes { id } } }'));
    return (JSON.parse(r.text) as { data: { womenActivities: { nodes: { id: string }[] } } }).data.womenActivities.nodes.map(({ id }) => ({
      __typename: 'WomenActivity',
      id,
    }));
  };
  const representations = await fifty();
  const dashboardCounts = [...loadDashboardOperations().values()].find((q) => q.includes('DashboardActivityCounts'))!;
  const unitCounts =
    'query ($r: [_Any!]!, $period: ID!) { _entities(representations: $r) { ... on Unit { women { activityCounts(periodId: $period, figures: OFFICIAL) { type count participants } activityCountsBasis(periodId: $period, figures: OFFICIAL) { kind reportVersion lockedAt } } } } }';
  // A commune of Thuận Châu whose demo report for the first half of 2021 is accepted (reports/demo.ts).
  const reports = 'query ($u: ID!) { womenReports(unitId: $u, periodId: "2021-PLAN-6M") { id reportVersion stage } }';
  let acceptedCommune: string | undefined;
  if (ready.urls.gateway)
    // The communes as they were in 2021 (the demo reports' period), before the 2025 reorganisation.
    for (const u of territory()
      .unitsOn('2021-06-09', 'COMMUNE')
      .map((c) => c.id)) {
      const r = await post(ready.urls.gateway, ready.tokens.womenDistrict!, json(reports, { u }));
      if (r.text.includes('"ACCEPTED"')) {
        acceptedCommune = u;
        break;
      }
    }
  const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on WomenActivity { id topic date participants } } }';
  const scenarios: Record<string, Scenario> = {
    entities: {
      url: ready.urls.women!,
      auth: ready.tokens.women!,
      headers: { [GATEWAY_HEADER]: testGatewaySecret('women') },
      body: () => json(entities, { r: representations }),
      check: (text) => {
        const got = (JSON.parse(text) as { data: { _entities: ({ id: string } | null)[] } }).data._entities;
        if (got.length !== representations.length || got.some((e) => !e))
          throw new Error(`entities: ${got.filter((e) => e).length} of ${representations.length} records`);
      },
    },
    indicators: { url: ready.urls.police!, auth: ready.tokens.dashboard!, body: () => json(indicatorsOp, indicatorsVars) },
    'indicators-gw': { url: ready.urls.gateway!, auth: ready.tokens.dashboard!, body: () => json(indicatorsOp, indicatorsVars) },
    'counts-gw': { url: ready.urls.gateway!, auth: ready.tokens.leadership!, body: () => json(counts, { unit: BINH_THUAN, period: '2021-PLAN-Y' }) },
    'counts75-gw': {
      url: ready.urls.gateway!,
      auth: ready.tokens.leadership!,
      body: (i) => json(counts, { unit: communes[i % communes.length], period: '2025-PLAN-Y' }),
    },
    'children-gw': { url: ready.urls.gateway!, auth: ready.tokens.leadership!, body: () => json(children, { unit: PROVINCE, period: '2025-PLAN-Y' }) },
    rows: { url: ready.urls.women!, auth: ready.tokens.women!, body: () => json(rows) },
    'reports-gw': {
      url: ready.urls.gateway!,
      auth: ready.tokens.womenDistrict!,
      body: () => json(reports, { u: acceptedCommune }),
      check: (text) => {
        if (!text.includes('"ACCEPTED"')) throw new Error(`reports-gw: no accepted report in ${text.slice(0, 200)}`);
      },
    },
    'rows-gw': { url: ready.urls.gateway!, auth: ready.tokens.women!, body: () => json(rows) },
    create: { url: ready.urls.women!, auth: ready.tokens.women!, body: (i) => json(record, { input: { ...activity, topic: `Tuyên truyền ${i}` } }) },
    'create-gw': { url: ready.urls.gateway!, auth: ready.tokens.women!, body: (i) => json(record, { input: { ...activity, topic: `Tuyên truyền ${i}` } }) },
    'create-ref': { url: ready.urls.women!, auth: ready.tokens.women!, body: (i) => json(recordModel, { input: { ...model, name: `Tổ tự quản ${i}` } }) },
    'create-ref-gw': { url: ready.urls.gateway!, auth: ready.tokens.women!, body: (i) => json(recordModel, { input: { ...model, name: `Tổ tự quản ${i}` } }) },
    // The dashboard's own operation (each organization's counts and their basis), the 75 communes in rotation.
    'dashboard75-gw': {
      url: ready.urls.gateway!,
      auth: ready.tokens.leadership!,
      body: (i) => json(dashboardCounts, { unit: communes[i % communes.length], period: '2025-PLAN-Y' }),
    },
    // One organization's part of that operation as the gateway fetches it: `_entities` of the unit, sent to the women's subgraph.
    'counts75-women': {
      url: ready.urls.women!,
      auth: ready.tokens.leadership!,
      headers: { [GATEWAY_HEADER]: testGatewaySecret('women') },
      body: (i) => json(unitCounts, { r: [{ __typename: 'Unit', id: communes[i % communes.length] }], period: '2025-PLAN-Y' }),
      check: (text) => {
        const got = (JSON.parse(text) as { data: { _entities: ({ women: { activityCountsBasis: { kind: string } } } | null)[] } }).data._entities;
        if (got.length !== 1 || !got[0]?.women.activityCountsBasis.kind) throw new Error('counts75-women: no counts for the unit');
      },
    },
  };
  try {
    for (const name of wanted.length ? wanted : Object.keys(scenarios)) {
      const s = scenarios[name];
      if (!s) throw new Error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
      await load(name, s, name === 'children-gw' ? Math.max(seconds, 10) : seconds, name === 'children-gw' ? 1 : clients);
    }
  } finally {
    child.send('stop');
    agent.destroy();
  }
}

const at = process.argv.indexOf('--serve');
if (at >= 0) await serve(process.argv[at + 1]);
else await main();
