/** The veterans subgraph: exports its definition and opens no port (index.ts listens). */
import { dutyModules } from '@antt/duties';
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { resolvers } from './resolvers/index.js';
import { seedDemo } from './demo.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'veterans',
  root: new URL('..', import.meta.url),
  modules: dutyModules('veterans', ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']),
  resolvers,
  demo: seedDemo,
});
