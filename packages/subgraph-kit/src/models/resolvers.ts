/** Resolvers of the models part beyond what the kind generates (see schema.ts). */
import { GraphQLError } from 'graphql';
import { notFound } from '@antt/auth';
import { MODEL_STATUSES, ORGANIZATIONS, type ModelKind, type ModelStatus, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { pageSize, parseOrganizations, storedCode } from '../check.js';
import { pointTo, resolveRecordType } from '../refs.js';
import { recordsOf } from '../records/resolvers.js';
import { underArguments } from '../records/problems.js';
import type { StoredRecord } from '../records/repository.js';
import { abstractResolvers, objectResolvers, rootResolvers, type ResolverMap, type UnitRecordsParent } from '../resolver-map.js';
import { modelKind } from './kind.js';
import { MAX_MODELS } from './schema.js';

export function modelResolvers(org: OrganizationId): ResolverMap {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => recordsOf(ctx, modelKind(org));
  return {
    Mutation: rootResolvers({
      [`change${P}ModelStatus`]: (_, a: { id: string; status: ModelStatus; since: string; reason?: string | null }, ctx) => {
        const current = repo(ctx).byId(a.id);
        if (!current) throw notFound(`Không tìm thấy mô hình ${a.id}.`);
        if (current.modelStatus === a.status)
          throw new GraphQLError('Mô hình đã ở trạng thái này.', { extensions: { code: 'BAD_USER_INPUT', field: 'status', reason: 'UNCHANGED' } });
        return underArguments({ 'changes.modelStatus': 'status', 'changes.statusSince': 'since' }, () =>
          repo(ctx).correct(a.id, { modelStatus: a.status, statusSince: a.since }, a.reason?.trim() || 'Chuyển trạng thái mô hình'),
        );
      },
    }),
    [`${P}Model`]: objectResolvers<StoredRecord>({
      status: (r) => storedCode(MODEL_STATUSES, r.modelStatus),
      leadOrganization: () => ORGANIZATIONS[org],
      partnerOrganizations: (r) => parseOrganizations(JSON.stringify(r.partnerIds ?? [])).map((o) => ORGANIZATIONS[o]),
      replicaOf: (r, _, ctx) => pointTo('model', typeof r.replicaOfId === 'string' ? r.replicaOfId : null, org, (id) => repo(ctx).byId(id)),
    }),
    AnyModel: abstractResolvers(resolveRecordType('model', org)),
    [`${P}UnitRecords`]: objectResolvers<UnitRecordsParent>({
      models: ({ unitId }, a: { status?: ModelStatus | null; kind?: ModelKind | null; first: number }, ctx) => {
        pageSize('first', a.first, MAX_MODELS);
        const rows = repo(ctx).aggregate<Record<string, unknown>>({ unitId, p_status: a.status ?? null, p_kind: a.kind ?? null } as never, '*', {
          where: '(@p_status IS NULL OR model_status = @p_status) AND (@p_kind IS NULL OR kind = @p_kind)',
          orderBy: 'started_on DESC, id DESC',
          limit: a.first,
          records: true,
        });
        return rows.map((r) => repo(ctx).toRecord(r));
      },
      modelCounts: ({ unitId }, _, ctx) =>
        repo(ctx).aggregate<{ status: string; kind: string; count: number }>({ unitId }, 'model_status AS status, kind, count(*) AS count', {
          groupBy: 'model_status, kind',
          orderBy: 'model_status, kind',
        }),
    }),
  };
}
