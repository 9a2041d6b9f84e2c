/**
 * What the farmers' association adds to the resolvers the record framework makes from its kinds
 * (src/kinds): whether a Plan 447 target was met, how many were (a count of records meeting a condition,
 * which the framework's counts cannot say yet), and trainings by level (activities of type TRAINING).
 */
import { kindResolvers, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { TrainingRepository } from '../data/training-repository.js';
import { plan447Results } from '../kinds/index.js';
import { effective, inUnits, standing, statement, windowOf, type WindowArgs } from '@antt/subgraph-kit';

type Parent = { unitId: string };
type Resolve = (parent: unknown, args: unknown, ctx: SubgraphContext) => Record<string, unknown>;
const plan447Counts = kindResolvers(plan447Results).FarmersUnitRecords!.plan447 as unknown as Resolve;

const MET = `SELECT coalesce(sum(t.achieved >= t.target), 0) AS met FROM farmers_plan447_results t
  WHERE ${standing('t')} AND ${inUnits('t')} AND t.reported_on BETWEEN @from AND @to AND ${effective('t', 'reported_on')}`;

const met = (r: StoredRecord) => (r.achieved as number) >= (r.target as number);

export const resolvers = {
  FarmersPlan447Result: { met },
  FarmersPlan447ResultVersion: { met },
  FarmersUnitRecords: {
    plan447: (parent: Parent, a: WindowArgs, ctx: SubgraphContext) => {
      const sum = plan447Counts(parent, a, ctx);
      return { ...sum, met: (statement(ctx, MET).get(windowOf(ctx, plan447Results, parent.unitId, a)) as { met: number }).met };
    },
    trainings: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => ctx.repo(TrainingRepository).summary(unitId, periodId),
  },
};
