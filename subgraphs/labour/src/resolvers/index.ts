/** Resolvers of the labour federation's own types (schema.graphql). */
import { kindResolvers, mergeResolvers, parseId, type KindSummary } from '@antt/duties';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { CoreTeamRepository, ParticipationRepository } from '../data/participation-repository.js';
import { BoardingHouseRepository, type BoardingHouseCheckInput, type BoardingHouseRow } from '../data/boarding-house-repository.js';
import { DisputeRepository, type DisputeRow, type DisputeUpdate } from '../data/dispute-repository.js';

type By = { key: string; count: number; workersInvolved?: number }[];
interface Parent {
  unitId: string;
}
const establishment = (r: { establishmentId: string | null }) => (r.establishmentId ? { id: r.establishmentId } : null);

export const resolvers = mergeResolvers(
  kindResolvers({ repo: ParticipationRepository, type: 'LabourParticipation', unitRecords: 'LabourUnitRecords', list: 'labourParticipations', record: 'recordLabourParticipation', fields: { establishment } }),
  kindResolvers({ repo: CoreTeamRepository, type: 'LabourCoreTeam', unitRecords: 'LabourUnitRecords', list: 'labourCoreTeams', record: 'registerLabourCoreTeam', fields: { establishment } }),
  kindResolvers({
    repo: BoardingHouseRepository,
    type: 'LabourBoardingHouse',
    unitRecords: 'LabourUnitRecords',
    list: 'labourBoardingHouses',
    record: 'registerLabourBoardingHouse',
    fields: {
      checks: (r: BoardingHouseRow, _: unknown, ctx: SubgraphContext) => ctx.repo(BoardingHouseRepository).checksOf(r.id),
      status: (r: BoardingHouseRow, _: unknown, ctx: SubgraphContext) => ctx.repo(BoardingHouseRepository).checksOf(r.id)[0]?.status ?? null,
    },
  }),
  kindResolvers({
    repo: DisputeRepository,
    type: 'LabourDispute',
    unitRecords: 'LabourUnitRecords',
    list: 'labourDisputes',
    record: 'recordLabourDispute',
    summary: 'disputes',
    shapeSummary: (s: KindSummary) => ({ ...s, byKind: (s.by as By).map(({ key, count, workersInvolved }) => ({ kind: key, count, workersInvolved })) }),
    fields: { establishment: (r: DisputeRow) => establishment(r) },
  }),
  {
    Mutation: {
      recordLabourBoardingHouseCheck: (_: unknown, a: { houseId: string; input: BoardingHouseCheckInput }, ctx: SubgraphContext) => ctx.repo(BoardingHouseRepository).recordCheck(parseId(a.houseId) ?? 0, a.input),
      updateLabourDispute: (_: unknown, a: { id: string; input: DisputeUpdate }, ctx: SubgraphContext) => ctx.repo(DisputeRepository).change(parseId(a.id) ?? 0, a.input),
    },
    LabourUnitRecords: {
      movement: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => ctx.repo(ParticipationRepository).movement(unitId, periodId),
      boardingHouses: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => ctx.repo(BoardingHouseRepository).houses(unitId, periodId),
    },
  },
);
