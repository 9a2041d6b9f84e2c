/**
 * How an organization's subgraph is put together. Every subgraph is the same shape: the shared
 * reference module, the activities module generated for the organization, and the organization's own
 * schema.graphql and resolvers. A new organization joins by adding one folder that calls this.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { Identity, TokenVerifier } from '@antt/auth';
import { precomputePatterns, servedPatterns } from '@antt/disclosure';
import { todayInVietnam, type OrganizationId } from '@antt/reference';
import { referenceResolvers, referenceTypeDefs } from './reference-schema.js';
import { enforceDataClasses } from './data-class.js';
import { applyFiguresBasis } from './reports/basis-fields.js';
import { edgeApolloOptions, isProduction } from './edge.js';
import { boundResolvedFields } from './execution-bound.js';
import { auditRecordTypeDefs, auditResolvers, auditTypeDefs } from './audit-schema.js';
import { activityTypeDefs, sharedActivityTypeDefs } from './activities/schema.js';
import { activityResolvers } from './activities/resolvers.js';
import { seedDemoActivities } from './activities/demo.js';
import { meta } from './activities/table.js';
import { activityKind } from './activities/kind.js';
import { createContext, type RequestInfo, type SubgraphContext } from './context.js';
import { modelAndForumModules, type ModuleDemo } from './models-and-forums.js';
import { auditPlugin, RequestAudit } from './audit-plugin.js';
import { groupCommitOf, trailOf, writesInTransactions } from './writes.js';
import { federationGuardPlugin, GATEWAY_HEADER, isGatewaySecret, REQUEST_ID_HEADER } from './federation-guard.js';
import { openDatabase, sqliteOf, type Db, type OpenedDatabase } from './db.js';
import { Counter } from 'prom-client';
import { createMetrics, gaugeOf, log, startPhases, type StartPhases } from './observability.js';
import {
  ConfigurationError,
  dataDir,
  defaultPort,
  gatewaySecret,
  isProductionEnv,
  keysDir,
  loadSubgraphConfig,
  portFromEnv,
  startOrExit,
  subgraphUrlVariable,
  verifierFromEnv,
} from './config.js';
import { formatError, includeStacktrace, serve, verifiedCaller, type RunningServer } from './http.js';
import type { RouteStep } from './node-route.js';
import { startTracing, stopTracing, traceRootFields } from './tracing.js';
import { pagesRouter, SUBGRAPH_APP_DIST } from './pages.js';
import { eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { anchorTargetFromEnv, startAnchoring } from '@antt/audit';
import type { RecordKind } from './records/kind.js';
import { moveRecordsToTheirMap, type UnitMoves } from './records/unit-moves.js';
import { kindsModule } from './records/module.js';
import { reportModules } from './reports/index.js';
import { REPORT_WATERMARK_HEADER, reportWatermark } from './reports/watermark.js';
import { implementingPlanKind } from './plans/kind.js';
import { seedDemoImplementingPlans } from './plans/demo.js';
import express from 'express';
import { createServiceVerifier, KEY_FILES, loadOrCreateServiceKey, signServiceToken, type ServiceVerifier, type SigningKey } from '@antt/auth';
import { ORGANIZATION_IDS } from '@antt/reference';
import { referenceCheckPlugin, referenceEndpoint, referenceFields, ReferenceClient, type ReferenceClientOptions } from './references/check.js';
import { serviceEndpoint, ServiceClient, type ServiceAnswer } from './references/services.js';
import { noteExistingReferences, startRechecks, unverifiedReferencesResolvers, unverifiedReferencesTypeDefs } from './references/pending.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolver maps are heterogeneous by nature
export type Resolvers = GraphQLResolverMap<any>;

/** Merges resolver maps type by type (an organization's resolvers are split by record kind). */
export function mergeResolvers(...maps: object[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of maps) for (const [type, fields] of Object.entries(m)) out[type] = { ...out[type], ...(fields as Record<string, unknown>) };
  return out as Resolvers;
}

