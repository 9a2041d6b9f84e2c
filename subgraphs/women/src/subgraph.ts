/** The women subgraph: exports its definition and opens no port (index.ts listens). */
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';

export const subgraph = defineOrganizationSubgraph({ org: 'women', root: new URL('..', import.meta.url) });
