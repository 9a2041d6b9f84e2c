/**
 * Services as real processes, for the fault tests: each subgraph or the gateway is started the way
 * `pnpm start` starts it (node --import tsx <its index.ts>), so it can be killed with SIGKILL, stopped
 * with SIGSTOP, or put in a network namespace of its own. Everything lives under a temporary data
 * directory (keys, databases); tokens are signed with that directory's key, which the services verify.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity, SigningKey, TokenVerifier } from '@antt/auth';
import { SUBGRAPHS } from '@antt/gateway';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import { REPO_ROOT, gatewaySecretVariable, openOrganizationDatabase, startSubgraph, subgraphUrlVariable, type RunningServer } from '@antt/subgraph-kit';
import { bearer, testKey, testVerifier } from '@antt/testing';
import { TEST_GATEWAY_SECRETS, testGatewaySecret } from '../../support/federation.js';
import { processLoopbackAddress } from '../../support/loopback.js';

const tsx = createRequire(import.meta.url).resolve('tsx');

/** Each subgraph's gateway secret: the end-to-end tests' own, so processes and in-process servers mix. */
export const faultSecret = testGatewaySecret;
export const FAULT_SECRETS = TEST_GATEWAY_SECRETS;
/** A URL where nothing listens: organizations a test does not start answer "connection refused". */
export const NOWHERE = 'http://127.0.0.1:9/graphql';

export interface DataDir {
  dir: string;
  key: SigningKey;
  verifier: TokenVerifier;
  /** An Authorization header value for `who`, signed with this directory's key (the tests' key). */
  bearer(who: Identity): Promise<string>;
  remove(): void;
}

export async function makeDataDir(prefix: string): Promise<DataDir> {
  const dir = mkdtempSync(join(tmpdir(), `antt-${prefix}-`));
  // The tests' signing key, where the services look for the embedded default's (auth's keys.ts):
  // tokens from @antt/testing work on processes and in-process servers alike.
  const key = await testKey();
  mkdirSync(join(dir, 'keys'), { mode: 0o700 });
  writeFileSync(join(dir, 'keys', 'signing-key.json'), JSON.stringify(key), { mode: 0o600 });
  writeFileSync(join(dir, 'keys', 'jwks.json'), JSON.stringify({ keys: [key.publicJwk] }));
  return {
    dir,
    key,
    verifier: await testVerifier(),
    bearer,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export { freePort } from '../../support/loopback.js';

export interface ServiceProcess {
  name: string;
  /** http://host:port/graphql */
  url: string;
  /** http://host:port */
  base: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** Resolves once the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL (if still running), and wait for the exit. */
  kill(): Promise<void>;
}

export interface StartOptions {
  data: DataDir;
  host?: string;
  port: number;
  /** Network namespace to run it in (`ip netns exec`). */
  netns?: string;
  env?: Record<string, string>;
  /** How long to wait for /health (ms). Starting under tsx takes 3 s on an idle two-core machine, 30 s to over 3 minutes with load averages of 37 to 72 (seen). */
  healthyWithinMs?: number;
}

async function startService(name: string, script: string, opts: StartOptions): Promise<ServiceProcess> {
  const host = opts.host ?? (await processLoopbackAddress());
  const command = opts.netns ? 'ip' : process.execPath;
  const args = ['--import', tsx, script];
  const child = spawn(command, opts.netns ? ['netns', 'exec', opts.netns, process.execPath, ...args] : args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...FAULT_SECRET_ENV,
      ANTT_DATA_DIR: opts.data.dir,
      HOST: host,
      PORT: String(opts.port),
      APOLLO_TELEMETRY_DISABLED: '1',
      ANTT_LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://${host}:${opts.port}`;
  const service: ServiceProcess = {
    name,
    url: `${base}/graphql`,
    base,
    child,
    output: () => out,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return waitHealthy(service, opts.healthyWithinMs ?? 400_000).then(() => service);
}

const FAULT_SECRET_ENV = Object.fromEntries(ORGANIZATION_IDS.map((o) => [gatewaySecretVariable(o), faultSecret(o)]));

async function waitHealthy(s: ServiceProcess, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) throw new Error(`${s.name} exited before it was healthy:\n${s.output()}`);
    try {
      if ((await fetch(`${s.base}/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await s.kill();
  throw new Error(`${s.name} was not healthy within ${withinMs} ms:\n${s.output()}`);
}

/** One organization's subgraph as its own process, on `file` (created and migrated on first start). */
export function startSubgraphProcess(org: OrganizationId, opts: StartOptions & { file: string; demo?: boolean; synchronous?: 'NORMAL' | 'FULL' }) {
  return startService(org, join(REPO_ROOT, 'subgraphs', org, 'src', 'index.ts'), {
    ...opts,
    env: {
      ANTT_DB_FILE: opts.file,
      ANTT_DEMO_DATA: opts.demo ? '1' : '0',
      ...(opts.synchronous ? { ANTT_SQLITE_SYNCHRONOUS: opts.synchronous } : {}),
      ...opts.env,
    },
  });
}

/** The gateway as its own process; organizations missing from `urls` point where nothing listens. */
export function startGatewayProcess(urls: Partial<Record<OrganizationId, string>>, opts: StartOptions) {
  const env = Object.fromEntries(ORGANIZATION_IDS.map((o) => [subgraphUrlVariable(o), urls[o] ?? NOWHERE]));
  return startService('gateway', join(REPO_ROOT, 'gateway', 'src', 'index.ts'), { ...opts, env: { ...env, ...opts.env } });
}

/** Subgraph URLs for an in-process gateway: the given ones, and nowhere for the rest. */
export const urlsOrNowhere = (urls: Partial<Record<OrganizationId, string>>) =>
  Object.fromEntries(ORGANIZATION_IDS.map((o) => [o, urls[o] ?? NOWHERE])) as Record<OrganizationId, string>;

/**
 * The fault tests that start several processes run only with ANTT_FAULTS=1 (`pnpm faults`), to keep
 * the whole test command's time reasonable; without it they are skipped with this message.
 */
export const HEAVY = process.env.ANTT_FAULTS === '1';
export function heavyOnly(name: string): boolean {
  if (!HEAVY) console.warn(`[${name}] skipped: it starts several service processes; run it with ANTT_FAULTS=1 (pnpm faults).`);
  return !HEAVY;
}

/** Subgraphs in this process, on empty in-memory databases, listening on `host`: the rest of a federation. */
export async function startInProcess(orgs: OrganizationId[], host = '127.0.0.1') {
  const verifier = await testVerifier();
  const started = await Promise.all(
    orgs.map(async (org) => {
      const sg = SUBGRAPHS.find((s) => s.name === org)!;
      const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: false });
      const server = await startSubgraph(sg, { db, verifier, gatewaySecret: faultSecret(org), port: 0, host });
      return { org, server, sqlite };
    }),
  );
  return {
    urls: Object.fromEntries(started.map((s) => [s.org, s.server.url])) as Partial<Record<OrganizationId, string>>,
    servers: Object.fromEntries(started.map((s) => [s.org, s.server])) as Partial<Record<OrganizationId, RunningServer>>,
    stop: async () => {
      await Promise.all(started.map((s) => s.server.stop()));
      for (const s of started) s.sqlite.close();
    },
  };
}
