/**
 * The gateway: @apollo/gateway over the committed supergraph.graphql, behind the same HTTP shell as the
 * subgraphs. It verifies the caller's token itself (401 before any subgraph is called) and forwards
 * the token, never a derived identity, so that every subgraph verifies it again.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Identity, TokenVerifier } from '@antt/auth';
import { formatError, includeStacktrace, serve, type RunningServer } from '@antt/subgraph-kit';
import type { OrganizationId } from '@antt/reference';
import { SUPERGRAPH_FILE } from './paths.js';

export interface GatewayContext {
  identity: Identity;
  /** The caller's own Authorization header, forwarded unchanged to subgraphs. */
  authorization: string;
}

export interface GatewayOptions {
  /** Where each subgraph listens; subgraphs missing here keep the URL composed into the supergraph. */
  subgraphUrls: Partial<Record<OrganizationId, string>>;
  verifier: TokenVerifier;
  port?: number;
  host?: string;
  supergraphSdl?: string;
  /** Longest a subgraph may take to answer, in milliseconds (the gateway has no timeout of its own). */
  subgraphTimeoutMs?: number;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and other gateway-internal calls have no caller context.
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

export async function startGateway(opts: GatewayOptions): Promise<RunningServer> {
  // @apollo/gateway 2.14 reports anonymous usage unless told not to; this federation sends nothing out.
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const timeout = opts.subgraphTimeoutMs ?? 15_000;
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) =>
      new ForwardingDataSource({
        url: opts.subgraphUrls[name as OrganizationId] ?? url,
        // No retries (a mutation must never run twice); a timeout so one slow subgraph cannot hold a request forever.
        fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeout) }),
      }),
  });
  return serve<GatewayContext>({
    port: opts.port ?? 0,
    host: opts.host,
    apollo: (drain) => new ApolloServer<GatewayContext>({ gateway, includeStacktraceInErrorResponses: includeStacktrace, formatError, plugins: [drain] }),
    context: async (req) => {
      const identity = await opts.verifier(req.headers.authorization);
      return { identity, authorization: req.headers.authorization! };
    },
    health: () => ({ gateway: true }),
  });
}
