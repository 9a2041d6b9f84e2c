/** Resolvers of mediation beyond what the kinds generate: the team's partners and figures, the summary, the result. */
import { GraphQLError } from 'graphql';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import {
  objectResolvers,
  parseOrganizations,
  recordsOf,
  rootResolvers,
  type ResolverMap,
  type StoredRecord,
  type SubgraphContext,
  type UnitRecordsParent,
} from '@antt/subgraph-kit';
import { mediationCaseKind, mediationSummary, mediationTeamKind } from './kind.js';
import { cellsOfMediation } from '../disclosure.js';

export function mediationResolvers(org: OrganizationId): ResolverMap {
  const P = ORGANIZATIONS[org].typePrefix;
  const teams = (ctx: SubgraphContext) => recordsOf(ctx, mediationTeamKind(org));
  const cases = (ctx: SubgraphContext) => recordsOf(ctx, mediationCaseKind(org));
  return {
    [`${P}MediationTeam`]: objectResolvers<StoredRecord>({
      partnerOrganizations: (r) => parseOrganizations(JSON.stringify(r.partnerOrganizationIds ?? [])).map((id) => ORGANIZATIONS[id]),
      meetsTeamComposition: (r) => Number(r.mediators) >= 3 && Number(r.womenMediators) >= 1,
      caseCount: (r, _, ctx) => cases(ctx).childrenOf('teamId', r.id).length,
    }),
    [`${P}UnitRecords`]: objectResolvers<UnitRecordsParent>({
      mediation: ({ unitId }, a: { periodId: string; asRecordedAt?: string | null }, ctx) =>
        cellsOfMediation(mediationSummary(teams(ctx), cases(ctx), { unitId, ...a }), { unitId, ...a }),
      mediationCases: ({ unitId }, a: { periodId?: string | null; first: number; after?: string | null }, ctx) =>
        cases(ctx).list({ unitId, periodId: a.periodId }, a.first, a.after),
    }),
    Mutation: rootResolvers({
      [`record${P}MediationResult`]: (_, a: { caseId: string; result: string; on: string; transferredTo?: string | null }, ctx) => {
        const c = cases(ctx).byId(a.caseId);
        if (c && c.result !== 'PENDING')
          throw new GraphQLError('Vụ việc này đã có kết quả: muốn sửa, hãy đính chính kèm lý do.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'result', reason: 'ALREADY_CLOSED' },
          });
        if (a.result === 'TRANSFERRED' && !a.transferredTo?.trim())
          throw new GraphQLError('Chuyển cơ quan có thẩm quyền thì phải ghi cơ quan tiếp nhận.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'transferredTo', reason: 'REQUIRED' },
          });
        if (a.result === 'PENDING')
          throw new GraphQLError('Kết quả phải là hòa giải thành, không thành hoặc chuyển cơ quan có thẩm quyền.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'result', reason: 'RESULT_REQUIRED' },
          });
        return cases(ctx).correct(
          a.caseId,
          { result: a.result, resultOn: a.on, transferredTo: a.result === 'TRANSFERRED' ? a.transferredTo : null },
          'Ghi kết quả hòa giải',
        );
      },
    }),
  };
}
