/**
 * The gateway: @apollo/gateway over the committed supergraph.graphql, behind the same HTTP shell as the
 * subgraphs. It verifies the caller's token itself (401 before any subgraph is called) and forwards
 * the token, never a derived identity, so that every subgraph verifies it again.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Identity, TokenVerifier } from '@antt/auth';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AuditTrail, type AuditEntry } from '@antt/audit';
import {
  createMetrics,
  dataDir,
  edgeApolloOptions,
  GATEWAY_HEADER,
  includeStacktrace,
  isProduction,
  openDatabase,
  REQUEST_ID_HEADER,
  REPORT_WATERMARK_HEADER,
  sendJson,
  serve,
  serviceLog,
  verifiedCaller,
  anchorTrail,
  injectTraceContext,
  inThisTrace,
  operationLabel,
  RequestHeaders,
  traceSubgraphFetch,
  type RunningServer,
  type StartPhases,
} from '@antt/subgraph-kit';
import { UnauthenticatedSummary } from './unauthenticated.js';
import { readClassMap } from './data-classes.js';
import { isRegistered, loadDashboardOperations, operationsManifest } from './dashboard-operations.js';
import type { GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { corsMiddleware, corsOrigins } from './cors.js';
import { explorerEnabled, pagesRouter } from './pages.js';
import { gatewayPolicyPlugin } from './policy.js';
import { gatewayFormatError, subgraphClientError, withGatewayScalars } from './errors.js';
import type { OrganizationId } from '@antt/reference';
import { GATEWAY_MIGRATIONS, SUPERGRAPH_FILE } from './paths.js';
import { SubgraphFallback, isUnavailable, type CircuitState } from './fallback.js';
import { StaleReportCache, disclosureView, staleResponse, type StaleServed } from './stale-reports.js';
import { breakerResetMs, gatewayBatch, gatewayDedup, reportProbeMs, subgraphTimeoutMs } from './config.js';
import { ReportWatermarkProbe, type WatermarkTarget } from './report-watermarks.js';
import { copyResponse, InFlightReads, isQuery, readKey, type SharedRead } from './dedup.js';
import { FetchBatches, laneKey } from './batch.js';
import { subgraphBreaker, type Breaker } from './breaker.js';
import { AUDIT_VIEW_PATH, federatedAuditRoute } from './audit-view.js';

export interface GatewayContext {
  identity: Identity;
  /** Shared with every subgraph called for this request (x-request-id). */
  requestId: string;
  /** The caller's own Authorization header, forwarded unchanged to subgraphs. */
  authorization: string;
  /**
   * Set by the policy plugin: whether this request's subgraph reads may be served from an answer kept for
   * another caller of the same disclosure view (stale-reports.ts); false when a subgraph records something
   * per caller (protected data, sensitive aggregates).
   */
  shareableReads?: boolean;
  /**
   * Set by the policy plugin: whether this request's subgraph reads may share an identical one in flight
   * for the same verified caller and token (dedup.ts); false when they ask protected data, whose every read
   * the subgraph records with its record ids. A sensitive aggregate may: the gateway records each caller's
   * read of it (policy.ts) and each caller served from another's request (SHARED_ANSWER).
   */
  sameCallerReads?: boolean;
  /**
   * The subgraph answers this request was served that another caller's request brought (dedup.ts,
   * batch.ts), each as `<subgraph>/<request id the subgraph audited>`: one SHARED_ANSWER entry of the
   * gateway's trail names them all once the request is answered (sharedAnswersPlugin).
   */
  sharedFrom?: string[];
}