/**
 * A part of a subgraph's schema, with the demo data that goes with it: a ModuleDemo, or a seeding
 * function named by `name` (both are loaded once per database under `demo_loaded_at:<name>`).
 */
export interface SubgraphModule {
  /** None for a module whose types are all generated from its kinds. */
  typeDefs?: DocumentNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolver maps are heterogeneous by nature
  resolvers: Record<string, any>;
  name?: string;
  demo?: ModuleDemo | ((db: Db, org: OrganizationId, today: string) => number);
  /** Kinds of record the module keeps through the record framework (their types are generated with the organization's own). */
  kinds?: readonly RecordKind[];
}

function moduleDemo(m: SubgraphModule): ModuleDemo[] {
  if (!m.demo) return [];
  if (typeof m.demo !== 'function') return [m.demo];
  if (!m.name) throw new Error('A module with a demo seeding function needs a name.');
  return [{ name: m.name, seed: m.demo }];
}

export interface OrganizationSubgraph {
  /** The organization, also the subgraph's name in the supergraph and its folder name. */
  name: OrganizationId;
  /** Every module of the schema, shared ones first; a module may bring demo data to load once. */
  modules: SubgraphModule[];
  /** The subgraph's committed drizzle migrations. */
  migrationsFolder: string;
  /** Demo data after the activities': the shared modules', then the organization's own. */
  demos: ModuleDemo[];
  /** Builds the executable subgraph schema. */
  schema(): GraphQLSchema;
  /** The organization's own demo records, if any. */
  seedDemo?: (db: Db, today: string) => number;
  /** Every kind of record the organization keeps through the record framework (the generic suite runs over these). */
  kinds: readonly RecordKind[];
  /** Questions other organizations' subgraphs may ask it (POST /services/<name>). */
  services: Readonly<Record<string, ServiceAnswer>>;
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
  /** Loads the organization's own demo records into a new database (with the activities); returns how many. */
  seedDemo?: (db: Db, today: string) => number;
  /** Demo data of the organization's own records, loaded once under its own key after the shared modules'. */
  demo?: (db: Db, org: OrganizationId, today: string) => number;
  /** The organization's kinds of record, declared with the record framework (packages/subgraph-kit/src/records). */
  kinds?: readonly RecordKind[];
  /** Questions other organizations' subgraphs may ask it, service to service, by name (references/services.ts). */
  services?: Readonly<Record<string, ServiceAnswer>>;
}

