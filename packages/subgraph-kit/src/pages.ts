/**
 * The pages built by Vite from app/ (`pnpm app:build`), served as static files: the gateway serves all of
 * them under /app (the leadership dashboard, the staff workbench, the public page and the GraphQL
 * explorer); every subgraph serves the explorer alone (/app/kham-pha/), pointed at its own /graphql, for
 * the staff and developers who query their organization's subgraph directly. The files are the same
 * build, never a copy per service. They are static pages that speak to /graphql like any other client,
 * so they reach no data the API does not give the token they carry. Everything they load comes from the
 * serving process: the content security policy forbids any other origin, so a page cannot quietly
 * depend on a CDN (the explorer works on a closed network).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { isProduction } from './edge.js';

/**
 * The built pages as a subgraph finds them: app/dist of the checkout it runs from (the production build
 * keeps this file's place under the package's dist/, so the same relative path holds). A runtime-only
 * install of a subgraph carries no pages: its explorer path then says so (503), never a 500.
 */
export const SUBGRAPH_APP_DIST = fileURLToPath(new URL('../../../app/dist', import.meta.url));

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

export interface PagesOptions {
  /** Serve the explorer (default: explorerEnabled()). */
  explorer?: boolean;
  /** A subgraph serves the explorer and its assets only; the other pages are the gateway's. */
  explorerOnly?: boolean;
}

/** The router to mount at /app (see the file's comment). */
export function pagesRouter(dist: string, opts: PagesOptions = {}): express.Router {
  const explorer = opts.explorer ?? explorerEnabled();
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
  const pages = { index: 'index.html', redirect: true, setHeaders: (res: express.Response) => res.set('cache-control', 'no-cache') };
  if (opts.explorerOnly) router.use('/kham-pha', express.static(join(dist, 'kham-pha'), pages));
  else router.use(express.static(dist, pages));
  router.use((_req, res) => {
    res
      .status(404)
      .type('html')
      .send(
        opts.explorerOnly
          ? page(
              'Không tìm thấy trang',
              'Máy chủ của tổ chức chỉ phục vụ <a href="/app/kham-pha/">trình khám phá GraphQL</a>; các trang khác ở cổng chung (gateway).',
            )
          : page('Không tìm thấy trang', 'Trang này không có. Về <a href="/app/">bảng điều khiển</a>.'),
      );
  });
  return router;
}
