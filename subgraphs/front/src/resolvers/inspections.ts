/**
 * Inspections (kiểm tra định kỳ, đột xuất, section II.7): led by the Front or the police, often with member
 * organizations in the team. Readable by the Front, the police and leadership, and by the staff of the
 * organizations inspected, inside their jurisdiction.
 */
import { forbidden, invalidInput, notFound } from '@antt/auth';
import { ORGANIZATIONS, todayInVietnam, type OrganizationId } from '@antt/reference';
import { monitorOrganization, pageSize, periodRange, staffOrganization, unitOrJurisdiction, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { inspections, plans, type InspectionKind } from '../kinds/index.js';
import { asArguments, currentRecords, currentVersion, standingRecord, writerFor } from '../records.js';

export type FollowUpStatus = 'NONE' | 'PENDING' | 'DONE' | 'OVERDUE';

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

export function followUpStatus(r: StoredRecord, today = todayInVietnam()): FollowUpStatus {
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

const isMonitorOrLeadership = (ctx: SubgraphContext) => ctx.scope.has('LEADERSHIP') || monitorOrganization(ctx.scope) !== null;

function canRead(ctx: SubgraphContext, r: StoredRecord): boolean {
  if (!ctx.scope.coversUnit(r.inspectedUnitId as string)) return false;
  const own = staffOrganization(ctx.scope);
  return isMonitorOrLeadership(ctx) || (own !== null && (r.inspectedOrgs as string[]).includes(own));
}

function readable(ctx: SubgraphContext, id: string, voided = false): StoredRecord | null {
  const r = voided ? currentVersion(ctx, inspections, id) : standingRecord(ctx, inspections, id);
  return r && canRead(ctx, r) ? r : null;
}

function query(
  ctx: SubgraphContext,
  unitId: string | null | undefined,
  periodId: string | null | undefined,
  kind: InspectionKind | null,
  inspectedOrg: string | null,
): StoredRecord[] {
  const u = unitOrJurisdiction(ctx.scope, unitId);
  if (!ctx.scope.coversUnit(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
  const { from, to } = periodRange('periodId', periodId);
  return currentRecords(ctx, inspections, {
    units: ctx.scope.visibleUnder(u),
    from,
    to,
    where: '(@kind IS NULL OR kind = @kind) AND (@inspectedOrg IS NULL OR EXISTS (SELECT 1 FROM json_each(inspected_orgs) WHERE value = @inspectedOrg))',
    params: { kind, inspectedOrg },
  });
}

const orgs = (ids: unknown) => ((ids as OrganizationId[] | null) ?? []).map((o) => ORGANIZATIONS[o]);

const view = {
  inspectedOrganizations: (r: StoredRecord) => orgs(r.inspectedOrgs),
  // The lead first, as the team was given.
  inspectingOrganizations: (r: StoredRecord) => orgs([r.leadOrg, ...((r.inspectingOrgs as string[]) ?? []).filter((o) => o !== r.leadOrg)]),
  leadOrganization: (r: StoredRecord) => ORGANIZATIONS[r.leadOrg as OrganizationId],
  plan: (r: StoredRecord, _: unknown, ctx: SubgraphContext) => standingRecord(ctx, plans, r.planId as string | null),
  followUpStatus: (r: StoredRecord) => followUpStatus(r),
};

export const inspectionResolvers = {
  Inspection: {
    ...view,
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => readable(ctx, ref.id, true),
  },
  InspectionVersion: view,
  FrontUnitRecords: {
    inspectionCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId?: string | null }, ctx: SubgraphContext) => {
      if (!isMonitorOrLeadership(ctx) && !ctx.scope.has('DASHBOARD')) throw forbidden('Bạn không có quyền xem số liệu kiểm tra.');
      const today = todayInVietnam();
      const counts = new Map<string, number>();
      for (const r of query(ctx, unitId, periodId, null, null)) {
        const key = `${r.kind}|${followUpStatus(r, today)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, count]) => {
          const [kind, status] = k.split('|') as [InspectionKind, FollowUpStatus];
          return { kind, followUpStatus: status, count };
        });
    },
  },
  Query: {
    /** Inspections newest first; an inspected organization's staff see the inspections of their organization. */
    frontInspections: (
      _: unknown,
      a: { unitId?: string | null; periodId?: string | null; kind?: InspectionKind | null; followUpStatus?: FollowUpStatus | null; first: number },
      ctx: SubgraphContext,
    ) => {
      pageSize('first', a.first, 500);
      let inspectedOrg: string | null = null;
      if (!isMonitorOrLeadership(ctx)) {
        inspectedOrg = staffOrganization(ctx.scope);
        if (!inspectedOrg) throw forbidden('Bạn không có quyền xem hồ sơ kiểm tra.');
      }
      const today = todayInVietnam();
      return query(ctx, a.unitId, a.periodId, a.kind ?? null, inspectedOrg)
        .filter((r) => !a.followUpStatus || followUpStatus(r, today) === a.followUpStatus)
        .slice(0, a.first);
    },
    frontInspection: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => readable(ctx, id),
  },
  Mutation: {
    recordFrontInspection: (_: unknown, { input }: { input: InspectionFields }, ctx: SubgraphContext) => {
      const lead = monitorOrganization(ctx.scope);
      if (!lead) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kết quả kiểm tra.');
      const values = inspectionInput(ctx, input, lead);
      return asArguments(() => writerFor(ctx, inspections).create(values), INSPECTION_ARGUMENTS);
    },
    completeFrontInspectionFollowUp: (_: unknown, { id, input }: { id: string; input: { doneOn: string; note?: string | null } }, ctx: SubgraphContext) => {
      const current = standingRecord(ctx, inspections, id);
      if (!current || !monitorOrganization(ctx.scope) || !ctx.scope.coversUnit(current.inspectedUnitId as string)) {
        if (current && canRead(ctx, current)) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kết quả khắc phục.');
        throw notFound(`Không tìm thấy cuộc kiểm tra ${id}.`);
      }
      if (!current.followUp) throw invalidInput('id', 'Cuộc kiểm tra này không có kiến nghị cần khắc phục.', 'NO_FOLLOW_UP');
      if (current.followUpDoneOn) throw invalidInput('id', 'Kiến nghị đã được khắc phục trước đó.', 'ALREADY_DONE');
      return asArguments(
        () => writerFor(ctx, inspections).correct(id, { followUpDoneOn: input.doneOn, followUpNote: input.note ?? null }, 'Ghi kết quả khắc phục sau kiểm tra'),
        { followUpDoneOn: 'doneOn', followUpNote: 'note' },
      );
    },
  },
};
