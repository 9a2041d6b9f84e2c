/**
 * A bound on each request's execution, so that no single request can exhaust a process: a time budget
 * and a cap on the fields resolved. The cost limit (cost.ts) refuses what is visibly too large before
 * anything runs; this bound stops what only turns out large while running (lists longer than their
 * estimate, slow resolvers). Past either bound every remaining field fails at once, with a 400.
 *
 * The plugin starts each request's budget; the fields are counted by `boundResolvedFields`, which wraps
 * the schema's resolvers once. Counting them in a `willResolveField` hook made Apollo Server wrap every
 * resolution in its own instrumentation (an arguments object, an array and a closure per field, and a
 * promise callback per asynchronous one): garbage that was a large part of a breakdown's CPU.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { defaultFieldResolver, isObjectType } from './graphql-structural.js';

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

/** Each executing request's count of resolved fields, by its context. */
interface FieldCount {
  deadline: number;
  max: number;
  fields: number;
  exceeded: GraphQLError | null;
}
const counts = new WeakMap<object, FieldCount>();

/**
 * Inside one resolver: throws the execution limit's 400 once the request's time budget is spent. The
 * field count checks between fields; a resolver that loops (over units, over queries) calls this on each
 * turn, and every query of the record framework does (RecordRepository), so no single field runs on
 * unbounded. `holder` is the request's context or its scope; outside a request it does nothing.
 */
export function withinExecutionBudget(holder: object): void {
  const d = deadlines.get(holder);
  if (d !== undefined && Date.now() > d) throw limitError();
}

/** Counts one field of the request whose context is `ctx`; throws the 400 past the cap, or past the time budget (read every 64 fields). */
function countField(ctx: unknown): void {
  const c = typeof ctx === 'object' && ctx !== null ? counts.get(ctx) : undefined;
  if (!c) return;
  if (!c.exceeded && (++c.fields > c.max || ((c.fields & 63) === 0 && Date.now() > c.deadline))) c.exceeded = limitError();
  if (c.exceeded) throw c.exceeded;
}

/**
 * Wraps every field resolver of the schema, in place, with the count of `executionBoundPlugin`: a field
 * past a bound fails before its resolver runs. Apply it over every other wrapper. A request the plugin
 * did not start (a schema served without it) counts nothing.
 */
export function boundResolvedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        countField(ctx);
        return resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
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
          counts.set(ctx, { deadline, max: bounds.maxResolvedFields, fields: 0, exceeded: null });
        },
      };
    },
  };
}
