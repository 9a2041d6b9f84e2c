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

/** One problem of an input: the argument path to fix, what is wrong in Vietnamese, a stable reason. */
export interface InputProblem {
  field: string;
  message: string;
  reason: string;
  /** A legal basis or other stable detail a client may show (the first problem's also go to the extensions). */
  legalBasis?: string;
}

/**
 * Several problems of one input in one error, so that a user fixes a form in one go instead of one
 * field per attempt. `extensions.field` and `reason` stay the first problem's for older clients.
 */
export function invalidInputs(problems: readonly InputProblem[]): GraphQLError {
  const first = problems[0];
  if (!first) throw new Error('invalidInputs needs at least one problem');
  const message =
    problems.length === 1 ? first.message : `Dữ liệu nhập có ${problems.length} chỗ cần sửa: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`;
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      field: first.field,
      reason: first.reason,
      ...(first.legalBasis ? { legalBasis: first.legalBasis } : {}),
      problems: problems.map((p) => ({ ...p })),
    },
  });
}

// Validators are synchronous, so one module-level collector (a stack through `outer`) is enough.
let collecting: InputProblem[] | null = null;

/**
 * Reports a problem that does not stop the other checks: inside `collectInputProblems` it is kept and
 * the check goes on with the value as given; anywhere else it is thrown at once, as before.
 */
export function reportInvalidInput(field: string, message: string, reason: string): void {
  if (collecting) collecting.push({ field, message, reason });
  else throw invalidInput(field, message, reason);
}

function problemsOf(e: unknown): InputProblem[] | null {
  // Not instanceof: graphql is loaded both as ESM and as CommonJS (by Apollo's packages) in one process.
  const ext = (e as { extensions?: Record<string, unknown> } | null)?.extensions;
  if (!ext || ext.code !== 'BAD_USER_INPUT') return null;
  if (Array.isArray(ext.problems)) return ext.problems as InputProblem[];
  return [{ field: String(ext.field ?? ''), message: (e as Error).message, reason: String(ext.reason ?? 'INVALID') }];
}

/**
 * Runs a validator and throws every problem it found at once (one BAD_USER_INPUT listing them in
 * `extensions.problems`). A check that cannot go on (an unknown unit, so no branch to look for) still
 * throws; the problems found before it are reported with it. Nothing is written either way.
 */
export function collectInputProblems<T>(validate: () => T): T {
  const outer = collecting;
  const mine: InputProblem[] = [];
  collecting = mine;
  let result: T;
  try {
    result = validate();
  } catch (e) {
    const thrown = problemsOf(e);
    if (!thrown) throw e;
    mine.push(...thrown);
  } finally {
    collecting = outer;
  }
  if (mine.length) throw invalidInputs(mine);
  return result!;
}
