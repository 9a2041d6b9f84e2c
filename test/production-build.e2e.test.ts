/**
 * The production build (scripts/build.ts): the gateway and a subgraph run with plain `node` from their
 * dist/ and answer a query through the gateway; production mode without keys or secrets refuses to start
 * with a message naming each missing variable; a database migrated by newer code is refused.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateSigningKey, signToken } from '@antt/auth';
import { cellKey } from '@antt/disclosure';
import { ORGANIZATION_IDS } from '@antt/reference';
import { leadership } from '@antt/testing';
import { build, importsOf, ROOT } from '../scripts/build.js';

/** What a service started by an operator sees: no vitest variables (they silence the logs), only what is set here. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, APOLLO_TELEMETRY_DISABLED: '1', ANTT_LOG_LEVEL: 'info', ...extra };
}

interface Started {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<{ code: number | null; stderr: string; stdout: string }>;
}

/** `node --conditions=antt-build <entry>`: resolves the URL from the service's "listening" log line. */
function startService(entry: string, env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, ['--conditions=antt-build', join(ROOT, entry)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/"url":"(http:\/\/[^"]+)"[^\n]*"msg":"listening"/);
      if (m) resolve(m[1]!);
    });
    void exit.then(({ code }) => reject(new Error(`${entry} exited (${code}) before listening: ${stderr}`)));
  });
  url.catch(() => {});
  return { child, url, exit };
}

// Each test starts Node processes that load the whole server: seconds on an idle machine, much more on a
// loaded shared one.
const SLOW = 240_000;