export function defineOrganizationSubgraph({
  org,
  root,
  resolvers,
  modules: shared = [],
  seedDemo,
  demo,
  kinds = [],
  services = {},
}: DefineOptions): OrganizationSubgraph {
  const dir = fileURLToPath(root);
  // The reports module counts every kind of the subgraph, known once all modules are listed.
  let allKinds: RecordKind[] = [];
  const [sharedReports, ownReports] = reportModules(org, () => allKinds);
  const modules: OrganizationSubgraph['modules'] = [
    { typeDefs: referenceTypeDefs, resolvers: referenceResolvers },
    { typeDefs: sharedActivityTypeDefs, resolvers: {} },
    { typeDefs: activityTypeDefs(org), resolvers: activityResolvers(org), kinds: [activityKind(org)] },
    { typeDefs: auditRecordTypeDefs, resolvers: {} },
    { typeDefs: auditTypeDefs(org), resolvers: auditResolvers(org) },
    ...modelAndForumModules(org),
    // Plans each branch issues under Plan 155 (section V.2): generated from the kind alone.
    { resolvers: {}, kinds: [implementingPlanKind(org)], demo: { name: 'implementing-plans', seed: seedDemoImplementingPlans } },
    ...shared,
    sharedReports!,
    { ...ownReports!, demo: undefined },
  ];
  // Every kind of the subgraph in one generated module, the shared modules' and the organization's own.
  allKinds = [...modules.flatMap((m) => m.kinds ?? []), ...kinds];
  if (allKinds.length) modules.push(kindsModule(allKinds));
  // A subgraph whose records name other organizations' records lists those not confirmed yet.
  if (allKinds.some((k) => referenceFields(k).length))
    modules.push({ typeDefs: unverifiedReferencesTypeDefs(org), resolvers: unverifiedReferencesResolvers(org, allKinds) });
  const own = join(dir, 'schema.graphql');
  const ownSdl = existsSync(own) ? readFileSync(own, 'utf8') : '';
  // A schema.graphql of comments only (an organization with nothing of its own yet) adds no module.
  if (ownSdl.replace(/#.*$/gm, '').trim()) modules.push({ typeDefs: gql(ownSdl), resolvers: resolvers ?? {} });
  let built: GraphQLSchema | undefined;
  return {
    name: org,
    modules,
    migrationsFolder: join(dir, 'drizzle'),
    // The organization's own demo data last, under its own key (whether its records are declared as kinds or in schema.graphql).
    // Demo reports last: their figures count every other demo record.
    demos: [...modules.flatMap(moduleDemo), ...(demo ? [{ name: org, seed: demo }] : []), ...moduleDemo(ownReports!)],
    // The write transactions wrap the data-class checks, so that a field's checks and its write see
    // the same state of the database; the execution bound wraps them all (a field past the bound runs
    // nothing), and a root field's span the whole field.
    schema: () =>
      (built ??= traceRootFields(
        boundResolvedFields(
          writesInTransactions(
            enforceDataClasses(
              applyFiguresBasis(buildSubgraphSchema(modules.filter((m): m is SubgraphModule & { typeDefs: DocumentNode } => !!m.typeDefs)), org),
              org,
            ),
          ),
        ),
        org,
      )),
    seedDemo,
    kinds: allKinds,
    services,
  };
}

/** Opens (creating and migrating on first start) the organization's database; loads demo data once. */
export function openOrganizationDatabase(
  sg: OrganizationSubgraph,
  opts: { file?: string; demo?: boolean; today?: string; phases?: StartPhases } = {},
): OpenedDatabase & { seeded: number; moves: UnitMoves; noted: number } {
  const file = opts.file ?? join(dataDir(), `${sg.name}.sqlite`);
  // Each step logged as a start phase when the caller times the start (runSubgraph), run as is otherwise.
  const timed = <T>(name: string, fn: () => T, extra?: (r: T) => Record<string, unknown>): T => (opts.phases ? opts.phases.run(name, fn, extra) : fn());
  // Integrity check, migrations check, pragmas and forward migrations.
  const opened = timed(
    'database',
    () => openDatabase({ file, migrationsFolder: sg.migrationsFolder, create: true }),
    (o) => ({ created: o.created }),
  );
  // Records kept under a unit of another map than their date's are moved before anything reads them.
  const moves = timed('unit-moves', () => moveRecordsToTheirMap(opened.sqlite, sg.kinds));
  if (moves.moved || moves.listed)
    log.info(
      { service: sg.name, moved: moves.moved, listed: moves.listed },
      `${moves.moved} bản ghi chuyển sang đơn vị của bản đồ hành chính đúng ngày; ${moves.listed} bản ghi chờ cán bộ phân bổ.`,
    );
  // References written before they were checked are listed once, to be asked of their owners.
  const noted = timed('pending-references', () => noteExistingReferences(opened.sqlite, sg.kinds));
  if (noted) log.info({ service: sg.name, noted }, `${noted} tham chiếu tới hồ sơ của tổ chức khác ghi trước khi có kiểm tra: chờ hỏi lại tổ chức giữ hồ sơ.`);
  let seeded = 0;
  if (opts.demo)
    seeded = timed(
      'demo-data',
      () =>
        loadDemoDataOnce(opened.db, sg, opts.today ?? todayInVietnam(), (module, ms, records) =>
          log.info({ service: sg.name, phase: 'demo-data', module, ms: Math.round(ms), records }, 'demo module loaded'),
        ),
      (n) => ({ records: n }),
    );
  return { ...opened, seeded, moves, noted };
}

/**
 * Demo data goes in once per database, remembered in `meta`, so a restart keeps users' own changes:
 * the activities and the organization's own records (`demo_loaded_at`), then each shared module's
 * (`demo_loaded_at:<name>`, in the order of the schema's modules), so that a module added later loads
 * its demo data into an existing database on the next start, into tables its migration just created.
 */
export function loadDemoDataOnce(
  db: Db,
  sg: Pick<OrganizationSubgraph, 'name' | 'seedDemo' | 'demos'>,
  today: string,
  /** Told after each module's demo data is in (a start logs it: progress, and where the time went). */
  progress?: (module: string, ms: number, records: number) => void,
): number {
  const loaded = (key: string) => !!db.select().from(meta).where(eq(meta.key, key)).get();
  const mark = (key: string) => db.insert(meta).values({ key, value: new Date().toISOString() }).run();
  let n = 0;
  const load = (key: string, module: string, seed: () => number) => {
    if (loaded(key)) return;
    const began = performance.now();
    let added = 0;
    // One transaction each: a crash mid-way leaves no half-loaded demo. Seeders use `db` itself (same
    // connection, so inside the transaction) because bulk loading needs its underlying client.
    db.transaction(() => {
      added = seed();
      mark(key);
    });
    n += added;
    progress?.(module, performance.now() - began, added);
  };
  load('demo_loaded_at', 'activities', () => seedDemoActivities(db, sg.name, today) + (sg.seedDemo?.(db, today) ?? 0));
  for (const d of sg.demos) load(`demo_loaded_at:${d.name}`, d.name, () => d.seed(db, sg.name, today));
  return n;
}

/** Apollo settings every subgraph server uses, in production and in tests alike. */
export function subgraphApolloConfig(sg: OrganizationSubgraph, db: Db) {
  const edge = edgeApolloOptions<SubgraphContext>();
  return {
    ...edge,
    schema: sg.schema(),
    includeStacktraceInErrorResponses: includeStacktrace,
    formatError,
    // The entry points stop servers on SIGINT/SIGTERM themselves (several may share a process).
    stopOnTerminationSignals: false,
    // Inline tracing (ftv1) costs CPU on every request and only serves Apollo's hosted service.
    plugins: [...edge.plugins, ApolloServerPluginInlineTraceDisabled(), federationGuardPlugin(), auditPlugin(trailOf(sqliteOf(db)))],
  };
}

export interface StartOptions {
  db: Db;
  verifier: TokenVerifier;
  /** The secret the gateway presents; only a request carrying it may use _entities and _service. */
  gatewaySecret: string;
  port?: number;
  host?: string;
  /** Where the built pages are (default SUBGRAPH_APP_DIST): the explorer is served from there. */
  appDist?: string;
  /**
   * References between organizations: how this subgraph asks owners (its service token, their URLs) and
   * verifies the services that ask it. Without it, references are not checked (a test of one subgraph).
   */
  references?: {
    client: Omit<ReferenceClientOptions, 'org'>;
    verify: ServiceVerifier;
    /** How often unconfirmed references are asked again (default ANTT_REFERENCE_RECHECK_MS or 5 minutes). */
    recheckMs?: number;
  };
}

/** Starts the subgraph's HTTP server; every request must carry a token it verifies itself. */
export async function startSubgraph(sg: OrganizationSubgraph, opts: StartOptions): Promise<RunningServer> {
  const metrics = createMetrics(sg.name);
  const sqlite = sqliteOf(opts.db);
  gaugeOf(metrics, 'antt_database_bytes', "Size of the organization's SQLite file in bytes", () => {
    const page = sqlite.pragma('page_size', { simple: true }) as number;
    return page * (sqlite.pragma('page_count', { simple: true }) as number);
  });
  gaugeOf(
    metrics,
    'antt_audit_entries',
    "Entries in the audit trail's hash chain",
    () => (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  );
  const refs = opts.references;
  const client = refs ? new ReferenceClient({ ...refs.client, org: sg.name }) : null;
  const services = refs ? new ServiceClient({ ...refs.client, org: sg.name }) : undefined;
  const stopRechecks = client && sg.kinds.some((k) => referenceFields(k).length) ? startRechecks(sg.name, opts.db, client, refs?.recheckMs) : undefined;
  // The published set's suppression pattern, computed in the background (outsiders get no non-zero figure of a family until it is ready).
  // A failed computation is logged once, counted, shown on /ready, and retried after a back-off.
  const patterns = servedPatterns(sqlite);
  const patternFailures = new Counter({
    name: 'antt_disclosure_pattern_failures_total',
    help: "Failed computations of a sensitive family's suppression pattern (its figures stay hidden from outsiders), by family",
    labelNames: ['family'],
    registers: [metrics.registry],
  });
  gaugeOf(
    metrics,
    'antt_disclosure_patterns_failing',
    'Sensitive families whose last pattern computation failed (their figures are hidden from outsiders until a retry succeeds)',
    () => patterns.status().filter((p) => p.state === 'FAILED').length,
  );
  // Group commit (writes.ts): fields committed over commits is how many writes share each commit.
  const group = groupCommitOf(sqlite);
  gaugeOf(
    metrics,
    'antt_write_commits',
    'Commits of mutation fields since the start (writes that reached their transaction together share one)',
    () => group.batches,
  );
  gaugeOf(
    metrics,
    'antt_write_committed_fields',
    'Writes committed since the start: mutation fields and the audit entries of reference checks, asked or answered',
    () => group.fields,
  );
  patterns.onFailure = (f) => {
    patternFailures.inc({ family: f.family });
    log.error(
      { service: sg.name, organization: sg.name, family: f.family, table: f.table, failures: f.failures, retryInMs: f.retryInMs, errorClass: f.errorClass },
      'Không tính được mẫu ẩn số liệu nhạy cảm: số liệu này tạm ẩn với người ngoài tổ chức, sẽ tính lại sau thời gian chờ.',
    );
  };
  if (process.env.ANTT_DISCLOSURE_PRECOMPUTE === '1') {
    const began = performance.now();
    precomputePatterns(sqlite).then(
      (families) =>
        log.info({ service: sg.name, phase: 'disclosure-precompute', ms: Math.round(performance.now() - began), families }, 'disclosure patterns computed'),
      (e: unknown) => log.error({ service: sg.name, err: e }, 'disclosure patterns failed'),
    );
  }
  return serve<SubgraphContext>({
    port: opts.port ?? 0,
    host: opts.host,
    verifier: opts.verifier,
    apollo: () => {
      const config = subgraphApolloConfig(sg, opts.db);
      return new ApolloServer<SubgraphContext>({
        ...config,
        plugins: [...config.plugins, ...(client ? [referenceCheckPlugin(sg.kinds, client)] : [])],
      });
    },
    routes: (app, track) => {
      // The GraphQL explorer on this subgraph's own /graphql (pages.ts), where it is enabled.
      app.use('/app', pagesRouter(opts.appDist ?? SUBGRAPH_APP_DIST, { explorerOnly: true }));
      if (!refs) return;
      // Tracked: the stop waits for an answer being computed from the database (drain.ts).
      app.post('/services/:name', express.json({ limit: '4kb' }), ...serviceEndpoint(sg.name, sg.services, opts.db, refs.verify).map((h) => track(h)));
    },
    // Asked at each write of another organization that names one of this one's records (references/check.ts).
    posts: (track): Record<string, RouteStep[]> =>
      refs
        ? {
            '/references': [
              express.json({ limit: '32kb' }) as unknown as RouteStep,
              ...referenceEndpoint(sg.name, sg.kinds, opts.db, refs.verify).map((h) => track(h)),
            ],
          }
        : {},
    onStop: stopRechecks,
    context: async (req) => {
      // Identity comes from the verified token alone; other identity headers a client sends are ignored.
      const identity = verifiedCaller(req);
      const fromGateway = isGatewaySecret(req.headers[GATEWAY_HEADER], opts.gatewaySecret);
      // Read before the request's data: the gateway labels a kept answer with it (reports/watermark.ts).
      if (fromGateway) req.res?.setHeader(REPORT_WATERMARK_HEADER, String(reportWatermark(sqlite)));
      // The gateway's request id (observe() took it from the header), so one id follows a request everywhere.
      const requestId =
        fromGateway && typeof req.headers[REQUEST_ID_HEADER] === 'string' ? req.headers[REQUEST_ID_HEADER] : (req.res?.locals.requestId as string | undefined);
      if (req.res) req.res.locals.subject = identity.userId;
      return contextFor(sg, opts.db, identity, { fromGateway, requestId, audit: new RequestAudit(), services });
    },
    health: () => ({ subgraph: sg.name }),
    // Ready to serve; the disclosure patterns' states say which families outsiders see hidden and why.
    // The gateway, and only it, also gets the report watermark: it drops kept answers once it advances.
    ready: (req) => ({
      ready: true,
      disclosure: patterns.status(),
      ...(isGatewaySecret(req.headers[GATEWAY_HEADER], opts.gatewaySecret) ? { reportWatermark: reportWatermark(sqlite) } : {}),
    }),
    service: sg.name,
    metrics,
  });
}

export function contextFor(sg: OrganizationSubgraph, db: Db, identity: Identity, info: RequestInfo = {}): SubgraphContext {
  return createContext(sg.name, db, identity, info);
}

/** Entry point of `subgraphs/<org>/src/index.ts`: configuration from the environment, then listen. */
export async function runSubgraph(sg: OrganizationSubgraph): Promise<void> {
  // One log line per phase of the start (issue 17); everything before this point is loading the code.
  const phases = startPhases(sg.name);
  phases.mark('modules', performance.now());
  // The environment is checked before anything is opened or generated: a wrong setting stops here, naming the variable.
  const { server, sqlite, seeded } = await startOrExit(async () => {
    const { config, verifier, secret, references } = await phases.runAsync('configuration', async () => {
      const config = loadSubgraphConfig(sg.name);
      // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
      await startTracing(sg.name);
      return { config, verifier: await verifierFromEnv(), secret: gatewaySecret(sg.name), references: await referencesFromEnv(sg.name) };
    });
    const { db, sqlite, seeded } = openOrganizationDatabase(sg, { file: process.env.ANTT_DB_FILE, demo: config.demoData, phases });
    // Loading demo data leaves tens of MB of garbage that V8 would keep committed for minutes (police: 211
    // MiB resident after a first start against 150 after a restart): collected once, here, not left to chance.
    if (seeded) phases.run('release-demo-memory', collectGarbageNow);
    // Built once and kept (sg.schema() caches it): the server below takes the same object.
    phases.run('schema', () => sg.schema());
    // And once more after the schema, on a first start only: what building it allocated was otherwise
    // promoted beside the demo load's survivors, and the police subgraph listened at 145-149 MiB in three
    // of seven first starts against 129-135 in seven with this (same CPU; BENCHMARKS.md).
    if (seeded) phases.run('release-schema-memory', collectGarbageNow);
    const server = await phases.runAsync('listen', () =>
      startSubgraph(sg, {
        db,
        verifier,
        gatewaySecret: secret,
        port: portFromEnv(defaultPort(sg.name)),
        host: process.env.HOST,
        references,
      }),
    );
    return { server, sqlite, seeded };
  });
  log.info(
    {
      service: sg.name,
      url: server.url,
      demoRecords: seeded,
      synchronous: sqlite.pragma('synchronous', { simple: true }),
      startMs: Math.round(performance.now()),
      rssMiB: Math.round(process.memoryUsage.rss() / 1048576),
    },
    'listening',
  );
  const anchoring = anchorTrail(sqlite, sg.name);
  const shutdown = async () => {
    await server.stop();
    await anchoring?.stop();
    sqlite.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * A full garbage collection now, with heap compaction, so that V8 returns the pages it freed. Node exposes
 * `gc` only behind --expose-gc; the flag may be set at run time and `gc` read from a fresh context.
 */
export function collectGarbageNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Records the heads of a database's chains (audit_log, identity_reads) outside it, periodically, where
 * ANTT_AUDIT_ANCHOR_DIR or ANTT_AUDIT_ANCHOR_URL say; none when neither is set (a warning in production).
 */
export function anchorTrail(sqlite: Database.Database, name: string): ReturnType<typeof startAnchoring> | null {
  const target = anchorTargetFromEnv();
  if (!target) {
    if (isProduction()) console.warn(`[${name}] ANTT_AUDIT_ANCHOR_DIR / ANTT_AUDIT_ANCHOR_URL not set: removal of the last audit entries cannot be detected.`);
    return null;
  }
  return startAnchoring({ sqlite, name, target });
}

/**
 * References between organizations as configured by the environment: the owners' URLs are those the
 * gateway uses (ANTT_<ORG>_URL, else the default ports). Services sign and verify with a key set of their
 * own, never the users': the service key is ANTT_SERVICE_KEY_FILE (a signing key as
 * .data/keys/service-signing-key.json holds it), else the embedded default's service key; services are
 * verified against ANTT_SERVICE_JWKS_URL, else the embedded service key set (.data/keys/service-jwks.json).
 * A user's token is then refused by the services' endpoints whatever it claims (no user key is in the
 * service key set), and a service token by every GraphQL endpoint (no service key is in the users').
 * ANTT_SERVICE_KEY_FILE without ANTT_SERVICE_JWKS_URL is refused at start: no other subgraph could verify it.
 */
export async function referencesFromEnv(org: OrganizationId): Promise<StartOptions['references']> {
  if (!process.env.ANTT_SERVICE_KEY_FILE && isProductionEnv())
    throw new ConfigurationError(['ANTT_SERVICE_KEY_FILE: bắt buộc khi ANTT_ENV=production (required in production)']);
  if (process.env.ANTT_SERVICE_KEY_FILE && !process.env.ANTT_SERVICE_JWKS_URL)
    throw new ConfigurationError([
      'ANTT_SERVICE_JWKS_URL: bắt buộc khi có ANTT_SERVICE_KEY_FILE (required with ANTT_SERVICE_KEY_FILE: the service key set that holds its public key)',
    ]);
  const key = process.env.ANTT_SERVICE_KEY_FILE
    ? (JSON.parse(readFileSync(process.env.ANTT_SERVICE_KEY_FILE, 'utf8')) as SigningKey)
    : await loadOrCreateServiceKey(keysDir());
  const issuer = process.env.ANTT_JWT_ISSUER;
  const verify = process.env.ANTT_SERVICE_JWKS_URL
    ? createServiceVerifier({ jwksUrl: new URL(process.env.ANTT_SERVICE_JWKS_URL) }, issuer)
    : createServiceVerifier({ jwks: JSON.parse(readFileSync(join(keysDir(), KEY_FILES.service.jwks), 'utf8')) }, issuer);
  const urls = Object.fromEntries(
    ORGANIZATION_IDS.map((o) => [o, process.env[subgraphUrlVariable(o)] ?? `http://127.0.0.1:${defaultPort(o)}/graphql`]),
  ) as Record<OrganizationId, string>;
  let cached: { token: string; until: number } | null = null;
  return {
    verify,
    client: {
      ownerUrl: (o) => urls[o],
      // One token for four minutes (they last five).
      token: async () => {
        if (cached && cached.until > Date.now()) return cached.token;
        return (cached = { token: await signServiceToken(key, org, issuer ? { issuer } : {}), until: Date.now() + 240_000 }).token;
      },
    },
  };
}
