/** Resolvers of the reintegration part, generated per organization like its SDL. */
import { branchById, territory, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { parseId } from '../common/records.js';
import { ReintegrationRepository, type AssignSupportInput, type SupportRow, type VisitInput } from './repository.js';
import type { ReintegrationOutcome } from '../catalogues.js';

interface ListArgs {
  unitId?: string | null;
  periodId?: string | null;
  caseId?: string | null;
  first: number;
  after?: string | null;
}

export function reintegrationResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => ctx.repo(ReintegrationRepository);
  const byId = (id: string, ctx: SubgraphContext) => {
    const n = parseId(id);
    return n === null ? null : repo(ctx).byId(n);
  };
  return {
    Query: {
      [`${org}ReintegrationSupports`]: (_: unknown, a: ListArgs, ctx: SubgraphContext) => repo(ctx).list(a, a.first, a.after),
      [`${org}ReintegrationSupport`]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byId(id, ctx),
    },
    Mutation: {
      [`assign${P}ReintegrationSupport`]: (_: unknown, { input }: { input: AssignSupportInput }, ctx: SubgraphContext) => repo(ctx).assign(input),
      [`record${P}ReintegrationVisit`]: (_: unknown, a: { supportId: string; input: VisitInput }, ctx: SubgraphContext) => repo(ctx).recordVisit(parseId(a.supportId) ?? 0, a.input),
      [`record${P}ReintegrationOutcome`]: (_: unknown, a: { supportId: string; outcome: ReintegrationOutcome; on: string }, ctx: SubgraphContext) => repo(ctx).recordOutcome(parseId(a.supportId) ?? 0, a.outcome, a.on),
    },
    [`${P}ReintegrationSupport`]: {
      // Reached through another subgraph: the same scope check as the root field.
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ref.id, ctx),
      id: (r: SupportRow) => String(r.id),
      case: (r: SupportRow) => ({ id: r.caseId }),
      commune: (r: SupportRow) => territory().unit(r.communeId),
      branch: (r: SupportRow) => branchById(r.branchId),
      mentorName: (r: SupportRow, _: unknown, ctx: SubgraphContext) => (repo(ctx).mentorNameVisible() ? r.mentorName : null),
      visits: (r: SupportRow, _: unknown, ctx: SubgraphContext) => repo(ctx).visits(r.id).map((v) => ({ ...v, help: JSON.parse(v.help) as string[] })),
    },
    [`${P}UnitRecords`]: {
      reintegration: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => repo(ctx).summary(unitId, periodId),
      reintegrationSupports: ({ unitId }: { unitId: string }, a: ListArgs, ctx: SubgraphContext) => repo(ctx).list({ unitId, periodId: a.periodId }, a.first, a.after),
    },
  };
}
