/**
 * How an organization's subgraph is put together. Every subgraph is the same shape: the shared
 * reference module, the activities module generated for the organization, and the organization's own
 * schema.graphql and resolvers. A new organization joins by adding one folder that calls this.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { Identity, TokenVerifier } from '@antt/auth';
import { todayInVietnam, type OrganizationId } from '@antt/reference';
import { referenceResolvers, referenceTypeDefs } from './reference-schema.js';
import { activityTypeDefs, sharedActivityTypeDefs } from './activities/schema.js';
import { activityResolvers } from './activities/resolvers.js';
import { seedDemoActivities } from './activities/demo.js';
import { meta } from './activities/table.js';
import { createContext, type SubgraphContext } from './context.js';
import { openDatabase, type Db, type OpenedDatabase } from './db.js';
import { dataDir, defaultPort, portFromEnv, verifierFromEnv } from './config.js';
import { formatError, includeStacktrace, serve, type RunningServer } from './http.js';
import { eq } from 'drizzle-orm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolver maps are heterogeneous by nature
type Resolvers = GraphQLResolverMap<any>;

/** A part of a subgraph's schema, with the demo data that goes with it. */
export interface SubgraphModule {
  typeDefs: DocumentNode;
  resolvers: Resolvers;
  /** Names the module's demo data in `meta`, so that it is loaded once per database (required with `demo`). */
  name?: string;
  /** Inserts the module's demo data (seeded, reproducible, up to `today`); returns how many rows. */
  demo?: (db: Db, org: OrganizationId, today: string) => number;
}

export interface OrganizationSubgraph {
  /** The organization, also the subgraph's name in the supergraph and its folder name. */
  name: OrganizationId;
  /** Every module of the schema, shared ones first. */
  modules: SubgraphModule[];
  /** The subgraph's committed drizzle migrations. */
  migrationsFolder: string;
  /** Builds the executable subgraph schema. */
  schema(): GraphQLSchema;
}

export interface DefineOptions {
  org: OrganizationId;
  /** The subgraph's folder (new URL('..', import.meta.url) from src/subgraph.ts). */
  root: URL;
  /** The organization's own resolvers, for the types in its schema.graphql. */
  resolvers?: Resolvers;
  /**
   * Shared modules from packages/ that this organization uses (a record shape several organizations
   * keep, each in its own database), added after the activities module and before its own schema.
   */
  modules?: SubgraphModule[];
  /** Demo data of the organization's own records (those of its schema.graphql). */
  demo?: SubgraphModule['demo'];
}

export function defineOrganizationSubgraph({ org, root, resolvers, modules: shared = [], demo }: DefineOptions): OrganizationSubgraph {
  const dir = fileURLToPath(root);
  const modules: OrganizationSubgraph['modules'] = [
    { typeDefs: referenceTypeDefs, resolvers: referenceResolvers as Resolvers },
    { typeDefs: sharedActivityTypeDefs, resolvers: {} },
    { typeDefs: activityTypeDefs(org), resolvers: activityResolvers(org) as Resolvers },
    ...shared,
  ];
  const own = join(dir, 'schema.graphql');
  const ownSdl = existsSync(own) ? readFileSync(own, 'utf8') : '';
  // A schema.graphql of comments only (an organization with nothing of its own yet) adds no module.
  if (ownSdl.replace(/#.*$/gm, '').trim()) modules.push({ typeDefs: gql(ownSdl), resolvers: resolvers ?? {}, ...(demo ? { name: org, demo } : {}) });
  let built: GraphQLSchema | undefined;
  return {
    name: org,
    modules,
    migrationsFolder: join(dir, 'drizzle'),
    schema: () => (built ??= buildSubgraphSchema(modules)),
  };
}

/** Opens (creating and migrating on first start) the organization's database; loads demo data once. */
export function openOrganizationDatabase(sg: OrganizationSubgraph, opts: { file?: string; demo?: boolean; today?: string } = {}): OpenedDatabase & { seeded: number } {
  const file = opts.file ?? join(dataDir(), `${sg.name}.sqlite`);
  const opened = openDatabase({ file, migrationsFolder: sg.migrationsFolder, create: true });
  let seeded = 0;
  if (opts.demo) seeded = loadDemoDataOnce(opened.db, sg.name, opts.today ?? todayInVietnam(), sg.modules);
  return { ...opened, seeded };
}

/** Demo data goes in once per database, remembered in `meta`, so a restart keeps users' own changes. */
export function loadDemoDataOnce(db: Db, org: OrganizationId, today: string, modules: readonly SubgraphModule[] = []): number {
  let n = 0;
  if (!db.select().from(meta).where(eq(meta.key, 'demo_loaded_at')).get()) {
    n += seedDemoActivities(db, org, today);
    db.insert(meta).values({ key: 'demo_loaded_at', value: new Date().toISOString() }).run();
  }
  // Each module's demo data is remembered under its own key, so that a module added later still gets its
  // demo data in a database made before it; data and key go in one transaction.
  for (const m of modules) {
    const key = `demo_loaded_at:${m.name}`;
    if (!m.demo || !m.name || db.select().from(meta).where(eq(meta.key, key)).get()) continue;
    n += db.transaction((tx) => {
      const rows = m.demo!(tx as unknown as Db, org, today);
      tx.insert(meta).values({ key, value: new Date().toISOString() }).run();
      return rows;
    });
  }
  return n;
}

/** Apollo settings every subgraph server uses, in production and in tests alike. */
export function subgraphApolloConfig(sg: OrganizationSubgraph) {
  return {
    schema: sg.schema(),
    includeStacktraceInErrorResponses: includeStacktrace,
    formatError,
    // Inline tracing (ftv1) costs CPU on every request and only serves Apollo's hosted service.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  };
}

export interface StartOptions {
  db: Db;
  verifier: TokenVerifier;
  port?: number;
  host?: string;
}

/** Starts the subgraph's HTTP server; every request must carry a token it verifies itself. */
export async function startSubgraph(sg: OrganizationSubgraph, opts: StartOptions): Promise<RunningServer> {
  return serve<SubgraphContext>({
    port: opts.port ?? 0,
    host: opts.host,
    apollo: (drain) => {
      const config = subgraphApolloConfig(sg);
      return new ApolloServer<SubgraphContext>({ ...config, plugins: [...config.plugins, drain] });
    },
    context: async (req) => contextFor(sg, opts.db, await opts.verifier(req.headers.authorization)),
    health: () => ({ subgraph: sg.name }),
  });
}

export function contextFor(sg: OrganizationSubgraph, db: Db, identity: Identity): SubgraphContext {
  return createContext(sg.name, db, identity);
}

/** Entry point of `subgraphs/<org>/src/index.ts`: configuration from the environment, then listen. */
export async function runSubgraph(sg: OrganizationSubgraph): Promise<void> {
  const demo = process.env.ANTT_DEMO_DATA !== '0';
  const { db, sqlite, seeded } = openOrganizationDatabase(sg, { file: process.env.ANTT_DB_FILE, demo });
  const server = await startSubgraph(sg, { db, verifier: await verifierFromEnv(), port: portFromEnv(defaultPort(sg.name)), host: process.env.HOST });
  console.log(`[${sg.name}] listening on ${server.url}${seeded ? ` (loaded ${seeded} demo activities)` : ''}`);
  const shutdown = async () => {
    await server.stop();
    sqlite.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
