/**
 * The HTTP shell shared by the gateway and every subgraph: Apollo behind the busy POST routes served on
 * Node's own request and response (/graphql, a subgraph's /references: node-route.ts) and Express 5 for
 * the rest, /health (liveness) and /ready (readiness) endpoints that need no token, and graceful shutdown
 * (drain.ts: requests being executed are answered, none is executed that cannot be).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Identity, TokenVerifier } from '@antt/auth';
import { rateLimitPerCaller } from './edge.js';
import { createMetrics, log, metricsEndpoint, observe, serviceLog, type Metrics } from './observability.js';
import { isMislabelledInternal, translateFormattedError } from './errors/contract.js';
import { HttpDrain } from './drain.js';
import { traceRequests } from './tracing.js';
import { answerWithApollo, nodeRoute, sendJson, type RouteRequest, type RouteResponse, type RouteStep } from './node-route.js';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface ServeOptions<TContext extends BaseContext> {
  port: number;
  host?: string;
  /** Builds the Apollo server (stopped once the HTTP server has drained). */
  apollo: () => ApolloServer<TContext>;
  context: (req: RouteRequest) => Promise<TContext>;
  health: () => Record<string, unknown>;
  /**
   * Whether the server can do its work now (GET /ready: 200 or 503), with what it depends on; default:
   * ready once listening. Given the request, to add what only some callers may see (the gateway's secret).
   */
  ready?: (req: express.Request) => { ready: boolean } & Record<string, unknown>;
  /** Largest request body accepted. */
  bodyLimit?: string;
  /** Requests per minute and verified caller; default from ANTT_RATE_LIMIT_PER_MINUTE or 600. */
  rateLimitPerMinute?: number;
  /** The server's name in logs and metrics (`gateway`, `women`...). */
  service?: string;
  /** The server's metrics (to add its own); made here when not given. */
  metrics?: Metrics;
  /** Requests per minute and client address without a valid token; default ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE or 60. */
  unauthenticatedPerMinute?: number;
  /**
   * Verifies the caller's token before the rate limit, so that the limit counts per verified identity
   * (however the header is spelled) and per client address for requests without a valid token. The
   * context reads the outcome with `verifiedCaller(req)`.
   */
  verifier: TokenVerifier;
  /**
   * Routes and middleware of the server's own, mounted before /health and /graphql: the gateway's
   * manifest and pages; a subgraph's /services. `track` wraps an async handler so that the stop waits for
   * its work to end (drain.ts), even when its client went away.
   */
  routes?: (app: express.Express, track: HttpDrain['track']) => void;
  /**
   * POST routes of the server's own at exact paths, busy enough to be served on Node's request and
   * response (node-route.ts; any other spelling of the path through Express): a subgraph's /references,
   * which other subgraphs ask at each of their writes. `track` as for `routes`.
   */
  posts?: (track: HttpDrain['track']) => Record<string, RouteStep[]>;
  /**
   * Steps of the server's own on every request, after the request's id and log line, before any route
   * (the gateway's CORS); on Node's request and response too (node-route.ts).
   */
  everyRequest?: RouteStep[];
  /** A step before GraphQL, the body read (the gateway resolves persisted operations here); on Node's request and response too. */
  before?: RouteStep;
  /** Runs when the server stops (timers of the server's own). */
  onStop?: () => void;
}

/**
 * Stack traces never reach a client (they name files and internals); set ANTT_DEBUG_ERRORS=1 to see
 * them while developing. Full detail is always in the server log.
 */
export const includeStacktrace = process.env.ANTT_DEBUG_ERRORS === '1';

const CONTEXT_PREFIX = 'Context creation failed: ';
const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_BUSY',
  'STORAGE_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
  'STALE_ANSWER',
]);