export interface GatewayOptions {
  /** Where each subgraph listens; subgraphs missing here keep the URL composed into the supergraph. */
  subgraphUrls: Partial<Record<OrganizationId, string>>;
  verifier: TokenVerifier;
  port?: number;
  host?: string;
  supergraphSdl?: string;
  /** How long an open circuit answers at once before probing the subgraph again (ms); default ANTT_BREAKER_RESET_MS or 10 000. */
  breakerResetMs?: number;
  /** Longest a subgraph may take to answer, in milliseconds; default ANTT_SUBGRAPH_TIMEOUT_MS or 15 000. */
  subgraphTimeoutMs?: number;
  /** How often each subgraph's report watermark is read (report-watermarks.ts), in milliseconds; default ANTT_REPORT_PROBE_MS or 5 000. */
  reportProbeMs?: number;
  /**
   * The secret the gateway presents to each subgraph (only it may use _entities and _service there):
   * one per subgraph, so that a subgraph's secret opens no other. A single string (tests) is used for all.
   */
  gatewaySecret: string | Partial<Record<OrganizationId, string>>;
  /**
   * Identical subgraph reads in flight at once, for the same verified caller, are sent once (dedup.ts);
   * default ANTT_GATEWAY_DEDUP (on unless `0`).
   */
  dedup?: boolean;
  /**
   * The same caller's reads of one text with other variables, in flight at once, go to the subgraph together
   * (batch.ts); default ANTT_GATEWAY_BATCH (on unless `0`). Only with `dedup`.
   */
  batch?: boolean;
  /**
   * Kept answers about approved report versions that cannot have changed serve fresh reads (stale-reports.ts
   * `current`, audited CACHED_ANSWER); default on. Off: they serve only when the organization is unavailable.
   */
  approvedAnswers?: boolean;
  /** Called for every request the gateway sends to a subgraph (tests count them). */
  onSubgraphCall?: (subgraph: string) => void;
  /** The gateway's audit database; default .data/gateway.sqlite, ':memory:' in tests. */
  auditFile?: string;
  /** Operations a dashboard may run, by hash; default the committed gateway/operations/dashboard. */
  dashboardOperations?: Map<string, string>;
  /** Requests per minute and verified caller. */
  rateLimitPerMinute?: number;
  /** Requests per minute and client address without a valid token. */
  unauthenticatedPerMinute?: number;
  /** How often failed authentications are summed up in one audit entry; default a minute. */
  unauthenticatedSummaryMs?: number;
  /** Web origins allowed to call from a browser; default ANTT_CORS_ORIGINS (cors.ts). */
  corsOrigins?: string[];
  /** Where the built pages are; default app/dist. */
  appDist?: string;
  /**
   * Logs the start's phases (index.ts): `supergraph` (reading it and building the query planner's
   * schema), `listen`, `first-probe` (the first round of report watermark probes, with how many
   * subgraphs answered) and `ready`.
   */
  phases?: StartPhases;
  /** Demo mode only: the demo users' tokens, offered to the pages at /app/demo-users.json. */
  demoUsers?: () => Promise<{ key: string; label: string; token: string }[]>;
}

/** How long a browser may keep the answer of a registered operation read with GET (seconds). */
export const GET_MAX_AGE_SECONDS = 60;

/**
 * A registered operation read with GET is cacheable by the caller's own browser only (private: the
 * answer depends on the token), for a minute, and never when it carries an error.
 */
function cacheableReadsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== 'GET') return;
      return {
        async willSendResponse({ response }) {
          const ok = response.body.kind === 'single' && !response.body.singleResult.errors?.length;
          response.http.headers.set('cache-control', ok ? `private, max-age=${GET_MAX_AGE_SECONDS}` : 'no-store');
          response.http.headers.set('vary', 'authorization, origin');
        },
      };
    },
  };
}

const AUDIT_UNAVAILABLE = 'Máy chủ không ghi được nhật ký truy cập: câu trả lời không được gửi. Vui lòng thử lại sau.';

/**
 * Each caller served from another's subgraph request is recorded in the gateway's trail before its answer
 * leaves: one READ/SHARED_ANSWER entry per request, under its own request id, naming every subgraph request
 * it was served from. When it cannot be stored, the caller gets an error instead of the data.
 *
 * Written at once, in the answer's own turn: waiting for the end of the turn to write the entries of the
 * requests answered together in one commit sent the answers a turn later, which made the gateway's
 * batches of the next requests smaller (15% more subgraph requests), costing the subgraphs more than the
 * commits saved (BENCHMARKS.md, "One shared-answer entry per request").
 */
