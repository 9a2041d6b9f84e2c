/**
 * The error contract every server keeps, the gateway and each subgraph alike:
 *   not signed in                               401 UNAUTHENTICATED
 *   an operation refused whole (before running)  403 FORBIDDEN
 *   a malformed request                          400 GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 *                                                    BAD_USER_INPUT, BAD_REQUEST, OPERATION_RESOLUTION_FAILURE
 *   a field refused, an input rejected by a resolver  200, the error on its path, the rest of the data
 *   anything else                                500 INTERNAL_SERVER_ERROR, masked
 * Apollo Server 5 answers 500 for any error thrown before execution without an HTTP status of its own
 * (a didResolveOperation refusal), so the status is decided here from the error's code.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { translateCoercionError, translateOperationError, translateRequestError, translateSyntaxError, translateValidationError } from './translate.js';

/** Codes a user's own request earns, and the status each gets when the whole operation is refused. */
const STATUS_BEFORE_EXECUTION: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
};

/** Codes only graphql-js, Apollo or our edge give: an error carrying one over a non-GraphQL cause was mislabelled. */
const REQUEST_SHAPE_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

interface ErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown>;
  originalError?: unknown;
}

/**
 * True when an error labelled as a malformed request has a cause that is no GraphQL error at all (a
 * SqliteError wrapped by a plugin's catch-all, as GraphQL Armor's token plugin did): it must be
 * masked like any internal fault, never shown as the user's mistake.
 */
export function isMislabelledInternal(error: unknown): boolean {
  const code = (error as ErrorLike | null)?.extensions?.code;
  if (typeof code !== 'string' || !REQUEST_SHAPE_CODES.has(code)) return false;
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as ErrorLike).originalError, depth++) {
    // Not instanceof: graphql is loaded both as ESM and as CommonJS (by Apollo's packages) in one process.
    if (typeof (e as ErrorLike).extensions !== 'object') return true;
  }
  return false;
}

function innerMessage(error: unknown): string | undefined {
  const inner = (error as ErrorLike | null)?.originalError as ErrorLike | undefined;
  // Apollo's UserInputError wraps graphql-js's error, whose own originalError holds the scalar's or coercion's message.
  for (let e = inner, depth = 0; e && depth < 5; e = e.originalError as ErrorLike | undefined, depth++) {
    if (typeof e.message === 'string' && e.message !== (error as ErrorLike).message) return e.message;
  }
  return undefined;
}

/**
 * The Vietnamese form of an error we let through (its code is one we give on purpose): graphql-js's
 * and Apollo's messages translated, a variable's value never repeated, the field to fix in
 * `extensions.field`. Our own messages are already Vietnamese and pass unchanged.
 */
export function translateFormattedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const message = formatted.message;
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED':
      return { ...formatted, message: translateSyntaxError(message, formatted.locations?.[0]) };
    case 'GRAPHQL_VALIDATION_FAILED':
      return { ...formatted, message: translateValidationError(message) };
    case 'OPERATION_RESOLUTION_FAILURE':
      return { ...formatted, message: translateOperationError(message) };
    case 'BAD_REQUEST':
      return { ...formatted, message: translateRequestError(message) };
    case 'BAD_USER_INPUT': {
      if (/^Too many errors processing variables/.test(message))
        return { ...formatted, message: 'Các biến có quá nhiều lỗi: đã dừng kiểm tra, hãy sửa các lỗi đầu tiên trước.' };
      if (!message.startsWith('Variable "$')) return formatted;
      const t = translateCoercionError(message, innerMessage(error));
      // Our scalars' extensions (reason) stay; the field is the variable path graphql-js named.
      return { ...formatted, message: t.message, extensions: { ...formatted.extensions, ...(t.field ? { field: t.field } : {}) } };
    }
    default:
      return formatted;
  }
}

function statusFor(errors: readonly GraphQLError[]): number | undefined {
  for (const e of errors) {
    if (isMislabelledInternal(e)) return undefined;
    const code = e.extensions?.code;
    const status = typeof code === 'string' ? STATUS_BEFORE_EXECUTION[code] : undefined;
    if (status) return status;
  }
  return undefined;
}

function operationNotResolved(definitions: readonly { kind: string; name?: { value: string } }[], operationName: string | undefined): GraphQLError {
  const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const message = operationName
    ? `Không có thao tác tên "${operationName}" trong tài liệu (operationName).`
    : operations.length > 1
      ? `Tài liệu có ${operations.length} thao tác (${operations.map((o) => o.name?.value ?? 'không tên').join(', ')}): hãy ghi operationName để chọn thao tác cần chạy.`
      : 'Tài liệu không có thao tác nào (query hoặc mutation).';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

export function errorContractPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let executing = false;
      return {
        // graphql-js finds no operation (several and no operationName, or an unknown one); the gateway's
        // executor would throw that as an untyped error, which Apollo turns into a masked 500.
        async didResolveOperation({ operation, document, request }) {
          if (!operation) throw operationNotResolved(document.definitions, request.operationName ?? undefined);
        },
        async executionDidStart() {
          executing = true;
        },
        async didEncounterErrors(rc) {
          // During execution, errors sit on their path next to the data (200), or a variable's coercion
          // failed (Apollo answers 400 itself); before it, the whole operation was refused.
          if (executing) return;
          const status = statusFor(rc.errors);
          if (status && !rc.response.http.status) rc.response.http.status = status;
        },
      };
    },
  };
}
