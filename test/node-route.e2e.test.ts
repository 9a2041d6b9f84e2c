/**
 * POST /graphql has two paths through a server's HTTP shell (packages/subgraph-kit/src/node-route.ts):
 * exactly `/graphql` runs its steps on Node's own request and response, any other spelling of the path
 * (`/graphql?`) goes through Express. Both must answer alike, whatever the request: the same status,
 * headers and body, for a good query and for every way a request is refused before or by Apollo. A
 * subgraph alone (women, in memory) over HTTP; the gateway's own steps (CORS, persisted operations) in
 * dashboard-authors.e2e.test.ts.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrganizationDatabase, startSubgraph, type RunningServer } from '@antt/subgraph-kit';
import { BINH_THUAN, bearer, testVerifier, user } from '@antt/testing';
import { SUBGRAPHS } from '@antt/gateway';
import { comparableAnswer } from './support/answers.js';

/**
 * The women's subgraph alone, in memory, started with `env` set (the shell reads its limits and proxy
 * setting when it starts); stopped, its database closed and the environment as it was after the tests.
 */
function womenWith(env: Record<string, string>): () => RunningServer {
  let running: RunningServer | undefined;
  let close = () => {};
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    Object.assign(process.env, env);
    const sg = SUBGRAPHS.find((s) => s.name === 'women')!;
    const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: false });
    running = await startSubgraph(sg, { db, verifier: await testVerifier(), gatewaySecret: 'route-test-secret', port: 0 });
    close = () => sqlite.close();
  });
  afterAll(async () => {
    await running?.stop();
    close();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });
  return () => running!;
}

const LIMIT = 4;
// A limit low enough to reach: each case below signs in as a user of its own.
const women = womenWith({ ANTT_RATE_LIMIT_PER_MINUTE: String(LIMIT) });

let users = 0;
/** A token of a women's staff member no other case uses (the rate limit counts per user). */
const freshStaff = () => bearer(user('women', BINH_THUAN, ['STAFF'], `route-${++users}`));

interface Sent {
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** The answer to `sent` on `path` (/graphql: the route without Express; /graphql?: through Express). */
const answerTo = (path: string, sent: Sent) =>
  comparableAnswer(women().url.replace(/\/graphql$/, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sent.headers },
    body: sent.body,
  });

const query = (q: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query: q, variables });
const OWN_COUNTS = query('query ($u: ID!) { womenActivities(unitId: $u, first: 5) { totalCount } }', { u: BINH_THUAN });

