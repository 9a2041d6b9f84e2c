/**
 * The pages the gateway serves under /app: all of them (the router and its rules are shared with the
 * subgraphs, which serve the explorer alone: packages/subgraph-kit/src/pages.ts), from the gateway's
 * own copy of the build when it runs from its production build.
 */
import { explorerEnabled, pagesRouter as sharedPagesRouter } from '@antt/subgraph-kit';
import type express from 'express';
import { APP_DIST } from './paths.js';

export { explorerEnabled };

export function pagesRouter(dist = APP_DIST, explorer = explorerEnabled()): express.Router {
  return sharedPagesRouter(dist, { explorer });
}