/**
 * What a client sees of an error. Errors we raise on purpose (codes above) pass through in the user's
 * terms; anything else (a SQL error, a bug, a subgraph's internals) is logged in full and replaced by a
 * generic message, so no SQL, file path or URL reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && !isMislabelledInternal(error)) {
    const own = formatted.message.startsWith(CONTEXT_PREFIX) ? { ...formatted, message: formatted.message.slice(CONTEXT_PREFIX.length) } : formatted;
    return translateFormattedError(own, error);
  }
  log.error({ err: error }, 'internal error');
  return {
    message: 'Lỗi hệ thống: yêu cầu chưa thực hiện được. Vui lòng thử lại hoặc báo quản trị viên.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}

const verified = new WeakMap<RouteRequest, { identity: Identity } | { error: unknown }>();

/** The caller verified for this request (before the rate limit); throws the verification's 401. */
export function verifiedCaller(req: RouteRequest): Identity {
  const v = verified.get(req);
  if (!v) throw new Error('verifiedCaller called before authentication');
  if ('error' in v) throw v.error;
  return v.identity;
}

/** Whether this request's token failed verification (or was missing). */
export function isUnauthenticated(req: RouteRequest): boolean {
  const v = verified.get(req);
  return !!v && 'error' in v;
}

/** ANTT_TRUST_PROXY: how Express finds the client's address behind a reverse proxy ('loopback', a hop count…); unset, the socket's. */
function trustProxy(): string | number | undefined {
  const raw = process.env.ANTT_TRUST_PROXY;
  if (!raw) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** What a request's own problem is (body-parser's refusals, a path that does not decode), in the user's terms; null for anything else. */
function requestProblem(err: unknown): { status: number; code: string; message: string } | null {
  const e = err as { status?: number; type?: string } | null;
  if (e?.type === 'entity.too.large') return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Yêu cầu quá lớn.' };
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported')
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Nội dung yêu cầu phải là JSON mã UTF-8 (không nén hoặc nén gzip, deflate, br).' };
  if (e?.type === 'entity.parse.failed' || e?.type === 'entity.verify.failed')
    return { status: 400, code: 'BAD_REQUEST', message: 'Yêu cầu không đúng định dạng JSON.' };
  // Any other refusal of the request itself (a body cut short, a path that does not decode): its status, in general terms.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return { status: e.status, code: e.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' };
  return null;
}

/**
 * The answer to an error of a route's step, on both paths and on every route of Express: the request's
 * problem in the user's terms, anything else a generic 500 (logged in full); never Express's HTML page,
 * which shows the stack whenever NODE_ENV is not production.
 */
