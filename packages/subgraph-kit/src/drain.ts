/**
 * Graceful shutdown of an HTTP server that never executes a request it cannot answer.
 *
 * Why not Apollo's drain plugin (its `Stopper`): on stop it half-closes (`socket.end()`) every
 * connection with no request counted yet. An HTTP server keeps reading a half-closed connection
 * (Node's servers allow half-open sockets), so a request whose bytes arrived just then was still read,
 * and Apollo, which executes operations while "draining", executed it: the write was stored, and its
 * answer went to a socket already ended, so the client saw a reset (seen: 4 stored, 3 answered).
 *
 * Here, once the drain starts:
 * 1. every request that reaches the server is refused with HTTP 503 and `Connection: close`, unexecuted
 *    (on a new connection, since the port still listens, or on a kept-alive one);
 * 2. requests being executed run to the end; their answers carry `Connection: close` where the headers
 *    are not sent yet, so the client does not reuse the connection;
 * 3. only when none is being executed, and the linger is over (time for a load balancer to notice, and
 *    for requests already on their way to be refused rather than reset), does the server stop
 *    listening: Node then closes the idle connections, and the others close once their answer is written.
 * After the grace period every connection left is cut (a write executing then may lose its answer).
 * One race stays, as in all HTTP/1.1: a request sent on an idle kept-alive connection at the very
 * moment it is closed is reset before the server reads it, so it was not executed and is safe to send
 * again.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

/** What a request that arrives during the drain is told (it was not executed). */
export const DRAINING_ERROR = {
  message: 'Dịch vụ đang dừng để khởi động lại hoặc bảo trì: yêu cầu chưa được thực hiện, vui lòng gửi lại sau ít giây.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
};

export class HttpDrain {
  private draining = false;
  /** Requests being executed (passed on before the drain started, not answered yet). */
  private readonly executing = new Set<http.ServerResponse>();
  private readonly sockets = new Set<Socket>();
  private idle?: () => void;
  private stopped?: Promise<boolean>;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** The server's request listener: `handler` until the drain starts, a 503 from then on. */
  listener(handler: http.RequestListener): http.RequestListener {
    return (req, res) => {
      if (this.draining) return refuse(res);
      this.executing.add(res);
      // 'close' follows 'finish' once the answer is written, or comes alone when the client went away.
      res.once('close', () => {
        this.executing.delete(res);
        if (this.draining && this.executing.size === 0) this.idle?.();
      });
      handler(req, res);
    };
  }

  /**
   * Drains and closes the server, listening `lingerMs` at least; resolves with whether every request
   * being executed was answered within `graceMs` (false: the connections left were cut). Calling it
   * again returns the same promise.
   */
  stop(graceMs: number, lingerMs = 0): Promise<boolean> {
    return (this.stopped ??= this.drain(graceMs, lingerMs));
  }

  private async drain(graceMs: number, lingerMs: number): Promise<boolean> {
    this.draining = true;
    for (const res of this.executing) if (!res.headersSent) res.setHeader('connection', 'close');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
      timer.unref();
    });
    // 1-2. Wait for the requests being executed and the linger (new requests are refused meanwhile).
    const executed = this.executing.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.idle = resolve));
    const lingered = new Promise<void>((resolve) => setTimeout(resolve, lingerMs));
    let graceful = await Promise.race([Promise.all([executed, lingered]).then(() => true as const), deadline]);
    // 3. Stop listening; Node closes the idle connections, the rest close after their (503) answer.
    const closed = new Promise<true>((resolve) => this.server.close(() => resolve(true)));
    if (graceful) graceful = await Promise.race([closed, deadline]);
    if (!graceful) {
      for (const socket of this.sockets) socket.destroy();
      await closed;
    }
    clearTimeout(timer);
    return graceful;
  }
}

function refuse(res: http.ServerResponse): void {
  const body = JSON.stringify({ errors: [DRAINING_ERROR] });
  res.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
    'retry-after': '5',
  });
  res.end(body);
}
