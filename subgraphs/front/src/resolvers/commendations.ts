/** Commendations: any organization proposes, the Front decides. */
import { notFound } from '@antt/auth';
import { branchById, ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import { numericId, type SubgraphContext } from '@antt/subgraph-kit';
import { CommendationRepository, type CommendationRow, type CommendationStatus, type DecisionFields, type ProposalFields } from '../data/commendation-repository.js';

const repo = (ctx: SubgraphContext) => ctx.repo(CommendationRepository);
const byId = (id: string, ctx: SubgraphContext) => {
  const n = numericId(id);
  return n === null ? null : repo(ctx).byId(n);
};

export const commendationResolvers = {
  Commendation: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ref.id, ctx),
    id: (row: CommendationRow) => String(row.id),
    recipientUnit: (row: CommendationRow) => territory().unit(row.recipientUnitId),
    recipientBranch: (row: CommendationRow) => (row.recipientBranchId ? branchById(row.recipientBranchId) : null),
    proposedBy: (row: CommendationRow) => ORGANIZATIONS[row.proposedByOrg as OrganizationId],
  },
  FrontUnitRecords: {
    commendationCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId?: string | null }, ctx: SubgraphContext) => repo(ctx).counts(unitId, periodId),
  },
  Query: {
    frontCommendations: (_: unknown, a: { unitId?: string | null; status?: CommendationStatus | null; proposedBy?: string | null; periodId?: string | null; first: number }, ctx: SubgraphContext) => repo(ctx).list(a, a.first),
    frontCommendation: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byId(id, ctx),
  },
  Mutation: {
    proposeFrontCommendation: (_: unknown, { input }: { input: ProposalFields }, ctx: SubgraphContext) => repo(ctx).propose(input),
    decideFrontCommendation: (_: unknown, { id, input }: { id: string; input: DecisionFields }, ctx: SubgraphContext) => {
      const n = numericId(id);
      if (n === null) throw notFound(`Không tìm thấy đề nghị khen thưởng ${id}.`);
      return repo(ctx).decide(n, input);
    },
  },
};
