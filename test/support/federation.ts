/**
 * The whole federation in one test process: nine subgraphs, each with its own in-memory database, and
 * the gateway, every server on port 0. Tokens are signed with a key made for this test run.
 */
import { openOrganizationDatabase, startSubgraph, type OpenedDatabase, type RunningServer, type StartOptions } from '@antt/subgraph-kit';
import { startGateway, SUBGRAPHS } from '@antt/gateway';
import { bearer, testServiceKey, testVerifier } from '@antt/testing';
import { createServiceVerifier, demoUsers, signServiceToken, type Identity } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import { ownLoopbackAddress } from './loopback.js';

export interface Federation {
  gateway: RunningServer;
  /** Each organization's database, to look at what was stored (audit trails included). */
  databases: Record<OrganizationId, OpenedDatabase['sqlite']>;
  /** The same databases as the subgraphs use them (drizzle), for the kit's own functions. */
  dbs: Record<OrganizationId, OpenedDatabase['db']>;
  subgraphs: Record<OrganizationId, RunningServer>;
  /** Starts a stopped subgraph again on its address and port, over the same database (outage tests). */
  restart(org: OrganizationId): Promise<void>;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export const TEST_GATEWAY_SECRET = 'test-gateway-secret-not-for-production';

/** Each subgraph's own secret in tests: one subgraph's secret opens no other. */
export const testGatewaySecret = (org: OrganizationId) => `${TEST_GATEWAY_SECRET}-${org}`;
export const TEST_GATEWAY_SECRETS = Object.fromEntries(SUBGRAPHS.map((sg) => [sg.name, testGatewaySecret(sg.name)])) as Record<OrganizationId, string>;

export async function startFederation(
  opts: {
    demo?: boolean;
    onSubgraphCall?: (name: string) => void;
    rateLimitPerMinute?: number;
    unauthenticatedPerMinute?: number;
    gatewayAuditFile?: string;
    recheckMs?: number;
    /** Offer the demo users' tokens to the pages (as `pnpm start` does), signed with the test key. */
    demoUsers?: boolean;
    /** How often the gateway reads each subgraph's report watermark (default ANTT_REPORT_PROBE_MS or 5 s). */
    reportProbeMs?: number;
    /** Kept answers about approved versions serve fresh reads (gateway default: on). */
    approvedAnswers?: boolean;
  } = {},
): Promise<Federation> {
  const verifier = await testVerifier();
  // An address of its own, so that a stopped subgraph's port stays free for it (loopback.ts).
  const host = await ownLoopbackAddress();
  const subgraphs = {} as Record<OrganizationId, RunningServer>;
  // References between organizations: each subgraph asks the others with a service token of its own.
  // Services sign with a key set of their own: a user's key verifies no service token, nor the reverse.
  const key = await testServiceKey();
  const serviceVerifier = createServiceVerifier({ jwks: { keys: [key.publicJwk] } });
  const references = (org: OrganizationId): StartOptions['references'] => {
    // One token for four minutes (they last five), as referencesFromEnv keeps it in production: signing
    // one per question imported the private key every time, a third of a reference check's CPU here.
    let kept: { token: string; until: number } | null = null;
    const token = async () => {
      if (kept && kept.until > Date.now()) return kept.token;
      return (kept = { token: await signServiceToken(key, org), until: Date.now() + 240_000 }).token;
    };
    return { verify: serviceVerifier, recheckMs: opts.recheckMs ?? 3_600_000, client: { ownerUrl: (o) => subgraphs[o]?.url, token, timeoutMs: 2_000 } };
  };
  const databases = {} as Record<OrganizationId, OpenedDatabase['sqlite']>;
  const closers: (() => void)[] = [];
  const dbs = {} as Record<OrganizationId, OpenedDatabase['db']>;
  await Promise.all(
    SUBGRAPHS.map(async (sg) => {
      const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: opts.demo ?? false });
      closers.push(() => sqlite.close());
      databases[sg.name] = sqlite;
      dbs[sg.name] = db;
      subgraphs[sg.name] = await startSubgraph(sg, {
        db,
        verifier,
        gatewaySecret: testGatewaySecret(sg.name),
        host,
        port: 0,
        references: references(sg.name),
      });
    }),
  );
  const gateway = await startGateway({
    verifier,
    port: 0,
    gatewaySecret: TEST_GATEWAY_SECRETS,
    auditFile: opts.gatewayAuditFile ?? ':memory:',
    rateLimitPerMinute: opts.rateLimitPerMinute,
    unauthenticatedPerMinute: opts.unauthenticatedPerMinute,
    onSubgraphCall: opts.onSubgraphCall,
    reportProbeMs: opts.reportProbeMs,
    approvedAnswers: opts.approvedAnswers,
    demoUsers: opts.demoUsers
      ? async () =>
          Promise.all(
            demoUsers().map(async (u) => ({ key: u.key, label: `${u.identity.name} (${u.key})`, token: (await bearer(u.identity)).replace(/^Bearer /, '') })),
          )
      : undefined,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([k, v]) => [k, v.url])),
  });
  const restart = async (org: OrganizationId) => {
    const sg = SUBGRAPHS.find((s) => s.name === org)!;
    subgraphs[org] = await startSubgraph(sg, {
      db: dbs[org],
      verifier,
      gatewaySecret: testGatewaySecret(org),
      host,
      port: subgraphs[org].port,
      references: references(org),
    });
  };
  const stop = async () => {
    await gateway.stop();
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    closers.forEach((c) => c());
  };
  return { gateway, subgraphs, databases, dbs, restart, stop, [Symbol.asyncDispose]: stop };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs an operation as `who` (an identity, a raw Authorization value, or nobody). */
export async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  who?: Identity | string,
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.authorization = typeof who === 'string' ? who : await bearer(who);
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}