function sharedAnswersPlugin(trail: AuditTrail): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, operation, request, response }) {
          const sources = ctx.sharedFrom;
          if (!sources?.length) return;
          try {
            trail.append([
              {
                ...readBy(ctx, operation ? operationLabel(operation) : (request.operationName ?? 'query')),
                typeName: null,
                dataClass: null,
                recordIds: [...new Set(sources)],
                fields: [],
                outcome: 'SHARED_ANSWER',
              },
            ]);
          } catch (err) {
            serviceLog('gateway').error({ err, requestId: ctx.requestId }, 'shared answers not recorded in the trail: the answer is withheld');
            response.body = { kind: 'single', singleResult: { errors: [{ message: AUDIT_UNAVAILABLE, extensions: { code: 'STORAGE_UNAVAILABLE' } }] } };
            response.http.status = 503;
            response.http.headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}

/** A read by the request's verified caller, as the gateway's trail records it, now. */
function readBy(ctx: GatewayContext, operation: string): Pick<AuditEntry, 'at' | 'requestId' | 'userId' | 'organization' | 'roles' | 'operation' | 'action'> {
  return {
    at: new Date().toISOString(),
    requestId: ctx.requestId,
    userId: ctx.identity.userId,
    organization: ctx.identity.organization,
    roles: [...ctx.identity.roles],
    operation,
    action: 'READ',
  };
}

const parseJson = (text: string | null): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

/** What a data source needs to share identical reads in flight; the gateway audits each caller served so. */
interface SharedReads {
  reads: InFlightReads<SubgraphResponse>;
  /** The same caller's reads of one text with other variables, sent together (batch.ts); absent when off. */
  batches?: FetchBatches<SubgraphResponse>;
  onShared: (subgraph: string, options: GraphQLDataSourceProcessOptions<GatewayContext>, shared: SharedRead) => void;
}

/** The last good answers about approved report versions (stale-reports.ts); the gateway audits each caller served from them. */
interface StaleReports {
  cache: StaleReportCache;
  onServed: (subgraph: string, options: GraphQLDataSourceProcessOptions<GatewayContext>, served: StaleServed) => void;
  /** Set when kept answers that cannot have changed also serve fresh reads; audits each caller so served. */
  onCached?: (subgraph: string, options: GraphQLDataSourceProcessOptions<GatewayContext>, served: StaleServed) => void;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly subgraph: string,
    private readonly secret: string,
    private readonly fallback: SubgraphFallback,
    private readonly onCall?: (subgraph: string) => void,
    private readonly onFailure?: (subgraph: string, error: unknown) => void,
    private readonly shared?: SharedReads,
    circuit?: CircuitState,
    private readonly stale?: StaleReports,
  ) {
    super(config);
    fallback.register(subgraph, (options) => this.post(options), circuit);
  }

  /**
   * RemoteGraphQLDataSource.process as the gateway uses it (no automatic persisted queries, no cache hints:
   * every answer here is no-store), without the node-fetch Headers and Request it builds for each fetch,
   * which nothing here reads (the fetch is service-http.ts's; issue 17): the same headers, willSendRequest,
   * body, errors and answer.
   */
  private async post(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request } = options;
    const headers = new RequestHeaders();
    for (const [name, value] of request.http?.headers ?? []) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    this.willSendRequest(options);
    if (!request.query) throw new Error('Missing query');
    const { http: _http, ...body } = request;
    const response = await this.fetcher(this.url, { method: 'POST', headers: headers.record(), body: JSON.stringify(body) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const parsed = await this.parseBody(response);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('Expected JSON response body from the subgraph.');
    return { ...parsed, http: response } as SubgraphResponse;
  }

  // A caller's read identical to one in flight for the same verified caller shares its answer (dedup.ts).
  // An approved report version's kept answer, still current, is served without asking (stale-reports.ts).
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const shared = this.shared;
    const ctx = options.context;
    const callerRead =
      // Only a caller's operation (never a health check or schema load) carries incomingRequestContext.
      'incomingRequestContext' in options &&
      'identity' in ctx &&
      !!ctx.identity &&
      !!ctx.authorization &&
      // Reads the policy lets the same caller share (no protected data); `shareableReads` is the narrower mark.
      ctx.sameCallerReads === true &&
      isQuery(options.request.query, options.document);
    // Only reads the subgraph records nothing about per caller: serving them here loses no subgraph audit.
    const shareable = callerRead && ctx.shareableReads === true;
    const onCached = this.stale?.onCached;
    if (shareable && onCached) {
      const { query, variables } = options.request;
      const served = this.stale!.cache.current(this.subgraph, query ?? '', variables, disclosureView(ctx.identity));
      if (served) {
        onCached(this.subgraph, options, served);
        return { data: served.answer.data, errors: served.answer.errors } as SubgraphResponse;
      }
    }
    // The same caller's identical reads in flight (its sensitive aggregates too): one request for them all;
    // its reads of the same text with other variables, in flight at once: one batch (batch.ts).
    if (shared && callerRead) {
      const { query, operationName, variables } = options.request;
      const key = readKey(this.subgraph, ctx.identity.userId, ctx.authorization, query ?? '', operationName, variables);
      return shared.reads.run(
        key,
        ctx.requestId,
        // Only the read that goes out needs its lane; one served from an identical read in flight does not.
        () => this.send(options, shared.batches && laneKey(this.subgraph, ctx.identity.userId, ctx.authorization, query ?? '', operationName)),
        (read) => shared.onShared(this.subgraph, options, read),
      );
    }
    return this.send(options);
  }

  /** The subgraph's answer to this fetch: asked at once, or together with the caller's others of the same lane (batch.ts). */
  private answer(options: GraphQLDataSourceProcessOptions<GatewayContext>, lane: string | undefined): Promise<SubgraphResponse> {
    const batches = this.shared?.batches;
    if (!lane || !batches) return this.post(options);
    return batches.run(lane, options.request.query!, {
      variables: options.request.variables,
      requestId: options.context.requestId,
      // Sent when the lane has room, maybe from another caller's continuation: under this fetch's span.
      alone: inThisTrace(() => this.post(options)),
      together: inThisTrace((query: string, variables: Record<string, unknown>) =>
        this.post({ ...options, request: { ...options.request, query, variables } }),
      ),
      onShared: (read) => this.shared!.onShared(this.subgraph, options, read),
    });
  }

  // A subgraph that cannot be reached costs only its own part of the answer (fallback.ts).
  // An approved report version's last good answer may stand in for it, marked stale (stale-reports.ts).
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, lane?: string): Promise<SubgraphResponse> {
    const incoming = 'incomingRequestContext' in options ? options : undefined;
    const caller = incoming && 'identity' in incoming.context && incoming.context.identity ? incoming.context.identity : undefined;
    const read = !!caller && isQuery(options.request.query, incoming!.document);
    const query = options.request.query ?? '';
    // A write may make a newer version (an approval, a return, a record after the lock), whether or not its answer comes back.
    if (caller && !read) this.stale?.cache.invalidate(this.subgraph);
    try {
      // A span per subgraph fetch; willSendRequest passes its context on in `traceparent` (tracing.ts).
      const response = await traceSubgraphFetch('gateway', this.subgraph, () => this.answer(options, lane));
      this.fallback.answered(this.subgraph);
      // The report watermark the subgraph read before answering labels what is kept (stale-reports.ts).
      const header = (response as { http?: { headers: { get(name: string): string | null } } }).http?.headers.get(REPORT_WATERMARK_HEADER);
      const watermark = header && /^\d+$/.test(header) ? Number(header) : null;
      if (read) this.stale?.cache.remember(this.subgraph, query, options.request.variables, disclosureView(caller!), response, watermark);
      else if (watermark !== null) this.stale?.cache.observeWatermark(this.subgraph, watermark, 'answer');
      return response;
    } catch (error) {
      this.onFailure?.(this.subgraph, error);
      const served = read && isUnavailable(error) ? this.stale?.cache.lookup(this.subgraph, query, options.request.variables, disclosureView(caller!)) : null;
      if (served) {
        this.stale!.onServed(this.subgraph, options, served);
        return staleResponse(this.subgraph, served) as SubgraphResponse;
      }
      return this.fallback.recover(this.subgraph, options, error);
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    this.onCall?.(this.subgraph);
    const headers = request.http?.headers;
    headers?.set(GATEWAY_HEADER, this.secret);
    // Health checks and other gateway-internal calls have no caller context.
    if ('authorization' in context && context.authorization) headers?.set('authorization', context.authorization);
    if ('requestId' in context && context.requestId) headers?.set(REQUEST_ID_HEADER, context.requestId);
    if (headers) injectTraceContext(headers);
  }

  // A subgraph's 4xx keeps its (Vietnamese, already masked) message and code; see errors.ts.
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    return (await subgraphClientError(response)) ?? super.errorFromResponse(response);
  }
}

