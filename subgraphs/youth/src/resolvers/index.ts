/**
 * The youth union's resolvers beyond those the record framework makes from its kinds (src/kinds): the
 * clubs and teams active on a day, the drug-prevention project's indicators, and the dissolution of a
 * team (a correction of its `dissolvedOn`, with the argument named as before).
 */
import type { Resolvers } from '../generated/resolvers.js';
import { invalidInput } from '@antt/auth';
import { todayInVietnam } from '@antt/reference';
import { fmtDate, Problems, recordsOf } from '@antt/subgraph-kit';
import { teams } from '../kinds/index.js';
import { activeTeams, drugPreventionSessions } from '../data/indicators.js';

export const resolvers: Resolvers = {
  Mutation: {
    dissolveYouthTeam: (_, a, ctx) => {
      const repo = recordsOf(ctx, teams);
      const p = new Problems();
      const on = teams.spec.fields.dissolvedOn!.parse(a.on, 'on', p, todayInVietnam()) as string | undefined;
      p.throwIfAny();
      const team = repo.byId(a.id);
      if (team && on) {
        if (team.dissolvedOn) throw invalidInput('on', `Câu lạc bộ, đội đã giải thể từ ${fmtDate(team.dissolvedOn as string)}.`, 'ALREADY_CLOSED');
        if (on < (team.foundedOn as string))
          throw invalidInput('on', `Ngày giải thể ${fmtDate(on)} trước ngày thành lập (${fmtDate(team.foundedOn as string)}).`, 'DATE_BEFORE_START');
      }
      // A team not found, or not the caller's to change, is refused by the correction itself (the same message either way).
      return repo.correct(a.id, { dissolvedOn: on }, a.reason ?? 'Ghi nhận câu lạc bộ, đội giải thể');
    },
  },
  YouthUnitRecords: {
    teams: ({ unitId }, a, ctx) => activeTeams(ctx, String(unitId), a),
    drugPreventionProject: (p, a, ctx) => {
      const unitId = String(p.unitId);
      const { sessions, youthReached } = drugPreventionSessions(ctx, unitId, a);
      const active = activeTeams(ctx, unitId, a);
      const of = (...kinds: string[]) => active.filter((t) => kinds.includes(t.kind));
      const clubs = of('DRUG_PREVENTION_CLUB');
      const volunteers = of('VOLUNTEER_TEAM', 'VOLUNTEER_PATROL_TEAM');
      return {
        sessions,
        youthReached,
        clubs: clubs.reduce((n, t) => n + t.count, 0),
        volunteerTeams: volunteers.reduce((n, t) => n + t.count, 0),
        members: [...clubs, ...volunteers].reduce((n, t) => n + t.members, 0),
      };
    },
  },
};