describe('POST /graphql answers the same on the route without Express and through Express', () => {
  const cases: [string, () => Promise<Sent>][] = [
    ['a good query', async () => ({ headers: { authorization: await freshStaff() }, body: OWN_COUNTS })],
    ['no token', async () => ({ body: OWN_COUNTS })],
    ['a token that is not one', async () => ({ headers: { authorization: 'Bearer abc.def.ghi' }, body: OWN_COUNTS })],
    ['malformed JSON', async () => ({ headers: { authorization: await freshStaff() }, body: '{"query": ' })],
    ['JSON that is not an object', async () => ({ headers: { authorization: await freshStaff() }, body: '"{ __typename }"' })],
    ['a body over the limit', async () => ({ headers: { authorization: await freshStaff() }, body: query(`{ __typename }`, { pad: 'x'.repeat(120_000) }) })],
    ['a gzip body', async () => ({ headers: { authorization: await freshStaff(), 'content-encoding': 'gzip' }, body: gzipSync(OWN_COUNTS) })],
    [
      'an encoding body-parser does not read',
      async () => ({ headers: { authorization: await freshStaff(), 'content-encoding': 'compress' }, body: OWN_COUNTS }),
    ],
    [
      'a charset other than UTF-8',
      async () => ({ headers: { authorization: await freshStaff(), 'content-type': 'application/json; charset=latin1' }, body: OWN_COUNTS }),
    ],
    ['a simple content type (CSRF)', async () => ({ headers: { authorization: await freshStaff(), 'content-type': 'text/plain' }, body: OWN_COUNTS })],
    [
      'no content type',
      async () => ({ headers: { authorization: await freshStaff(), 'content-type': '', 'apollo-require-preflight': '1' }, body: OWN_COUNTS }),
    ],
    ['a field the schema lacks', async () => ({ headers: { authorization: await freshStaff() }, body: query('{ noSuchField }') })],
    ['a syntax error', async () => ({ headers: { authorization: await freshStaff() }, body: query('{ womenActivities( }') })],
    [
      'a refused unit',
      async () => ({
        headers: { authorization: await freshStaff() },
        body: query('query { womenActivities(unitId: "province:14", first: 5) { totalCount } }'),
      }),
    ],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const sent = await make();
    const direct = await answerTo('/graphql', sent);
    const viaExpress = await answerTo('/graphql?', sent);
    expect(direct).toEqual(viaExpress);
    // Never Express's HTML error page, never a 500 for what the caller sent.
    expect(direct.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    expect(direct.status).toBeLessThan(500);
  });

  it("a good query is answered, and a bad body in the user's terms", async () => {
    const good = await answerTo('/graphql', { headers: { authorization: await freshStaff() }, body: OWN_COUNTS });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toEqual({ data: { womenActivities: { totalCount: 0 } } });
    const large = await answerTo('/graphql', { headers: { authorization: await freshStaff() }, body: query('{ __typename }', { pad: 'x'.repeat(120_000) }) });
    expect([large.status, JSON.parse(large.body).errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const charset = await answerTo('/graphql', {
      headers: { authorization: await freshStaff(), 'content-type': 'application/json; charset=latin1' },
      body: OWN_COUNTS,
    });
    expect([charset.status, JSON.parse(charset.body).errors[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('counts both paths against one limit per caller, and refuses alike with the standard headers', async () => {
    const token = await freshStaff();
    const sent = { headers: { authorization: token }, body: OWN_COUNTS };
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await answerTo(i % 2 ? '/graphql?' : '/graphql', sent)).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    const direct = await answerTo('/graphql', sent);
    const viaExpress = await answerTo('/graphql?', sent);
    expect(direct.status).toBe(429);
    expect(direct).toEqual(viaExpress);
    expect(JSON.parse(direct.body).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(direct.headers['ratelimit-policy']).toMatch(new RegExp(`q=${LIMIT}`));
  });

  it("gives each answer its request id and takes the caller's", async () => {
    const res = await fetch(women().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await freshStaff(), 'x-request-id': 'route-test-0001' },
      body: OWN_COUNTS,
    });
    expect(res.headers.get('x-request-id')).toBe('route-test-0001');
    const other = await fetch(women().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await freshStaff() },
      body: OWN_COUNTS,
    });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('behind a trusted proxy (ANTT_TRUST_PROXY)', () => {
  const proxied = womenWith({ ANTT_TRUST_PROXY: 'loopback', ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '2' });

  it('counts requests without a token by the client the proxy names, on both paths alike', async () => {
    const ask = (path: string, client: string) =>
      comparableAnswer(proxied().url.replace(/\/graphql$/, path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: OWN_COUNTS,
      });
    // Two refusals for want of a token use up 10.0.0.1's allowance, one on each path; the third is the rate limit's.
    expect((await ask('/graphql', '10.0.0.1')).status).toBe(401);
    expect((await ask('/graphql?', '10.0.0.1')).status).toBe(401);
    const [direct, viaExpress] = [await ask('/graphql', '10.0.0.1'), await ask('/graphql?', '10.0.0.1')];
    expect(direct.status).toBe(429);
    expect(direct).toEqual(viaExpress);
    // Another client behind the same proxy has its own allowance.
    expect((await ask('/graphql', '10.0.0.2')).status).toBe(401);
  });
});
