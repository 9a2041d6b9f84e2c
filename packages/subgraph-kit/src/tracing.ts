/**
 * OpenTelemetry traces across the gateway and the subgraphs, with the official SDK: off by default, on
 * when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set (spans are then sent over OTLP/HTTP to
 * `<endpoint>/v1/traces`; the exporter reads the other standard OTEL_EXPORTER_OTLP_* variables itself).
 *
 * What is traced: one SERVER span per HTTP request of every server (http.ts), continuing the caller's
 * trace from its `traceparent` header (W3C trace context); on the gateway, one CLIENT span per subgraph
 * fetch, whose context goes to the subgraph in `traceparent`; in a subgraph, one span per root field
 * resolved (`Query.x`, `Mutation.x`, `Query._entities`), where an organization's database work is done,
 * and one CLIENT span per SQL statement executed (traceStatements, statement kind and table only). Each
 * server's request span carries the request id (`antt.request_id`).
 * Off, the API's no-op tracer costs a few function calls per request.
 */
import { SpanKind, SpanStatusCode, context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
// Types only: the SDK, the OTLP exporter and the resources are loaded when tracing is switched on, not at
// start (about 0.3-0.5 s of CPU per process to load them, for a feature off by default; issue 17).
import type { NodeTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { GraphQLSchema } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { RouteStep } from './node-route.js';
import { defaultFieldResolver } from './graphql-structural.js';

const TRACER = 'antt-graph';
/** The service a span was made in (one process may hold several in tests and in `pnpm start`). */
export const SERVICE_ATTRIBUTE = 'antt.service';
/** The request id on each server's request span (the same from the gateway into every subgraph). */
export const REQUEST_ID_ATTRIBUTE = 'antt.request_id';

let provider: NodeTracerProvider | undefined;

/**
 * Starts the SDK once per process when OTEL_EXPORTER_OTLP_ENDPOINT is set, or with `exporter` (tests:
 * an in-memory exporter, spans handed over at once); returns whether tracing is on. The SDK's modules
 * are loaded here, only when tracing is on.
 */
export async function startTracing(service: string, opts: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): Promise<boolean> {
  if (provider) return true;
  const env = opts.env ?? process.env;
  if (!opts.exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  const [{ BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  // Two callers racing through the imports: the first one's provider stands.
  if (provider) return true;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': `antt-graph-${service}` }),
    spanProcessors: [opts.exporter ? new SimpleSpanProcessor(opts.exporter) : new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The global tracer, AsyncLocalStorage context and W3C trace-context propagation.
  provider.register();
  return true;
}

/** Sends what is buffered and stops tracing (at shutdown; tests between files). */
export async function stopTracing(): Promise<void> {
  const p = provider;
  provider = undefined;
  if (!p) return;
  await p.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

const tracer = () => trace.getTracer(TRACER);

const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Express middleware: a SERVER span per request (not /health, /ready, /metrics), child of the caller's trace when its `traceparent`
 * says so; everything the request does runs in its context. Ends when the answer is written.
 */
export function traceRequests(service: string): RouteStep {
  return (req, res, next) => {
    // Probes (load balancers, the gateway's report watermark probe every few seconds) make no trace.
    if (UNTRACED_PATHS.has(req.path)) return next();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer().startSpan(
      `${req.method} ${req.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': req.method, 'url.path': req.path },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      // The request id (observe() set it; a subgraph takes the gateway's): logs, audit trails and traces meet on it.
      if (typeof res.locals.requestId === 'string') span.setAttribute(REQUEST_ID_ATTRIBUTE, res.locals.requestId);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/**
 * Runs `work` in a CLIENT span for one subgraph fetch; `inject` (called inside, before the request
 * leaves) puts the span's context into the request's headers.
 */
export async function traceSubgraphFetch<T>(service: string, subgraph: string, work: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(
    `subgraph ${subgraph}`,
    { kind: SpanKind.CLIENT, attributes: { [SERVICE_ATTRIBUTE]: service, 'antt.subgraph': subgraph } },
    async (span) => {
      try {
        return await work();
      } catch (e) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}

/** `work`, bound to the trace context active now: run later from elsewhere (a batch sent for several callers), its request still belongs to this span. */
export function inThisTrace<A extends unknown[], T>(work: (...args: A) => T): (...args: A) => T {
  return context.bind(context.active(), work);
}

/** Puts the active trace context into outgoing headers (`traceparent`), for a request to another service. */
export function injectTraceContext(headers: { set(name: string, value: string): unknown }, ctx: Context = context.active()): void {
  propagation.inject(ctx, headers, { set: (carrier, key, value) => void carrier.set(key, value) });
}

/** The trace context a request's headers carry (tests and tools). */
export function extractTraceContext(headers: IncomingHttpHeaders): Context {
  return propagation.extract(context.active(), headers);
}

/**
 * A span per root field of a subgraph, where resolvers read and write the database: the schema's Query
 * and Mutation resolvers wrapped in place, once. (An Apollo plugin's `willResolveField` hook did this
 * before, and made Apollo Server instrument every field of every request, nested ones included.) Apply
 * it over every other wrapper, so that the span holds the whole field, its transaction included.
 */
export function traceRootFields(schema: GraphQLSchema, service: string): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      const attributes = { [SERVICE_ATTRIBUTE]: service, 'graphql.field.path': name, 'db.system.name': 'sqlite' };
      field.resolve = (source, args, ctx, info) => {
        const span: Span = tracer().startSpan(name, { kind: SpanKind.INTERNAL, attributes });
        const fail = (error: unknown): never => {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw error;
        };
        let result: unknown;
        try {
          result = resolve(source, args, ctx, info);
        } catch (error) {
          return fail(error);
        }
        if (typeof (result as { then?: unknown } | null)?.then !== 'function') {
          span.end();
          return result;
        }
        return (result as Promise<unknown>).then((value) => {
          span.end();
          return value;
        }, fail);
      };
    }
  }
  return schema;
}

/** Statement kind and table of an SQL text, for a span's name and attributes: never a value. */
export function statementShape(sql: string): { operation: string; table: string | null } {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim();
  const operation = (/^[a-z]+/i.exec(text)?.[0] ?? 'SQL').toUpperCase();
  // The first table the statement names: INSERT INTO t, UPDATE t, DELETE FROM t, SELECT ... FROM t.
  const m = /\b(?:into|update|from)\s+["`[]?([A-Za-z_][A-Za-z0-9_]*)/i.exec(text);
  return { operation, table: m?.[1] ?? null };
}

const EXECUTING = new Set(['run', 'get', 'all', 'iterate']);
const traced = new WeakSet<object>();

/**
 * A span per SQL statement executed on this connection (`SELECT reports`, kind CLIENT), child of the
 * active span: in a subgraph, its request's span (the root field's span is not made the active context,
 * resolvers run inside Apollo's execution), so it sits beside the root field's span, within its time.
 * The trace's resource names the service. Only `db.system.name`, `db.operation.name` and
 * `db.collection.name`: never the statement's parameters or results. Installed only when tracing is on
 * when the database is opened (off, statements are not wrapped at all); statements prepared by drizzle
 * and by the kit alike go through `prepare`. Costs measured in OPERATIONS.md ("Logs and metrics").
 */
export function traceStatements(sqlite: { prepare: (source: string) => object }): void {
  if (!provider || traced.has(sqlite)) return;
  traced.add(sqlite);
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = (source: string) => {
    const statement = prepare(source);
    const { operation, table } = statementShape(source);
    const name = table ? `${operation} ${table}` : operation;
    const attributes = {
      'db.system.name': 'sqlite',
      'db.operation.name': operation,
      ...(table ? { 'db.collection.name': table } : {}),
    };
    const proxy: object = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        if (typeof key === 'string' && EXECUTING.has(key))
          return (...args: unknown[]) => {
            const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes });
            try {
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            } catch (e) {
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw e;
            } finally {
              span.end();
            }
          };
        // pluck(), raw(), bind()... return the statement itself: the proxy stays in the caller's hands.
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
}