/** Why a call to a subgraph got no answer, for the failures metric. */
function failureReason(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown; name?: unknown } } | undefined;
  if (e?.code === 'EOPENBREAKER') return 'circuit_open';
  const name = e?.name ?? e?.cause?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (e?.cause?.code === 'ECONNREFUSED') return 'refused';
  return 'error';
}

function secretFor(secrets: GatewayOptions['gatewaySecret'], subgraph: string): string {
  if (typeof secrets === 'string') return secrets;
  const secret = secrets[subgraph as OrganizationId];
  if (!secret) throw new Error(`No gateway secret for subgraph ${subgraph}.`);
  return secret;
}

export interface RunningGateway extends RunningServer {
  /** Settles when the first round of report watermark probes has ended (the start's last phase). */
  firstProbe: Promise<void>;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  // @apollo/gateway 2.14 reports anonymous usage unless told not to; this federation sends nothing out.
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const began = performance.now();
  let schemaLoadedAt: number | undefined;
  const supergraphSdlText = opts.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8');
  const timeout = opts.subgraphTimeoutMs ?? subgraphTimeoutMs();
  const logger = serviceLog('gateway');
  const metrics = createMetrics('gateway');
  // A failed fetch's shared part is sought for one subgraph timeout at most.
  const fallback = new SubgraphFallback(supergraphSdlText, { log: (m) => logger.warn(m), budgetMs: timeout });
  const resetMs = opts.breakerResetMs ?? breakerResetMs();
  const breakers = new Map<string, Breaker>();
  const breakerFor = (name: string): Breaker => {
    let b = breakers.get(name);
    if (!b) breakers.set(name, (b = subgraphBreaker({ timeoutMs: timeout, resetMs })));
    return b;
  };
  let apiSchema: GraphQLSchema | undefined;
  const { sqlite } = openDatabase({ file: opts.auditFile ?? join(dataDir(), 'gateway.sqlite'), migrationsFolder: GATEWAY_MIGRATIONS, create: true });
  const trail = new AuditTrail(sqlite);
  // The subgraph audits the request it received, under the first caller's request id; every other
  // caller served from that answer is audited here under its own, naming the subgraph and that request:
  // noted on the caller's request now, written when it is answered (sharedAnswersPlugin).
  const auditShared: SharedReads['onShared'] = (subgraph, options, read) => {
    const ctx = options.context as GatewayContext;
    (ctx.sharedFrom ??= []).push(`${subgraph}/${read.leaderRequestId}`);
  };
  const probeMs = opts.reportProbeMs ?? reportProbeMs();
  // A kept answer serves fresh reads only while the organization's watermark was confirmed within two probe rounds.
  const staleReports = new StaleReportCache({ freshWithinMs: 2 * probeMs });
  // Each subgraph's URL and secret, known once @apollo/gateway has built its data sources.
  const watermarkTargets = new Map<string, WatermarkTarget>();
  const probe = new ReportWatermarkProbe(() => watermarkTargets, {
    intervalMs: probeMs,
    timeoutMs: timeout,
    onWatermark: (subgraph, w) => staleReports.observeWatermark(subgraph, w, 'probe'),
    answering: (subgraph) => (breakers.get(subgraph)?.state() ?? 'CLOSED') === 'CLOSED',
  });
  // Each caller given a kept answer, with its version and age: in place of an organization that did not
  // answer (STALE_ANSWER), or of a fresh read while the organization answers and the answer was read at its
  // current watermark (CACHED_ANSWER).
  const auditKept =
    (outcome: 'STALE_ANSWER' | 'CACHED_ANSWER'): StaleReports['onServed'] =>
    (subgraph, options, served) => {
      const ctx = options.context as GatewayContext;
      const operation = 'incomingRequestContext' in options ? options.incomingRequestContext.operation : undefined;
      trail.append([
        {
          ...readBy(ctx, operation?.name?.value ?? options.request.operationName ?? 'query'),
          typeName: null,
          dataClass: null,
          recordIds: [`${subgraph}/reportVersion:${served.reportVersion}/ageSeconds:${served.ageSeconds}`],
          fields: [],
          outcome,
        },
      ]);
    };
  const auditStale = auditKept('STALE_ANSWER');
  const auditCached = auditKept('CACHED_ANSWER');
  const approvedAnswers = opts.approvedAnswers ?? true;
  const dedup = opts.dedup ?? gatewayDedup();
  const batch = opts.batch ?? gatewayBatch();
  const gateway = withGatewayScalars(
    new ApolloGateway({
      supergraphSdl: supergraphSdlText,
      buildService: ({ name, url }) => {
        const subgraphUrl = opts.subgraphUrls[name as OrganizationId] ?? url!;
        watermarkTargets.set(name, { url: subgraphUrl, secret: secretFor(opts.gatewaySecret, name) });
        return new ForwardingDataSource(
          {
            url: subgraphUrl,
            // No retries (a mutation must never run twice); a timeout so one slow subgraph cannot hold a
            // request forever, and a circuit breaker so a hung one stops costing even that (breaker.ts).
            fetcher: breakerFor(name).fetcher,
          },
          name,
          secretFor(opts.gatewaySecret, name),
          fallback,
          opts.onSubgraphCall,
          (subgraph, error) => metrics.subgraphFailures.inc({ subgraph, reason: failureReason(error) }),
          dedup
            ? {
                reads: new InFlightReads<SubgraphResponse>(copyResponse),
                batches: batch ? new FetchBatches<SubgraphResponse>(1) : undefined,
                onShared: auditShared,
              }
            : undefined,
          () => breakerFor(name).state(),
          { cache: staleReports, onServed: auditStale, onCached: approvedAnswers ? auditCached : undefined },
        );
      },
    }),
  );
  gateway.onSchemaLoadOrUpdate((s) => {
    apiSchema = s.apiSchema;
    if (schemaLoadedAt === undefined) opts.phases?.mark('supergraph', (schemaLoadedAt = performance.now()) - began);
  });
  const supergraphSdl = supergraphSdlText;
  const classes = readClassMap(supergraphSdl);
  const dashboardOperations = opts.dashboardOperations ?? loadDashboardOperations();
  const unauthenticated = new UnauthenticatedSummary(trail, opts.unauthenticatedSummaryMs);
  const edge = edgeApolloOptions<GatewayContext>();
  // The explorer needs the schema: where it is enabled in production, the gateway answers introspection
  // to callers with a token (the subgraphs still do not).
  const introspection = edge.introspection || explorerEnabled();
  const origins = opts.corsOrigins ?? corsOrigins();
  let manifest: string | undefined;
  // Known once listening: the federated audit view asks the gateway itself.
  const self: { url?: string } = {};
  const server = await serve<GatewayContext>({
    port: opts.port ?? 0,
    host: opts.host,
    rateLimitPerMinute: opts.rateLimitPerMinute,
    unauthenticatedPerMinute: opts.unauthenticatedPerMinute,
    verifier: opts.verifier,
    apollo: () =>
      new ApolloServer<GatewayContext>({
        ...edge,
        introspection,
        gateway,
        includeStacktraceInErrorResponses: includeStacktrace,
        formatError: gatewayFormatError,
        stopOnTerminationSignals: false,
        plugins: [...edge.plugins, gatewayPolicyPlugin(classes, dashboardOperations, trail), sharedAnswersPlugin(trail), cacheableReadsPlugin()],
      }),
    // Before any route, so that a browser of another origin is refused whatever it asks.
    everyRequest: corsMiddleware(origins),
    routes: (app) => {
      // The registered operations, for dashboard authors; the same text is in gateway/operations/dashboard.
      app.get('/operations.json', (_req, res) => {
        manifest ??= JSON.stringify(operationsManifest(apiSchema), null, 2);
        res.set('cache-control', 'no-cache').type('json').send(manifest);
      });
      if (opts.demoUsers && !isProduction()) {
        const users = opts.demoUsers;
        app.get('/app/demo-users.json', async (_req, res) => void res.set('cache-control', 'no-store').json(await users()));
      }
      // The provincial auditor's view of every organization's trail, merged by time (audit-view.ts).
      app.get(
        AUDIT_VIEW_PATH,
        federatedAuditRoute({
          verifier: opts.verifier,
          trail,
          graphqlUrl: () => self.url!,
          requestId: (res) => (res.locals.requestId as string | undefined) ?? randomUUID(),
        }),
      );
      app.use('/app', pagesRouter(opts.appDist));
    },
    // A persisted operation sent by hash alone becomes its registered text before Apollo sees it. GET
    // serves registered operations only (cacheable reads); anything else is sent with POST.
    before: (req, res, next) => {
      if (req.method === 'GET') {
        req.body ??= {};
        // A simple (cross-site) GET gets Apollo's own CSRF refusal first, whatever it asks.
        if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) return next();
        const url = new URL(req.url ?? '/', 'http://gateway');
        let query = url.searchParams.get('query');
        const ext = parseJson(url.searchParams.get('extensions')) as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
        const hash = ext?.persistedQuery?.sha256Hash;
        if (!query && typeof hash === 'string') {
          query = dashboardOperations.get(hash) ?? null;
          if (!query)
            return void sendJson(res, 404, {
              errors: [
                { message: 'Không có truy vấn đã đăng ký nào có mã băm này (xem GET /operations.json).', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
              ],
            });
          url.searchParams.set('query', query);
          req.url = `${url.pathname}${url.search}`;
        }
        if (!query || !isRegistered(dashboardOperations, query)) {
          res.setHeader('allow', 'POST');
          return void sendJson(res, 405, {
            errors: [
              {
                message: 'Chỉ các truy vấn đã đăng ký (GET /operations.json) mới gửi được bằng GET; hãy gửi truy vấn khác bằng POST.',
                extensions: { code: 'METHOD_NOT_ALLOWED' },
              },
            ],
          });
        }
        return next();
      }
      const body = req.body as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } } | undefined;
      const hash = body?.extensions?.persistedQuery?.sha256Hash;
      if (body && !body.query && hash && dashboardOperations.has(hash)) body.query = dashboardOperations.get(hash);
      next();
    },
    context: async (req) => {
      // One id follows the request into every subgraph and the audit trails (observe() set it).
      const requestId = (req.res?.locals.requestId as string | undefined) ?? randomUUID();
      try {
        const identity = verifiedCaller(req);
        if (req.res) req.res.locals.subject = identity.userId;
        return { identity, authorization: req.headers.authorization!, requestId };
      } catch (e) {
        // One summary entry per interval, not one per attempt: a flood of bad tokens must not flood the trail.
        unauthenticated.count(req.ip);
        throw e;
      }
    },
    // Each organization's circuit: CLOSED (answering), OPEN (failing: answered at once without it), HALF_OPEN (being probed).
    service: 'gateway',
    metrics,
    health: () => ({ gateway: true, subgraphs: Object.fromEntries([...breakers].map(([name, b]) => [name, b.state()])) }),
    // The gateway is ready while at least one organization answers: with some down it still gives
    // partial answers that name them; readiness lists each one's circuit.
    ready: () => {
      const subgraphs = Object.fromEntries([...breakers].map(([name, b]) => [name, b.state()]));
      // When each organization's report watermark was last read: a change made on it directly since then is not yet seen.
      return { ready: Object.values(subgraphs).some((s) => s !== 'OPEN'), subgraphs, reportsCheckedAt: probe.status() };
    },
  });
  self.url = server.url;
  // Not awaited: a hung subgraph must not hold the start; the start phases log when it ends (index.ts).
  const listening = performance.now();
  opts.phases?.mark('listen', listening - (schemaLoadedAt ?? began));
  const firstProbe = probe.start().then(() => {
    const answered = Object.values(probe.status()).filter((at) => at !== null).length;
    opts.phases?.mark('first-probe', performance.now() - listening, { subgraphs: watermarkTargets.size, answered });
    opts.phases?.mark('ready', performance.now() - began);
  });
  const anchoring = opts.auditFile === ':memory:' ? null : anchorTrail(sqlite, 'gateway');
  const stop = async () => {
    probe.stop();
    await server.stop();
    for (const b of breakers.values()) b.shutdown();
    unauthenticated.stop();
    await anchoring?.stop();
    sqlite.close();
  };
  return { ...server, stop, [Symbol.asyncDispose]: stop, firstProbe };
}
