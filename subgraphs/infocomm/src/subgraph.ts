/** The infocomm subgraph: exports its definition and opens no port (index.ts listens). */
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { resolvers } from './resolvers/index.js';
import { seedDemo } from './demo.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({ org: 'infocomm', root: new URL('..', import.meta.url), kinds, resolvers, demo: seedDemo });
