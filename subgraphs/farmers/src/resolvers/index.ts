/** Resolvers of the farmers' association's own types (schema.graphql). */
import { kindResolvers, mergeResolvers } from '@antt/duties';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { Plan447Repository } from '../data/plan447-repository.js';
import { CampaignRepository } from '../data/campaign-repository.js';
import { TrainingRepository } from '../data/training-repository.js';

export const resolvers = mergeResolvers(
  kindResolvers({
    repo: Plan447Repository,
    type: 'FarmersPlan447Result',
    unitRecords: 'FarmersUnitRecords',
    list: 'farmersPlan447Results',
    record: 'recordFarmersPlan447Result',
    summary: 'plan447',
    fields: { met: (r: { target: number; achieved: number }) => r.achieved >= r.target },
  }),
  kindResolvers({ repo: CampaignRepository, type: 'FarmersCampaign', unitRecords: 'FarmersUnitRecords', list: 'farmersCampaigns', record: 'recordFarmersCampaign', summary: 'campaigns' }),
  {
    FarmersUnitRecords: {
      trainings: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => ctx.repo(TrainingRepository).summary(unitId, periodId),
    },
  },
);
