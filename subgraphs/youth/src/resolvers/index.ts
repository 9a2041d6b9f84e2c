/** Resolvers of the youth union's own types (schema.graphql). */
import { kindResolvers, mergeResolvers, parseId, type KindSummary } from '@antt/duties';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { LegalSessionRepository } from '../data/session-repository.js';
import { YouthCrimeForumRepository } from '../data/forum-repository.js';
import { YouthTeamRepository } from '../data/team-repository.js';

type By = { key: string; count: number; youthReached?: number }[];
interface Parent {
  unitId: string;
}

export const resolvers = mergeResolvers(
  kindResolvers({
    repo: LegalSessionRepository,
    type: 'YouthLegalSession',
    unitRecords: 'YouthUnitRecords',
    list: 'youthLegalSessions',
    record: 'recordYouthLegalSession',
    summary: 'legalEducation',
    shapeSummary: (s: KindSummary) => ({ ...s, bySetting: (s.by as By).map(({ key, count, youthReached }) => ({ setting: key, count, youthReached })) }),
  }),
  kindResolvers({ repo: YouthCrimeForumRepository, type: 'YouthCrimeForum', unitRecords: 'YouthUnitRecords', list: 'youthCrimeForums', record: 'recordYouthCrimeForum', summary: 'crimeForums' }),
  kindResolvers({ repo: YouthTeamRepository, type: 'YouthTeam', unitRecords: 'YouthUnitRecords', list: 'youthTeams', record: 'registerYouthTeam' }),
  {
    Mutation: {
      dissolveYouthTeam: (_: unknown, a: { id: string; on: string }, ctx: SubgraphContext) => ctx.repo(YouthTeamRepository).dissolve(parseId(a.id) ?? 0, a.on),
    },
    YouthUnitRecords: {
      teams: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => ctx.repo(YouthTeamRepository).active(unitId, periodId),
      drugPreventionProject: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => {
        const s = ctx.repo(LegalSessionRepository).summary(unitId, periodId);
        const teams = ctx.repo(YouthTeamRepository).active(unitId, periodId);
        const of = (...kinds: string[]) => teams.filter((t) => kinds.includes(t.kind));
        const clubs = of('DRUG_PREVENTION_CLUB');
        const volunteers = of('VOLUNTEER_TEAM', 'VOLUNTEER_PATROL_TEAM');
        return {
          sessions: s.drugPreventionSessions,
          youthReached: s.drugPreventionYouthReached,
          clubs: clubs.reduce((n, t) => n + t.count, 0),
          volunteerTeams: volunteers.reduce((n, t) => n + t.count, 0),
          members: [...clubs, ...volunteers].reduce((n, t) => n + t.members, 0),
        };
      },
    },
  },
);
