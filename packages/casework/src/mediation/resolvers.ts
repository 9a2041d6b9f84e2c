/** Resolvers of mediation beyond what the kinds generate: the team's partners and figures, the summary, the result. */
import { GraphQLError } from 'graphql';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { recordsOf, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { mediationCaseKind, mediationSummary, mediationTeamKind } from './kind.js';

export function mediationResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const teams = (ctx: SubgraphContext) => recordsOf(ctx, mediationTeamKind(org));
  const cases = (ctx: SubgraphContext) => recordsOf(ctx, mediationCaseKind(org));
  return {
    [`${P}MediationTeam`]: {
      partnerOrganizations: (r: StoredRecord) => (r.partnerOrganizationIds as OrganizationId[]).map((id) => ORGANIZATIONS[id]),
      meetsTeamComposition: (r: StoredRecord) => (r.mediators as number) >= 3 && (r.womenMediators as number) >= 1,
      caseCount: (r: StoredRecord, _: unknown, ctx: SubgraphContext) => cases(ctx).childrenOf('teamId', r.id).length,
    },
    [`${P}UnitRecords`]: {
      mediation: ({ unitId }: { unitId: string }, a: { periodId: string; asRecordedAt?: string | null }, ctx: SubgraphContext) =>
        mediationSummary(teams(ctx), cases(ctx), { unitId, ...a }),
      mediationCases: ({ unitId }: { unitId: string }, a: { periodId?: string | null; first: number; after?: string | null }, ctx: SubgraphContext) =>
        cases(ctx).list({ unitId, periodId: a.periodId }, a.first, a.after),
    },
    Mutation: {
      [`record${P}MediationResult`]: (_: unknown, a: { caseId: string; result: string; on: string; transferredTo?: string | null }, ctx: SubgraphContext) => {
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
    },
  };
}
