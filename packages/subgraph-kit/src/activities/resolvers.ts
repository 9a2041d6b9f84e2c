/** Resolvers of the activities part, generated per organization like its SDL (see schema.ts). */
import { branchById, planTask, territory, ORGANIZATIONS, type AdminUnit, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import type { ActivityPage, ActivityRow } from './repository.js';
import type { ActivityFields } from './validate.js';
import type { ActivityType } from './types.js';

/** Ids are positive integers; anything else names no activity (and is not an error worth a stack). */
function parseId(id: string): number | null {
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}

interface UnitRecords {
  unitId: string;
}

interface ListArgs {
  unitId?: string | null;
  periodId?: string | null;
  from?: string | null;
  to?: string | null;
  type?: ActivityType | null;
  first: number;
  after?: string | null;
}

export function activityResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  return {
    Query: {
      [`${org}Activities`]: (_: unknown, a: ListArgs, ctx: SubgraphContext) => ctx.activities.list(a, a.first, a.after),
      [`${org}Activity`]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => {
        const n = parseId(id);
        return n === null ? null : ctx.activities.byId(n);
      },
    },
    Mutation: {
      [`record${P}Activity`]: (_: unknown, { input }: { input: ActivityFields }, ctx: SubgraphContext) => ctx.activities.record(input),
      [`correct${P}Activity`]: (_: unknown, { id, input, reason }: { id: string; input: Partial<ActivityFields>; reason?: string | null }, ctx: SubgraphContext) =>
        ctx.activities.correct(parseId(id) ?? 0, input, reason ?? null),
    },
    [`${P}Activity`]: {
      // Reached through another subgraph: the same scope check as the root field (byId applies it).
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
        const n = parseId(ref.id);
        return n === null ? null : ctx.activities.byId(n);
      },
      id: (row: ActivityRow) => String(row.id),
      unit: (row: ActivityRow) => territory().unit(row.unitId),
      branch: (row: ActivityRow) => branchById(row.branchId),
      planTask: (row: ActivityRow) => (row.planTaskId ? (planTask(row.planTaskId) ?? null) : null),
    },
    [`${P}ActivityConnection`]: {
      pageInfo: (p: ActivityPage) => ({ hasNextPage: p.hasNextPage, endCursor: p.endCursor }),
    },
    Unit: {
      [org]: (unit: AdminUnit) => ({ unitId: unit.id }),
    },
    [`${P}UnitRecords`]: {
      activityCounts: ({ unitId }: UnitRecords, { periodId }: { periodId: string }, ctx: SubgraphContext) => ctx.activities.countsByType(unitId, periodId),
      activityCountsByTask: ({ unitId }: UnitRecords, { periodId }: { periodId: string }, ctx: SubgraphContext) =>
        ctx.activities.countsByTask(unitId, periodId).map((c) => ({ ...c, planTask: c.planTaskId ? (planTask(c.planTaskId) ?? null) : null })),
      activities: ({ unitId }: UnitRecords, a: ListArgs, ctx: SubgraphContext) => ctx.activities.list({ unitId, periodId: a.periodId, type: a.type }, a.first, a.after),
    },
  };
}
