/** Resolvers of help for people at risk, generated per organization like its SDL. */
import { branchById, territory, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { parseId } from '../common/records.js';
import { AtRiskSupportRepository, type AtRiskSupportInput, type AtRiskSupportRow } from './repository.js';

interface ListArgs {
  unitId?: string | null;
  periodId?: string | null;
  first: number;
  after?: string | null;
}

export function atRiskSupportResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => ctx.repo(AtRiskSupportRepository);
  return {
    Query: {
      [`${org}AtRiskSupports`]: (_: unknown, a: ListArgs, ctx: SubgraphContext) => repo(ctx).list(a, a.first, a.after),
    },
    Mutation: {
      [`record${P}AtRiskSupport`]: (_: unknown, { input }: { input: AtRiskSupportInput }, ctx: SubgraphContext) => repo(ctx).record(input),
    },
    [`${P}AtRiskSupport`]: {
      // Reached through another subgraph: the same scope check as the root field.
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
        const n = parseId(ref.id);
        return n === null ? null : repo(ctx).byId(n);
      },
      id: (r: AtRiskSupportRow) => String(r.id),
      unit: (r: AtRiskSupportRow) => territory().unit(r.unitId),
      branch: (r: AtRiskSupportRow) => branchById(r.branchId),
      help: (r: AtRiskSupportRow) => JSON.parse(r.help) as string[],
    },
    [`${P}UnitRecords`]: {
      atRiskSupport: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => repo(ctx).summary(unitId, periodId),
    },
  };
}
