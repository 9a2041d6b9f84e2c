/** Resolvers of the elderly association's own types (schema.graphql). */
import { kindResolvers, type KindSummary } from '@antt/duties';
import { FamilyPledgeRepository } from '../data/pledge-repository.js';

const share = (signed: number, total: number) => (total > 0 ? signed / total : 0);

export const resolvers = kindResolvers({
  repo: FamilyPledgeRepository,
  type: 'ElderlyFamilyPledge',
  unitRecords: 'ElderlyUnitRecords',
  list: 'elderlyFamilyPledges',
  record: 'recordElderlyFamilyPledge',
  summary: 'familyPledges',
  shapeSummary: (s: KindSummary) => ({ ...s, share: share(s.familiesSigned as number, s.familiesTotal as number) }),
  fields: { share: (r: { familiesSigned: number; familiesTotal: number }) => share(r.familiesSigned, r.familiesTotal) },
});
