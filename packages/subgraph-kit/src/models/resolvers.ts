/** Resolvers of the models part, generated per organization like its SDL (see schema.ts). */
import { notFound } from '@antt/auth';
import { ORGANIZATIONS, recordId, territory, type ModelKind, type ModelStatus, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { parseOrganizations } from '../check.js';
import { ownNumber, pointTo, resolveRecordType } from '../refs.js';
import { ModelRepository, type ModelFilter, type ModelRow } from './repository.js';
import type { ModelFields } from './validate.js';

interface UnitRecords {
  unitId: string;
}

export function modelResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const repo = (ctx: SubgraphContext) => ctx.repo(ModelRepository);
  const byGlobalId = (id: string, ctx: SubgraphContext) => {
    const n = ownNumber('model', id, org);
    return n === null ? null : repo(ctx).byId(n);
  };
  return {
    Query: {
      [`${org}Models`]: (_: unknown, a: ModelFilter & { first: number }, ctx: SubgraphContext) => repo(ctx).list(a, a.first),
      [`${org}Model`]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byGlobalId(id, ctx),
    },
    Mutation: {
      [`record${P}Model`]: (_: unknown, { input }: { input: ModelFields }, ctx: SubgraphContext) => repo(ctx).record(input),
      [`change${P}ModelStatus`]: (_: unknown, a: { id: string; status: ModelStatus; since: string; reason?: string | null }, ctx: SubgraphContext) => {
        const n = ownNumber('model', a.id, org);
        if (n === null) throw notFound(`Không tìm thấy mô hình ${a.id}.`);
        return repo(ctx).changeStatus(n, a.status, a.since, a.reason ?? null);
      },
    },
    [`${P}Model`]: {
      // Reached through another subgraph: the same scope check as the root field (byId applies it).
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byGlobalId(ref.id, ctx),
      id: (row: ModelRow) => recordId('model', org, row.id),
      unit: (row: ModelRow) => territory().unit(row.unitId),
      leadOrganization: () => ORGANIZATIONS[org],
      partnerOrganizations: (row: ModelRow) => parseOrganizations(row.partnerIds).map((o) => ORGANIZATIONS[o]),
      replicaOf: (row: ModelRow, _: unknown, ctx: SubgraphContext) => pointTo('model', row.replicaOfId, org, (n) => repo(ctx).byId(n)),
    },
    AnyModel: { __resolveType: resolveRecordType('model', org) },
    [`${P}UnitRecords`]: {
      models: ({ unitId }: UnitRecords, a: { status?: ModelStatus | null; kind?: ModelKind | null; first: number }, ctx: SubgraphContext) => repo(ctx).list({ unitId, status: a.status, kind: a.kind }, a.first),
      modelCounts: ({ unitId }: UnitRecords, _: unknown, ctx: SubgraphContext) => repo(ctx).counts(unitId),
    },
  };
}
