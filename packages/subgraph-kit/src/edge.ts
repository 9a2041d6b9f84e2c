/**
 * The hardened edge shared by the gateway and every subgraph: GraphQL Armor's limits on depth,
 * aliases, directives and tokens (validation rules: they act before any resolver runs, so at
 * the gateway before any subgraph is called), no batched HTTP requests, CSRF prevention, and in
 * production no introspection and no field suggestions; a cost limit that multiplies by list sizes
 * (cost.ts) once the operation is known. A rate limit per caller sits in front (http.ts).
 */
import { createHash } from 'node:crypto';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { executionBoundPlugin } from './execution-bound.js';
import type { ParseOptions, ValidationRule } from 'graphql';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { errorContractPlugin } from './errors/contract.js';
import { costLimitPlugin } from './cost.js';
import { sendJson, type RouteRequest, type RouteStep } from './node-route.js';

export function isProduction(): boolean {
  return process.env.ANTT_ENV === 'production' || process.env.NODE_ENV === 'production';
}

/**
 * Apollo's landing pages load the Explorer from Apollo's CDN and name the server's version. In
 * production none is served, unless ANTT_EXPLORER=1 asks for the federation's own page: plain HTML
 * and an inline script, nothing loaded from elsewhere, no version. Outside production Apollo's local
 * page stays for developers.
 */
function landingPage<TContext extends BaseContext>(production: boolean): ApolloServerPlugin<TContext>[] {
  if (!production) return [];
  if (process.env.ANTT_EXPLORER !== '1') return [ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<TContext>];
  return [
    {
      async serverWillStart() {
        return { renderLandingPage: async () => ({ html: OWN_EXPLORER }) };
      },
    },
  ];
}

const OWN_EXPLORER = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>antt-graph</title></head>
<body>
<h1>antt-graph</h1>
<p><label>Mã xác thực (Bearer) <input id="t" type="password" size="60" autocomplete="off"></label></p>
<p><textarea id="q" rows="12" cols="100">{ __typename }</textarea></p>
<p><button id="go">Gửi truy vấn</button></p>
<pre id="out"></pre>
<script>
document.getElementById('go').onclick = async () => {
  const res = await fetch(location.pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + document.getElementById('t').value },
    body: JSON.stringify({ query: document.getElementById('q').value }),
  });
  document.getElementById('out').textContent = JSON.stringify(await res.json(), null, 2);
};
</script>
</body></html>`;

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

/**
 * Every answer says no-store, as Apollo's cache-control plugin said for answers without hints; a plugin
 * that sets its own cache-control later (the gateway's registered GET reads) replaces it.
 */
function noStorePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

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
  if (production) process.env.APOLLO_TELEMETRY_DISABLED = '1';
  return {
    validationRules: armor.validationRules,
    plugins: [
      errorContractPlugin<TContext>(),
      costLimitPlugin<TContext>(),
      executionBoundPlugin<TContext>(),
      ...(armor.plugins as ApolloServerPlugin<TContext>[]),
      // Nothing is ever sent to Apollo's hosted services, whatever APOLLO_KEY says.
      ApolloServerPluginUsageReportingDisabled() as ApolloServerPlugin<TContext>,
      ApolloServerPluginSchemaReportingDisabled() as ApolloServerPlugin<TContext>,
      // No field carries a cache hint, so Apollo's cache-control plugin only ever answered no-store, after
      // a willResolveField hook on every field (3% of the police subgraph's CPU under the indicators load).
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<TContext>,
      noStorePlugin<TContext>(),
      ...landingPage<TContext>(production),
    ],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: !production,
    parseOptions: { maxTokens: EDGE_LIMITS.maxTokens },
  };
}

function perMinute(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number above 0.`);
  return n;
}

/**
 * Requests per minute and caller: a verified caller counts by identity (organization and subject, so
 * `bearer`, `BEARER` or an extra space are the same caller), anyone else (no token, an invalid one)
 * by client address, with a smaller budget (ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE, default 60).
 */
export function rateLimitPerCaller(
  callerOf: (req: RouteRequest) => string | null,
  limit = perMinute('ANTT_RATE_LIMIT_PER_MINUTE', 600),
  unauthenticatedLimit = perMinute('ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', 60),
): RouteStep {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: (req) => (callerOf(req) ? limit : unauthenticatedLimit),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const caller = callerOf(req);
      return caller ? `u:${createHash('sha256').update(caller).digest('base64url')}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res) => {
      sendJson(res, 429, { errors: [{ message: 'Quá nhiều yêu cầu: vui lòng thử lại sau một phút.', extensions: { code: 'RATE_LIMITED' } }] });
    },
  });
  // Typed for Express, it reads of the request its headers and `ip` (keyGenerator above) and writes the
  // response's headers (`setHeader`, `append`): what a /graphql step has on both paths (node-route.ts).
  return limiter as unknown as RouteStep;
}
