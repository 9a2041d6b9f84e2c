/** Resolvers of the mediation part, generated per organization like its SDL. */
import { territory, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { parseId } from '../common/records.js';
import type { MediationResult } from '../catalogues.js';
import { MediationRepository, type CaseRow, type RecordCaseInput, type RegisterTeamInput, type TeamRow } from './repository.js';

interface ListArgs {
  unitId?: string | null;
  periodId?: string | null;
  first: number;
  after?: string | null;
}

export function mediationResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => ctx.repo(MediationRepository);
  const caseById = (id: string, ctx: SubgraphContext) => {
    const n = parseId(id);
    return n === null ? null : repo(ctx).caseById(n);
  };
  const teamById = (id: string, ctx: SubgraphContext) => {
    const n = parseId(id);
    return n === null ? null : repo(ctx).teamById(n);
  };
  return {
    Query: {
      [`${org}MediationTeams`]: (_: unknown, a: ListArgs, ctx: SubgraphContext) => repo(ctx).teams(a, a.first, a.after),
      [`${org}MediationCases`]: (_: unknown, a: ListArgs, ctx: SubgraphContext) => repo(ctx).cases(a, a.first, a.after),
      [`${org}MediationCase`]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => caseById(id, ctx),
    },
    Mutation: {
      [`register${P}MediationTeam`]: (_: unknown, { input }: { input: RegisterTeamInput }, ctx: SubgraphContext) => repo(ctx).registerTeam(input),
      [`record${P}MediationCase`]: (_: unknown, { input }: { input: RecordCaseInput }, ctx: SubgraphContext) => repo(ctx).recordCase(input),
      [`record${P}MediationResult`]: (_: unknown, a: { caseId: string; result: MediationResult; on: string; transferredTo?: string | null }, ctx: SubgraphContext) =>
        repo(ctx).recordResult(parseId(a.caseId) ?? 0, a.result, a.on, a.transferredTo),
    },
    [`${P}MediationTeam`]: {
      // Reached through another subgraph: the same scope check as the root fields.
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => teamById(ref.id, ctx),
      id: (r: TeamRow) => String(r.id),
      area: (r: TeamRow) => territory().unit(r.areaId),
      partnerOrganizations: (r: TeamRow) => (JSON.parse(r.partnerOrganizations) as OrganizationId[]).map((id) => ORGANIZATIONS[id]),
      meetsTeamComposition: (r: TeamRow) => r.mediators >= 3 && r.womenMediators >= 1,
      caseCount: (r: TeamRow, _: unknown, ctx: SubgraphContext) => repo(ctx).casesOfTeam(r.id),
    },
    [`${P}MediationCase`]: {
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => caseById(ref.id, ctx),
      id: (r: CaseRow) => String(r.id),
      team: (r: CaseRow, _: unknown, ctx: SubgraphContext) => repo(ctx).teamOf(r),
      unit: (r: CaseRow) => territory().unit(r.unitId),
    },
    [`${P}UnitRecords`]: {
      mediation: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => repo(ctx).summary(unitId, periodId),
      mediationCases: ({ unitId }: { unitId: string }, a: ListArgs, ctx: SubgraphContext) => repo(ctx).cases({ unitId, periodId: a.periodId }, a.first, a.after),
    },
  };
}
