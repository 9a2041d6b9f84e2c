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
 * A request counts as being executed until its answer is written or its client went away (the
 * response's 'close') AND the work of its handler is over: a client that disconnects mid-request does not
 * stop the operation, which runs on, so the drain waits for it too (issue 18), and the database is never
 * closed under a running write. The work is the promise of the server's listener, and of each handler
 * wrapped with `track` (an Express app's own listener returns nothing: wrap the handlers that execute).
 * After the grace period every connection left is cut (a write executing then may lose its answer), and
 * the stop still waits for the work under way to end: it cannot be cut from outside, and what bounds it is
 * the execution budget, then the process manager's SIGKILL (`pnpm start`: ANTT_STOP_GRACE_S).
 * One race stays, as in all HTTP/1.1: a request sent on an idle kept-alive connection at the very
 * moment it is closed is reset before the server reads it, so it was not executed and is safe to send
 * again.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import { sendJson } from './node-route.js';

/** What a request that arrives during the drain is told (it was not executed). */
export const DRAINING_ERROR = {
  message: 'Dịch vụ đang dừng để khởi động lại hoặc bảo trì: yêu cầu chưa được thực hiện, vui lòng gửi lại sau ít giây.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
};

/** One request being executed: whether its response closed, and how much of its handlers' work is pending. */
interface Running {
  closed: boolean;
  pending: number;
}

export class HttpDrain {
  private draining = false;
  /** Requests being executed (passed on before the drain started, not over yet: see the top). */
  private readonly executing = new Map<http.ServerResponse, Running>();
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
      const running: Running = { closed: false, pending: 0 };
      this.executing.set(res, running);
      // 'close' follows 'finish' once the answer is written, or comes alone when the client went away.
      res.once('close', () => {
        running.closed = true;
        this.settle(res, running);
      });
      this.hold(res, handler(req, res));
    };
  }

  /**
   * Wraps a handler (an Express middleware) whose returned promise ends when its work does: the request
   * counts as being executed until then, even when its client has gone away. What it returns is passed
   * on (Express 5 sends a rejection to the error handlers). Not for an error handler: Express tells those
   * by their four parameters, which the wrapper does not declare.
   */
  track<H extends (req: never, res: never, ...rest: never[]) => unknown>(handler: H): H {
    const call = handler as unknown as (...args: unknown[]) => unknown;
    const tracked = (...args: unknown[]) => {
      const result = call(...args);
      // The response, as Node made it (Express gives its handlers the same object).
      this.hold(args[1] as http.ServerResponse, result);
      return result;
    };
    return tracked as unknown as H;
  }

  /** Keeps `res`'s request counted until `result` settles, when it is a promise. */
  private hold(res: http.ServerResponse, result: unknown): void {
    const running = this.executing.get(res);
    if (!running || !isPromiseLike(result)) return;
    running.pending++;
    const done = () => {
      running.pending--;
      this.settle(res, running);
    };
    result.then(done, done);
  }

  /** The request is over once its response closed and no work of its handlers is pending. */
  private settle(res: http.ServerResponse, running: Running): void {
    if (!running.closed || running.pending > 0 || this.executing.get(res) !== running) return;
    this.executing.delete(res);
    if (this.draining && this.executing.size === 0) this.idle?.();
  }

  /**
   * Drains and closes the server, listening `lingerMs` at least; resolves with whether every request
   * being executed was answered within `graceMs` (false: the connections left were cut), and never
   * before the work of every request being executed is over. Calling it again returns the same promise.
   */
  stop(graceMs: number, lingerMs = 0): Promise<boolean> {
    return (this.stopped ??= this.drain(graceMs, lingerMs));
  }

  private async drain(graceMs: number, lingerMs: number): Promise<boolean> {
    this.draining = true;
    for (const res of this.executing.keys()) if (!res.headersSent) res.setHeader('connection', 'close');
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
      // The connections are cut, but work under way runs on: the caller closes the database only after.
      await executed;
    }
    clearTimeout(timer);
    return graceful;
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function refuse(res: http.ServerResponse): void {
  res.setHeader('connection', 'close');
  res.setHeader('retry-after', '5');
  sendJson(res, 503, { errors: [DRAINING_ERROR] });
}
