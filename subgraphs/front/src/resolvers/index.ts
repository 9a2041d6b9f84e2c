/** The Front's own resolvers, merged type by type (several areas add fields to Query, Mutation and FrontUnitRecords). */
import { reviewResolvers } from './reviews.js';
import { peopleResolvers } from './people.js';
import { commendationResolvers } from './commendations.js';
import { planResolvers } from './plans.js';
import { inspectionResolvers } from './inspections.js';

import { mergeResolvers } from '@antt/subgraph-kit';

export const resolvers = mergeResolvers(reviewResolvers, peopleResolvers, commendationResolvers, planResolvers, inspectionResolvers);
