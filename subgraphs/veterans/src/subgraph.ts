/** The veterans subgraph: exports its definition and opens no port (index.ts listens). */
import { dutyModules } from '@antt/duties';
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { seedDemo } from './demo.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'veterans',
  root: new URL('..', import.meta.url),
  modules: dutyModules('veterans', ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']),
  kinds,
  demo: seedDemo,
});
