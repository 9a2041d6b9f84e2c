/** Resolvers of the women's union's own types (schema.graphql). */
import { kindResolvers, mergeResolvers, parseId, type KindSummary } from '@antt/duties';
import { territory } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { ProtectionCaseRepository, type ProtectionCaseRow, type ProtectionCaseUpdate } from '../data/protection-repository.js';
import { SocialIssueActionRepository } from '../data/social-issue-repository.js';
import { CHIENG_SON_MODEL, ModelReplicaRepository } from '../data/model-replica-repository.js';

type By = { key: string; count: number; participants?: number }[];

export const resolvers = mergeResolvers(
  kindResolvers({
    repo: ProtectionCaseRepository,
    type: 'WomenProtectionCase',
    unitRecords: 'WomenUnitRecords',
    list: 'womenProtectionCases',
    record: 'recordWomenProtectionCase',
    summary: 'protection',
    shapeSummary: (s: KindSummary) => ({ ...s, byKind: (s.by as By).map(({ key, count }) => ({ kind: key, count })) }),
    fields: {
      support: (r: ProtectionCaseRow) => JSON.parse(r.support) as string[],
      victim: (r: ProtectionCaseRow, _: unknown, ctx: SubgraphContext) => ctx.repo(ProtectionCaseRepository).victimOf(r.id),
    },
  }),
  kindResolvers({
    repo: SocialIssueActionRepository,
    type: 'WomenSocialIssueAction',
    unitRecords: 'WomenUnitRecords',
    list: 'womenSocialIssueActions',
    record: 'recordWomenSocialIssueAction',
    summary: 'socialIssues',
    shapeSummary: (s: KindSummary) => ({ ...s, byIssue: (s.by as By).map(({ key, count, participants }) => ({ issue: key, count, participants })) }),
  }),
  kindResolvers({
    repo: ModelReplicaRepository,
    type: 'WomenModelReplica',
    unitRecords: 'WomenUnitRecords',
    list: 'womenModelReplicas',
    record: 'recordWomenModelReplica',
    summary: 'modelReplicas',
    fields: { original: () => ({ ...CHIENG_SON_MODEL, unit: territory().unit(CHIENG_SON_MODEL.unitId) }) },
  }),
  {
    Query: {
      womenProtectionCase: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => {
        const n = parseId(id);
        return n === null ? null : ctx.repo(ProtectionCaseRepository).byId(n);
      },
    },
    Mutation: {
      updateWomenProtectionCase: (_: unknown, a: { id: string; input: ProtectionCaseUpdate }, ctx: SubgraphContext) => ctx.repo(ProtectionCaseRepository).change(parseId(a.id) ?? 0, a.input),
      discontinueWomenModelReplica: (_: unknown, a: { id: string; on: string }, ctx: SubgraphContext) => ctx.repo(ModelReplicaRepository).discontinue(parseId(a.id) ?? 0, a.on),
    },
    WomenUnitRecords: {
      modelReplicas: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => {
        const repo = ctx.repo(ModelReplicaRepository);
        const active = repo.active(unitId, periodId);
        return { started: repo.summary(unitId, periodId).count, active: active.count, peopleSupported: active.peopleSupported };
      },
    },
  },
);
