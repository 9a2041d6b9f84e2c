/** The farmers subgraph: exports its definition and opens no port (index.ts listens). */
import { caseworkModules } from '@antt/casework';
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { resolvers } from './resolvers/index.js';
import { seedDemo } from './demo.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'farmers',
  root: new URL('..', import.meta.url),
  modules: caseworkModules('farmers', ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']),
  kinds,
  resolvers,
  demo: seedDemo,
});
