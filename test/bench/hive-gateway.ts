/**
 * Hive Gateway (@graphql-hive/gateway 2, a dev dependency of the benchmark only) serving the committed
 * supergraph.graphql against the running subgraphs, as its own process, for the side-by-side benchmark.
 * It sends each subgraph what the project's gateway sends (gateway/src/server.ts, ForwardingDataSource):
 * that subgraph's own gateway secret, the caller's Authorization header unchanged, and the request id.
 *
 * The harness (cluster.ts) says all of it in the environment, so that this file needs nothing of the
 * project's packages (Hive's types load a newer @types/node; it is type-checked on its own):
 * - ANTT_BENCH_SUPERGRAPH: the supergraph file;
 * - ANTT_BENCH_HIVE_SUBGRAPHS: JSON, for each subgraph its URL and the headers only the gateway sends;
 * - ANTT_BENCH_FORWARDED_HEADERS: JSON, the caller's headers forwarded unchanged (authorization, request id);
 * - PORT, HOST.
 */
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set.`);
  return v;
};
const subgraphs = JSON.parse(need('ANTT_BENCH_HIVE_SUBGRAPHS')) as Record<string, { url: string; headers: Record<string, string> }>;
const forwarded = JSON.parse(need('ANTT_BENCH_FORWARDED_HEADERS')) as string[];

const runtime = createGatewayRuntime({
  supergraph: need('ANTT_BENCH_SUPERGRAPH'),
  transportEntries: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, { location: s.url }])),
  logging: 'error',
  graphiql: false,
  landingPage: false,
  propagateHeaders: {
    fromClientToSubgraphs({ request, subgraphName }) {
      const own = subgraphs[subgraphName];
      if (!own) throw new Error(`No headers for subgraph ${subgraphName}.`);
      return { ...Object.fromEntries(forwarded.map((h) => [h, request.headers.get(h)])), ...own.headers };
    },
  },
});

const server = createServer(runtime);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`listening http://${process.env.HOST ?? '127.0.0.1'}:${port}/graphql`);
});
const stop = () => {
  server.close();
  void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
