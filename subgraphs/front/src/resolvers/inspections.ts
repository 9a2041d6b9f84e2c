/**
 * Inspections (kiểm tra định kỳ, đột xuất, section II.7): led by the Front or the police, often with member
 * organizations in the team. Readable by the Front, the police and leadership, and by the staff of the
 * organizations inspected, inside their jurisdiction.
 */
import type { InspectionResolvers, InspectionVersionResolvers, Resolvers } from '../generated/resolvers.js';
import { authorize, enforce, forbidden, invalidInput, notFound } from '@antt/auth';
import { ORGANIZATIONS, todayInVietnam, type OrganizationId } from '@antt/reference';
import { inputNamed, periodRange, storedCode, underArguments, unitOrJurisdiction, type CurrentQuery, type SubgraphContext } from '@antt/subgraph-kit';
import { INSPECTION_KINDS, inspections, plans, type InspectionKind } from '../kinds/index.js';
import { currentPage, currentRecords, currentVersion, standingRecord, writerFor } from '../records.js';

/** Where an inspection's follow-up stands (FollowUpStatus in schema.graphql). */
export const FOLLOW_UP_STATUSES = { NONE: 'Nothing to follow up.', PENDING: 'To do.', DONE: 'Done.', OVERDUE: 'To do and past its due date.' } as const;
export type FollowUpStatus = keyof typeof FOLLOW_UP_STATUSES;

/** The longest page of inspections. */
export const MAX_INSPECTIONS = 500;

export interface InspectionFields {
  kind: InspectionKind;
  startedOn: string;
  endedOn?: string | null;
  inspectedUnitId: string;
  inspectedOrganizationIds: string[];
  inspectingOrganizationIds?: string[] | null;
  planId?: string | null;
  subject: string;
  findings: string;
  followUp?: string | null;
  followUpDueOn?: string | null;
}

/** The established names of the inspection's input, by field of the kind. */
export const INSPECTION_ARGUMENTS = { inspectedOrgs: 'inspectedOrganizationIds', inspectingOrgs: 'inspectingOrganizationIds' };

export function followUpStatus(r: Record<string, unknown>, today = todayInVietnam()): FollowUpStatus {
  if (!r.followUp) return 'NONE';
  if (r.followUpDoneOn) return 'DONE';
  return r.followUpDueOn && (r.followUpDueOn as string) < today ? 'OVERDUE' : 'PENDING';
}

/** An inspection as the Front keeps it: the lead in the team, the last day the first when not given. */
export function inspectionInput(ctx: SubgraphContext, f: InspectionFields, lead: OrganizationId): Record<string, unknown> {
  if (f.planId != null && !standingRecord(ctx, plans, f.planId)) throw invalidInput('input.planId', 'Không có kế hoạch này.', 'UNKNOWN_PLAN');
  const { inspectedOrganizationIds, inspectingOrganizationIds, ...rest } = f;
  return {
    ...rest,
    endedOn: f.endedOn ?? f.startedOn,
    inspectedOrgs: inspectedOrganizationIds,
    inspectingOrgs: [lead, ...(inspectingOrganizationIds ?? []).filter((o) => o !== lead)],
    leadOrg: lead,
  };
}

const isMonitorOrLeadership = (ctx: SubgraphContext) => ctx.scope.principal.isProvincialLeadership || ctx.scope.principal.monitorOf !== null;

function canRead(ctx: SubgraphContext, r: Record<string, unknown>): boolean {
  if (!ctx.scope.principal.covers(String(r.inspectedUnitId))) return false;
  const own = ctx.scope.principal.staffOf;
  return isMonitorOrLeadership(ctx) || (own !== null && (r.inspectedOrgs as string[]).includes(own));
}

function readable(ctx: SubgraphContext, id: string, voided = false): Record<string, unknown> | null {
  const r = voided ? currentVersion(ctx, inspections, id) : standingRecord(ctx, inspections, id);
  return r && canRead(ctx, r) ? r : null;
}

/** Where a follow-up stands, in SQL over the inspection's columns (as followUpStatus says it), on @today. */
const FOLLOW_UP_STATUS = `CASE WHEN follow_up IS NULL THEN 'NONE' WHEN follow_up_done_on IS NOT NULL THEN 'DONE' WHEN follow_up_due_on < @today THEN 'OVERDUE' ELSE 'PENDING' END`;

