/** Resolvers of the models part beyond what the kind generates (see schema.ts). */
import { GraphQLError } from 'graphql';
import { notFound } from '@antt/auth';
import { ORGANIZATIONS, type ModelKind, type ModelStatus, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { pageSize, parseOrganizations } from '../check.js';
import { pointTo, resolveRecordType } from '../refs.js';
import { recordsOf } from '../records/resolvers.js';
import { underArguments } from '../records/problems.js';
import type { StoredRecord } from '../records/repository.js';
import { modelKind } from './kind.js';
import { MAX_MODELS } from './schema.js';

interface UnitRecords {
  unitId: string;
}

export function modelResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => recordsOf(ctx, modelKind(org));
  return {
    Mutation: {
      [`change${P}ModelStatus`]: (_: unknown, a: { id: string; status: ModelStatus; since: string; reason?: string | null }, ctx: SubgraphContext) => {
        const current = repo(ctx).byId(a.id);
        if (!current) throw notFound(`Không tìm thấy mô hình ${a.id}.`);
        if (current.modelStatus === a.status)
          throw new GraphQLError('Mô hình đã ở trạng thái này.', { extensions: { code: 'BAD_USER_INPUT', field: 'status', reason: 'UNCHANGED' } });
        return underArguments({ 'changes.modelStatus': 'status', 'changes.statusSince': 'since' }, () =>
          repo(ctx).correct(a.id, { modelStatus: a.status, statusSince: a.since }, a.reason?.trim() || 'Chuyển trạng thái mô hình'),
        );
      },
    },
    [`${P}Model`]: {
      status: (r: StoredRecord) => r.modelStatus,
      leadOrganization: () => ORGANIZATIONS[org],
      partnerOrganizations: (r: StoredRecord) => parseOrganizations(JSON.stringify(r.partnerIds ?? [])).map((o) => ORGANIZATIONS[o]),
      replicaOf: (r: StoredRecord, _: unknown, ctx: SubgraphContext) => pointTo('model', r.replicaOfId as string | null, org, (id) => repo(ctx).byId(id)),
    },
    AnyModel: { __resolveType: resolveRecordType('model', org) },
    [`${P}UnitRecords`]: {
      models: ({ unitId }: UnitRecords, a: { status?: ModelStatus | null; kind?: ModelKind | null; first: number }, ctx: SubgraphContext) => {
        pageSize('first', a.first, MAX_MODELS);
        const rows = repo(ctx).aggregate<Record<string, unknown>>({ unitId, p_status: a.status ?? null, p_kind: a.kind ?? null } as never, '*', {
          where: '(@p_status IS NULL OR model_status = @p_status) AND (@p_kind IS NULL OR kind = @p_kind)',
          orderBy: 'started_on DESC, id DESC',
          limit: a.first,
          records: true,
        });
        return rows.map((r) => repo(ctx).toRecord(r));
      },
      modelCounts: ({ unitId }: UnitRecords, _: unknown, ctx: SubgraphContext) =>
        repo(ctx).aggregate<{ status: string; kind: string; count: number }>({ unitId }, 'model_status AS status, kind, count(*) AS count', {
          groupBy: 'model_status, kind',
          orderBy: 'model_status, kind',
        }),
    },
  };
}
