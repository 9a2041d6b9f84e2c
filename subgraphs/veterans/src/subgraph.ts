/** The veterans subgraph: exports its definition and opens no port (index.ts listens). */
import { caseworkModules } from '@antt/casework';
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { seedDemo } from './demo.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'veterans',
  root: new URL('..', import.meta.url),
  modules: caseworkModules('veterans', ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']),
  kinds,
  demo: seedDemo,
});
