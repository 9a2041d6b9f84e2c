/**
 * In-process: the HTTP client between the federation's services (packages/subgraph-kit/src/service-http.ts)
 * answers as the Fetch API does for what the gateway's data sources and the reference checks read, keeps
 * its connections alive, and fails in fetch's shapes, which the breaker, the fallback and the failures
 * metric read. The gateway and the reference checks over it are tested end to end elsewhere (degraded,
 * faults/hang, stale-reports, references).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestHeaders, serviceHttp } from '@antt/subgraph-kit';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: http.RequestListener, keepAliveTimeout?: number): Promise<{ url: string; connections: () => number; server: http.Server }> {
  const server = http.createServer(handler);
  if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout;
  let connections = 0;
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, connections: () => connections, server };
}

const echo: http.RequestListener = (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('x-antt-report-watermark', '7');
    res.end(JSON.stringify({ data: { method: req.method, body, secret: req.headers['x-gateway-secret'] ?? null, length: req.headers['content-length'] } }));
  });
};

describe('serviceHttp', () => {
  it('sends the method, headers and body (Vietnamese text, its length in bytes) and answers as a Response would', async () => {
    const { url } = await listen(echo);
    const client = serviceHttp(5_000);
    try {
      const body = JSON.stringify({ query: '{ x }', variables: { topic: 'Phòng, chống lừa đảo qua mạng' } });
      const answer = await client.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gateway-secret': 's' }, body });
      expect(answer.ok).toBe(true);
      expect(answer.status).toBe(200);
      expect(answer.url).toBe(url);
      expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('X-ANTT-Report-Watermark')).toBe('7');
      expect(answer.headers.get('x-not-sent')).toBeNull();
      expect(answer.headers.has('content-type')).toBe(true);
      expect(new Map(answer.headers).get('x-antt-report-watermark')).toBe('7');
      expect(() => answer.headers.set('x', 'y')).toThrow(TypeError);
      const data = { method: 'POST', body, secret: 's', length: String(Buffer.byteLength(body)) };
      expect(await answer.json()).toEqual({ data });
      expect(JSON.parse(await answer.clone().text())).toEqual({ data });
      expect(JSON.parse(new TextDecoder().decode(await answer.arrayBuffer()))).toEqual({ data });
      // A copy (the approved-answer cache keeps responses so) holds the status, never the body again.
      const copy = structuredClone(answer) as unknown as Record<string, unknown>;
      expect(copy.status).toBe(200);
      expect(JSON.stringify(copy)).not.toContain('Phòng');
    } finally {
      client.close();
    }
  });

  it('gives an error status as an answer, not a failure (the data source reads its body)', async () => {
    const { url } = await listen((_req, res) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: 'Sai', extensions: { code: 'BAD_USER_INPUT' } }] }));
    });
    const client = serviceHttp(5_000);
    try {
      const answer = await client.fetch(url, { method: 'POST', body: '{}' });
      expect(answer.ok).toBe(false);
      expect(answer.status).toBe(400);
      expect(answer.statusText).toBe('Bad Request');
      expect(await answer.json()).toEqual({ errors: [{ message: 'Sai', extensions: { code: 'BAD_USER_INPUT' } }] });
    } finally {
      client.close();
    }
  });

  it('keeps one connection for calls one after another, and opens a new one after the subgraph closed an idle one', async () => {
    // The subgraph closes a connection idle for 2 s and says so (Keep-Alive: timeout=2): the client stops using it a second before.
    const { url, connections } = await listen(echo, 2_000);
    const client = serviceHttp(5_000);
    try {
      for (let i = 0; i < 5; i++) expect((await client.fetch(url, { method: 'POST', body: `{"i":${i}}` })).ok).toBe(true);
      expect(connections()).toBe(1);
      await new Promise((r) => setTimeout(r, 1_300));
      expect((await client.fetch(url, { method: 'POST', body: '{}' })).ok).toBe(true);
      expect(connections()).toBe(2);
    } finally {
      client.close();
    }
  });

  it('fails with a TimeoutError when no answer comes in time', async () => {
    const { url } = await listen(() => undefined);
    const client = serviceHttp(200);
    try {
      const t0 = performance.now();
      const e = await client.fetch(url, { method: 'POST', body: '{}' }).catch((x: unknown) => x);
      expect((e as Error).name).toBe('TimeoutError');
      expect(performance.now() - t0).toBeLessThan(5_000);
    } finally {
      client.close();
    }
  });

  it('fails with a TypeError whose cause is the socket error when nothing listens (ECONNREFUSED: never reached)', async () => {
    const { url, server } = await listen(echo);
    await new Promise((r) => server.close(r));
    servers.splice(0);
    const client = serviceHttp(5_000);
    try {
      const e = (await client.fetch(url, { method: 'POST', body: '{}' }).catch((x: unknown) => x)) as TypeError & { cause?: { code?: string } };
      expect(e).toBeInstanceOf(TypeError);
      expect(e.cause?.code).toBe('ECONNREFUSED');
    } finally {
      client.close();
    }
  });

  it('fails with a TypeError when the subgraph drops the connection mid-answer', async () => {
    const { url } = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"data":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const client = serviceHttp(5_000);
    try {
      const e = await client.fetch(url, { method: 'POST', body: '{}' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TypeError);
    } finally {
      client.close();
    }
  });

  it('speaks TLS to a service at an https: address, and refuses any other scheme', async () => {
    // A plain socket stands in for the service: the first byte it receives is a TLS handshake record (0x16).
    const first = new Promise<number>((resolve) => {
      const server = net.createServer((socket) => socket.once('data', (b: Buffer) => (resolve(b[0]!), socket.destroy())));
      server.listen(0, '127.0.0.1', () => {
        const client = serviceHttp(2_000);
        void client
          .fetch(`https://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { method: 'POST', body: '{}' })
          .catch(() => undefined)
          .finally(() => (client.close(), server.close()));
      });
    });
    expect(await first).toBe(0x16);
    const client = serviceHttp(2_000);
    try {
      await expect(client.fetch('ftp://127.0.0.1/graphql', { body: '{}' })).rejects.toBeInstanceOf(TypeError);
    } finally {
      client.close();
    }
  });
});

describe('RequestHeaders', () => {
  it("keeps a request's headers as the Fetch API's Headers do: names in lower case, a repeated one joined, sorted when listed", () => {
    const h = new RequestHeaders();
    h.append('Accept', 'application/json');
    h.append('accept', 'text/plain');
    h.set('Content-Type', 'application/json');
    h.set('X-Antt-Gateway', 'one');
    h.set('x-antt-gateway', 'two');
    expect(h.get('ACCEPT')).toBe('application/json, text/plain');
    expect(h.has('content-type')).toBe(true);
    expect(h.get('missing')).toBeNull();
    expect([...h]).toEqual([
      ['accept', 'application/json, text/plain'],
      ['content-type', 'application/json'],
      ['x-antt-gateway', 'two'],
    ]);
    expect([...h.keys()]).toEqual(['accept', 'content-type', 'x-antt-gateway']);
    h.delete('Accept');
    expect(h.record()).toEqual({ 'content-type': 'application/json', 'x-antt-gateway': 'two' });
    expect([...h.values()]).toEqual(['application/json', 'two']);
  });
});
