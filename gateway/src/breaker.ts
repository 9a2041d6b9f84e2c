/**
 * A circuit breaker per subgraph (opossum, the maintained Node.js breaker). A hung organization costs
 * its callers the subgraph timeout at most a few times: once most recent calls to it have failed (no
 * connection, no answer in time), its circuit opens and every call answers at once, as if the
 * subgraph were down (fallback.ts then gives the rest of the answer), without a socket being opened.
 * After `resetMs` one call goes through as a probe (half-open): its success closes the circuit, its
 * failure opens it again. Queries that do not touch the organization never see its breaker.
 *
 * Only failures to answer count. An answer, a 5xx included, is the subgraph's own and passes through
 * the gateway's usual handling; a 4xx is the user's doing and never trips anything.
 */
import CircuitBreaker from 'opossum';
import type { Fetcher } from '@apollo/utils.fetcher';
import { serviceHttp } from '@antt/subgraph-kit';

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface BreakerOptions {
  /** Longest one call may take (ms). */
  timeoutMs: number;
  /** How long an open circuit answers at once before a probe (ms). */
  resetMs: number;
  /** Calls in the rolling window before the breaker judges at all. */
  volumeThreshold?: number;
  /** Percentage of failed calls in the window that opens the circuit. */
  errorThresholdPercentage?: number;
}

export interface Breaker {
  /** A fetch for the subgraph's data source (@antt/subgraph-kit service-http.ts), through the breaker. */
  fetcher: Fetcher;
  state(): BreakerState;
  shutdown(): void;
}

/** The error an open circuit answers with: the request never left the gateway. */
export const BREAKER_OPEN = 'EOPENBREAKER';

export function subgraphBreaker(opts: BreakerOptions): Breaker {
  const client = serviceHttp(opts.timeoutMs);
  const call: Fetcher = (url, init) => client.fetch(url, init);
  const volumeThreshold = opts.volumeThreshold ?? 3;
  const breaker = new CircuitBreaker(call, {
    // The client's own timer bounds each call and destroys its socket (service-http.ts); opossum's timer would leave it open.
    timeout: false,
    resetTimeout: opts.resetMs,
    // The window must hold enough timed-out calls to judge: with a fixed 10 s and the 15 s default
    // timeout, callers one after the other never put three failures in it and the circuit never
    // opened (test/faults/hang.e2e.test.ts found it with a 3 s timeout on a loaded machine). So ten
    // seconds, or one more timeout than the calls it needs, whichever is longer (whole seconds, for
    // opossum's ten buckets).
    rollingCountTimeout: Math.max(10_000, Math.ceil((opts.timeoutMs * (volumeThreshold + 1)) / 1000) * 1000),
    volumeThreshold,
    errorThresholdPercentage: opts.errorThresholdPercentage ?? 50,
  });
  return {
    fetcher: (input, init) => breaker.fire(input, init),
    state: () => (breaker.opened ? 'OPEN' : breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED'),
    shutdown: () => {
      breaker.shutdown();
      client.close();
    },
  };
}
