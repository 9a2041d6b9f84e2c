/** The Front's own resolvers, merged type by type (several areas add fields to Query, Mutation and FrontUnitRecords). */
import { reviewResolvers } from './reviews.js';
import { peopleResolvers } from './people.js';
import { commendationResolvers } from './commendations.js';
import { planResolvers } from './plans.js';
import { inspectionResolvers } from './inspections.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolver maps are heterogeneous by nature
type ResolverMap = Record<string, any>;

function merge(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) for (const [type, fields] of Object.entries(m)) out[type] = { ...out[type], ...fields };
  return out;
}

export const resolvers = merge(reviewResolvers, peopleResolvers, commendationResolvers, planResolvers, inspectionResolvers);
