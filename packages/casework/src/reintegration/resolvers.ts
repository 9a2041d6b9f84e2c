/** Resolvers of reintegration support beyond what the kinds generate: the case, the summary, the follow-ups. */
import { GraphQLError } from 'graphql';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import {
  objectResolvers,
  recordsOf,
  rootResolvers,
  type ResolverMap,
  type StoredRecord,
  type SubgraphContext,
  type UnitRecordsParent,
} from '@antt/subgraph-kit';
import { reintegrationSummary, reintegrationSupportKind, reintegrationVisitKind } from './kind.js';
import { cellsOfReintegration } from '../disclosure.js';

export function reintegrationResolvers(org: OrganizationId): ResolverMap {
  const P = ORGANIZATIONS[org].typePrefix;
  const supports = (ctx: SubgraphContext) => recordsOf(ctx, reintegrationSupportKind(org));
  return {
    [`${P}ReintegrationSupport`]: objectResolvers<StoredRecord>({
      case: (r) => ({ id: r.caseId }),
    }),
    [`${P}UnitRecords`]: objectResolvers<UnitRecordsParent>({
      reintegration: ({ unitId }, a: { periodId: string; asRecordedAt?: string | null }, ctx) =>
        cellsOfReintegration(reintegrationSummary(supports(ctx), recordsOf(ctx, reintegrationVisitKind(org)), { unitId, ...a }), { unitId, ...a }),
      reintegrationSupports: ({ unitId }, a: { periodId?: string | null; first: number; after?: string | null }, ctx) =>
        supports(ctx).list({ unitId, periodId: a.periodId }, a.first, a.after),
    }),
    Mutation: rootResolvers({
      [`record${P}ReintegrationVisit`]: (_, a: { supportId: string; input: Record<string, unknown> }, ctx) => {
        recordsOf(ctx, reintegrationVisitKind(org)).create({ ...a.input, supportId: a.supportId });
        return supports(ctx).byId(a.supportId);
      },
      [`record${P}ReintegrationOutcome`]: (_, a: { supportId: string; outcome: string; on: string }, ctx) => {
        const s = supports(ctx).byId(a.supportId);
        if (s?.outcome)
          throw new GraphQLError('Việc giúp đỡ này đã có kết quả: muốn sửa, hãy đính chính kèm lý do.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'outcome', reason: 'ALREADY_CLOSED' },
          });
        return supports(ctx).correct(a.supportId, { outcome: a.outcome, outcomeOn: a.on }, 'Ghi kết quả giúp đỡ');
      },
    }),
  };
}