/** The inspections of a unit and below it that match, in the caller's jurisdiction. */
function query(
  ctx: SubgraphContext,
  unitId: string | null | undefined,
  periodId: string | null | undefined,
  f: { kind?: InspectionKind | null; inspectedOrg?: string | null; followUpStatus?: FollowUpStatus | null },
): Omit<CurrentQuery, 'orderBy' | 'limit'> {
  const u = unitOrJurisdiction(ctx.scope, unitId);
  if (!ctx.scope.principal.covers(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
  const { from, to } = periodRange('periodId', periodId);
  return {
    units: ctx.scope.visibleUnder(u),
    from,
    to,
    where: `(@kind IS NULL OR kind = @kind) AND (@inspectedOrg IS NULL OR EXISTS (SELECT 1 FROM json_each(inspected_orgs) WHERE value = @inspectedOrg)) AND (@followUpStatus IS NULL OR ${FOLLOW_UP_STATUS} = @followUpStatus)`,
    params: { kind: f.kind ?? null, inspectedOrg: f.inspectedOrg ?? null, followUpStatus: f.followUpStatus ?? null, today: todayInVietnam() },
  };
}

const orgs = (ids: unknown) => (Array.isArray(ids) ? ids : []).map((o) => ORGANIZATIONS[storedCode(ORGANIZATIONS, o)]);

const view: InspectionResolvers & InspectionVersionResolvers = {
  inspectedOrganizations: (r) => orgs(r.inspectedOrgs),
  // The lead first, as the team was given.
  inspectingOrganizations: (r) => orgs([r.leadOrg, ...(Array.isArray(r.inspectingOrgs) ? r.inspectingOrgs : []).filter((o) => o !== r.leadOrg)]),
  leadOrganization: (r) => ORGANIZATIONS[storedCode(ORGANIZATIONS, r.leadOrg)],
  plan: (r, _, ctx) => standingRecord(ctx, plans, typeof r.planId === 'string' ? r.planId : null),
  followUpStatus: (r) => followUpStatus(r),
};

export const inspectionResolvers: Resolvers = {
  Inspection: {
    ...view,
    __resolveReference: (ref, ctx) => readable(ctx, ref.id, true),
  },
  InspectionVersion: view,
  FrontUnitRecords: {
    // asRecordedAt: the instant the figures' basis gives (subgraph-kit reports/basis-fields.ts).
    inspectionCounts: (p, { periodId, asRecordedAt }, ctx) => {
      // Counts of the inspections the monitors and leadership read; the jurisdiction is the query's.
      enforce(authorize.readCounts(ctx.scope.principal, { org: 'front', visibility: 'monitored' }, undefined));
      const today = todayInVietnam();
      const counts = new Map<string, number>();
      for (const r of currentRecords(ctx, inspections, { ...query(ctx, String(p.unitId), periodId, {}), asRecordedAt: asRecordedAt ?? null })) {
        const key = `${r.kind}|${followUpStatus(r, today)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, count]) => {
          const [kind, status] = k.split('|');
          return { kind: storedCode(INSPECTION_KINDS, kind), followUpStatus: storedCode(FOLLOW_UP_STATUSES, status), count };
        });
    },
  },
  Query: {
    /** Inspections newest first; an inspected organization's staff see the inspections of their organization. */
    frontInspections: (_, a, ctx) => {
      let inspectedOrg: string | null = null;
      if (!isMonitorOrLeadership(ctx)) {
        inspectedOrg = ctx.scope.principal.staffOf;
        if (!inspectedOrg) throw forbidden('Bạn không có quyền xem hồ sơ kiểm tra.');
      }
      const q = query(ctx, a.unitId, a.periodId, { kind: a.kind, inspectedOrg, followUpStatus: a.followUpStatus });
      return currentPage(ctx, inspections, q, { first: a.first, after: a.after, max: MAX_INSPECTIONS });
    },
    frontInspection: (_, { id }, ctx) => readable(ctx, id),
  },
  Mutation: {
    recordFrontInspection: (_, { input }, ctx) => {
      const lead = ctx.scope.principal.monitorOf;
      if (!lead) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kết quả kiểm tra.');
      const values = inspectionInput(ctx, input, lead);
      return underArguments(inputNamed(INSPECTION_ARGUMENTS), () => writerFor(ctx, inspections).create(values));
    },
    completeFrontInspectionFollowUp: (_, { id, input }, ctx) => {
      const current = standingRecord(ctx, inspections, id);
      if (!current || ctx.scope.principal.monitorOf === null || !ctx.scope.principal.covers(String(current.inspectedUnitId))) {
        if (current && canRead(ctx, current)) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kết quả khắc phục.');
        throw notFound(`Không tìm thấy cuộc kiểm tra ${id}.`);
      }
      if (!current.followUp) throw invalidInput('id', 'Cuộc kiểm tra này không có kiến nghị cần khắc phục.', 'NO_FOLLOW_UP');
      if (current.followUpDoneOn) throw invalidInput('id', 'Kiến nghị đã được khắc phục trước đó.', 'ALREADY_DONE');
      return underArguments(inputNamed({ followUpDoneOn: 'doneOn', followUpNote: 'note' }), () =>
        writerFor(ctx, inspections).correct(id, { followUpDoneOn: input.doneOn, followUpNote: input.note ?? null }, 'Ghi kết quả khắc phục sau kiểm tra'),
      );
    },
  },
};
