/** Resolvers of tip handovers, generated per organization like its SDL. */
import { branchById, territory, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { parseId } from '../common/records.js';
import { TipHandoverRepository, type HandoverInput, type HandoverRow } from './repository.js';

interface ListArgs {
  unitId?: string | null;
  periodId?: string | null;
  first: number;
  after?: string | null;
}

export function tipHandoverResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => ctx.repo(TipHandoverRepository);
  return {
    Query: {
      [`${org}TipHandovers`]: (_: unknown, a: ListArgs, ctx: SubgraphContext) => repo(ctx).list(a, a.first, a.after),
    },
    Mutation: {
      [`record${P}TipHandover`]: (_: unknown, { input }: { input: HandoverInput }, ctx: SubgraphContext) => repo(ctx).record(input),
    },
    [`${P}TipHandover`]: {
      // Reached through another subgraph: the same scope check as the root field.
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
        const n = parseId(ref.id);
        return n === null ? null : repo(ctx).byId(n);
      },
      id: (r: HandoverRow) => String(r.id),
      unit: (r: HandoverRow) => territory().unit(r.unitId),
      branch: (r: HandoverRow) => branchById(r.branchId),
    },
    [`${P}UnitRecords`]: {
      tipHandovers: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => repo(ctx).summary(unitId, periodId),
    },
  };
}
