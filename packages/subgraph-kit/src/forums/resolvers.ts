/** Resolvers of the forums and opinions part beyond what the kinds generate (see schema.ts). */
import { GraphQLError } from 'graphql';
import { authorize, forbidden, notFound } from '@antt/auth';
import { isOrganizationId, ORGANIZATIONS, todayInVietnam, type ForumKind, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { pageSize, parseOrganizations } from '../check.js';
import { pointTo, resolveRecordType } from '../refs.js';
import { recordsOf } from '../records/resolvers.js';
import { underArguments } from '../records/problems.js';
import type { StoredRecord } from '../records/repository.js';
import { abstractResolvers, objectResolvers, rootResolvers, type ResolverMap, type UnitRecordsParent } from '../resolver-map.js';
import { forumKind, opinionKind } from './kind.js';
import { MAX_LIST } from './schema.js';

/** Not answered and past its due date. */
const OVERDUE = '(answered_on IS NULL AND due_date < @p_today)';

export function forumResolvers(org: OrganizationId): ResolverMap {
  const P = ORGANIZATIONS[org].typePrefix;
  const forums = (ctx: SubgraphContext) => recordsOf(ctx, forumKind(org));
  const opinions = (ctx: SubgraphContext) => recordsOf(ctx, opinionKind(org));
  return {
    Mutation: rootResolvers({
      [`answer${P}Opinion`]: (_, { id, input }: { id: string; input: { answer: string; answeredOn: string } }, ctx) => {
        if (!authorize.writeAny(ctx.scope.principal, org).allowed) {
          // Others may read it (the Front, the police) but not answer for this organization; strangers learn nothing.
          if (opinions(ctx).byId(id)) throw forbidden(`Chỉ cán bộ của ${ORGANIZATIONS[org].nameVi} mới được trả lời ý kiến này.`);
          throw notFound(`Không tìm thấy ý kiến ${id}.`);
        }
        const current = opinions(ctx).byId(id);
        if (current?.answeredOn)
          throw new GraphQLError(`Ý kiến này đã được trả lời ngày ${String(current.answeredOn).split('-').reverse().join('/')}.`, {
            extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'ALREADY_ANSWERED' },
          });
        return underArguments({ 'changes.answer': 'input.answer', 'changes.answeredOn': 'input.answeredOn' }, () =>
          opinions(ctx).correct(id, { answer: input.answer, answeredOn: input.answeredOn }, 'Ghi nội dung trả lời ý kiến'),
        );
      },
    }),
    [`${P}Forum`]: objectResolvers<StoredRecord>({
      host: () => ORGANIZATIONS[org],
      coHosts: (r) => parseOrganizations(JSON.stringify(r.coHostIds ?? [])).map((o) => ORGANIZATIONS[o]),
    }),
    [`${P}Opinion`]: objectResolvers<StoredRecord>({
      forum: (r, _, ctx) => pointTo('forum', typeof r.forumId === 'string' ? r.forumId : null, org, (id) => forums(ctx).byId(id)),
      assignedTo: () => ORGANIZATIONS[org],
      handedOverBy: (r) => (typeof r.handedOverById === 'string' && isOrganizationId(r.handedOverById) ? ORGANIZATIONS[r.handedOverById] : ORGANIZATIONS[org]),
      status: (r) => (r.answeredOn ? 'ANSWERED' : 'OPEN'),
      overdue: (r) => !r.answeredOn && String(r.dueDate) < todayInVietnam(),
      answeredOnTime: (r) => (r.answeredOn ? String(r.answeredOn) <= String(r.dueDate) : null),
    }),
    AnyForum: abstractResolvers(resolveRecordType('forum', org)),
    [`${P}UnitRecords`]: objectResolvers<UnitRecordsParent>({
      forums: ({ unitId }, a: { periodId?: string | null; kind?: ForumKind | null; first: number }, ctx) => {
        pageSize('first', a.first, MAX_LIST);
        const rows = forums(ctx).aggregate<Record<string, unknown>>({ unitId, periodId: a.periodId, p_kind: a.kind ?? null } as never, '*', {
          where: '@p_kind IS NULL OR kind = @p_kind',
          orderBy: 'date DESC, id DESC',
          limit: a.first,
          records: true,
        });
        return rows.map((r) => forums(ctx).toRecord(r));
      },
      // Read as of the instant the figures' basis gives (reports/basis-fields.ts): the lock of the approved report by default.
      forumCounts: ({ unitId }, { periodId, asRecordedAt }: { periodId: string; asRecordedAt?: string | null }, ctx) =>
        forums(ctx).aggregate<{ kind: string; count: number; attendance: number; opinionsVoiced: number }>(
          { unitId, periodId, asRecordedAt },
          'kind, count(*) AS count, coalesce(sum(attendance), 0) AS attendance, coalesce(sum(opinions_voiced), 0) AS opinionsVoiced',
          { groupBy: 'kind', orderBy: 'kind' },
        ),
      opinions: (
        { unitId },
        a: { periodId?: string | null; forumId?: string | null; status?: 'OPEN' | 'ANSWERED' | null; overdue?: boolean | null; first: number },
        ctx,
      ) => {
        pageSize('first', a.first, MAX_LIST);
        const params = {
          unitId,
          periodId: a.periodId,
          forumId: a.forumId ?? null,
          p_answered: a.status == null ? null : a.status === 'ANSWERED' ? 1 : 0,
          p_overdue: a.overdue == null ? null : a.overdue ? 1 : 0,
          p_today: todayInVietnam(),
        };
        const rows = opinions(ctx).aggregate<Record<string, unknown>>(params as never, '*', {
          where: `(@p_answered IS NULL OR (answered_on IS NOT NULL) = @p_answered) AND (@p_overdue IS NULL OR ${OVERDUE} = @p_overdue)`,
          orderBy: 'raised_on DESC, id DESC',
          limit: a.first,
          records: true,
        });
        return rows.map((r) => opinions(ctx).toRecord(r));
      },
      opinionCounts: ({ unitId }, { periodId, asRecordedAt }: { periodId: string; asRecordedAt?: string | null }, ctx) => {
        return opinions(ctx).aggregate(
          { unitId, periodId, asRecordedAt, p_today: todayInVietnam() } as never,
          `count(*) AS total, coalesce(sum(answered_on IS NOT NULL), 0) AS answered, coalesce(sum(answered_on > due_date), 0) AS answeredLate, coalesce(sum(answered_on IS NULL), 0) AS open, coalesce(sum(${OVERDUE}), 0) AS overdue`,
        )[0]!;
      },
    }),
  };
}
