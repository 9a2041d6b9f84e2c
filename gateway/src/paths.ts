import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed supergraph, written by `pnpm compose`. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** The gateway's own migrations (its audit trail). */
export const GATEWAY_MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * The built pages, served under /app: run from the production build (gateway/dist), its copy in
 * gateway/dist-pages (`pnpm build`, so that a runtime-only install of the gateway carries them); run
 * from the sources, app/dist (`pnpm app:build`, or `pnpm start`, which rebuilds them when stale).
 */
const fromBuild = basename(dirname(fileURLToPath(import.meta.url))) === 'dist';
export const APP_DIST = fileURLToPath(new URL(fromBuild ? '../dist-pages' : '../../app/dist', import.meta.url));
