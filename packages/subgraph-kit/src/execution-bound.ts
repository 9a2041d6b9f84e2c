/**
 * A bound on each request's execution, so that no single request can exhaust a process: a time budget
 * and a cap on the fields resolved. The cost limit (cost.ts) refuses what is visibly too large before
 * anything runs; this bound stops what only turns out large while running (lists longer than their
 * estimate, slow resolvers). Past either bound every remaining field fails at once, with a 400.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

export interface ExecutionBounds {
  /** Longest a request may execute, in milliseconds (ANTT_EXECUTION_BUDGET_MS, default 10 000). */
  timeMs: number;
  /** Most fields a request may resolve (ANTT_MAX_RESOLVED_FIELDS, default 200 000). */
  maxResolvedFields: number;
}

function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number above 0.`);
  return n;
}

export function executionBounds(): ExecutionBounds {
  return { timeMs: fromEnv('ANTT_EXECUTION_BUDGET_MS', 10_000), maxResolvedFields: fromEnv('ANTT_MAX_RESOLVED_FIELDS', 200_000) };
}

/** No limit, no number: telling an attacker the bound helps them stay just under it. */
const MESSAGE = 'Truy vấn cần quá nhiều tài nguyên của máy chủ: hãy thu hẹp phạm vi (ít trường hoặc ít bản ghi hơn).';

function limitError(): GraphQLError {
  return new GraphQLError(MESSAGE, { extensions: { code: 'BAD_REQUEST', reason: 'EXECUTION_LIMIT', http: { status: 400 } } });
}

/** Each executing request's deadline, by its context and the context's scope (what repositories hold). */
const deadlines = new WeakMap<object, number>();

/**
 * Inside one resolver: throws the execution limit's 400 once the request's time budget is spent. The
 * plugin checks between fields; a resolver that loops (over units, over queries) calls this on each
 * turn, and every query of the record framework does (RecordRepository), so no single field runs on
 * unbounded. `holder` is the request's context or its scope; outside a request it does nothing.
 */
export function withinExecutionBudget(holder: object): void {
  const d = deadlines.get(holder);
  if (d !== undefined && Date.now() > d) throw limitError();
}

export function executionBoundPlugin<TContext extends BaseContext>(bounds: ExecutionBounds = executionBounds()): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart(rc) {
          const deadline = Date.now() + bounds.timeMs;
          const ctx = rc.contextValue as object;
          const scope = (ctx as { scope?: unknown }).scope;
          deadlines.set(ctx, deadline);
          if (scope && typeof scope === 'object') deadlines.set(scope, deadline);
          let fields = 0;
          let exceeded: GraphQLError | null = null;
          return {
            willResolveField() {
              if (!exceeded && (++fields > bounds.maxResolvedFields || ((fields & 63) === 0 && Date.now() > deadline))) exceeded = limitError();
              if (exceeded) throw exceeded;
            },
          };
        },
      };
    },
  };
}
