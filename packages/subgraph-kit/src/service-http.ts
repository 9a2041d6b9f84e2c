/**
 * The HTTP client for calls between the federation's own services: the gateway asking its subgraphs
 * (one client per subgraph, behind its circuit breaker) and a subgraph asking an owner about a
 * reference or a service. node:http over a keep-alive agent, answering with the Fetch API's Response as
 * @apollo/utils.fetcher describes it (what @apollo/gateway's RemoteGraphQLDataSource reads).
 *
 * Why not the global fetch: it builds a WHATWG Request, a ReadableStream for each body and an
 * AbortSignal with its timer per call, which was the largest part of the gateway's CPU per create
 * (issue 17: creates through the gateway; figures in BENCHMARKS.md). The body of an answer is read
 * whole (the services answer JSON, bounded by their own limits) and kept as text.
 *
 * Failures keep fetch's shapes, which the breaker, the fallback and the failures metric read: no answer
 * in time rejects with an error named TimeoutError; a failure to connect or a broken connection rejects
 * with a TypeError whose `cause` is the socket's error (its `code`: ECONNREFUSED...).
 */
import http from 'node:http';
import https from 'node:https';
import type { FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';

/** An answer's headers, read only, as a fetch Response's are (the Fetch API's Headers, guard "immutable"). */
class AnswerHeaders implements FetcherHeaders {
  readonly #raw: http.IncomingHttpHeaders;

  constructor(raw: http.IncomingHttpHeaders) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const v = this.#raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }

  has(name: string): boolean {
    return this.#raw[name.toLowerCase()] !== undefined;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.#raw).sort()) yield [name, this.get(name)!];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  append(): void {
    throw new TypeError('Headers of an answer cannot be changed.');
  }

  set(): void {
    throw new TypeError('Headers of an answer cannot be changed.');
  }

  delete(): void {
    throw new TypeError('Headers of an answer cannot be changed.');
  }
}

/**
 * The headers of a request about to be sent (what a data source's willSendRequest sets), as the Fetch
 * API's Headers keep them: names in lower case, a repeated one joined with ", ". A plain map where
 * @apollo/gateway builds node-fetch's Headers for every fetch; `record()` is what the fetch is given.
 */
export class RequestHeaders implements FetcherHeaders {
  readonly #map = new Map<string, string>();

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const had = this.#map.get(key);
    this.#map.set(key, had === undefined ? value : `${had}, ${value}`);
  }

  set(name: string, value: string): void {
    this.#map.set(name.toLowerCase(), value);
  }

  delete(name: string): void {
    this.#map.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#map.keys()].sort()) yield [name, this.#map.get(name)!];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** The headers as a fetch's init takes them. */
  record(): Record<string, string> {
    return Object.fromEntries(this.#map);
  }
}

/**
 * What the data source reads of an answer. The headers and body are private fields: an answer kept by
 * copying it (structuredClone, as the approved-answer cache keeps a subgraph's response) copies only its
 * status, as it would of a fetch Response, never a second copy of the body.
 */
export class HttpAnswer implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: AnswerHeaders;
  readonly #body: string;

  constructor(
    readonly url: string,
    readonly status: number,
    statusText: string | undefined,
    headers: AnswerHeaders,
    body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = statusText ?? '';
    this.headers = headers;
    this.#body = body;
  }

  async text(): Promise<string> {
    return this.#body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.#body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.#body).buffer as ArrayBuffer;
  }

  clone(): HttpAnswer {
    return new HttpAnswer(this.url, this.status, this.statusText, this.headers, this.#body);
  }
}

/** What a data source passes (@apollo/utils.fetcher's FetcherRequestInit, without redirects or a signal: the call has its own timeout). */
export type HttpRequestInit = Pick<FetcherRequestInit, 'method' | 'headers' | 'body'>;

function timeoutError(): Error {
  const e = new Error('The service did not answer in time.');
  e.name = 'TimeoutError';
  return e;
}

/** A fetch for one service or a few: keep-alive connections, each call bounded by `timeoutMs`. */
export function serviceHttp(timeoutMs: number): { fetch: (url: string, init?: HttpRequestInit) => Promise<FetcherResponse>; close(): void } {
  // An idle connection is closed a second before the service would close it (its Keep-Alive hint lowers
  // the agent's timeout), so a call never goes out on a connection the service is closing. The agent's
  // own timeout is the call's: it never fires on a call in progress before the call's timer does.
  const options = { keepAlive: true, scheduling: 'lifo', timeout: timeoutMs } as const;
  const agent = new http.Agent(options);
  // A service behind TLS (another host): its own agent, made on the first such call.
  let tlsAgent: https.Agent | undefined;
  const send = (url: string, init: HttpRequestInit = {}) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const tls = url.startsWith('https:');
      if (!tls && !url.startsWith('http:')) return reject(new TypeError('A service is asked over http: or https: only.'));
      const body = init.body ?? '';
      const headers: Record<string, string | number> = { ...init.headers, 'content-length': Buffer.byteLength(body) };
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(e);
      };
      const onAnswer = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', (e) => fail(new TypeError('The connection to the service broke.', { cause: e })));
        res.once('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(new HttpAnswer(url, res.statusCode ?? 0, res.statusMessage, new AnswerHeaders(res.headers), Buffer.concat(chunks).toString('utf8')));
        });
      };
      const method = init.method ?? 'POST';
      const req = tls
        ? https.request(url, { method, headers, agent: (tlsAgent ??= new https.Agent(options)) }, onAnswer)
        : http.request(url, { method, headers, agent }, onAnswer);
      const timer = setTimeout(() => fail(timeoutError()), timeoutMs);
      req.once('error', (e) => fail(new TypeError('The service could not be reached.', { cause: e })));
      req.end(body);
    });
  return {
    fetch: send,
    close: () => {
      agent.destroy();
      tlsAgent?.destroy();
    },
  };
}
