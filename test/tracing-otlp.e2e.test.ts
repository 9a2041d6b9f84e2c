/**
 * Traces as an operator receives them: the SDK started as in production (OTEL_EXPORTER_OTLP_ENDPOINT set,
 * batched, the official OTLP/HTTP exporter, which sends OTLP's JSON encoding), and an OTLP/HTTP receiver in
 * this test that accepts `POST /v1/traces` and decodes what arrives. One request through the gateway is
 * one trace: the gateway's request span (with the request id), its fetch of the subgraph, the subgraph's
 * request span (the same request id) with its root field's span and a span per SQL statement under it, that
 * carries the statement's kind and table only (packages/subgraph-kit/src/tracing.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '@antt/gateway';
import { REQUEST_ID_ATTRIBUTE, SERVICE_ATTRIBUTE, startTracing, stopTracing, type RunningServer } from '@antt/subgraph-kit';
import { bearer, staff, testVerifier, CHIENG_PHA } from '@antt/testing';
import { FAULT_SECRETS, startInProcess, urlsOrNowhere } from './faults/support/processes.js';

/** A span as OTLP's JSON encoding carries it, with its attributes flattened. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}
type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpRequest = {
  resourceSpans?: {
    scopeSpans?: {
      spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: { key: string; value: OtlpValue }[] }[];
    }[];
  }[];
};

// OTLP/JSON writes ids as hex; an exporter that wrote them base64 (protobuf-JSON style) is read too.
const hexId = (id: string | undefined) => (!id ? '' : /^[0-9a-f]+$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));
const valueOf = (v: OtlpValue) => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.doubleValue));

const received: ReceivedSpan[] = [];
const contentTypes = new Set<string>();
let receiver: Server;
let women: Awaited<ReturnType<typeof startInProcess>>;
let gateway: RunningServer;
const saved = { endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT, delay: process.env.OTEL_BSP_SCHEDULE_DELAY };

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') return void res.writeHead(404).end();
      contentTypes.add(String(req.headers['content-type']));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpRequest;
      for (const rs of body.resourceSpans ?? [])
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            received.push({
              traceId: hexId(s.traceId),
              spanId: hexId(s.spanId),
              parentSpanId: hexId(s.parentSpanId),
              name: s.name,
              kind: s.kind,
              attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, valueOf(a.value)])),
            });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Batches leave every 50 ms instead of 5 s, so that the test need not wait.
  process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
  expect(await startTracing('test')).toBe(true);
  // Opened after tracing started: their statements are traced.
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
  await new Promise((r) => receiver?.close(r));
  if (saved.endpoint === undefined) delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  else process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved.endpoint;
  if (saved.delay === undefined) delete process.env.OTEL_BSP_SCHEDULE_DELAY;
  else process.env.OTEL_BSP_SCHEDULE_DELAY = saved.delay;
});

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
const ALLOWED_SQL_ATTRIBUTES = new Set(['db.system.name', 'db.operation.name', 'db.collection.name']);

describe('traces sent over OTLP/HTTP to a receiver', () => {
  it('makes one request through the gateway one trace, gateway → subgraph → SQL, with the request id', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(staff('women', CHIENG_PHA)) },
      body: JSON.stringify({ query: `query ($u: ID) { womenActivities(first: 1, unitId: $u) { totalCount } }`, variables: { u: CHIENG_PHA } }),
    });
    const requestId = res.headers.get('x-request-id')!;
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(requestId).toBeTruthy();

    const root = await waitFor(() =>
      received.find((s) => s.kind === SPAN_KIND_SERVER && s.attributes[SERVICE_ATTRIBUTE] === 'gateway' && s.attributes[REQUEST_ID_ATTRIBUTE] === requestId),
    );
    const inTrace = () => received.filter((s) => s.traceId === root.traceId);
    // The subgraph's spans end before the gateway's request span, but arrive in their own batches: wait for the SQL ones.
    await waitFor(() => inTrace().some((s) => s.attributes['db.system.name'] === 'sqlite' && s.kind === SPAN_KIND_CLIENT) || undefined);
    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const chainOf = (s: ReceivedSpan) => {
      const names: string[] = [];
      for (let c: ReceivedSpan | undefined = s; c; c = byId.get(c.parentSpanId)) names.push(c.name);
      return names;
    };
    const subgraphRequest = spans.find((s) => s.kind === SPAN_KIND_SERVER && s.attributes[SERVICE_ATTRIBUTE] === 'women')!;
    expect(subgraphRequest.attributes[REQUEST_ID_ATTRIBUTE]).toBe(requestId);
    const sql = spans.filter((s) => s.attributes['db.system.name'] === 'sqlite' && s.kind === SPAN_KIND_CLIENT);
    const read = sql.find((s) => s.attributes['db.operation.name'] === 'SELECT' && s.attributes['db.collection.name'] === 'activities');
    expect(read, `SQL spans: ${sql.map((s) => s.name).join(', ')}`).toBeDefined();
    // The SQL span hangs under the subgraph's request (beside its root field's span), under the gateway's request.
    expect(spans.some((s) => s.name === 'Query.womenActivities' && s.parentSpanId === subgraphRequest.spanId)).toBe(true);
    expect(read!.parentSpanId).toBe(subgraphRequest.spanId);
    expect(chainOf(read!)).toEqual([
      'SELECT activities',
      'POST /graphql',
      'subgraph women',
      'gateway.fetch',
      'gateway.execute',
      'gateway.request',
      'POST /graphql',
    ]);
    for (const s of sql) {
      expect(Object.keys(s.attributes).every((k) => ALLOWED_SQL_ATTRIBUTES.has(k))).toBe(true);
      expect(s.name).toMatch(/^[A-Z]+( [a-z_0-9]+)?$/);
    }
    // No span carries the variables (the unit asked about) or the token.
    const all = JSON.stringify(spans);
    for (const secret of [CHIENG_PHA, 'Bearer']) expect(all).not.toContain(secret);
    expect([...contentTypes]).toEqual(['application/json']);
  });
});

async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Not received in time; spans so far: ${received.map((s) => s.name).join(', ')}`);
}
