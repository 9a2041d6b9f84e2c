import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed supergraph, written by `pnpm compose`. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** The gateway's own migrations (its audit trail). */
export const GATEWAY_MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * The built pages, served under /app: the production build's copy in gateway/dist-pages (`pnpm build`,
 * so that a runtime-only install of the gateway carries them), else app/dist (`pnpm app:build`).
 */
const BUILT_PAGES = fileURLToPath(new URL('../dist-pages', import.meta.url));
export const APP_DIST = existsSync(BUILT_PAGES) ? BUILT_PAGES : fileURLToPath(new URL('../../app/dist', import.meta.url));
