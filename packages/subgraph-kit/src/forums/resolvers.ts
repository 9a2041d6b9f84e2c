/** Resolvers of the forums and opinions part, generated per organization like its SDL (see schema.ts). */
import { notFound } from '@antt/auth';
import { branchById, isOrganizationId, ORGANIZATIONS, recordId, territory, todayInVietnam, type ForumKind, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { parseOrganizations } from '../check.js';
import { ownNumber, pointTo, resolveRecordType } from '../refs.js';
import { ForumRepository, OpinionRepository, type ForumFilter, type ForumRow, type OpinionFilter, type OpinionRow } from './repository.js';
import type { AnswerFields, ForumFields, OpinionFields } from './validate.js';

interface UnitRecords {
  unitId: string;
}

export function forumResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  const forumsOf = (ctx: SubgraphContext) => ctx.repo(ForumRepository);
  const opinionsOf = (ctx: SubgraphContext) => ctx.repo(OpinionRepository);
  const forumById = (id: string, ctx: SubgraphContext) => {
    const n = ownNumber('forum', id, org);
    return n === null ? null : forumsOf(ctx).byId(n);
  };
  const opinionById = (id: string, ctx: SubgraphContext) => {
    const n = ownNumber('opinion', id, org);
    return n === null ? null : opinionsOf(ctx).byId(n);
  };
  const overdue = (row: OpinionRow) => row.answeredOn === null && row.dueDate < todayInVietnam();
  return {
    Query: {
      [`${org}Forums`]: (_: unknown, a: ForumFilter & { first: number }, ctx: SubgraphContext) => forumsOf(ctx).list(a, a.first),
      [`${org}Forum`]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => forumById(id, ctx),
      [`${org}Opinions`]: (_: unknown, a: OpinionFilter & { first: number }, ctx: SubgraphContext) => opinionsOf(ctx).list(a, a.first),
      [`${org}Opinion`]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => opinionById(id, ctx),
    },
    Mutation: {
      [`record${P}Forum`]: (_: unknown, { input }: { input: ForumFields }, ctx: SubgraphContext) => forumsOf(ctx).record(input),
      [`record${P}Opinion`]: (_: unknown, { input }: { input: OpinionFields }, ctx: SubgraphContext) => opinionsOf(ctx).handOver(input),
      [`answer${P}Opinion`]: (_: unknown, { id, input }: { id: string; input: AnswerFields }, ctx: SubgraphContext) => {
        const n = ownNumber('opinion', id, org);
        if (n === null) throw notFound(`Không tìm thấy ý kiến ${id}.`);
        return opinionsOf(ctx).answer(n, input);
      },
    },
    [`${P}Forum`]: {
      // Reached through another subgraph: the same scope check as the root field (byId applies it).
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => forumById(ref.id, ctx),
      id: (row: ForumRow) => recordId('forum', org, row.id),
      unit: (row: ForumRow) => territory().unit(row.unitId),
      branch: (row: ForumRow) => branchById(row.branchId),
      host: () => ORGANIZATIONS[org],
      coHosts: (row: ForumRow) => parseOrganizations(row.coHostIds).map((o) => ORGANIZATIONS[o]),
    },
    [`${P}Opinion`]: {
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => opinionById(ref.id, ctx),
      id: (row: OpinionRow) => recordId('opinion', org, row.id),
      forum: (row: OpinionRow, _: unknown, ctx: SubgraphContext) => pointTo('forum', row.forumId, org, (n) => forumsOf(ctx).byId(n)),
      unit: (row: OpinionRow) => territory().unit(row.unitId),
      assignedTo: () => ORGANIZATIONS[org],
      handedOverBy: (row: OpinionRow) => (isOrganizationId(row.handedOverBy) ? ORGANIZATIONS[row.handedOverBy] : ORGANIZATIONS[org]),
      status: (row: OpinionRow) => (row.answeredOn ? 'ANSWERED' : 'OPEN'),
      overdue,
      answeredOnTime: (row: OpinionRow) => (row.answeredOn ? row.answeredOn <= row.dueDate : null),
    },
    AnyForum: { __resolveType: resolveRecordType('forum', org) },
    [`${P}UnitRecords`]: {
      forums: ({ unitId }: UnitRecords, a: { periodId?: string | null; kind?: ForumKind | null; first: number }, ctx: SubgraphContext) => forumsOf(ctx).list({ unitId, periodId: a.periodId, kind: a.kind }, a.first),
      forumCounts: ({ unitId }: UnitRecords, { periodId }: { periodId: string }, ctx: SubgraphContext) => forumsOf(ctx).counts(unitId, periodId),
      opinions: ({ unitId }: UnitRecords, a: Omit<OpinionFilter, 'unitId'> & { first: number }, ctx: SubgraphContext) => opinionsOf(ctx).list({ ...a, unitId }, a.first),
      opinionCounts: ({ unitId }: UnitRecords, { periodId }: { periodId: string }, ctx: SubgraphContext) => opinionsOf(ctx).counts(unitId, periodId),
    },
  };
}