function answerRequestError(err: unknown, _req: RouteRequest, res: RouteResponse): void {
  const p = requestProblem(err);
  if (!p) log.error({ err }, 'internal error');
  if (res.headersSent) return void res.destroy();
  const { status, code, message } = p ?? {
    status: 500,
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Lỗi hệ thống: yêu cầu chưa thực hiện được. Vui lòng thử lại hoặc báo quản trị viên.',
  };
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export async function serve<TContext extends BaseContext>(opts: ServeOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on what res.send answers: every GraphQL answer is a POST (never fresh, so never a 304) and
  // no-store, yet Express hashed each body (SHA-1) to make one, a few per cent of a subgraph's CPU per
  // `_entities` fetch (issue 17). The pages keep theirs: express.static makes its own.
  app.set('etag', false);
  const proxy = trustProxy();
  if (proxy !== undefined) app.set('trust proxy', proxy);
  const metrics = opts.metrics ?? createMetrics(opts.service ?? 'server');
  // A span per request, continuing the caller's trace (tracing.ts; a no-op unless tracing is on); the
  // request's id and log line. Every request's first steps, POST /graphql's too (below).
  const everyRequest = [traceRequests(opts.service ?? 'server'), observe(serviceLog(opts.service ?? 'server'), metrics), ...(opts.everyRequest ?? [])];
  app.use(...(everyRequest as express.RequestHandler[]));
  const httpServer = http.createServer();
  // On stop, requests being executed are answered before connections close, and new ones get a 503;
  // only after the grace period (ANTT_SHUTDOWN_GRACE_MS, default 30 s: a write under heavy load can take
  // seconds) are the connections left cut.
  const drain = new HttpDrain(httpServer);
  const stopGracePeriodMillis = Number(process.env.ANTT_SHUTDOWN_GRACE_MS) || 30_000;
  // How long the port stays open after the drain starts, new requests refused with a 503 instead of reset.
  const lingerMillis = process.env.ANTT_SHUTDOWN_LINGER_MS ? Number(process.env.ANTT_SHUTDOWN_LINGER_MS) : 1000;
  const server = opts.apollo();
  await server.start();
  opts.routes?.(app, (handler) => drain.track(handler));
  // Liveness: the process answers. Readiness: it can do its work (a load balancer sends traffic only then).
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', ...opts.health() });
  });
  // Metrics for Prometheus; when ANTT_METRICS_TOKEN is set, only with that bearer token.
  app.get(
    '/metrics',
    (req, res, next) => {
      const token = process.env.ANTT_METRICS_TOKEN;
      if (token && req.headers.authorization !== `Bearer ${token}`) return void res.status(401).end();
      next();
    },
    metricsEndpoint(metrics),
  );
  app.get('/ready', (req, res) => {
    const r = opts.ready?.(req) ?? { ready: true };
    res.status(r.ready ? 200 : 503).json(r);
  });
  // The steps of /graphql after the first ones, the same functions on both paths.
  const graphqlSteps: RouteStep[] = [
    async (req, _res, next) => {
      try {
        verified.set(req, { identity: await opts.verifier(req.headers.authorization) });
      } catch (error) {
        verified.set(req, { error });
      }
      next();
    },
    rateLimitPerCaller(
      (req) => {
        const v = verified.get(req);
        return v && 'identity' in v ? `${v.identity.organization}:${v.identity.userId}` : null;
      },
      opts.rateLimitPerMinute,
      opts.unauthenticatedPerMinute,
    ),
    // body-parser's JSON (its limit, charsets and encodings): it reads the request's headers and stream only.
    express.json({ limit: opts.bodyLimit ?? '100kb' }) as unknown as RouteStep,
    ...(opts.before ? [opts.before] : []),
  ];
  // Tracked: an operation runs on when its client goes away, and the stop waits for it (drain.ts).
  const apollo = drain.track(answerWithApollo(server, opts.context));
  app.use('/graphql', ...(graphqlSteps as express.RequestHandler[]), apollo as unknown as express.RequestHandler);
  // POST /graphql (the federation's every read and write) and the server's busy POST routes on Node's
  // own objects (node-route.ts); the rest through Express.
  const trust = app.get('trust proxy fn') as (a: string, i: number) => boolean;
  const posts = new Map([['/graphql', nodeRoute('/graphql', [...everyRequest, ...graphqlSteps, apollo], answerRequestError, trust)]]);
  for (const [path, steps] of Object.entries(opts.posts?.((handler) => drain.track(handler)) ?? {})) {
    app.post(path, ...(steps as express.RequestHandler[]));
    posts.set(path, nodeRoute(path, [...everyRequest, ...steps], answerRequestError, trust));
  }
  httpServer.on(
    'request',
    drain.listener((req, res) => {
      const route = req.method === 'POST' ? posts.get(req.url ?? '') : undefined;
      return route ? route(req, res) : app(req, res);
    }),
  );
  // A body over the limit, malformed JSON, any error of a route: a GraphQL-shaped answer without internals.
  // (Express tells an error handler by its four parameters.)
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => answerRequestError(err, req, res));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  // The HTTP server drains first, while Apollo still executes; then Apollo stops (its plugins' hooks).
  const stop = async () => {
    opts.onStop?.();
    const graceful = await drain.stop(stopGracePeriodMillis, lingerMillis);
    if (!graceful) log.warn({ service: opts.service, graceMs: stopGracePeriodMillis }, 'shutdown grace period over: remaining connections cut');
    await server.stop();
  };
  return { url: `http://${opts.host ?? '127.0.0.1'}:${port}/graphql`, port, stop, [Symbol.asyncDispose]: stop };
}
