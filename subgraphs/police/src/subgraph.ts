/** The police subgraph: exports its definition and opens no port (index.ts listens). */
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import type { IsoDate } from '@antt/reference';
import { resolvers } from './resolvers/index.js';
import { seedPoliceDemo } from './demo.js';
import { seedSteeringDemo } from './demo-steering.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'police',
  root: new URL('..', import.meta.url),
  resolvers,
  kinds,
  demo: (db, _org, today) => seedPoliceDemo(db, today),
  // Loaded on its own (its own demo marker), so a database made before it gets the committees on its next start.
  modules: [{ name: 'steering', resolvers: {}, demo: (db, _org, today) => seedSteeringDemo(db, today as IsoDate) }],
});
