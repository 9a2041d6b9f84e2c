import { fileURLToPath } from 'node:url';

/** The committed supergraph, written by `pnpm compose`. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** The gateway's own migrations (its audit trail). */
export const GATEWAY_MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

/** The built pages (`pnpm app:build`), served under /app. */
export const APP_DIST = fileURLToPath(new URL('../../app/dist', import.meta.url));
