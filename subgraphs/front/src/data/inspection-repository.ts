/**
 * Inspections (kiểm tra định kỳ, đột xuất, section II.7): led by the Front or the police, often with member
 * organizations in the team. Readable by the Front, the police and leadership, and by the staff of the
 * organizations inspected, inside their jurisdiction.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { forbidden, invalidInput, notFound, type Scope } from '@antt/auth';
import { todayInVietnam, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, monitorOrganization, notInFuture, optionalText, otherOrganizations, pageSize, parseOrganizations, periodRange, requiredText, staffOrganization, unitValidOn, unitOrJurisdiction, vnDate, type Db } from '@antt/subgraph-kit';
import { inspections } from '../db/schema.js';

export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionKind = 'PERIODIC' | 'SURPRISE';
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

export function followUpStatus(row: Pick<InspectionRow, 'followUp' | 'followUpDueOn' | 'followUpDoneOn'>, today = todayInVietnam()): FollowUpStatus {
  if (!row.followUp) return 'NONE';
  if (row.followUpDoneOn) return 'DONE';
  return row.followUpDueOn && row.followUpDueOn < today ? 'OVERDUE' : 'PENDING';
}

export function validateInspection(lead: OrganizationId, f: InspectionFields, planExists: (id: number) => boolean, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  if (f.kind !== 'PERIODIC' && f.kind !== 'SURPRISE') throw invalidInput(at('kind'), `Hình thức kiểm tra "${f.kind}" không có trong danh mục.`, 'UNKNOWN_KIND');
  notInFuture(at('startedOn'), f.startedOn, 'Ngày bắt đầu kiểm tra', today);
  const endedOn = f.endedOn ?? f.startedOn;
  if (endedOn < f.startedOn) throw invalidInput(at('endedOn'), 'Ngày kết thúc trước ngày bắt đầu.', 'RANGE_REVERSED');
  notInFuture(at('endedOn'), endedOn, 'Ngày kết thúc kiểm tra', today);
  const unit = unitValidOn(at('inspectedUnitId'), f.inspectedUnitId, f.startedOn);
  const inspected = otherOrganizations(at('inspectedOrganizationIds'), f.inspectedOrganizationIds, null);
  if (!inspected.length) throw invalidInput(at('inspectedOrganizationIds'), 'Cần ghi ít nhất một tổ chức được kiểm tra.', 'REQUIRED');
  const team = [lead, ...otherOrganizations(at('inspectingOrganizationIds'), f.inspectingOrganizationIds, lead)];
  let planId: number | null = null;
  if (f.planId != null) {
    const n = /^[1-9]\d{0,9}$/.test(f.planId) ? Number(f.planId) : 0;
    if (!n || !planExists(n)) throw invalidInput(at('planId'), `Không có kế hoạch "${f.planId}".`, 'UNKNOWN_PLAN');
    planId = n;
  }
  const subject = requiredText(at('subject'), f.subject, 1000, 'Nội dung kiểm tra');
  const findings = requiredText(at('findings'), f.findings, 4000, 'Kết quả kiểm tra');
  const followUp = optionalText(at('followUp'), f.followUp, 4000, 'Kiến nghị sau kiểm tra');
  if (f.followUpDueOn != null) {
    if (!followUp) throw invalidInput(at('followUpDueOn'), 'Chỉ ghi hạn khắc phục khi có kiến nghị (followUp).', 'FOLLOW_UP_REQUIRED');
    if (f.followUpDueOn < endedOn) throw invalidInput(at('followUpDueOn'), `Hạn khắc phục trước ngày kết thúc kiểm tra (${vnDate(endedOn)}).`, 'DUE_BEFORE_INSPECTION');
  }
  return { kind: f.kind, startedOn: f.startedOn, endedOn, inspectedUnitId: unit.id, inspectedOrgs: JSON.stringify(inspected), inspectingOrgs: JSON.stringify(team), leadOrg: lead, planId, subject, findings, followUp, followUpDueOn: f.followUpDueOn ?? null };
}

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  const inScope = and(sql`${inspections.inspectedUnitId} IN ${units}`, sql`${inspections.startedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`);
  return {
    byId: db.select().from(inspections).where(eq(inspections.id, sql.placeholder('id'))).prepare(),
    // Follow-up status depends on today, so it is filtered after the query; kind and org filters run here.
    list: db
      .select()
      .from(inspections)
      .where(
        and(
          inScope,
          sql`(${sql.placeholder('kind')} IS NULL OR ${inspections.kind} = ${sql.placeholder('kind')})`,
          sql`(${sql.placeholder('inspectedOrg')} IS NULL OR EXISTS (SELECT 1 FROM json_each(${inspections.inspectedOrgs}) WHERE value = ${sql.placeholder('inspectedOrg')}))`,
        ),
      )
      .orderBy(desc(inspections.startedOn), desc(inspections.id))
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export class InspectionRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private isMonitorOrLeadership(): boolean {
    return this.scope.has('LEADERSHIP') || monitorOrganization(this.scope) !== null;
  }

  private canRead(row: InspectionRow): boolean {
    if (!this.scope.coversUnit(row.inspectedUnitId)) return false;
    const own = staffOrganization(this.scope);
    return this.isMonitorOrLeadership() || (own !== null && parseOrganizations(row.inspectedOrgs).includes(own));
  }

  byId(n: number): InspectionRow | null {
    const row = stmts(this.db).byId.get({ id: n });
    return row && this.canRead(row) ? row : null;
  }

  private query(unitId: string | null | undefined, periodId: string | null | undefined, kind: InspectionKind | null, inspectedOrg: string | null) {
    const u = unitOrJurisdiction(this.scope, unitId);
    if (!this.scope.coversUnit(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    const { from, to } = periodRange('periodId', periodId);
    return stmts(this.db).list.all({ units: JSON.stringify([...this.scope.visibleUnder(u)]), from, to, kind, inspectedOrg });
  }

  /** Inspections newest first; an inspected organization's staff see the inspections of their organization. */
  list(f: { unitId?: string | null; periodId?: string | null; kind?: InspectionKind | null; followUpStatus?: FollowUpStatus | null }, first: number): InspectionRow[] {
    pageSize('first', first, 500);
    let inspectedOrg: string | null = null;
    if (!this.isMonitorOrLeadership()) {
      inspectedOrg = staffOrganization(this.scope);
      if (!inspectedOrg) throw forbidden('Bạn không có quyền xem hồ sơ kiểm tra.');
    }
    const today = todayInVietnam();
    return this.query(f.unitId, f.periodId, f.kind ?? null, inspectedOrg)
      .filter((r) => !f.followUpStatus || followUpStatus(r, today) === f.followUpStatus)
      .slice(0, first);
  }

  counts(unitId: string, periodId: string | null | undefined): { kind: InspectionKind; followUpStatus: FollowUpStatus; count: number }[] {
    if (!this.isMonitorOrLeadership() && !this.scope.has('DASHBOARD')) throw forbidden('Bạn không có quyền xem số liệu kiểm tra.');
    const today = todayInVietnam();
    const counts = new Map<string, number>();
    for (const r of this.query(unitId, periodId, null, null)) {
      const key = `${r.kind}|${followUpStatus(r, today)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, count]) => {
      const [kind, status] = k.split('|') as [InspectionKind, FollowUpStatus];
      return { kind, followUpStatus: status, count };
    });
  }

  record(input: InspectionFields, planExists: (id: number) => boolean): InspectionRow {
    const lead = monitorOrganization(this.scope);
    if (!lead) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kết quả kiểm tra.');
    const v = validateInspection(lead, input, planExists);
    if (!this.scope.coversUnit(v.inspectedUnitId)) throw forbidden('Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.');
    return this.db.insert(inspections).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  completeFollowUp(n: number, input: { doneOn: string; note?: string | null }): InspectionRow {
    const current = stmts(this.db).byId.get({ id: n });
    if (!current || !monitorOrganization(this.scope) || !this.scope.coversUnit(current.inspectedUnitId)) {
      if (current && this.canRead(current)) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kết quả khắc phục.');
      throw notFound(`Không tìm thấy cuộc kiểm tra ${n}.`);
    }
    if (!current.followUp) throw invalidInput('id', 'Cuộc kiểm tra này không có kiến nghị cần khắc phục.', 'NO_FOLLOW_UP');
    if (current.followUpDoneOn) throw invalidInput('id', `Kiến nghị đã được khắc phục ngày ${vnDate(current.followUpDoneOn)}.`, 'ALREADY_DONE');
    notInFuture('input.doneOn', input.doneOn, 'Ngày khắc phục', todayInVietnam());
    if (input.doneOn < current.startedOn) throw invalidInput('input.doneOn', `Ngày khắc phục trước ngày kiểm tra (${vnDate(current.startedOn)}).`, 'BEFORE_INSPECTION');
    const note = optionalText('input.note', input.note, 2000, 'Ghi chú');
    return this.db.update(inspections).set({ followUpDoneOn: input.doneOn, followUpNote: note }).where(eq(inspections.id, n)).returning().get();
  }
}
