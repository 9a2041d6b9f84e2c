/** The police's own resolvers, merged type by type. */
import { mergeResolvers } from '@antt/subgraph-kit';
import { recordResolvers } from './records.js';
import { standardResolvers } from './standard.js';
import { steeringResolvers } from './steering.js';
import { tipResolvers } from './tips.js';

export const resolvers = mergeResolvers(standardResolvers, tipResolvers, recordResolvers, steeringResolvers);
