/** The youth subgraph: exports its definition and opens no port (index.ts listens). */
import { dutyModules } from '@antt/duties';
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { resolvers } from './resolvers/index.js';
import { seedDemo } from './demo.js';
import { kinds } from './kinds/index.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'youth',
  root: new URL('..', import.meta.url),
  modules: dutyModules('youth', ['reintegration', 'atRiskSupport']),
  kinds,
  resolvers,
  demo: seedDemo,
});
