/** Inspections and their follow-up. */
import { notFound } from '@antt/auth';
import { ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import { numericId, parseOrganizations, type SubgraphContext } from '@antt/subgraph-kit';
import { followUpStatus, InspectionRepository, type FollowUpStatus, type InspectionFields, type InspectionKind, type InspectionRow } from '../data/inspection-repository.js';
import { PlanRepository } from '../data/plan-repository.js';

const repo = (ctx: SubgraphContext) => ctx.repo(InspectionRepository);
const byId = (id: string, ctx: SubgraphContext) => {
  const n = numericId(id);
  return n === null ? null : repo(ctx).byId(n);
};

export const inspectionResolvers = {
  Inspection: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ref.id, ctx),
    id: (row: InspectionRow) => String(row.id),
    inspectedUnit: (row: InspectionRow) => territory().unit(row.inspectedUnitId),
    inspectedOrganizations: (row: InspectionRow) => parseOrganizations(row.inspectedOrgs).map((o) => ORGANIZATIONS[o]),
    inspectingOrganizations: (row: InspectionRow) => parseOrganizations(row.inspectingOrgs).map((o) => ORGANIZATIONS[o]),
    leadOrganization: (row: InspectionRow) => ORGANIZATIONS[row.leadOrg as OrganizationId],
    plan: (row: InspectionRow, _: unknown, ctx: SubgraphContext) => (row.planId ? ctx.repo(PlanRepository).byId(row.planId) : null),
    followUpStatus: (row: InspectionRow) => followUpStatus(row),
  },
  FrontUnitRecords: {
    inspectionCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId?: string | null }, ctx: SubgraphContext) => repo(ctx).counts(unitId, periodId),
  },
  Query: {
    frontInspections: (_: unknown, a: { unitId?: string | null; periodId?: string | null; kind?: InspectionKind | null; followUpStatus?: FollowUpStatus | null; first: number }, ctx: SubgraphContext) => repo(ctx).list(a, a.first),
    frontInspection: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byId(id, ctx),
  },
  Mutation: {
    recordFrontInspection: (_: unknown, { input }: { input: InspectionFields }, ctx: SubgraphContext) => repo(ctx).record(input, (n) => ctx.repo(PlanRepository).byId(n) !== null),
    completeFrontInspectionFollowUp: (_: unknown, { id, input }: { id: string; input: { doneOn: string; note?: string | null } }, ctx: SubgraphContext) => {
      const n = numericId(id);
      if (n === null) throw notFound(`Không tìm thấy cuộc kiểm tra ${id}.`);
      return repo(ctx).completeFollowUp(n, input);
    },
  },
};
