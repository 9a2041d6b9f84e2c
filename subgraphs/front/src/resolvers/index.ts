/**
 * The Front's own resolvers: the established queries and mutations over the records the framework keeps
 * (src/kinds), and the fields schema.graphql adds to the generated types. Merged type by type.
 */
import { mergeResolvers } from '@antt/subgraph-kit';
import { reviewResolvers } from './reviews.js';
import { peopleResolvers } from './people.js';
import { commendationResolvers } from './commendations.js';
import { planResolvers } from './plans.js';
import { inspectionResolvers } from './inspections.js';

export const resolvers = mergeResolvers(reviewResolvers, peopleResolvers, commendationResolvers, planResolvers, inspectionResolvers);
