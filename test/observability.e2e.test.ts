/**
 * What operators see: one request id from the gateway into every subgraph and the audit trail, and
 * metrics in Prometheus text format on every server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIENG_PHA, bearer, leadership, staff } from '@antt/testing';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(async () => {
  await fed?.stop();
});

const base = (url: string) => url.replace(/\/graphql$/, '');

describe('request ids and metrics', () => {
  it('gives each request an id that the subgraph it calls records in its audit trail', async () => {
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(staff('women')) },
      body: JSON.stringify({
        query: 'mutation ($input: RecordWomenActivityInput!) { recordWomenActivity(input: $input) { id } }',
        variables: { input: { type: 'PROPAGANDA', topic: 'Phòng, chống mua bán người', date: '2021-09-15', unitId: CHIENG_PHA, participants: 40 } },
      }),
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const rows = fed.databases.women.prepare('SELECT count(*) AS n FROM audit_log WHERE request_id = ?').get(id) as { n: number };
    expect(rows.n).toBeGreaterThan(0);
  });

  it('serves Prometheus metrics on the gateway and on a subgraph, without a token', async () => {
    await post(fed.gateway.url, '{ unit(id: "province:14") { name } }', {}, leadership());
    const gateway = await (await fetch(`${base(fed.gateway.url)}/metrics`)).text();
    expect(gateway).toMatch(/^antt_http_requests_total\{status="200",service="gateway"\} \d+/m);
    expect(gateway).toContain('antt_http_request_duration_seconds_bucket');
    const women = await (await fetch(`${base(fed.subgraphs.women.url)}/metrics`)).text();
    expect(women).toMatch(/^antt_database_bytes\{service="women"\} \d+/m);
    expect(women).toMatch(/^antt_audit_entries\{service="women"\} \d+/m);
    expect(women).toMatch(/^antt_write_commits\{service="women"\} \d+/m);
    expect(women).toMatch(/^antt_write_committed_fields\{service="women"\} \d+/m);
  });
});
