/** Runs the farmers subgraph on its own: PORT, ANTT_DATA_DIR, ANTT_JWKS_URL, ANTT_DEMO_DATA=0 are read from the environment. */
import { runSubgraph } from '@antt/subgraph-kit';
import { subgraph } from './subgraph.js';

await runSubgraph(subgraph);
