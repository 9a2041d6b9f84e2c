/** The elderly subgraph: exports its definition and opens no port (index.ts listens). */
import { caseworkModules } from '@antt/casework';
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { kinds } from './kinds/index.js';
import { resolvers } from './resolvers/index.js';
import { seedDemo } from './demo.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'elderly',
  root: new URL('..', import.meta.url),
  modules: caseworkModules('elderly', ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']),
  kinds,
  resolvers,
  demo: seedDemo,
});
