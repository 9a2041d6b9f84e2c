/** People of standing: personal details only for the Front's staff of the jurisdiction. */
import { branchById, territory } from '@antt/reference';
import { numericId, type SubgraphContext } from '@antt/subgraph-kit';
import { notFound } from '@antt/auth';
import { PersonOfStandingRepository, type CoreForceRole, type NominationDecision, type NominationFields, type PersonOfStandingRow } from '../data/person-of-standing-repository.js';

const repo = (ctx: SubgraphContext) => ctx.repo(PersonOfStandingRepository);
const byId = (id: string, ctx: SubgraphContext) => {
  const n = numericId(id);
  return n === null ? null : repo(ctx).byId(n);
};

export const peopleResolvers = {
  PersonOfStanding: {
    // Reached through another subgraph: the same check as the root field.
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ref.id, ctx),
    id: (row: PersonOfStandingRow) => String(row.id),
    personal: (row: PersonOfStandingRow, _: unknown, ctx: SubgraphContext) => (repo(ctx).canReadPersonal(row) ? { fullName: row.fullName, birthYear: row.birthYear, ethnicity: row.ethnicity } : null),
    unit: (row: PersonOfStandingRow) => territory().unit(row.unitId),
    nominatedBy: (row: PersonOfStandingRow) => branchById(row.branchId),
  },
  FrontUnitRecords: {
    peopleOfStandingCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId?: string | null }, ctx: SubgraphContext) => repo(ctx).counts(unitId, periodId),
  },
  Query: {
    frontPeopleOfStanding: (_: unknown, a: { unitId?: string | null; role?: CoreForceRole | null; decision?: NominationDecision | null; first: number }, ctx: SubgraphContext) => repo(ctx).list(a, a.first),
    frontPersonOfStanding: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byId(id, ctx),
  },
  Mutation: {
    nominateFrontPersonOfStanding: (_: unknown, { input }: { input: NominationFields }, ctx: SubgraphContext) => repo(ctx).nominate(input),
    decideFrontPersonOfStanding: (_: unknown, { id, input }: { id: string; input: { decision: NominationDecision; decidedOn: string; note?: string | null } }, ctx: SubgraphContext) => {
      const n = numericId(id);
      if (n === null) throw notFound(`Không tìm thấy người có uy tín ${id}.`);
      return repo(ctx).decide(n, input);
    },
  },
};
