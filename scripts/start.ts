/**
 * `pnpm start`: the whole federation with demo data on the embedded default. Starts the nine subgraphs
 * and then the gateway, each as its own process (as they would run in production), waits until each is
 * healthy, and prints the URLs and how to get a token. Ctrl-C stops everything.
 *
 * First start creates .data/ (keys and one SQLite file per organization, migrated, with demo data);
 * later starts keep it.
 *
 * `pnpm start:built` does the same from the production build (`pnpm build` first): each service runs
 * with plain `node --conditions=antt-build <package>/dist/index.js` instead of through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoUsers, loadOrCreateSigningKey, signToken } from '@antt/auth';
import { ORGANIZATION_IDS } from '@antt/reference';
import { buildPages } from './build-pages.js';
import { GATEWAY_DEFAULT_PORT, REPO_ROOT, dataDir, defaultPort, gatewaySecrets, keysDir, subgraphUrlVariable } from '@antt/subgraph-kit';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const built = process.argv.includes('--built');
/** A service's entry point: its TypeScript source, or with --built its compiled dist/index.js. */
const entry = (pkg: string) => join(REPO_ROOT, pkg, built ? 'dist' : 'src', built ? 'index.js' : 'index.ts');
const host = process.env.HOST ?? '127.0.0.1';
const gatewayPort = Number(process.env.PORT ?? GATEWAY_DEFAULT_PORT);
const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, built ? ['--conditions=antt-build', script] : ['--import', tsx, script], {
    env: { ...process.env, ...env, HOST: host, APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    // Ctrl-C reaches every process of the terminal's group at once: a child may stop before we do.
    const interrupted = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
    if (!stopping && !interrupted) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

async function waitHealthy(name: string, url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let delay = 100; Date.now() < until; delay = Math.min(delay * 2, 1000)) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was healthy.`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new Error(`${name} was not healthy after ${timeoutMs / 1000} s (${url}).`);
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map(
        (c) =>
          new Promise<void>((r) => {
            c.once('exit', () => r());
            c.kill('SIGTERM');
          }),
      ),
  );
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  if (built && !existsSync(entry('gateway'))) throw new Error('No production build: run `pnpm build` first.');
  const key = await loadOrCreateSigningKey(keysDir());
  gatewaySecrets(); // created once here, before ten processes race to create them
  console.log(`Data directory: ${dataDir()}`);
  const urls: Record<string, string> = {};
  await Promise.all(
    ORGANIZATION_IDS.map(async (org) => {
      const port = defaultPort(org);
      urls[subgraphUrlVariable(org)] = `http://${host}:${port}/graphql`;
      const child = run(org, entry(join('subgraphs', org)), { PORT: String(port) });
      await waitHealthy(org, `http://${host}:${port}/health`, child);
    }),
  );
  // The pages the gateway serves under /app (skipped when already built from the same sources).
  buildPages();
  // Demo mode: the pages offer the demo users (the gateway refuses this in production).
  const gw = run('gateway', entry('gateway'), { ...urls, PORT: String(gatewayPort), ANTT_DEMO: '1' });
  await waitHealthy('gateway', `http://${host}:${gatewayPort}/health`, gw);
  const leadership = demoUsers().find((u) => u.key === 'leadership')!;
  const token = await signToken(key, leadership.identity);
  console.log(`
antt-graph is running.
  Gateway (province-wide graph): http://${host}:${gatewayPort}/graphql
  Pages: leadership dashboard http://${host}:${gatewayPort}/app/ · public page /app/cong-khai/ · GraphQL explorer /app/kham-pha/
  Registered operations (manifest): http://${host}:${gatewayPort}/operations.json
${ORGANIZATION_IDS.map((o) => `  ${o.padEnd(9)} subgraph:          http://${host}:${defaultPort(o)}/graphql`).join('\n')}

Every request needs a token. Tokens for each kind of demo user: pnpm tokens
A provincial leadership token, valid 12 hours:
${token}

Try:
  curl -s http://${host}:${gatewayPort}/graphql -H 'content-type: application/json' -H "authorization: Bearer <token>" \\
    -d '{"query":"{ unit(id: \\"commune:03724@2025\\") { name women { activityCounts(periodId: \\"2021-PLAN-Y\\") { type count } } } }"}'

Press Ctrl-C to stop.`);
} catch (e) {
  console.error((e as Error).message);
  await stopAll(1);
}
