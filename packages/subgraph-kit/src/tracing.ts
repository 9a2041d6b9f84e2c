/**
 * OpenTelemetry traces across the gateway and the subgraphs, with the official SDK: off by default, on
 * when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set (spans are then sent over OTLP/HTTP to
 * `<endpoint>/v1/traces`; the exporter reads the other standard OTEL_EXPORTER_OTLP_* variables itself).
 *
 * What is traced: one SERVER span per HTTP request of every server (http.ts), continuing the caller's
 * trace from its `traceparent` header (W3C trace context); on the gateway, one CLIENT span per subgraph
 * fetch, whose context goes to the subgraph in `traceparent`; in a subgraph, one span per root field
 * resolved (`Query.x`, `Mutation.x`, `Query._entities`), where an organization's database work is done.
 * Off, the API's no-op tracer costs a few function calls per request.
 */
import { SpanKind, SpanStatusCode, context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
// Types only: the SDK, the OTLP exporter and the resources are loaded when tracing is switched on, not at
// start (about 0.3-0.5 s of CPU per process to load them, for a feature off by default; issue 17).
import type { NodeTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { IncomingHttpHeaders } from 'node:http';
import type express from 'express';

const TRACER = 'antt-graph';
/** The service a span was made in (one process may hold several in tests and in `pnpm start`). */
export const SERVICE_ATTRIBUTE = 'antt.service';

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

/**
 * Express middleware: a SERVER span per request, child of the caller's trace when its `traceparent`
 * says so; everything the request does runs in its context. Ends when the answer is written.
 */
export function traceRequests(service: string): express.RequestHandler {
  return (req, res, next) => {
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

/** Puts the active trace context into outgoing headers (`traceparent`), for a request to another service. */
export function injectTraceContext(headers: { set(name: string, value: string): unknown }, ctx: Context = context.active()): void {
  propagation.inject(ctx, headers, { set: (carrier, key, value) => void carrier.set(key, value) });
}

/** The trace context a request's headers carry (tests and tools). */
export function extractTraceContext(headers: IncomingHttpHeaders): Context {
  return propagation.extract(context.active(), headers);
}

/** Apollo plugin of a subgraph: a span per root field, where resolvers read and write the database. */
export function resolverTracingPlugin<T extends BaseContext>(service: string): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (info.path.prev !== undefined) return;
              const span: Span = tracer().startSpan(`${info.parentType.name}.${info.fieldName}`, {
                kind: SpanKind.INTERNAL,
                attributes: { [SERVICE_ATTRIBUTE]: service, 'graphql.field.path': `${info.parentType.name}.${info.fieldName}`, 'db.system.name': 'sqlite' },
              });
              return (error) => {
                if (error) span.setStatus({ code: SpanStatusCode.ERROR });
                span.end();
              };
            },
          };
        },
      };
    },
  };
}
