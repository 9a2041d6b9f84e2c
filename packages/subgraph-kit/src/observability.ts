/**
 * What operators see of every server (the gateway and each subgraph): structured JSON logs with pino,
 * one line per request carrying the request id that follows it from the gateway into every subgraph
 * and the audit trail; metrics in Prometheus text format with prom-client at GET /metrics.
 *
 * Logs never hold a token, a query's variables or a record's content: the request line says who
 * (the verified subject, once known), what (the operation's name), how it ended and how long it took.
 * Set ANTT_LOG_LEVEL (default info; `silent` in tests) to change what is written.
 */
import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { RouteRequest, RouteStep } from './node-route.js';
import { pino, type Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { REQUEST_ID_HEADER } from './federation-guard.js';

const level = process.env.ANTT_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');

/** The process's logger; `service` names the server in every line. */
export const log: Logger = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });

/** A logger for one server. */
export function serviceLog(service: string): Logger {
  return log.child({ service });
}

export interface Metrics {
  registry: Registry;
  requests: Counter<'status'>;
  latency: Histogram<'status'>;
  /** The gateway's calls to subgraphs that did not answer, by subgraph and why. */
  subgraphFailures: Counter<'subgraph' | 'reason'>;
  /** Set from the server's own figures when /metrics is read (database size, audit chain length). */
  gauges: Map<string, Gauge>;
}

/** A registry per server (tests run many servers in one process), with Node's default metrics. */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({ name: 'antt_http_requests_total', help: 'GraphQL HTTP requests, by status', labelNames: ['status'], registers: [registry] }),
    latency: new Histogram({
      name: 'antt_http_request_duration_seconds',
      help: 'GraphQL HTTP request duration in seconds, by status',
      labelNames: ['status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 15],
      registers: [registry],
    }),
    subgraphFailures: new Counter({
      name: 'antt_subgraph_failures_total',
      help: 'Calls from the gateway to a subgraph that got no answer, by subgraph and reason (timeout, refused, circuit open, 5xx)',
      labelNames: ['subgraph', 'reason'],
      registers: [registry],
    }),
    gauges: new Map(),
  };
}

/** A gauge read fresh at each scrape (`read` returns the current value). */
export function gaugeOf(m: Metrics, name: string, help: string, read: () => number): void {
  if (m.gauges.has(name)) return;
  m.gauges.set(
    name,
    new Gauge({
      name,
      help,
      registers: [m.registry],
      collect() {
        this.set(read());
      },
    }),
  );
}

/** The request id of a request: the gateway's (forwarded to subgraphs), else a new one. */
export function requestIdOf(req: Pick<RouteRequest, 'headers'>): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
}

/**
 * Express middleware: gives each request its id (res.locals.requestId and the x-request-id response
 * header), logs one JSON line when it ends, and counts it.
 */
export function observe(logger: Logger, metrics: Metrics): RouteStep {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: Express takes the mount path off (`/` for /graphql) by the time the answer is written.
    const path = req.path;
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = String(res.statusCode);
      metrics.requests.inc({ status });
      metrics.latency.observe({ status }, seconds);
      const body = req.body as { operationName?: unknown } | undefined;
      // Probes answered well (the gateway reads every subgraph's /ready every few seconds) go to debug, not to every log.
      const probe = res.statusCode < 400 && (path === '/ready' || path === '/health');
      logger[probe ? 'debug' : 'info'](
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          operation: typeof body?.operationName === 'string' ? body.operationName.slice(0, 100) : undefined,
          subject: typeof res.locals.subject === 'string' ? res.locals.subject : undefined,
        },
        'request',
      );
    });
    next();
  };
}

/** GET /metrics in Prometheus text format. */
export function metricsEndpoint(metrics: Metrics): express.RequestHandler {
  return async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  };
}

/**
 * The phases of a server's start, one JSON log line each (`msg: "start phase"`): which phase, how long it
 * took (`ms`), how long since the process began (`sinceStartMs`, so module loading before the first phase
 * shows as the first phase's start) and the resident memory then (`rssMiB`). `pnpm start` reads these
 * lines as progress: a start that keeps logging phases is slow, not stuck (issue 17).
 */
export interface StartPhases {
  /** Runs `fn` as the phase `name` and logs it when it ends (also when it throws, with `failed: true`). */
  run<T>(name: string, fn: () => T, extra?: (result: T) => Record<string, unknown>): T;
  /** The same for an asynchronous phase. */
  runAsync<T>(name: string, fn: () => Promise<T>, extra?: (result: T) => Record<string, unknown>): Promise<T>;
  /** Logs a phase measured elsewhere (module loading: from the process's start until now). */
  mark(name: string, ms: number, extra?: Record<string, unknown>): void;
}

export function startPhases(service: string, logger: Logger = log): StartPhases {
  const line = (phase: string, ms: number, extra: Record<string, unknown> = {}) =>
    logger.info(
      {
        service,
        phase,
        ms: Math.round(ms),
        sinceStartMs: Math.round(performance.now()),
        rssMiB: Math.round(process.memoryUsage.rss() / 1048576),
        ...extra,
      },
      'start phase',
    );
  return {
    run(name, fn, extra) {
      const t = performance.now();
      let result;
      try {
        result = fn();
      } catch (e) {
        line(name, performance.now() - t, { failed: true });
        throw e;
      }
      line(name, performance.now() - t, extra?.(result));
      return result;
    },
    async runAsync(name, fn, extra) {
      const t = performance.now();
      let result;
      try {
        result = await fn();
      } catch (e) {
        line(name, performance.now() - t, { failed: true });
        throw e;
      }
      line(name, performance.now() - t, extra?.(result));
      return result;
    },
    mark: line,
  };
}
