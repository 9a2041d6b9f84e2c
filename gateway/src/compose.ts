/**
 * Composes the nine subgraphs ahead of time into gateway/supergraph.graphql (committed). The gateway
 * starts from that file, never from runtime introspection. With --check it regenerates in memory and
 * fails when the committed file is stale (run by `pnpm test`).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices, type CompositionResult } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { defaultPort } from '@antt/subgraph-kit';
import { SUBGRAPHS } from './subgraphs.js';

import { SUPERGRAPH_FILE } from './paths.js';

/**
 * Composition hints we have reviewed and accept, each with the reason. Any other hint fails the check.
 */
export const ACCEPTED_HINTS: Record<string, string> = {};

export function compose(): CompositionResult {
  return composeServices(
    SUBGRAPHS.map((sg) => ({
      name: sg.name,
      // The URL is the embedded default's; the gateway overrides it from ANTT_<ORG>_URL at start.
      url: `http://127.0.0.1:${defaultPort(sg.name)}/graphql`,
      typeDefs: parse(printSubgraphSchema(sg.schema())),
    })),
  );
}

export function composeOrThrow(): string {
  const result = compose();
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  const unexplained = (result.hints ?? []).filter((h) => !(h.definition.code in ACCEPTED_HINTS));
  if (unexplained.length) throw new Error(`Composition hints to review:\n${unexplained.map((h) => `- [${h.definition.code}] ${h.message}`).join('\n')}`);
  return result.supergraphSdl;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  try {
    const sdl = composeOrThrow();
    if (process.argv.includes('--check')) {
      const committed = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
      if (committed !== sdl) {
        console.error('gateway/supergraph.graphql is stale: run `pnpm compose` and commit the result.');
        process.exit(1);
      }
      console.log('supergraph.graphql is up to date.');
    } else {
      writeFileSync(SUPERGRAPH_FILE, sdl);
      console.log(`Wrote ${SUPERGRAPH_FILE}.`);
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
