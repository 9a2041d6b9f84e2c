/** The police subgraph: exports its definition and opens no port (index.ts listens). */
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { resolvers } from './resolvers/index.js';
import { seedPoliceDemo } from './demo.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'police',
  root: new URL('..', import.meta.url),
  resolvers,
  kinds,
  demo: (db, _org, today) => seedPoliceDemo(db, today),
});
