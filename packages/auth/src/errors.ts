/**
 * Errors a caller sees, in Vietnamese (the users' language) with a stable machine code. Messages name
 * what the user sent or may do, never internals.
 */
import { GraphQLError } from 'graphql';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Refused by policy. No HTTP status is set on purpose: a subgraph answering 403 makes the gateway
 * drop that subgraph's whole response ("403: Forbidden"), losing both the message and the parts of
 * the query the caller may see.
 */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Bad input: `field` is the argument path the user must fix (`input.date`). Nothing was written. */
export function invalidInput(field: string, message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, reason } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}
