/** The front subgraph: exports its definition and opens no port (index.ts listens). */
import { defineOrganizationSubgraph } from '@antt/subgraph-kit';
import { resolvers } from './resolvers/index.js';
import { seedFrontDemo } from './demo.js';
import { kinds } from './kinds/index.js';
import { effectiveModelsAnswer, effectiveModelStepsAnswer } from './resolvers/reviews.js';

export const subgraph = defineOrganizationSubgraph({
  org: 'front',
  root: new URL('..', import.meta.url),
  kinds,
  resolvers,
  seedDemo: seedFrontDemo,
  // The police's standard asks, service to service, how many effective models a unit has, on a day or
  // through a year for many units at once (resolvers/reviews.ts).
  services: { effectiveModels: effectiveModelsAnswer, effectiveModelSteps: effectiveModelStepsAnswer },
});
