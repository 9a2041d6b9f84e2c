/**
 * Load with autocannon (keep-alive connections, one request in flight per connection), every answer
 * checked: HTTP 200, no GraphQL errors, and its data byte-identical, after JSON normalisation, to the
 * answer expected for that request. Latencies are kept per response so p95 is exact (autocannon's own
 * histogram reports p97.5, not p95).
 */
import autocannon from 'autocannon';

/** One distinct request: its key (what the expected answer is filed under) and its JSON body. */
export interface Variant {
  key: string;
  body: string;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** Sent in rotation; one variant is "identical requests", many are "distinct requests". */
  variants: readonly Variant[];
  connections: number;
  /** Seconds of load; or `amount` requests when set. */
  durationS?: number;
  amount?: number;
  /** Normalised data expected for each variant key; every answer is compared with it. */
  expected?: ReadonlyMap<string, string>;
  /** For writes: an answer is good when it has data and no errors (ids differ every time). */
  writes?: boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers that were not HTTP 200 or carried GraphQL errors. */
  errors: number;
  /** Answers whose data differed from the expected. */
  mismatches: number;
  /** The first problem seen, for the report (a status and an error code, never a whole answer). */
  firstProblem?: string;
}

/** JSON with object keys sorted, recursively: two answers with the same data give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

interface Answer {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** What is wrong with one answer, or null. */
export function problemOf(status: number, body: string, expected: string | undefined, writes = false): string | null {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
  let answer: Answer;
  try {
    answer = JSON.parse(body) as Answer;
  } catch {
    return 'not JSON';
  }
  if (answer.errors?.length) return `GraphQL error ${answer.errors[0]?.extensions?.code ?? ''}: ${answer.errors[0]?.message ?? ''}`.slice(0, 300);
  if (answer.data === undefined || answer.data === null) return 'no data';
  if (!writes && expected !== undefined && canonicalJson(answer.data) !== expected) return 'data differs from the expected answer';
  return null;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

export async function load(opts: LoadOptions): Promise<LoadResult> {
  if (!opts.variants.length) throw new Error('load: no request to send.');
  const times: number[] = [];
  let errors = 0;
  let mismatches = 0;
  let firstProblem: string | undefined;
  let next = 0;
  // Without a callback autocannon answers its run as a promise that is also the run's event emitter.
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    pipelining: 1,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationS ?? 5 }),
    timeout: 60,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...opts.headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const v = opts.variants[next++ % opts.variants.length]!;
          (context as { key?: string }).key = v.key;
          return { ...req, body: v.body };
        },
        onResponse: (status, body, context) => {
          const key = (context as { key?: string }).key!;
          const problem = problemOf(status, body, opts.expected?.get(key), opts.writes);
          if (!problem) return;
          if (problem.startsWith('data differs')) mismatches++;
          else errors++;
          firstProblem ??= `${key}: ${problem}`;
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & { on(event: 'response', f: (client: unknown, status: number, bytes: number, ms: number) => void): void };
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => void times.push(ms));
  const started = Date.now();
  const result = await instance;
  const seconds = (Date.now() - started) / 1000;
  // Connection errors and timeouts never reach onResponse.
  errors += result.errors + result.timeouts;
  if (result.errors + result.timeouts) firstProblem ??= `${result.errors} connection errors, ${result.timeouts} timeouts`;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    seconds,
    rps: times.length / seconds,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    errors,
    mismatches,
    firstProblem,
  };
}

/** One request, its answer's normalised data (or the problem with it). */
export async function ask(url: string, headers: Record<string, string>, body: string): Promise<{ data?: string; problem?: string; ms: number }> {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  const ms = performance.now() - t;
  const problem = problemOf(res.status, text, undefined);
  if (problem) return { problem, ms };
  return { data: canonicalJson((JSON.parse(text) as Answer).data), ms };
}
