/**
 * `pnpm start`: the whole federation with demo data on the embedded default. Starts the nine subgraphs
 * and the gateway, each as its own process (as they would run in production), waits until each is
 * healthy, and prints the URLs and how to get a token. Ctrl-C stops everything.
 *
 * First start creates .data/ (keys and one SQLite file per organization, migrated, with demo data);
 * later starts keep it.
 *
 * `pnpm start:built` does the same from the production build (`pnpm build` first): each service runs
 * with plain `node --conditions=antt-build <package>/dist/index.js` instead of through tsx.
 *
 * A slow start is waited for as long as the service keeps logging (each subgraph logs one line per
 * phase of its start and per module of demo data); a service that exits, or writes nothing for
 * ANTT_START_SILENCE_S seconds (default 120) before it is healthy, stops everything with a message that
 * names it and says why (scripts/supervise.ts).
 *
 * Ctrl-C or SIGTERM sends each service SIGTERM; one still running ANTT_STOP_GRACE_S seconds later
 * (default 30) is killed with SIGKILL and named in the log, so that a stop never hangs.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoUsers, loadOrCreateSigningKey, signToken } from '@antt/auth';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import { buildPages } from './build-pages.js';
import { StartFailed, exitMessage, stopServices, waitHealthy, watch, type Watched } from './supervise.js';
// The settings and paths only: the whole subgraph-kit (Apollo, drizzle, express…) took 0.8 s to load through
// tsx before the first service was spawned, against 0.2 s for its configuration module (issue 17).
import { GATEWAY_DEFAULT_PORT, REPO_ROOT, dataDir, defaultPort, gatewaySecrets, keysDir, serviceRuntime, subgraphUrlVariable } from '@antt/subgraph-kit/config';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const built = process.argv.includes('--built');
/** A service's entry point: its TypeScript source, or with --built its compiled dist/index.js. */
const entry = (pkg: string) => join(REPO_ROOT, pkg, built ? 'dist' : 'src', built ? 'index.js' : 'index.ts');
const host = process.env.HOST ?? '127.0.0.1';
/**
 * ANTT_BASE_PORT moves the whole federation: the gateway on it, the nine subgraphs on the next nine ports
 * (two copies on one machine, the start benchmark). Without it: PORT (default 4000) and the default ports.
 */
const basePort = process.env.ANTT_BASE_PORT ? Number(process.env.ANTT_BASE_PORT) : undefined;
if (basePort !== undefined && !(Number.isInteger(basePort) && basePort > 0 && basePort < 65526)) {
  console.error('ANTT_BASE_PORT: phải là số cổng nhỏ hơn 65526 (must be a port number below 65526).');
  process.exit(1);
}
const gatewayPort = basePort ?? Number(process.env.PORT ?? GATEWAY_DEFAULT_PORT);
const subgraphPort = (org: OrganizationId) => (basePort === undefined ? defaultPort(org) : basePort + 1 + ORGANIZATION_IDS.indexOf(org));
const services: Watched[] = [];
let stopping = false;
/** Until every service is healthy, a failure is reported by the wait (naming the service), not by the exit handler. */
let started = false;

function run(name: string, script: string, env: Record<string, string>): Watched {
  // The process's settings (young generation, malloc arenas), the same as the benchmarks' (config.ts).
  const runtime = serviceRuntime(name);
  const child = spawn(process.execPath, [...runtime.execArgv, ...(built ? ['--conditions=antt-build', script] : ['--import', tsx, script])], {
    env: { ...process.env, ...runtime.env, ...env, HOST: host, APOLLO_TELEMETRY_DISABLED: '1' },
    // Piped and copied to ours, so that the wait sees the service's progress.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watch(name, child);
  child.on('exit', (code, signal) => {
    // Ctrl-C reaches every process of the terminal's group at once: a child may stop before we do.
    const interrupted = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
    if (!stopping && !interrupted && started) {
      console.error(exitMessage(watched));
      void stopAll(1);
    }
  });
  services.push(watched);
  return watched;
}

let stopped: Promise<never> | undefined;
/** Stops every service (once: a second call, e.g. a child's exit during the stop, waits for the first). */
function stopAll(code: number): Promise<never> {
  return (stopped ??= stopEverything(code));
}

async function stopEverything(code: number): Promise<never> {
  stopping = true;
  // A service that ignores SIGTERM (or hangs in its shutdown) is killed after the grace period, named.
  await stopServices(services);
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  if (built && !existsSync(entry('gateway'))) throw new Error('No production build: run `pnpm build` first.');
  const key = await loadOrCreateSigningKey(keysDir());
  gatewaySecrets(); // created once here, before ten processes race to create them
  console.log(`Data directory: ${dataDir()}`);
  // Every service is told every subgraph's URL: the gateway to route, the subgraphs to check references.
  const urls = Object.fromEntries(ORGANIZATION_IDS.map((org) => [subgraphUrlVariable(org), `http://${host}:${subgraphPort(org)}/graphql`]));
  // The pages the gateway serves under /app (skipped when already built from the same sources).
  buildPages();
  // The gateway starts with the subgraphs, not after them: it reads the committed supergraph and needs
  // no subgraph to start (one still starting is answered as unavailable), and its own start (about a
  // third of the whole on two cores) then overlaps theirs. Nothing is announced before all ten are healthy.
  // Demo mode: the pages offer the demo users (the gateway refuses this in production).
  const gw = run('gateway', entry('gateway'), { ...urls, PORT: String(gatewayPort), ANTT_DEMO: '1' });
  await Promise.all([
    ...ORGANIZATION_IDS.map(async (org) => {
      const port = subgraphPort(org);
      const service = run(org, entry(join('subgraphs', org)), { ...urls, PORT: String(port) });
      await waitHealthy(service, `http://${host}:${port}/health`);
    }),
    waitHealthy(gw, `http://${host}:${gatewayPort}/health`),
  ]);
  started = true;
  const leadership = demoUsers().find((u) => u.key === 'leadership')!;
  const token = await signToken(key, leadership.identity);
  console.log(`
antt-graph is running (started in ${(performance.now() / 1000).toFixed(1)} s).
  Gateway (province-wide graph): http://${host}:${gatewayPort}/graphql
  Pages: leadership dashboard http://${host}:${gatewayPort}/app/ · public page /app/cong-khai/ · GraphQL explorer /app/kham-pha/
  Registered operations (manifest): http://${host}:${gatewayPort}/operations.json
${ORGANIZATION_IDS.map((o) => `  ${o.padEnd(9)} subgraph:          http://${host}:${subgraphPort(o)}/graphql`).join('\n')}

Every request needs a token. Tokens for each kind of demo user: pnpm tokens
A provincial leadership token, valid 12 hours:
${token}

Try:
  curl -s http://${host}:${gatewayPort}/graphql -H 'content-type: application/json' -H "authorization: Bearer <token>" \\
    -d '{"query":"{ unit(id: \\"commune:03724@2025\\") { name women { activityCounts(periodId: \\"2021-PLAN-Y\\") { type count } } } }"}'

Press Ctrl-C to stop.`);
} catch (e) {
  // A service that failed is named (StartFailed); anything else is this script's own error.
  console.error(e instanceof StartFailed ? e.message : `pnpm start: ${(e as Error).message}`);
  await stopAll(1);
}
