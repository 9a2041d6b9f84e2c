/**
 * The hardened edge over HTTP: authentication failures, query-shape attacks refused before any
 * subgraph is called, batching, CSRF, request size, rate limits, identity headers, _entities from
 * outside, error masking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url } from 'jose';
import { generateSigningKey, signToken } from '@antt/auth';
import { BINH_THUAN, PROVINCE, bearer, dashboard, leadership, staff, testKey } from '@antt/testing';
import { post, startFederation, type Federation } from '../support/federation.js';

let fed: Federation;
const calls: string[] = [];
beforeAll(async () => {
  fed = await startFederation({ onSubgraphCall: (s) => calls.push(s), rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await fed?.stop();
});

const QUERY = '{ unit(id: "province:14") { name } }';

describe('authentication at every server', () => {
  const who = leadership();
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an expired token', async () => bearer(who, { expiresIn: Math.floor(Date.now() / 1000) - 10 })],
    ['the wrong issuer', async () => bearer(who, { issuer: 'evil' })],
    ['the wrong audience', async () => bearer(who, { audience: 'other' })],
    ['another key', async () => `Bearer ${await signToken(await generateSigningKey(), who)}`],
    [
      'alg: none',
      async () =>
        `Bearer ${base64url.encode('{"alg":"none","typ":"JWT"}')}.${base64url.encode(JSON.stringify({ sub: 'x', org: 'province', unit: PROVINCE, roles: ['LEADERSHIP'], iss: 'antt-graph', aud: 'antt-graph', exp: 9999999999 }))}.`,
    ],
    [
      'HS256 signed with the public key',
      async () => {
        const k = await testKey();
        return `Bearer ${await new SignJWT({ org: 'province', unit: PROVINCE, roles: ['LEADERSHIP'] })
          .setProtectedHeader({ alg: 'HS256', kid: k.kid })
          .setIssuer('antt-graph')
          .setAudience('antt-graph')
          .setSubject('x')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(JSON.stringify(k.publicJwk)))}`;
      },
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await bearer(staff('women', BINH_THUAN))).slice(7).split('.');
        return `Bearer ${h}.${base64url.encode(JSON.stringify({ sub: 'x', org: 'police', unit: PROVINCE, roles: ['INVESTIGATOR'], iss: 'antt-graph', aud: 'antt-graph', exp: 9999999999 }))}.${s}`;
      },
    ],
  ];
  it.each(cases)('refuses %s with 401, at the gateway and at a subgraph', async (_w, token) => {
    const t = await token();
    for (const url of [fed.gateway.url, fed.subgraphs.police.url]) {
      const res = await post(url, QUERY, {}, t);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('query-shape attacks', () => {
  const deep = `{ unit(id: "province:14") { ${'children { '.repeat(14)}id${' }'.repeat(14)} } }`;
  const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: unit(id: "province:14") { name }`).join(' ')} }`;
  const tokens = `{ unit(id: "province:14") { ${Array.from({ length: 3000 }, () => 'name').join(' ')} } }`;
  const directives = `{ unit(id: "province:14") { name ${'@include(if: true) '.repeat(40)} } }`;
  it.each([
    ['too deep', deep],
    ['too many aliases', aliases],
    ['too many tokens', tokens],
    ['too many directives', directives],
  ])('refuses a query %s before any subgraph is called', async (_w, q) => {
    calls.length = 0;
    const res = await post(fed.gateway.url, q, {}, leadership());
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data).toBeUndefined();
    expect(calls).toEqual([]);
  });

  // Each level of `children` multiplies what is asked: a few dozen fields that ask for billions of objects.
  const nested = '{ units { children { parent { children { parent { children { parent { children { name } } } } } } } } }';
  it.each([
    ['nested unpaginated lists, at the gateway', () => fed.gateway.url, nested, {}],
    ['nested unpaginated lists, directly at a subgraph', () => fed.subgraphs.women.url, nested, {}],
    [
      'a page size in a variable that multiplies the selection',
      () => fed.gateway.url,
      'query ($n: Int) { womenProtectionCases(first: $n) { nodes { id history { version } } } }',
      { n: 100_000 },
    ],
  ])('refuses %s with 400, before anything runs, without saying the limit', async (_w, url, q, variables) => {
    calls.length = 0;
    const res = await post(url(), q, variables, staff('women', PROVINCE));
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions, res.errors?.[0]?.message).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT' });
    expect(res.errors?.[0]?.message).toMatch(/^Truy vấn quá nặng/);
    expect(res.errors?.[0]?.message).not.toMatch(/\d/);
    expect(calls).toEqual([]);
  });

  it('lets the largest real query through: every commune of the map with its name', async () => {
    const res = await post(fed.gateway.url, '{ units(level: COMMUNE) { id name children { id name } } }', {}, leadership());
    expect(res.errors).toBeUndefined();
  });

  it('refuses a batch of operations in one request', async () => {
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(leadership()) },
      body: JSON.stringify([{ query: QUERY }, { query: QUERY }]),
    });
    expect(res.status).toBe(400);
  });

  it('refuses an oversized body', async () => {
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(leadership()) },
      body: JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(res.status).toBe(413);
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple cross-site request (GET without a preflight header, or text/plain)', async () => {
    const auth = await bearer(leadership());
    const get = await fetch(`${fed.gateway.url}?query=${encodeURIComponent(QUERY)}`, { headers: { authorization: auth } });
    expect(get.status).toBe(400);
    const plain = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: auth },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(plain.status).toBe(400);
  });
});

describe('subgraphs trust no one by default', () => {
  it('ignores identity headers a client sends: only the token counts', async () => {
    const res = await fetch(fed.subgraphs.women.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: await bearer(dashboard()),
        'x-user-id': 'admin',
        'x-antt-org': 'women',
        'x-roles': 'STAFF,LEADERSHIP',
      },
      body: JSON.stringify({ query: '{ womenActivities { totalCount } }' }),
    });
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('answers _entities and _service only to the gateway', async () => {
    for (const q of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "WomenActivity", id: "1" }]) { ... on WomenActivity { topic } } }']) {
      const res = await post(fed.subgraphs.women.url, q, {}, staff('women', BINH_THUAN));
      expect(res.errors?.[0]).toMatchObject({ message: '_entities và _service chỉ dành cho gateway.', extensions: { code: 'FORBIDDEN' } });
    }
    const forged = await fetch(fed.subgraphs.women.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(staff('women', BINH_THUAN)), 'x-antt-gateway': 'guess' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(((await forged.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });
});

describe('rate limit per token', () => {
  it('answers 429 past the limit, counting each token on its own', async () => {
    const small = await startFederation({ rateLimitPerMinute: 3 });
    try {
      const a = await bearer(leadership());
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await post(small.gateway.url, QUERY, {}, a)).status);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect((await post(small.gateway.url, QUERY, {}, staff('women', BINH_THUAN))).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});

describe('error masking', () => {
  it('tells a client a subgraph failed without its URL, stack or internals', async () => {
    const broken = await startFederation();
    await broken.subgraphs.infocomm.stop();
    try {
      const res = await post(
        broken.gateway.url,
        '{ unit(id: "province:14") { name infocomm { activityCounts(periodId: "2024") { count } } women { activityCounts(periodId: "2024") { count } } } }',
        {},
        leadership(),
      );
      // Everything but the stopped organization's part; the error names the organization, not how it failed.
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.errors);
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|fetch failed|stack|\/work\/|\.ts:/);
      expect(res.errors).toEqual([
        {
          message: 'Sở Thông tin và Truyền thông tỉnh Sơn La tạm thời không trả lời: phần số liệu này để trống.',
          path: ['unit', 'infocomm'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', organization: 'Sở Thông tin và Truyền thông tỉnh Sơn La' },
        },
      ]);
    } finally {
      await broken.stop().catch(() => undefined);
    }
  });
});
