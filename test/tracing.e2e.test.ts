/**
 * OpenTelemetry traces (packages/subgraph-kit/src/tracing.ts) with an in-memory exporter: a request to
 * the gateway makes its SERVER span, a CLIENT span per subgraph fetch, and in the subgraph a SERVER span
 * and a span per root field, all in one trace: the subgraph continues the gateway's through `traceparent`.
 * Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { SpanKind } from '@opentelemetry/api';
import { startGateway } from '@antt/gateway';
import { SERVICE_ATTRIBUTE, startTracing, stopTracing, type RunningServer } from '@antt/subgraph-kit';
import { staff, testVerifier, CHIENG_PHA } from '@antt/testing';
import { post } from './support/federation.js';
import { FAULT_SECRETS, startInProcess, urlsOrNowhere } from './faults/support/processes.js';

const exporter = new InMemorySpanExporter();
let women: Awaited<ReturnType<typeof startInProcess>>;
let gateway: RunningServer;
beforeAll(async () => {
  expect(await startTracing('test', { env: {} })).toBe(false);
  expect(await startTracing('test', { exporter })).toBe(true);
  women = await startInProcess(['women']);
  gateway = await startGateway({
    verifier: await testVerifier(),
    gatewaySecret: FAULT_SECRETS,
    auditFile: ':memory:',
    subgraphUrls: urlsOrNowhere(women.urls),
  });
});
afterAll(async () => {
  await gateway?.stop();
  await women?.stop();
  await stopTracing();
});

const service = (s: ReadableSpan) => s.attributes[SERVICE_ATTRIBUTE];
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

describe('traces across the gateway and a subgraph', () => {
  it('puts the gateway request, its subgraph fetch and the subgraph’s request and resolver in one trace', async () => {
    exporter.reset();
    const res = await post(fed(), `{ womenActivities(first: 1) { totalCount } }`, {}, staff('women', CHIENG_PHA));
    expect(res.errors).toBeUndefined();
    const spans = await finished((all) => all.some((s) => service(s) === 'gateway' && s.kind === SpanKind.SERVER));
    const gatewayRequest = spans.find((s) => service(s) === 'gateway' && s.kind === SpanKind.SERVER && s.name === 'POST /graphql')!;
    const fetch = spans.find((s) => s.kind === SpanKind.CLIENT && s.name === 'subgraph women')!;
    const subgraphRequest = spans.find((s) => service(s) === 'women' && s.kind === SpanKind.SERVER)!;
    const resolver = spans.find((s) => service(s) === 'women' && s.name === 'Query.womenActivities')!;
    // One trace: gateway request -> (@apollo/gateway's own request, execute, fetch spans) -> our fetch
    // span -> the subgraph's request, continued from traceparent -> its root field's resolver.
    const trace = gatewayRequest.spanContext().traceId;
    for (const s of [fetch, subgraphRequest, resolver]) expect(s.spanContext().traceId).toBe(trace);
    expect(parentOf(resolver)).toBe(subgraphRequest.spanContext().spanId);
    expect(parentOf(subgraphRequest)).toBe(fetch.spanContext().spanId);
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const chain: string[] = [];
    for (let s: ReadableSpan | undefined = fetch; s; s = byId.get(parentOf(s) ?? '')) chain.push(s.name);
    expect(chain).toEqual(['subgraph women', 'gateway.fetch', 'gateway.execute', 'gateway.request', 'POST /graphql']);
    expect(parentOf(gatewayRequest)).toBeUndefined();
    expect(resolver.attributes['db.system.name']).toBe('sqlite');
  });

  it('starts a new trace for each request from outside', async () => {
    exporter.reset();
    await post(fed(), `{ womenActivities(first: 1) { totalCount } }`, {}, staff('women', CHIENG_PHA));
    await post(fed(), `{ womenActivities(first: 1) { totalCount } }`, {}, staff('women', CHIENG_PHA));
    const isRoot = (s: ReadableSpan) => service(s) === 'gateway' && s.kind === SpanKind.SERVER;
    const roots = (await finished((all) => all.filter(isRoot).length === 2)).filter(isRoot);
    expect(roots).toHaveLength(2);
    expect(new Set(roots.map((s) => s.spanContext().traceId)).size).toBe(2);
    for (const r of roots) expect(parentOf(r)).toBeUndefined();
  });
});

/** The spans finished so far, once `ready` holds (a server's span ends when its answer is written). */
async function finished(ready: (spans: ReadableSpan[]) => boolean): Promise<ReadableSpan[]> {
  for (let i = 0; i < 500 && !ready(exporter.getFinishedSpans()); i++) await new Promise((r) => setTimeout(r, 10));
  return exporter.getFinishedSpans();
}

function fed(): string {
  return gateway.url;
}
