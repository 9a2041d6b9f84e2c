/** Resolvers of crime tips. No resolver returns the sealed identity except policeTipReporter. */
import { ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { TipsRepository, type TipInput, type TipRow } from '../data/tips-repository.js';
import { forwardDueAt, isOverdue } from '../legal/deadlines.js';

const repo = (ctx: SubgraphContext) => ctx.repo(TipsRepository);
const id = (s: string) => (/^[1-9]\d{0,15}$/.test(s) ? Number(s) : 0);
const receipt = (t: TipRow) => ({ receiptId: t.receiptId, handedOverAt: t.recordedAt, status: t.status });

export const tipResolvers = {
  Query: {
    policeCrimeTips: (_: unknown, a: { unitId?: string; periodId?: string; status?: string; first: number }, ctx: SubgraphContext) => repo(ctx).list(a.unitId, a.periodId, a.status, a.first),
    policeCrimeTip: (_: unknown, a: { id: string }, ctx: SubgraphContext) => repo(ctx).byId(id(a.id)),
    policeOverdueTips: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => repo(ctx).overdue(a.unitId),
    policeTipReporter: (_: unknown, a: { tipId: string; reason: string }, ctx: SubgraphContext) => {
      const who = repo(ctx).reporter(id(a.tipId), a.reason);
      // The tip's id rides along (not a field) so the audit trail can name the record read.
      return who && { ...who, id: a.tipId };
    },
    policeTipHandover: (_: unknown, a: { receiptId: string }, ctx: SubgraphContext) => {
      const t = repo(ctx).receipt(a.receiptId);
      return t ? receipt(t) : null;
    },
  },
  Mutation: {
    recordCrimeTip: (_: unknown, { input }: { input: TipInput }, ctx: SubgraphContext) => repo(ctx).record(input),
    handOverCrimeTip: (_: unknown, { input }: { input: TipInput }, ctx: SubgraphContext) => receipt(repo(ctx).handOver(input)),
    forwardCrimeTip: (_: unknown, a: { id: string; to: string; at: string }, ctx: SubgraphContext) => repo(ctx).forward(id(a.id), a.to, a.at),
    startTipVerification: (_: unknown, a: { id: string }, ctx: SubgraphContext) => repo(ctx).startVerification(id(a.id)),
    extendTipDeadline: (_: unknown, a: { id: string; until: string; reason: string }, ctx: SubgraphContext) => repo(ctx).extend(id(a.id), a.until, a.reason),
    decideCrimeTip: (_: unknown, a: { id: string; decision: string; on: string }, ctx: SubgraphContext) => repo(ctx).decide(id(a.id), a.decision, a.on),
    notifyTipReporter: (_: unknown, a: { id: string; on: string }, ctx: SubgraphContext) => repo(ctx).notifyReporter(id(a.id), a.on),
  },
  CrimeTip: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => repo(ctx).byId(id(ref.id)),
    id: (t: TipRow) => String(t.id),
    unit: (t: TipRow) => territory().unit(t.unitId),
    reporterIdentified: (t: TipRow) => t.reporterSealed !== null,
    handedOverBy: (t: TipRow) => (t.handedOverBy ? ORGANIZATIONS[t.handedOverBy as OrganizationId] : null),
    forwardDueAt: (t: TipRow) => forwardDueAt(t.receivedAt, t.remoteArea),
    overdue: (t: TipRow) => isOverdue(t),
    history: (t: TipRow, _: unknown, ctx: SubgraphContext) => repo(ctx).history(t.id),
  },
  PoliceUnitRecords: {
    tipCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => repo(ctx).counts(unitId, periodId),
  },
};
