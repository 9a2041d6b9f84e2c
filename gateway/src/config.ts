/** The gateway's own settings read from the environment (subgraph URLs and ports are in @antt/subgraph-kit). */

/** ANTT_SUBGRAPH_TIMEOUT_MS: longest a subgraph may take to answer before the gateway gives up on it. */
export function subgraphTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ANTT_SUBGRAPH_TIMEOUT_MS;
  if (raw === undefined || raw === '') return 15_000;
  const ms = Number(raw);
  // A typo must not become "no timeout" or "time out at once": refuse to start instead.
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`ANTT_SUBGRAPH_TIMEOUT_MS must be a whole number of milliseconds above 0, not "${raw}".`);
  return ms;
}

/** ANTT_BREAKER_RESET_MS: how long a subgraph's open circuit answers at once before one request probes it again. */
export function breakerResetMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ANTT_BREAKER_RESET_MS;
  if (raw === undefined || raw === '') return 10_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`ANTT_BREAKER_RESET_MS must be a whole number of milliseconds above 0, not "${raw}".`);
  return ms;
}
