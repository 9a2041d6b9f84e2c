/**
 * The gateway's part of the error contract (the rest is shared with the subgraphs in
 * @antt/subgraph-kit's errors/contract.ts):
 * - its API schema gets the subgraphs' own scalar implementations: @apollo/gateway builds every custom
 *   scalar as a pass-through, so a date typed the Vietnamese way (10/09/2025) went to the subgraph,
 *   came back as HTTP 400 and was masked as a system error. Now the gateway refuses it itself, with the
 *   subgraph's message and a 400, before calling anyone;
 * - a subgraph's 4xx answer keeps its errors' codes and messages (already Vietnamese and masked by
 *   that subgraph) instead of becoming "400: Bad Request", which the gateway would have masked.
 */
import type { ApolloGateway } from '@apollo/gateway';
import { GraphQLError, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { DateScalar, DateTimeScalar, formatError } from '@antt/subgraph-kit';

const SCALARS = [DateScalar, DateTimeScalar];

/** Gives the API schema's pass-through scalars the implementations the subgraphs use. */
export function installScalars(schema: GraphQLSchema): void {
  for (const impl of SCALARS) {
    const type = schema.getType(impl.name);
    // Not instanceof: the gateway builds its schema with graphql's CommonJS copy, we import the ESM one. Nor
    // the class's name, which a bundler may rename (two copies of one class): graphql-js's toStringTag.
    if (!type || (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] !== 'GraphQLScalarType') continue;
    const scalar = type as GraphQLScalarType;
    scalar.parseValue = impl.parseValue;
    scalar.parseLiteral = impl.parseLiteral;
    // Output stays a pass-through: subgraphs already serialized their values.
  }
}

/** Installs the scalars on every schema the gateway loads, before Apollo Server serves it. */
export function withGatewayScalars(gateway: ApolloGateway): ApolloGateway {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => installScalars(apiSchema));
  return gateway;
}

/** Error codes a subgraph gives for the caller's own request, which the caller must see as they are. */
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
]);
/** Extensions worth keeping; the rest (a response's URL, a stack) never leaves the gateway. */
const KEPT_EXTENSIONS = ['code', 'field', 'reason', 'problems'] as const;

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

/**
 * The error for a subgraph's non-2xx answer, or null to let the gateway make its own (masked). Only
 * a 4xx whose body lists errors with codes we give on purpose passes; the first is thrown (the gateway
 * takes one error per failed fetch), carrying every problem the subgraph listed.
 */
export async function subgraphClientError(response: { status: number; clone(): { json(): Promise<unknown> } }): Promise<GraphQLError | null> {
  if (response.status < 400 || response.status >= 500) return null;
  let body: SubgraphErrorBody;
  try {
    body = (await response.clone().json()) as SubgraphErrorBody;
  } catch {
    return null;
  }
  const errors = body?.errors ?? [];
  const ours = errors.filter((e) => typeof e?.message === 'string' && typeof e.extensions?.code === 'string' && PASS_THROUGH.has(e.extensions.code));
  const first = ours[0];
  if (!first || ours.length !== errors.length) return null;
  const extensions: Record<string, unknown> = {};
  for (const k of KEPT_EXTENSIONS) if (first.extensions?.[k] !== undefined) extensions[k] = first.extensions[k];
  if (ours.length === 1) return new GraphQLError(first.message as string, { extensions });
  // Several variables failed (graphql-js reports one error each): one error naming them all.
  extensions.problems = ours.map((e) => ({ field: e.extensions?.field ?? null, message: e.message }));
  return new GraphQLError(ours.map((e) => e.message as string).join(' '), { extensions });
}

/**
 * The gateway's error formatting: the shared one (known codes pass in Vietnamese, the rest masked), then
 * without `serviceName`, which @apollo/gateway adds to a subgraph's errors: a client never learns how
 * the federation is split into services.
 */
export function gatewayFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const out = formatError(formatted, error);
  if (!out.extensions || !('serviceName' in out.extensions)) return out;
  const { serviceName: _dropped, ...extensions } = out.extensions;
  return { ...out, extensions };
}
