/**
 * The hardened edge shared by the gateway and every subgraph: GraphQL Armor's limits on depth,
 * aliases, directives, tokens and cost (validation rules: they act before any resolver runs, so at
 * the gateway before any subgraph is called), no batched HTTP requests, CSRF prevention, and in
 * production no introspection and no field suggestions. A rate limit per token sits in front.
 */
import { createHash } from 'node:crypto';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';

export function isProduction(): boolean {
  return process.env.ANTT_ENV === 'production' || process.env.NODE_ENV === 'production';
}

/** Limits sized for the federation's real queries (the leadership query over nine organizations is depth 6, cost ~400). */
export const EDGE_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 4000, maxCost: 20_000 } as const;

export interface EdgeOptions<TContext extends BaseContext> {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<TContext>[];
  allowBatchedHttpRequests: false;
  csrfPrevention: true;
  introspection: boolean;
}

export function edgeApolloOptions<TContext extends BaseContext>(production = isProduction()): EdgeOptions<TContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: EDGE_LIMITS.maxDepth },
    maxAliases: { n: EDGE_LIMITS.maxAliases },
    maxDirectives: { n: EDGE_LIMITS.maxDirectives },
    maxTokens: { n: EDGE_LIMITS.maxTokens },
    costLimit: { maxCost: EDGE_LIMITS.maxCost },
    // Suggestions ("Did you mean …?") map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: armor.plugins as ApolloServerPlugin<TContext>[],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: !production,
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
