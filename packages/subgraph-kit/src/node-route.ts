/**
 * The federation's busy routes on Node's own request and response, without Express (issue 17): POST
 * /graphql (every read and write, at the gateway and at each subgraph) and POST /references (an owner's
 * answers to the reference checks of other organizations' writes). Express 5 gives every request its
 * own prototypes (`Object.setPrototypeOf` on the request and the response, which leaves both slow to read
 * from then on, Node's HTTP code included), walks its router's layers and answers with `res.send`: a third
 * of a subgraph's CPU for one `_entities` fetch of the dashboard's counts (0.92 ms against 0.62 ms,
 * BENCHMARKS.md, "The busy routes without Express"). Express keeps everything else (GET /graphql, /health,
 * /ready, /metrics, /services, the pages) and answers a POST whose path is not exactly one of these.
 *
 * A route runs the same steps Express runs for its path, the same functions: for /graphql tracing, the
 * request's id and log line, the server's own (the gateway's CORS), the token's verification, the rate
 * limit (express-rate-limit's own middleware), the JSON body (body-parser's, through `express.json`: the
 * same limit, charsets and encodings), the server's step before GraphQL (the gateway's persisted
 * operations), then Apollo. A step sees what `RouteRequest` and `RouteResponse` declare, which Express's
 * request and response have too, so one function serves both paths. test/node-route.e2e.test.ts answers
 * the same requests on both paths and compares status, headers and body.
 */
import type http from 'node:http';
import proxyaddr from 'proxy-addr';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** A request as a step of a route reads it (Express's request is one, and so is Node's after `asRouteRequest`). */
export interface RouteRequest extends http.IncomingMessage {
  /** The path without the query string (`/graphql`). */
  readonly path: string;
  /** The client's address, through the proxies trusted (ANTT_TRUST_PROXY). */
  readonly ip?: string | undefined;
  /** `http` or `https`: the connection's, or X-Forwarded-Proto's from a trusted proxy. */
  readonly protocol: string;
  /** The parsed JSON body, once the body step ran. */
  body?: unknown;
  /** The response to this request. */
  res?: RouteResponse;
}

/** A response as a step of a route writes it. */
export interface RouteResponse extends http.ServerResponse {
  /** What steps hand on to later ones (the request id, the caller's subject for the log line). */
  locals: Record<string, unknown>;
}

/** One step of a route, in Express's middleware form: it answers, or calls `next` (with an error: the error's answer). */
export type RouteStep = (req: RouteRequest, res: RouteResponse, next: (err?: unknown) => void) => unknown;

/** Writes a JSON answer. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * Answers a request whose body has been read (or a GET) with Apollo, on Node's request and response: what
 * `@as-integrations/express5` does, without Express's `res.send` (which looked for a content type,
 * freshness and an ETag that a GraphQL answer never has). Both paths use it.
 */
export function answerWithApollo<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (req: RouteRequest) => Promise<TContext>,
): (req: RouteRequest, res: RouteResponse) => Promise<void> {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: q < 0 ? '' : url.slice(q), body: req.body },
      context: () => context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status || 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** What Express's `req.protocol` is: the connection's scheme, or the first of X-Forwarded-Proto when the peer is a trusted proxy. */
function protocolOf(req: http.IncomingMessage, trust: (addr: string, i: number) => boolean): string {
  const own = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress ?? '', 0)) return own;
  const header = req.headers['x-forwarded-proto'];
  const given = (Array.isArray(header) ? header[0] : header) || own;
  return given.split(',')[0]!.trim();
}

/**
 * Node's request and response with what the steps read: the path, the client's address and scheme as
 * Express finds them (`trust`: Express's own compiled `trust proxy` function), the response's locals, and
 * `append`, which express-rate-limit calls for its standard headers.
 */
function asRouteRequest(
  path: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  trust: (addr: string, i: number) => boolean,
): [RouteRequest, RouteResponse] {
  const r = res as RouteResponse & { append?: (name: string, value: string) => unknown };
  r.locals = Object.create(null) as Record<string, unknown>;
  r.append = (name, value) => res.appendHeader(name, value);
  const q = req as http.IncomingMessage & { path: string; ip?: string; protocol: string; res?: RouteResponse };
  q.path = path;
  q.ip = proxyaddr(req, trust);
  q.protocol = protocolOf(req, trust);
  q.res = r;
  return [q, r];
}

/**
 * The route of `path`: runs `steps` in order on Node's request and response, as Express runs middleware
 * (a step answers, or calls `next`; `next(err)`, a throw or a rejection ends in `onError`). As on
 * Express's path, the drain (drain.ts) counts the request until its response closes, and the work of the
 * steps given to `drain.track` (Apollo's, an owner's answer) until it is over.
 */
export function nodeRoute(
  path: string,
  steps: readonly RouteStep[],
  onError: (err: unknown, req: RouteRequest, res: RouteResponse) => void,
  trust: (addr: string, i: number) => boolean,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  return (rawReq, rawRes) => {
    const [req, res] = asRouteRequest(path, rawReq, rawRes, trust);
    let at = 0;
    const next = (err?: unknown): void => {
      if (err !== undefined && err !== null) return onError(err, req, res);
      const step = steps[at++];
      // Past the last step (none of ours passes on from its answer): what Express's router ends with, a 404.
      if (!step) return void (res.headersSent || sendJson(res, 404, { errors: [{ message: 'Không có đường dẫn này.', extensions: { code: 'NOT_FOUND' } }] }));
      try {
        const result = step(req, res, next);
        if (result instanceof Promise) result.catch((e: unknown) => next(e ?? new Error('step failed')));
      } catch (e) {
        next(e ?? new Error('step failed'));
      }
    };
    next();
  };
}
