// Hive Gateway in front of antt-graph's subgraphs: forwards the caller's token and request id, and
// presents each subgraph its own gateway secret (ANTT_GATEWAY_SECRET_<ORG>), as the project's gateway does.
export const gatewayConfig = {
  supergraph: './supergraph.graphql',
  propagateHeaders: {
    fromClientToSubgraphs({ request, subgraphName }) {
      const headers = { 'x-antt-gateway': process.env[`ANTT_GATEWAY_SECRET_${String(subgraphName).toUpperCase()}`] ?? '' };
      for (const name of ['authorization', 'x-request-id']) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
};
