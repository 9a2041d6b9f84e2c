/**
 * Every subgraph serves the GraphQL explorer for its own /graphql (packages/subgraph-kit/src/pages.ts):
 * the explorer page and its assets from the same build as the gateway's, nothing else of the pages; off
 * in production unless ANTT_EXPLORER=1; a clear Vietnamese page, never a 500, when the pages are not
 * built. The browser test (test/browser/pages.e2e.test.ts) runs a query in it with the network cut.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { explorerEnabled, openOrganizationDatabase, pagesRouter, startSubgraph, type RunningServer } from '@antt/subgraph-kit';
import { testVerifier } from '@antt/testing';
import { SUBGRAPHS } from '@antt/gateway';

const dist = mkdtempSync(join(tmpdir(), 'antt-pages-'));
mkdirSync(join(dist, 'kham-pha'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>bảng điều khiển</title>');
writeFileSync(join(dist, 'kham-pha', 'index.html'), '<!doctype html><title>Trình khám phá</title><script src="/app/assets/explorer-abc.js"></script>');
writeFileSync(join(dist, 'assets', 'explorer-abc.js'), 'console.log(1)');

let server: RunningServer;
let base = '';
let close = () => {};

beforeAll(async () => {
  const sg = SUBGRAPHS.find((s) => s.name === 'women')!;
  const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: false });
  server = await startSubgraph(sg, { db, verifier: await testVerifier(), gatewaySecret: 'explorer-test-secret', port: 0, appDist: dist });
  base = server.url.replace(/\/graphql$/, '');
  close = () => sqlite.close();
});
afterAll(async () => {
  await server?.stop();
  close();
  rmSync(dist, { recursive: true, force: true });
});

/** An express app serving the router alone, for the settings a running subgraph would take from its environment. */
async function alone(router: express.Router): Promise<{ url: string; stop: () => void }> {
  const app = express();
  app.use('/app', router);
  const s = await new Promise<import('node:http').Server>((r) => {
    const srv = app.listen(0, '127.0.0.1', () => r(srv));
  });
  return { url: `http://127.0.0.1:${(s.address() as import('node:net').AddressInfo).port}`, stop: () => void s.close() };
}

describe('the explorer on a subgraph', () => {
  it('serves the explorer page and its assets, under a policy that forbids any other origin', async () => {
    const res = await fetch(`${base}/app/kham-pha/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Trình khám phá');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const asset = await fetch(`${base}/app/assets/explorer-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it("serves none of the gateway's other pages: a Vietnamese page pointing to the explorer", async () => {
    for (const path of ['/app/', '/app/can-bo/', '/app/index.html']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(text).toContain('chỉ phục vụ');
      expect(text).toContain('/app/kham-pha/');
    }
  });

  it('is off in production unless ANTT_EXPLORER=1, and says how to turn it on', async () => {
    expect(explorerEnabled({ ANTT_ENV: 'production' })).toBe(false);
    expect(explorerEnabled({ ANTT_ENV: 'production', ANTT_EXPLORER: '1' })).toBe(true);
    expect(explorerEnabled({ ANTT_EXPLORER: '0' })).toBe(false);
    expect(explorerEnabled({})).toBe(true);
    const off = await alone(pagesRouter(dist, { explorer: false, explorerOnly: true }));
    try {
      const res = await fetch(`${off.url}/app/kham-pha/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('ANTT_EXPLORER=1');
    } finally {
      off.stop();
    }
  });

  it('answers a Vietnamese page, not a 500, where the pages were not built', async () => {
    const none = await alone(pagesRouter(join(dist, 'missing'), { explorer: true, explorerOnly: true }));
    try {
      const res = await fetch(`${none.url}/app/kham-pha/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('pnpm app:build');
    } finally {
      none.stop();
    }
  });
});
