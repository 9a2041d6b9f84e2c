/** Resolvers of the information and communications records (schema.graphql). */
import { kindResolvers, mergeResolvers, responsibleBodyById, type KindSummary } from '@antt/duties';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { GoodExampleRepository, MediaItemRepository, OnlineWarningRepository } from '../data/media-repository.js';

type By = { key: string; count: number; reach?: number }[];
interface Parent {
  unitId: string;
}
const responsibleBody = (r: { responsibleBody: string }) => responsibleBodyById('infocomm', r.responsibleBody);

export const resolvers = mergeResolvers(
  kindResolvers({ repo: MediaItemRepository, type: 'InfocommMediaItem', unitRecords: 'InfocommUnitRecords', list: 'infocommMediaItems', record: 'recordInfocommMediaItem', fields: { responsibleBody } }),
  kindResolvers({ repo: OnlineWarningRepository, type: 'InfocommOnlineWarning', unitRecords: 'InfocommUnitRecords', list: 'infocommOnlineWarnings', record: 'recordInfocommOnlineWarning', fields: { responsibleBody } }),
  kindResolvers({ repo: GoodExampleRepository, type: 'InfocommGoodExample', unitRecords: 'InfocommUnitRecords', list: 'infocommGoodExamples', record: 'recordInfocommGoodExample', fields: { responsibleBody } }),
  {
    InfocommUnitRecords: {
      media: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => {
        const repo = ctx.repo(MediaItemRepository);
        const s: KindSummary = repo.summary(unitId, periodId);
        return { ...s, byOutlet: (s.by as By).map(({ key, count, reach }) => ({ outletKind: key, count, reach })), byBody: repo.byBody(unitId, periodId) };
      },
      onlineWarnings: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => {
        const repo = ctx.repo(OnlineWarningRepository);
        const s: KindSummary = repo.summary(unitId, periodId);
        return { ...s, byChannel: (s.by as By).map(({ key, count, reach }) => ({ channel: key, count, reach })), byBody: repo.byBody(unitId, periodId) };
      },
      goodExamples: ({ unitId }: Parent, { periodId }: { periodId: string }, ctx: SubgraphContext) => {
        const repo = ctx.repo(GoodExampleRepository);
        return { ...repo.summary(unitId, periodId), byBody: repo.byBody(unitId, periodId) };
      },
    },
  },
);
