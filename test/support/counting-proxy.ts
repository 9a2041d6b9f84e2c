/**
 * The women's union's subgraph behind a counting proxy, for the tests of what the gateway sends it
 * (dedup.e2e, batch.e2e): the proxy holds each request `holdMs`, so that concurrent callers are surely
 * in flight together, and records every GraphQL request (POST; the gateway's readiness and report-
 * watermark probes are GETs to other paths, forwarded but not counted).
 */
import http from 'node:http';
import { SUBGRAPHS } from '@antt/gateway';
import { openOrganizationDatabase, startSubgraph, type RunningServer } from '@antt/subgraph-kit';
import { testVerifier } from '@antt/testing';
import { testGatewaySecret } from './federation.js';

export interface Seen {
  authorization: string;
  requestId: string;
  body: string;
}

export interface CountingProxy {
  seen: Seen[];
  /** `fail` cuts each connection instead of forwarding; `refuseBatches` answers a merged request (one with `_v1_` in it) with a 400, as a subgraph's limit would. */
  state: { fail: boolean; refuseBatches: boolean };
  /** The proxy's GraphQL URL, for the gateway. */
  url: string;
}

/** Forwards to `target` after `holdMs`, with the status, content type and report watermark of its answer. */
async function countingProxy(target: string, holdMs: number): Promise<CountingProxy & { server: http.Server }> {
  const seen: Seen[] = [];
  const state = { fail: false, refuseBatches: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST')
        seen.push({ authorization: String(req.headers.authorization ?? ''), requestId: String(req.headers['x-request-id'] ?? ''), body });
      setTimeout(() => {
        if (state.fail) return void req.socket.destroy();
        if (state.refuseBatches && body.includes('_v1_')) {
          res.writeHead(400, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ errors: [{ message: 'Truy vấn quá tốn kém.', extensions: { code: 'COST_LIMIT' } }] }));
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
        fetch(new URL(req.url ?? '/', target), { method: req.method, headers, body: req.method === 'POST' ? body : undefined })
          .then(async (r) => {
            const out: Record<string, string> = { 'content-type': r.headers.get('content-type') ?? 'application/json' };
            const watermark = r.headers.get('x-antt-report-watermark');
            if (watermark) out['x-antt-report-watermark'] = watermark;
            res.writeHead(r.status, out);
            res.end(Buffer.from(await r.arrayBuffer()));
          })
          .catch(() => req.socket.destroy());
      }, holdMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, seen, state, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` };
}

/** The women's subgraph (in memory, with or without its demo data) and a counting proxy in front of it. */
export async function womenBehindProxy(opts: {
  demo: boolean;
  holdMs: number;
}): Promise<{ women: RunningServer; proxy: CountingProxy; stop: () => Promise<void> }> {
  const sg = SUBGRAPHS.find((s) => s.name === 'women')!;
  const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: opts.demo });
  const women = await startSubgraph(sg, { db, verifier: await testVerifier(), gatewaySecret: testGatewaySecret('women'), port: 0 });
  const { server, ...proxy } = await countingProxy(women.url, opts.holdMs);
  return {
    women,
    proxy,
    stop: async () => {
      await new Promise((r) => server.close(r));
      await women.stop();
      sqlite.close();
    },
  };
}
