import { fileURLToPath } from 'node:url';

/** The committed supergraph, written by `pnpm compose`. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
