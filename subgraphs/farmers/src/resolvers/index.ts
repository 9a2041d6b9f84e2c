/**
 * What the farmers' association adds to the resolvers the record framework makes from its kinds
 * (src/kinds): whether a Plan 447 target was met, how many were (a count of records meeting a condition,
 * which the framework's counts cannot say yet), and trainings by level (activities of type TRAINING).
 */
import type { Resolvers } from '../generated/resolvers.js';
import { kindCounts } from '@antt/subgraph-kit';
import { TrainingRepository } from '../data/training-repository.js';
import { plan447Results } from '../kinds/index.js';
import { effective, inUnits, standing, statement, windowOf } from '@antt/subgraph-kit';

const MET = `SELECT coalesce(sum(t.achieved >= t.target), 0) AS met FROM farmers_plan447_results t
  WHERE ${standing('t')} AND ${inUnits('t')} AND t.reported_on BETWEEN @from AND @to AND ${effective('t', 'reported_on')}`;

const met = (r: Record<string, unknown>) => Number(r.achieved) >= Number(r.target);

export const resolvers: Resolvers = {
  FarmersPlan447Result: { met },
  FarmersPlan447ResultVersion: { met },
  FarmersUnitRecords: {
    plan447: (parent, a, ctx) => {
      const sum = kindCounts(ctx, plan447Results, String(parent.unitId), a);
      return { ...sum, met: (statement(ctx, MET).get(windowOf(ctx, plan447Results, String(parent.unitId), a)) as { met: number }).met };
    },
    // asRecordedAt: the instant the figures' basis gives (subgraph-kit reports/basis-fields.ts).
    trainings: ({ unitId }, { periodId, asRecordedAt }, ctx) => ctx.repo(TrainingRepository).summary(String(unitId), periodId, asRecordedAt ?? null),
  },
};
