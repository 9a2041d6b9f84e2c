/**
 * The HTTP drain (src/drain.ts) on a plain Node server and raw connections: a request being executed
 * when the drain starts is answered (and told the connection closes), a request that arrives during the
 * drain gets a 503 with `Connection: close` and is never executed, and after the grace period what is
 * left is cut. A client that disconnects in the middle of a write does not end the count: the stop waits
 * for the write, and the database is closed only after it (issue 18). The heavy end-to-end version is test/faults/crash.e2e.test.ts, "SIGTERM".
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAINING_ERROR, HttpDrain } from '../src/drain.js';

interface Harness {
  port: number;
  drain: HttpDrain;
  executed: string[];
  /** Lets the slow request answer. */
  release(): void;
  server: http.Server;
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

async function harness(): Promise<Harness> {
  const server = http.createServer();
  servers.push(server);
  const drain = new HttpDrain(server);
  const executed: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  server.on(
    'request',
    drain.listener((req, res) => {
      executed.push(req.url!);
      // Writes its answer once released: the "write" being executed when the drain starts.
      const answer = () => {
        const body = `done ${req.url}`;
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length }).end(body);
      };
      if (req.url === '/slow') void released.then(answer);
      else answer();
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, drain, executed, release, server };
}

/** A raw connection: what the server sends back is read whole, headers included, until it closes. */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (c: Buffer) => (received += c.toString()));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  const connected = new Promise<void>((r) => socket.once('connect', () => r()));
  return {
    connected,
    send: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n`),
    received: () => received,
    closed,
  };
}

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe('the HTTP drain on stop', () => {
  it('answers the request being executed, refuses with a 503 and Connection: close one that arrives meanwhile, then closes', async () => {
    const h = await harness();
    const busy = connect(h.port);
    const late = connect(h.port);
    await Promise.all([busy.connected, late.connected]);
    busy.send('/slow');
    await until(() => h.executed.length === 1);

    const stopped = h.drain.stop(5_000, 0);
    late.send('/write');
    const refused = await late.closed;
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(refused.slice(refused.indexOf('\r\n\r\n') + 4))).toEqual({ errors: [DRAINING_ERROR] });
    // Never executed: only the slow request reached the handler.
    expect(h.executed).toEqual(['/slow']);

    h.release();
    const answered = await busy.closed;
    expect(answered).toMatch(/^HTTP\/1\.1 200 /);
    expect(answered).toMatch(/\r\nconnection: close\r\n/i);
    expect(answered).toMatch(/done \/slow$/);
    expect(await stopped).toBe(true);
    expect(h.server.listening).toBe(false);
  });

  it('keeps listening for the linger, refusing new connections with a 503, and closes idle ones after it', async () => {
    const h = await harness();
    const idle = connect(h.port);
    await idle.connected;
    idle.send('/first');
    await until(() => idle.received().includes('done /first'));
    const t0 = Date.now();
    const stopped = h.drain.stop(5_000, 150);
    // A connection opened after the signal still reaches the server, and is told to go away.
    const fresh = connect(h.port);
    await fresh.connected;
    fresh.send('/write');
    expect(await fresh.closed).toMatch(/^HTTP\/1\.1 503 [^]*SERVICE_UNAVAILABLE/);
    expect(await stopped).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    // The kept-alive connection that stayed idle is closed with the server, with nothing more sent on it.
    expect(await idle.closed).toMatch(/done \/first$/);
    expect(h.executed).toEqual(['/first']);
  });

  it('cuts what is still being executed when the grace period is over, and says so', async () => {
    const h = await harness();
    const busy = connect(h.port);
    await busy.connected;
    busy.send('/slow');
    await until(() => h.executed.length === 1);
    expect(await h.drain.stop(100, 0)).toBe(false);
    expect(await busy.closed).toBe('');
    expect(h.server.listening).toBe(false);
  });
});

describe('a client that disconnects in the middle of a write', () => {
  /**
   * The subgraph's shape (http.ts, organization-subgraph.ts): an Express app as the listener, the
   * executing middleware wrapped with `track`, and on stop the drain, then the database closed. The write
   * awaits (as a resolver awaits a reference check) before it stores its row.
   */
  async function writer() {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE report (id INTEGER PRIMARY KEY, body TEXT)');
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const app = express();
    const server = http.createServer();
    servers.push(server);
    const drain = new HttpDrain(server);
    const responseClosed = new Promise<void>((resolve) =>
      app.post(
        '/graphql',
        drain.track(async (_req: express.Request, res: express.Response) => {
          events.push('write started');
          res.once('close', () => resolve());
          await released;
          db.prepare('INSERT INTO report (body) VALUES (?)').run('tin báo');
          events.push('write stored');
          res.json({ data: { ok: true } });
        }),
      ),
    );
    server.on('request', drain.listener(app));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    /** What the subgraph does on SIGTERM: drain, then close the database. */
    const shutdown = async (graceMs = 5_000) => {
      const graceful = await drain.stop(graceMs, 0);
      events.push('drained');
      db.close();
      events.push('database closed');
      return graceful;
    };
    return { port: (server.address() as AddressInfo).port, db, events, release, responseClosed, shutdown, server };
  }

  /** Sends a write on a raw socket, waits until it executes, then disconnects before the answer. */
  async function sendAndDisconnect(w: Awaited<ReturnType<typeof writer>>) {
    const socket = net.connect(w.port, '127.0.0.1');
    socket.on('error', () => {});
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const body = '{"query":"mutation { report }"}';
    socket.write(`POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    await until(() => w.events.includes('write started'));
    socket.destroy();
    // The server has seen the client go: the response is closed, the write not done.
    await w.responseClosed;
  }

  it('waits for the write to finish before the stop ends, and closes the database only after', async () => {
    const w = await writer();
    await sendAndDisconnect(w);
    expect(w.events).toEqual(['write started']);

    let stopped = false;
    const stopping = w.shutdown().then((graceful) => ((stopped = true), graceful));
    await new Promise((r) => setTimeout(r, 100));
    // Before the fix the drain counted the request as over when its client went: the stop had ended.
    expect(stopped).toBe(false);
    expect(w.db.open).toBe(true);

    w.release();
    expect(await stopping).toBe(true);
    expect(w.events).toEqual(['write started', 'write stored', 'drained', 'database closed']);
    expect(w.db.open).toBe(false);
  });

  it('waits for the write even past the grace period, when the connections are cut', async () => {
    const w = await writer();
    await sendAndDisconnect(w);
    let stopped = false;
    const stopping = w.shutdown(50).then((graceful) => ((stopped = true), graceful));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    expect(w.db.open).toBe(true);
    w.release();
    // Not graceful (the grace was over), yet the write was stored before the database closed.
    expect(await stopping).toBe(false);
    expect(w.events).toEqual(['write started', 'write stored', 'drained', 'database closed']);
  });
});
