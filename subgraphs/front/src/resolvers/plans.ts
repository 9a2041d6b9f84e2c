/** The coordination plans, their tasks and the yearly focus. */
import { notFound } from '@antt/auth';
import { ORGANIZATIONS, planTask, todayInVietnam } from '@antt/reference';
import { numericId, parseOrganizations, type SubgraphContext } from '@antt/subgraph-kit';
import { PlanRepository, type PlanFields, type PlanRow, type PlanTaskRow, type PlanTaskStatus } from '../data/plan-repository.js';

const repo = (ctx: SubgraphContext) => ctx.repo(PlanRepository);
const byId = (id: string, ctx: SubgraphContext) => {
  const n = numericId(id);
  return n === null ? null : repo(ctx).byId(n);
};

export const planResolvers = {
  CoordinationPlan: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ref.id, ctx),
    id: (row: PlanRow) => String(row.id),
    predecessor: (row: PlanRow, _: unknown, ctx: SubgraphContext) => (row.predecessorId ? repo(ctx).byId(row.predecessorId) : null),
    successors: (row: PlanRow, _: unknown, ctx: SubgraphContext) => repo(ctx).successors(row.id),
    tasks: (row: PlanRow, a: { section?: 'II' | 'IV' | null; year?: number | null }, ctx: SubgraphContext) =>
      repo(ctx)
        .tasks(row.id)
        .filter((t) => (!a.section || t.section === a.section) && (a.year == null || t.year === a.year)),
    yearlyFocus: (row: PlanRow, { year }: { year: number }, ctx: SubgraphContext) =>
      repo(ctx)
        .tasks(row.id)
        .filter((t) => t.section === 'IV' && t.year === year),
  },
  CoordinationPlanTask: {
    id: (row: PlanTaskRow) => String(row.id),
    planTask: (row: PlanTaskRow) => (row.planTaskRef ? (planTask(row.planTaskRef) ?? null) : null),
    leadOrganizations: (row: PlanTaskRow) => parseOrganizations(row.leadOrgs).map((o) => ORGANIZATIONS[o]),
    participatingOrganizations: (row: PlanTaskRow) => parseOrganizations(row.participatingOrgs).map((o) => ORGANIZATIONS[o]),
    overdue: (row: PlanTaskRow) => row.deadline !== null && row.deadline < todayInVietnam() && row.status !== 'DONE' && row.status !== 'CANCELLED',
  },
  Query: {
    frontPlans: (_: unknown, __: unknown, ctx: SubgraphContext) => repo(ctx).all(),
    frontPlan: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byId(id, ctx),
  },
  Mutation: {
    recordFrontPlan: (_: unknown, { input }: { input: PlanFields }, ctx: SubgraphContext) => repo(ctx).record(input),
    updateFrontPlanTaskStatus: (_: unknown, { id, input }: { id: string; input: { status: PlanTaskStatus; since: string; note?: string | null } }, ctx: SubgraphContext) => {
      const n = numericId(id);
      if (n === null) throw notFound(`Không tìm thấy nhiệm vụ ${id}.`);
      return repo(ctx).updateTaskStatus(n, input);
    },
  },
};
