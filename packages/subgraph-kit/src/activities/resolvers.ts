/** Resolvers of the activities part beyond what the kind generates (see schema.ts). */
import { planTask, type AdminUnit, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { recordsOf } from '../records/resolvers.js';
import type { StoredRecord } from '../records/repository.js';
import { objectResolvers, type ResolverMap, type UnitRecordsParent } from '../resolver-map.js';
import { activityKind } from './kind.js';
import { countsBasis } from '../reports/workflow.js';

interface CountArgs {
  periodId: string;
  asRecordedAt?: string | null;
  figures?: 'OFFICIAL' | 'LIVE' | null;
}

/**
 * The arguments a count is read with. The figures' basis pass (reports/basis-fields.ts, applied to every
 * organization's schema with these resolvers) has already turned `figures` into the instant to read as of
 * (the approved report's lock by default, null for live) and passes it as `asRecordedAt`: asking
 * countsBasis again here read the reports table a second time per organization and request.
 */
function countArgs(unitId: string, a: CountArgs) {
  return { unitId, periodId: a.periodId, asRecordedAt: a.asRecordedAt ?? null };
}

export function activityResolvers(org: OrganizationId): ResolverMap {
  const P = activityKind(org).prefix;
  const repo = (ctx: SubgraphContext) => recordsOf(ctx, activityKind(org));
  return {
    [`${P}Activity`]: objectResolvers<StoredRecord>({
      planTask: (r) => (typeof r.planTaskId === 'string' ? (planTask(r.planTaskId) ?? null) : null),
      correctedAt: (r) => (r.version > 1 ? r.versionRecordedAt : null),
    }),
    Unit: objectResolvers<AdminUnit>({
      [org]: (unit): UnitRecordsParent => ({ unitId: unit.id }),
    }),
    [`${P}UnitRecords`]: objectResolvers<UnitRecordsParent>({
      // Only the types with activities, in the catalogue's alphabetical order, as before the framework.
      activityCounts: ({ unitId }, a: CountArgs, ctx) =>
        repo(ctx).aggregate<{ type: string; count: number; participants: number }>(
          countArgs(unitId, a),
          'type, count(*) AS count, coalesce(sum(participants), 0) AS participants',
          { groupBy: 'type', orderBy: 'type' },
        ),
      // The Front and the police follow every organization's part of the plan: the kind's `countedBy` lets
      // their staff read these, and activityCounts by the same decision (the two add up to the same total).
      activityCountsByTask: ({ unitId }, a: CountArgs, ctx) =>
        repo(ctx)
          .aggregate<{ planTaskId: string | null; count: number; participants: number }>(
            countArgs(unitId, a),
            'plan_task_id AS planTaskId, count(*) AS count, coalesce(sum(participants), 0) AS participants',
            { groupBy: 'plan_task_id', orderBy: 'plan_task_id' },
          )
          .map((c) => ({ ...c, planTask: c.planTaskId ? (planTask(c.planTaskId) ?? null) : null })),
      // Answered by the basis pass itself; this resolver is what it would read without that pass.
      activityCountsBasis: ({ unitId }, a: CountArgs, ctx) => countsBasis(ctx.db, org, unitId, a.periodId, a.figures ?? 'OFFICIAL', a.asRecordedAt).basis,
      activities: ({ unitId }, a: { periodId?: string | null; type?: string | null; first: number; after?: string | null }, ctx) =>
        repo(ctx).list({ unitId, periodId: a.periodId, type: a.type } as never, a.first, a.after),
    }),
  };
}
