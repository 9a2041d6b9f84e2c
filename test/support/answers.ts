/**
 * An HTTP answer as two paths of one server should give it alike (POST /graphql on the route without
 * Express and through Express, packages/subgraph-kit/src/node-route.ts): its status, its headers but
 * those that differ between any two answers (the date, the request id, the connection, the rate limit's
 * remaining count) and its body.
 */
export interface ComparableAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const VARYING = new Set(['date', 'x-request-id', 'connection', 'keep-alive', 'ratelimit']);

export async function comparableAnswer(url: string, init: RequestInit): Promise<ComparableAnswer> {
  const res = await fetch(url, init);
  const headers = Object.fromEntries([...res.headers].filter(([k]) => !VARYING.has(k)));
  return { status: res.status, headers, body: await res.text() };
}
