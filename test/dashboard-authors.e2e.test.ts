/**
 * What a dashboard author gets over HTTP: the gateway's CORS allowlist (ANTT_CORS_ORIGINS), the
 * manifest of registered operations (GET /operations.json), hashes of the normalised text accepted
 * beside the text's own, and registered operations read with GET, cacheable by the caller's browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print, parse } from 'graphql';
import { PROVINCE, bearer, dashboard, leadership } from '@antt/testing';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CORS_REFUSED_MESSAGE, explorerEnabled, pagesRouter, readDashboardOperations, sha256 } from '@antt/gateway';
import { post, startFederation, type Federation } from './support/federation.js';
import { comparableAnswer } from './support/answers.js';

const ALLOWED = 'https://bang-dieu-khien.example.vn';
const OTHER = 'https://evil.example.com';

let fed: Federation;
let base: string;
beforeAll(async () => {
  process.env.ANTT_CORS_ORIGINS = `${ALLOWED}, http://localhost:5173`;
  fed = await startFederation();
  delete process.env.ANTT_CORS_ORIGINS;
  base = fed.gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await fed?.stop();
});

const activity = readDashboardOperations().find((o) => o.name === 'DashboardActivityCounts')!;
const variables = { unit: PROVINCE, period: '2024' };

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(fed.gateway.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('answers a preflight from an allowed origin', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('refuses a preflight, and a request, from any other origin, in Vietnamese', async () => {
    const res = await preflight(OTHER);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(CORS_REFUSED_MESSAGE);
    const direct = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json', authorization: await bearer(leadership()) },
      body: JSON.stringify({ query: '{ organizations { id } }' }),
    });
    expect(direct.status).toBe(403);
  });

  it('lets the gateway\u2019s own pages (same origin) and clients without an Origin through', async () => {
    const same = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/json', authorization: await bearer(leadership()) },
      body: JSON.stringify({ query: '{ organizations { id } }' }),
    });
    expect(same.status).toBe(200);
    const plain = await post(fed.gateway.url, '{ organizations { id } }', {}, leadership());
    expect(plain.errors).toBeUndefined();
  });
});

describe('POST /graphql at the gateway, on the route without Express and through Express', () => {
  // node-route.ts: exactly /graphql takes the route without Express, /graphql? goes through Express.
  const cases: [string, () => Promise<Record<string, string>>, unknown][] = [
    ['another origin', async () => ({ origin: OTHER, authorization: await bearer(leadership()) }), { query: '{ organizations { id } }' }],
    ['an allowed origin', async () => ({ origin: ALLOWED, authorization: await bearer(leadership()) }), { query: '{ organizations { id } }' }],
    ['the same origin', async () => ({ origin: base, authorization: await bearer(leadership()) }), { query: '{ organizations { id } }' }],
    [
      'a registered operation by its hash alone',
      async () => ({ authorization: await bearer(dashboard()) }),
      { variables, extensions: { persistedQuery: { version: 1, sha256Hash: activity.textHash } } },
    ],
    [
      'an unknown hash',
      async () => ({ authorization: await bearer(dashboard()) }),
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
    ],
  ];
  it.each(cases)('%s: the same answer', async (_name, headers, body) => {
    const init = async () => ({ method: 'POST', headers: { 'content-type': 'application/json', ...(await headers()) }, body: JSON.stringify(body) });
    const direct = await comparableAnswer(fed.gateway.url, await init());
    expect(direct).toEqual(await comparableAnswer(`${fed.gateway.url}?`, await init()));
    expect(direct.status).toBeLessThan(500);
  });
});

describe('the manifest of registered operations', () => {
  it('lists each operation with both hashes, its variables and what it returns', async () => {
    const res = await fetch(`${base}/operations.json`);
    expect(res.status).toBe(200);
    const m = (await res.json()) as {
      format: string;
      operations: {
        id: string;
        name: string;
        body: string;
        hashes: { sha256Text: string; sha256Normalised: string };
        variables: { name: string; type: string }[];
        returns: { path: string; type: string }[];
      }[];
    };
    expect(m.format).toBe('apollo-persisted-query-manifest');
    expect(m.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['DashboardActivityCounts', 'DashboardStandardIndicators']));
    const ind = m.operations.find((o) => o.name === 'DashboardStandardIndicators')!;
    expect(ind.variables).toEqual(expect.arrayContaining([{ name: 'year', type: 'Int!', required: true }]));
    expect(ind.returns).toEqual(expect.arrayContaining([{ path: 'unit.police.standardIndicators.residentialAreas.ratio', type: expect.any(String) }]));
    expect(ind.hashes.sha256Text).toBe(sha256(ind.body));
    expect(ind.hashes.sha256Normalised).toBe(sha256(print(parse(ind.body))));
  });
});

describe('normalised hashes', () => {
  it('runs a registered operation for a dashboard by the hash of its normalised text, or as that text', async () => {
    const normalised = print(parse(activity.body));
    const byHash = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(dashboard()) },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(normalised) } } }),
    });
    const json = (await byHash.json()) as { data?: { unit: { name: string } }; errors?: unknown };
    expect(json.errors).toBeUndefined();
    expect(json.data!.unit.name).toBe('Tỉnh Sơn La');
    const asText = await post(fed.gateway.url, normalised, variables, dashboard());
    expect(asText.errors).toBeUndefined();
    expect(asText.data).toEqual(json.data);
  });
});

describe('GET for cacheable reads', () => {
  const getUrl = (params: Record<string, unknown>) =>
    `${fed.gateway.url}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]))}`;

  it('serves a registered operation by hash, cacheable privately, with the same answer as POST', async () => {
    for (const hash of [activity.textHash, activity.normalisedHash]) {
      const res = await fetch(getUrl({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), {
        headers: { authorization: await bearer(dashboard()), 'apollo-require-preflight': 'true' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, max-age=60');
      expect(res.headers.get('vary')).toMatch(/authorization/i);
      const byPost = await post(fed.gateway.url, activity.body, variables, dashboard());
      expect(((await res.json()) as { data: unknown }).data).toEqual(byPost.data);
    }
  });

  it('keeps CSRF prevention: a GET without a preflight header is refused', async () => {
    const res = await fetch(getUrl({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: activity.textHash } } }), {
      headers: { authorization: await bearer(dashboard()) },
    });
    expect(res.status).toBe(400);
  });

  it('refuses GET for anything not registered, and names an unknown hash', async () => {
    const res = await fetch(getUrl({ query: '{ organizations { id } }' }), {
      headers: { authorization: await bearer(leadership()), 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/hãy gửi truy vấn khác bằng POST/);
    const unknown = await fetch(getUrl({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('x') } } }), {
      headers: { authorization: await bearer(leadership()), 'apollo-require-preflight': 'true' },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('the pages under /app', () => {
  it('serves the explorer while developing, not in production unless ANTT_EXPLORER=1', async () => {
    expect(explorerEnabled({})).toBe(true);
    expect(explorerEnabled({ ANTT_ENV: 'production' })).toBe(false);
    expect(explorerEnabled({ ANTT_ENV: 'production', ANTT_EXPLORER: '1' })).toBe(true);
    const app = express().use('/app', pagesRouter('/nonexistent', false));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/app/kham-pha/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Trình khám phá không bật trên máy chủ này');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      server.close();
    }
  });

  it('offers no demo users outside demo mode', async () => {
    expect((await fetch(`${base}/app/demo-users.json`)).status).not.toBe(200);
  });
});
