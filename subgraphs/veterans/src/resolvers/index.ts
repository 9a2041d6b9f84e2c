/** Resolvers of the veterans' own types (schema.graphql). */
import { kindResolvers, mergeResolvers } from '@antt/duties';
import { PatrolRepository } from '../data/patrol-repository.js';
import { CondemnationForumRepository } from '../data/forum-repository.js';

export const resolvers = mergeResolvers(
  kindResolvers({ repo: PatrolRepository, type: 'VeteransPatrol', unitRecords: 'VeteransUnitRecords', list: 'veteransPatrols', record: 'recordVeteransPatrol', summary: 'patrols' }),
  kindResolvers({ repo: CondemnationForumRepository, type: 'VeteransCondemnationForum', unitRecords: 'VeteransUnitRecords', list: 'veteransCondemnationForums', record: 'recordVeteransCondemnationForum', summary: 'condemnationForums' }),
);
