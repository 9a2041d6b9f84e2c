/**
 * Which web origins may call the gateway from a browser: ANTT_CORS_ORIGINS, a comma-separated list of
 * origins (https://bang-dieu-khien.sonla.gov.vn,http://localhost:5173). The gateway's own pages (/app)
 * are same-origin and always allowed. A preflight from an allowed origin is answered by the Express
 * project's CORS middleware; any request from another origin is refused, in Vietnamese, before the
 * rate limit or GraphQL sees it. Requests without an Origin header (curl, servers) are not browsers'
 * and pass.
 */
import cors from 'cors';
import { sendJson, type RouteStep } from '@antt/subgraph-kit';

export function corsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.ANTT_CORS_ORIGINS ?? '';
  const out: string[] = [];
  for (const item of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(`ANTT_CORS_ORIGINS: "${item}" is not an origin (e.g. https://bang-dieu-khien.example.vn).`);
    }
    if (url.origin !== item.replace(/\/$/, '')) throw new Error(`ANTT_CORS_ORIGINS: "${item}" must be an origin only (scheme, host, port), without a path.`);
    out.push(url.origin);
  }
  return out;
}

export const CORS_REFUSED_MESSAGE = 'Trang web ở nguồn (origin) này không được phép gọi máy chủ: hãy đề nghị quản trị viên thêm nguồn vào ANTT_CORS_ORIGINS.';

/** Headers a browser client may send: the token, JSON, and the ones Apollo's CSRF prevention asks for. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'];

export function corsMiddleware(allowed: readonly string[]): RouteStep[] {
  const allow = new Set(allowed);
  const refuse: RouteStep = (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin || allow.has(origin) || origin === `${req.protocol}://${req.headers.host}`) return next();
    sendJson(res, 403, { errors: [{ message: CORS_REFUSED_MESSAGE, extensions: { code: 'CORS_ORIGIN_FORBIDDEN' } }] });
  };
  const answer = cors({
    origin: (origin, done) => done(null, origin !== undefined && allow.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id', 'ratelimit', 'ratelimit-policy'],
    maxAge: 600,
  });
  return [refuse, answer];
}
