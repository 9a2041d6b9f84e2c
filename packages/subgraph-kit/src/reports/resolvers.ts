/** Resolvers of the reports part (schema.ts) over the workflow (workflow.ts). */
import { ORGANIZATIONS, addDays, periodById, territory, todayInVietnam, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import type { StoredRecord } from '../records/repository.js';
import { dueDateOf, periodsDueBetween } from './calendar.js';
import { encodeDocumentPart, type DocumentFormat } from './document.js';
import { CONSOLIDATED_DOCUMENT_HOST, CONSOLIDATED_DOCUMENT_STANDBY } from './schema.js';
import { basisOf, officialVersion, reportVersions, sectionsOf, timelinessOf, type Reports } from './workflow.js';

type Standing = ReturnType<Reports['timeliness']>[number];

function standing(s: Standing) {
  return { ...s, organization: ORGANIZATIONS[s.org], unit: territory().unit(s.unitId) };
}

function keyOf(ref: { unitId: string; periodId: string }) {
  return { unitId: ref.unitId, periodId: ref.periodId };
}

/** A reference with the organizations' document parts the gateway brought along (@requires of the joint document). */
function referenceOf(ref: { unitId: string; periodId: string } & Record<string, unknown>) {
  const parts = Object.entries(ref).filter(([k, v]) => k.endsWith('DocumentPart') && typeof v === 'string');
  return { ...Object.fromEntries(parts), ...keyOf(ref) };
}

export function sharedReportResolvers() {
  return {
    Query: {
      consolidatedReport: (_: unknown, a: { unitId: string; periodId: string }) => keyOf(a),
    },
    ConsolidatedReport: {
      __resolveReference: referenceOf,
      unit: (r: { unitId: string }) => territory().unit(r.unitId) ?? null,
      period: (r: { periodId: string }) => periodById(r.periodId),
    },
  };
}

export function reportResolvers(org: OrganizationId, reports: Reports) {
  const P = ORGANIZATIONS[org].typePrefix;
  return {
    [`${P}Report`]: {
      period: (v: StoredRecord) => periodById(v.periodId as string),
      sections: (v: StoredRecord) => sectionsOf(v).map((s) => ({ ...s, figures: s.figures.map((f) => ({ ...f, provisional: v.stage !== 'ACCEPTED' })) })),
      basis: (v: StoredRecord) => basisOf(v),
      official: (v: StoredRecord, _: unknown, ctx: SubgraphContext) =>
        officialVersion(reportVersions(ctx.db, org, v.unitId as string, v.periodId as string))?.id === v.id,
      timeliness: (v: StoredRecord, _: unknown, ctx: SubgraphContext) =>
        timelinessOf(reportVersions(ctx.db, org, v.unitId as string, v.periodId as string), dueDateOf(periodById(v.periodId as string)!)),
      document: (v: StoredRecord, a: { format: DocumentFormat }, ctx: SubgraphContext) => reports.document(ctx, v, a.format),
    },
    [`${P}ReportDraft`]: {
      unit: (d: { unitId: string }) => territory().unit(d.unitId),
      sections: (d: { sections: ReturnType<typeof sectionsOf> }) =>
        d.sections.map((s) => ({ ...s, figures: s.figures.map((f) => ({ ...f, provisional: true })) })),
    },
    [`${P}ReportPart`]: {
      organization: () => ORGANIZATIONS[org],
      timeliness: (p: { timeliness: Standing[] }) => p.timeliness.map(standing),
      missing: (p: { timeliness: Standing[] }) => p.timeliness.filter((s) => s.timeliness === 'MISSING').map(standing),
      late: (p: { timeliness: Standing[] }) => p.timeliness.filter((s) => s.timeliness === 'LATE').map(standing),
    },
    ConsolidatedReport: {
      [org]: (r: { unitId: string; periodId: string }, _: unknown, ctx: SubgraphContext) => reports.part(ctx.db, ctx.scope.identity, r.unitId, r.periodId),
      [`${org}DocumentPart`]: (r: { unitId: string; periodId: string }, _: unknown, ctx: SubgraphContext) =>
        encodeDocumentPart(reports.documentPart(ctx, r.unitId, r.periodId)),
      ...(org === CONSOLIDATED_DOCUMENT_HOST
        ? {
            document: (r: { unitId: string; periodId: string } & Record<string, unknown>, a: { format: DocumentFormat }, ctx: SubgraphContext) =>
              reports.consolidatedDocument(ctx, r, a.format),
          }
        : {}),
      // The police's standby: the same document, provisional and never numbered, when the Front's system is down.
      ...(org === CONSOLIDATED_DOCUMENT_STANDBY
        ? {
            provisionalDocument: (r: { unitId: string; periodId: string } & Record<string, unknown>, a: { format: DocumentFormat }, ctx: SubgraphContext) =>
              reports.consolidatedDocument(ctx, r, a.format, { standby: true }),
          }
        : {}),
    },
    Query: {
      [`${org}ReportDraft`]: (_: unknown, a: { unitId: string; periodId: string }, ctx: SubgraphContext) =>
        reports.draft(ctx.db, ctx.scope.identity, a.unitId, a.periodId),
      [`${org}Reports`]: (_: unknown, a: { unitId: string; periodId: string }, ctx: SubgraphContext) =>
        reports.versions(ctx.db, ctx.scope.identity, a.unitId, a.periodId),
      [`${org}ReportsOwed`]: (_: unknown, a: { from?: string | null; to?: string | null }, ctx: SubgraphContext) => {
        const today = todayInVietnam();
        const periods = periodsDueBetween(a.from ?? addDays(today, -60), a.to ?? addDays(today, 45));
        return reports.owed(ctx.db, ctx.scope.identity, periods).map(standing);
      },
    },
    Mutation: {
      [`submit${P}Report`]: (_: unknown, a: { unitId: string; periodId: string; input: Record<string, string | null> }, ctx: SubgraphContext) =>
        reports.submit(ctx.db, ctx.scope.identity, a.unitId, a.periodId, a.input),
      [`approve${P}Report`]: (_: unknown, a: { id: string; comment?: string | null }, ctx: SubgraphContext) =>
        reports.approve(ctx.db, ctx.scope.identity, a.id, a.comment ?? null),
      [`return${P}Report`]: (_: unknown, a: { id: string; comment: string }, ctx: SubgraphContext) =>
        reports.sendBack(ctx.db, ctx.scope.identity, a.id, a.comment),
      [`accept${P}Report`]: (_: unknown, a: { id: string; comment?: string | null }, ctx: SubgraphContext) =>
        reports.accept(ctx.db, ctx.scope.identity, a.id, a.comment ?? null),
    },
  };
}
