/**
 * The pages the gateway serves under /app, built by Vite from app/ (`pnpm app:build`): the leadership
 * dashboard (/app/), the staff workbench (/app/can-bo/), the public page (/app/cong-khai/) and the
 * GraphQL explorer (/app/kham-pha/). They
 * are static files that speak to /graphql like any other client, so they reach no data the API does
 * not give the token they carry. Everything they load comes from here: the content security policy
 * forbids any other origin, so a page cannot quietly depend on a CDN.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { isProduction } from '@antt/subgraph-kit';
import { APP_DIST } from './paths.js';

/** The explorer (GraphiQL) is on while developing and off in production unless ANTT_EXPLORER=1. */
export function explorerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const production = env === process.env ? isProduction() : env.ANTT_ENV === 'production' || env.NODE_ENV === 'production';
  return env.ANTT_EXPLORER === '1' || (env.ANTT_EXPLORER !== '0' && !production);
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and Chart.js set style attributes from script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const page = (title: string, text: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

export function pagesRouter(dist = APP_DIST, explorer = explorerEnabled()): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set({ 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    next();
  });
  router.use('/kham-pha', (_req, res, next) => {
    if (explorer) return next();
    res
      .status(404)
      .type('html')
      .send(
        page('Trình khám phá GraphQL đang tắt', 'Trình khám phá không bật trên máy chủ này (môi trường vận hành). Quản trị viên bật bằng ANTT_EXPLORER=1.'),
      );
  });
  if (!existsSync(join(dist, 'index.html'))) {
    router.use((_req, res) => {
      res
        .status(503)
        .type('html')
        .send(page('Trang chưa được dựng', 'Các trang chưa được dựng: chạy <code>pnpm app:build</code> (lệnh <code>pnpm start</code> tự làm việc này).'));
    });
    return router;
  }
  // Vite names every asset by its content: cached for good; the pages themselves are checked each time.
  router.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.use(express.static(dist, { index: 'index.html', redirect: true, setHeaders: (res) => res.set('cache-control', 'no-cache') }));
  router.use((_req, res) => {
    res.status(404).type('html').send(page('Không tìm thấy trang', 'Trang này không có. Về <a href="/app/">bảng điều khiển</a>.'));
  });
  return router;
}
