/**
 * The hardened edge shared by the gateway and every subgraph: GraphQL Armor's limits on depth,
 * aliases, directives and tokens (validation rules: they act before any resolver runs, so at
 * the gateway before any subgraph is called), no batched HTTP requests, CSRF prevention, and in
 * production no introspection and no field suggestions; a cost limit that multiplies by list sizes
 * (cost.ts) once the operation is known. A rate limit per token sits in front.
 */
import { createHash } from 'node:crypto';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { errorContractPlugin } from './errors/contract.js';
import { costLimitPlugin } from './cost.js';

export function isProduction(): boolean {
  return process.env.ANTT_ENV === 'production' || process.env.NODE_ENV === 'production';
}

/** Limits sized for the federation's real queries (the leadership query over nine organizations is depth 6, cost ~400). */
export const EDGE_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 4000 } as const;

export interface EdgeOptions<TContext extends BaseContext> {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<TContext>[];
  allowBatchedHttpRequests: false;
  csrfPrevention: true;
  introspection: boolean;
  parseOptions: ParseOptions;
}

/**
 * Armor's refusals, in Vietnamese and without the limit's number (exposeLimits off): telling an attacker
 * the exact bound helps them stay just under it.
 */
const LIMIT_MESSAGES = {
  maxDepth: 'Truy vấn lồng quá sâu: hãy tách thành các truy vấn nông hơn.',
  maxAliases: 'Truy vấn dùng quá nhiều bí danh (alias).',
  maxDirectives: 'Truy vấn dùng quá nhiều chỉ thị (@…).',
} as const;

export function edgeApolloOptions<TContext extends BaseContext>(production = isProduction()): EdgeOptions<TContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: EDGE_LIMITS.maxDepth, exposeLimits: false, errorMessage: LIMIT_MESSAGES.maxDepth },
    maxAliases: { n: EDGE_LIMITS.maxAliases, exposeLimits: false, errorMessage: LIMIT_MESSAGES.maxAliases },
    maxDirectives: { n: EDGE_LIMITS.maxDirectives, exposeLimits: false, errorMessage: LIMIT_MESSAGES.maxDirectives },
    // Armor's token plugin parses in parsingDidStart and rewraps every unexpected error of the request,
    // a SqliteError included, as GRAPHQL_VALIDATION_FAILED (so "database is locked" reached a client as
    // the user's mistake, and a syntax error became a 500). graphql-js counts tokens itself while parsing
    // (parseOptions below): the same limit, a 400 GRAPHQL_PARSE_FAILED, no catch-all.
    maxTokens: { enabled: false },
    // Armor's cost rule does not multiply by list sizes: costLimitPlugin (cost.ts) does.
    costLimit: { enabled: false },
    // Suggestions ("Did you mean …?") map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [errorContractPlugin<TContext>(), costLimitPlugin<TContext>(), ...(armor.plugins as ApolloServerPlugin<TContext>[])],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: !production,
    parseOptions: { maxTokens: EDGE_LIMITS.maxTokens },
  };
}

/** Requests per minute and token (ANTT_RATE_LIMIT_PER_MINUTE, default 600); anonymous calls count per address. */
export function rateLimitPerToken(limit = Number(process.env.ANTT_RATE_LIMIT_PER_MINUTE ?? 600)): RateLimitRequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const auth = req.headers.authorization;
      return auth ? `t:${createHash('sha256').update(auth).digest('base64url')}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res) => {
      res.status(429).json({ errors: [{ message: 'Quá nhiều yêu cầu: vui lòng thử lại sau một phút.', extensions: { code: 'RATE_LIMITED' } }] });
    },
  });
}