let dir: string;
let buildMs = 0;
const running: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'antt-build-'));
  const r = await build();
  buildMs = r.ms;
}, SLOW);
afterAll(() => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('compiles every service, and the gateway imports none of the subgraphs', () => {
    expect(buildMs).toBeGreaterThan(0);
    for (const entry of ['gateway/dist/index.js', ...ORGANIZATION_IDS.map((o) => `subgraphs/${o}/dist/index.js`)])
      expect(existsSync(join(ROOT, entry))).toBe(true);
    // What a service needs besides code sits next to its dist/, where the code looks for it.
    for (const f of [
      'gateway/supergraph.graphql',
      'gateway/drizzle/meta/_journal.json',
      'subgraphs/police/drizzle/meta/_journal.json',
      'packages/documents/fonts',
    ])
      expect(existsSync(join(ROOT, f))).toBe(true);
    const gatewayFiles = readdirSync(join(ROOT, 'gateway', 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const organizations = new Set(ORGANIZATION_IDS.map((o) => `@antt/${o}`));
    const imported = gatewayFiles.flatMap((f) => importsOf(readFileSync(join(ROOT, 'gateway', 'dist', f), 'utf8')));
    expect(imported).toContain('@antt/subgraph-kit');
    expect(imported.filter((s) => organizations.has(s))).toEqual([]);
    // No package that ships declares a test tool among its run-time dependencies.
    for (const pkg of ['gateway', 'packages/testing', 'packages/casework', ...ORGANIZATION_IDS.map((o) => `subgraphs/${o}`)]) {
      const deps = Object.keys((JSON.parse(readFileSync(join(ROOT, pkg, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {});
      expect(
        deps.filter((d) => d === 'vitest' || d === '@antt/testing' || d === 'tsx'),
        pkg,
      ).toEqual([]);
    }
  });

  it(
    'renders a document in a worker thread from the build, the renderers never loaded in the service itself',
    () => {
      // As the built service calls it: packages/subgraph-kit/dist, plain node under the antt-build condition;
      // the report is built from six-month-report.js alone, which loads no renderer.
      const built = (pkg: string, file: string) => JSON.stringify(pathToFileURL(join(ROOT, 'packages', pkg, 'dist', file)).href);
      const script = `
        import { createRequire } from 'node:module';
        import { renderDocumentFile } from ${built('subgraph-kit', 'reports/document.js')};
        import { buildSixMonthReport, demoSixMonthFigures } from ${built('documents', 'six-month-report.js')};
        const f = await renderDocumentFile(buildSixMonthReport(demoSixMonthFigures('front')), 'PDF', 'Báo cáo 6 tháng');
        const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /[\\/](pdfmake|pdfkit|fontkit)[\\/]/.test(k));
        console.log(JSON.stringify({ head: Buffer.from(f.base64, 'base64').subarray(0, 5).toString(), fileName: f.fileName, byteLength: f.byteLength, loaded }));`;
      writeFileSync(join(dir, 'render.mjs'), script);
      const r = spawnSync(process.execPath, ['--conditions=antt-build', join(dir, 'render.mjs')], {
        env: cleanEnv({}),
        encoding: 'utf8',
        timeout: SLOW,
      });
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { head: string; fileName: string; byteLength: number; loaded: string[] };
      expect(out.head).toBe('%PDF-');
      expect(out.fileName).toBe('bao-cao-6-thang.pdf');
      expect(out.byteLength).toBeGreaterThan(10_000);
      expect(out.loaded).toEqual([]);
    },
    SLOW,
  );

  it(
    'searches disclosure patterns in a child process from the build, which lets the service exit once idle',
    () => {
      // As a built subgraph calls it: ServedPatterns' default solver, with plain node under the antt-build condition.
      const built = JSON.stringify(pathToFileURL(join(ROOT, 'packages', 'disclosure', 'dist', 'index.js')).href);
      const script = `
        import { canStartSolverProcess, cellKey, defaultSolver, SolverProcess } from ${built};
        const dims = (u) => ({ family: 'victims', measure: 'total', unitId: u, map: 'PERIOD', periodId: '2024-PLAN-Y', version: 'current' });
        const truth = [1, 6, 9];
        const cells = [['A', [0]], ['B', [1]], ['C', [2]], ['D', [0, 1, 2]]].map(([u, vars]) => ({ key: cellKey(dims(u)), dims: dims(u), vars, value: vars.reduce((s, v) => s + truth[v], 0) }));
        const solver = new SolverProcess();
        const hidden = await solver.solve({ cells, truth, bounds: [] }, { threshold: 5, protection: 1 });
        console.log(JSON.stringify({ canStart: canStartSolverProcess(), isDefault: typeof defaultSolver() === 'function', hidden: [...hidden].sort(), inChild: solver.lastPid !== process.pid, running: solver.running }));`;
      writeFileSync(join(dir, 'solve.mjs'), script);
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--conditions=antt-build', join(dir, 'solve.mjs')], { env: cleanEnv({}), encoding: 'utf8', timeout: SLOW });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { canStart: boolean; isDefault: boolean; hidden: string[]; inChild: boolean; running: boolean };
      expect(out).toMatchObject({ canStart: true, isDefault: true, inChild: true, running: true });
      expect(out.hidden).toContain(cellKey({ family: 'victims', measure: 'total', unitId: 'A', map: 'PERIOD', periodId: '2024-PLAN-Y', version: 'current' }));
      expect(out.hidden.length).toBeGreaterThan(1);
      // The idle child (it stays 30 s) kept the script from exiting no longer than the search itself.
      expect(performance.now() - t).toBeLessThan(25_000);
    },
    SLOW,
  );

  it(
    'runs a subgraph and the gateway with plain node, answers a query through the gateway and stops with exit code 0',
    async () => {
      const data = join(dir, 'dev');
      const police = startService('subgraphs/police/dist/index.js', cleanEnv({ ANTT_DATA_DIR: data, PORT: '0', ANTT_DEMO_DATA: '0' }));
      running.push(police.child);
      const policeUrl = await police.url;
      // The other organizations are down (nothing listens on port 9): the gateway starts anyway.
      const urls = Object.fromEntries(ORGANIZATION_IDS.map((o) => [`ANTT_${o.toUpperCase()}_URL`, o === 'police' ? policeUrl : 'http://127.0.0.1:9/graphql']));
      const gateway = startService('gateway/dist/index.js', cleanEnv({ ANTT_DATA_DIR: data, PORT: '0', ...urls }));
      running.push(gateway.child);
      const gatewayUrl = await gateway.url;
      const token = await signToken(await loadOrCreateSigningKey(join(data, 'keys')), leadership());
      const res = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        // A field only the police answers (the criteria sets are in its code, so no demo data is needed).
        body: JSON.stringify({ query: '{ policeCriteriaSets { id } }' }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data?: { policeCriteriaSets: { id: string }[] }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.policeCriteriaSets.map((c) => c.id)).toContain('TT124_2021:COMMUNE');
      // A count says its basis, as it does from the sources: the bundle once renamed graphql's classes and the
      // schema passes (figures' basis, data classes) skipped every type (packages/subgraph-kit/test/graphql-structural.test.ts).
      const counts = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ unit(id: "province:14") { police { opinionCounts(periodId: "2024-PLAN-Y") { total basis { kind } } } } }' }),
      });
      const countsBody = (await counts.json()) as {
        data?: { unit: { police: { opinionCounts: { total: number; basis: { kind: string } } } } };
        errors?: unknown;
      };
      expect(countsBody.errors).toBeUndefined();
      expect(countsBody.data?.unit.police.opinionCounts).toEqual({ total: 0, basis: { kind: 'LIVE' } });
      gateway.child.kill('SIGTERM');
      police.child.kill('SIGTERM');
      expect((await gateway.exit).code).toBe(0);
      expect((await police.exit).code).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses to start in production without keys and secrets, naming each variable and generating nothing',
    async () => {
      const data = join(dir, 'production');
      const gateway = startService('gateway/dist/index.js', cleanEnv({ ANTT_ENV: 'production', ANTT_DATA_DIR: data, PORT: '0' }));
      // A value given is never repeated in the message.
      const police = startService(
        'subgraphs/police/dist/index.js',
        cleanEnv({ ANTT_ENV: 'production', ANTT_DATA_DIR: data, PORT: '0', ANTT_DEMO_DATA: '1', ANTT_SQLITE_SYNCHRONOUS: 'full-please-xyzzy' }),
      );
      running.push(gateway.child, police.child);
      const [g, p] = await Promise.all([gateway.exit, police.exit]);
      expect(g.code).toBe(78);
      for (const v of ['ANTT_JWKS_URL', ...ORGANIZATION_IDS.map((o) => `ANTT_GATEWAY_SECRET_${o.toUpperCase()}`)]) expect(g.stderr).toContain(v);
      expect(g.stderr).not.toMatch(/^\s+at /m);
      expect(p.code).toBe(78);
      for (const v of ['ANTT_JWKS_URL', 'ANTT_GATEWAY_SECRET_POLICE', 'ANTT_SERVICE_KEY_FILE', 'ANTT_SQLITE_SYNCHRONOUS', 'ANTT_DEMO_DATA'])
        expect(p.stderr).toContain(v);
      expect(p.stderr).not.toContain('xyzzy');
      // Nothing was created: no key, no secret, no database.
      expect(existsSync(data)).toBe(false);
    },
    SLOW,
  );

  it(
    'refuses a database migrated by newer code, with exit code 65, and leaves it as it was',
    async () => {
      const data = join(dir, 'newer');
      const env = cleanEnv({ ANTT_DATA_DIR: data, PORT: '0', ANTT_DEMO_DATA: '0' });
      const first = startService('subgraphs/women/dist/index.js', env);
      running.push(first.child);
      await first.url;
      first.child.kill('SIGTERM');
      expect((await first.exit).code).toBe(0);
      const file = join(data, 'women.sqlite');
      const db = new Database(file);
      db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 86_400_000);
      const applied = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
      db.close();

      const second = startService('subgraphs/women/dist/index.js', env);
      const r = await second.exit;
      expect(r.code).toBe(65);
      expect(r.stderr).toContain('women.sqlite');
      expect(r.stderr).toContain('phiên bản phần mềm mới hơn');
      expect(r.stderr).not.toMatch(/^\s+at /m);
      const after = new Database(file, { readonly: true });
      expect((after.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(applied);
      after.close();
    },
    SLOW,
  );
});
